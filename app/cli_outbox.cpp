// tucai outbox deliver | list | retry: the notification outbox from the command line.
// `deliver` is the background sender a school runs as a service next to the
// database (systemd unit, Windows scheduled task); it can be stopped and started
// at any time: rows are claimed, posted, then marked (at-least-once).
#include "cli_common.h"

#include "db/audit_repo.h"
#include "db/database.h"
#include "db/misc_repos.h"
#include "db/outbox_delivery_repo.h"
#include "db/school_repo.h"
#include "net/outbox_delivery.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

using namespace tucai;

namespace {


const char *kUsage =
    "tucai outbox deliver --db DB [--url URL] [--secret-env VAR | --secret-file FILE] [--once]\n"
    "                     [--timeout-ms N] [--max-attempts N] [--backoff-ms N] [--poll-ms N]\n"
    "    post due notification rows to the webhook (URL default: the school's setting 'webhook_url';\n"
    "    secret default: the environment variable TUCAI_WEBHOOK_SECRET). --once: stop when nothing is due.\n"
    "tucai outbox list --db DB [--status pending|sending|delivered|failed] [--limit N]\n"
    "tucai outbox retry --db DB (ID... | --all-failed)\n"
    "tucai outbox set-url --db DB URL [--reason TEXT]\n"
    "    the school's webhook URL (setting 'webhook_url'; audited). The secret is never stored in the database.";

QString when(qint64 ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(ms).toString(Qt::ISODate) : QStringLiteral("-");
}

int intOption(QStringList &args, const QString &name, int fallback, bool *ok)
{
    const QString v = cli::takeOption(args, name);
    if (v.isEmpty())
        return fallback;
    bool good = false;
    const int n = v.toInt(&good);
    if (!good || n < 0) {
        cli::err() << QCoreApplication::translate("cli", "error: %1 needs a non-negative number").arg(name) << Qt::endl;
        *ok = false;
    }
    return n;
}

int deliver(QStringList args)
{
    const QString dbArg = cli::takeOption(args, QStringLiteral("--db"));
    QString url = cli::takeOption(args, QStringLiteral("--url"));
    const QString secretEnv = cli::takeOption(args, QStringLiteral("--secret-env"));
    const QString secretFile = cli::takeOption(args, QStringLiteral("--secret-file"));
    const bool once = cli::takeFlag(args, QStringLiteral("--once"));
    net::WebhookConfig c;
    bool ok = true;
    c.timeoutMs = intOption(args, QStringLiteral("--timeout-ms"), c.timeoutMs, &ok);
    c.maxAttempts = intOption(args, QStringLiteral("--max-attempts"), c.maxAttempts, &ok);
    c.backoffBaseMs = intOption(args, QStringLiteral("--backoff-ms"), c.backoffBaseMs, &ok);
    c.pollMs = intOption(args, QStringLiteral("--poll-ms"), c.pollMs, &ok);
    if (!ok)
        return cli::Usage;
    if (dbArg.isEmpty() || !args.isEmpty() || (!secretEnv.isEmpty() && !secretFile.isEmpty())) {
        cli::err() << QString::fromLatin1(kUsage) << Qt::endl;
        return cli::Usage;
    }
    std::shared_ptr<db::Database> db = cli::openDatabase(dbArg, false);
    if (!db)
        return cli::Failed;
    if (url.isEmpty()) {
        try {
            if (const auto school = db::SchoolRepo(*db).firstSchool())
                url = db::SettingsRepo(*db).value(school->id, QString::fromLatin1(net::kWebhookUrlSetting));
        } catch (const db::DbError &e) {
            cli::err() << e.message() << Qt::endl;
            return cli::Failed;
        }
    }
    c.url = QUrl(url);
    if (url.isEmpty() || !net::webhookUrlProblem(c.url).isEmpty()) {
        cli::err() << QCoreApplication::translate("cli", "error: no usable webhook URL (give --url or set the school setting '%1'): %2")
                          .arg(QString::fromLatin1(net::kWebhookUrlSetting), url.isEmpty() ? url : net::webhookUrlProblem(c.url))
                   << Qt::endl;
        return cli::Usage;
    }
    QString error;
    c.secret = net::loadWebhookSecret(secretEnv, secretFile, &error);
    if (c.secret.isEmpty()) {
        cli::err() << QCoreApplication::translate("cli", "error: %1").arg(error) << Qt::endl;
        return cli::Failed;
    }

    int delivered = 0, failedAttempts = 0, finalFailures = 0;
    net::OutboxDelivery delivery(db, c);
    QObject context;
    QObject::connect(&delivery, &net::OutboxDelivery::delivered, &context, [&](qint64 id) {
        ++delivered;
        cli::out() << QCoreApplication::translate("cli", "delivered #%1").arg(id) << Qt::endl;
    });
    QObject::connect(&delivery, &net::OutboxDelivery::attemptFailed, &context, [&](qint64 id, const QString &why, bool final) {
        ++failedAttempts;
        finalFailures += final ? 1 : 0;
        cli::out() << (final ? QCoreApplication::translate("cli", "failed #%1 (gave up): %2") : QCoreApplication::translate("cli", "attempt failed #%1 (will retry): %2")).arg(id).arg(why)
                   << Qt::endl;
    });
    QObject::connect(&delivery, &net::OutboxDelivery::problem, &context,
                     [&](const QString &m) { cli::err() << QCoreApplication::translate("cli", "database problem: %1").arg(m) << Qt::endl; });
    if (once)
        QObject::connect(&delivery, &net::OutboxDelivery::idle, &context, [] { QCoreApplication::quit(); });
    cli::out() << QCoreApplication::translate("cli", "delivering to %1%2").arg(c.url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery),
                                              once ? QCoreApplication::translate("cli", " (until nothing is due)") : QString())
               << Qt::endl;
    delivery.start();
    QCoreApplication::exec();
    cli::out() << QCoreApplication::translate("cli", "%1 delivered, %2 failed attempts, %3 given up").arg(delivered).arg(failedAttempts).arg(finalFailures)
               << Qt::endl;
    return finalFailures > 0 ? cli::Failed : cli::Ok;
}

int list(QStringList args)
{
    const QString dbArg = cli::takeOption(args, QStringLiteral("--db"));
    const QString status = cli::takeOption(args, QStringLiteral("--status"));
    bool ok = true;
    const int limit = intOption(args, QStringLiteral("--limit"), 100, &ok);
    if (!ok || dbArg.isEmpty() || !args.isEmpty()) {
        cli::err() << QString::fromLatin1(kUsage) << Qt::endl;
        return cli::Usage;
    }
    const auto db = cli::openDatabase(dbArg, false);
    if (!db)
        return cli::Failed;
    try {
        const db::OutboxDeliveryRepo repo(*db);
        const auto counts = repo.countsByStatus();
        for (auto it = counts.begin(); it != counts.end(); ++it)
            cli::out() << it.key() << QLatin1Char('=') << it.value() << QLatin1Char(' ');
        cli::out() << Qt::endl;
        for (const db::OutboxRow &r : repo.list(status, limit))
            cli::out() << QStringLiteral("#%1\t%2\t%3\t%4\tattempts=%5\tnext=%6\tdelivered=%7\t%8")
                              .arg(r.id)
                              .arg(r.status, r.kind, r.idempotencyKey)
                              .arg(r.attempts)
                              .arg(when(r.nextAttemptAt), when(r.deliveredAt), r.lastError)
                       << Qt::endl;
    } catch (const db::DbError &e) {
        cli::err() << e.message() << Qt::endl;
        return cli::Failed;
    }
    return cli::Ok;
}

int retry(QStringList args)
{
    const QString dbArg = cli::takeOption(args, QStringLiteral("--db"));
    const bool allFailed = cli::takeFlag(args, QStringLiteral("--all-failed"));
    if (dbArg.isEmpty() || (args.isEmpty() && !allFailed)) {
        cli::err() << QString::fromLatin1(kUsage) << Qt::endl;
        return cli::Usage;
    }
    const auto db = cli::openDatabase(dbArg, false);
    if (!db)
        return cli::Failed;
    try {
        db::OutboxDeliveryRepo repo(*db);
        QList<qint64> ids;
        if (allFailed)
            for (const db::OutboxRow &r : repo.list(QStringLiteral("failed"), 100000))
                ids.append(r.id);
        for (const QString &a : std::as_const(args)) {
            bool good = false;
            ids.append(a.toLongLong(&good));
            if (!good) {
                cli::err() << QCoreApplication::translate("cli", "error: not an outbox id: %1").arg(a) << Qt::endl;
                return cli::Usage;
            }
        }
        int requeued = 0;
        for (qint64 id : std::as_const(ids)) {
            if (repo.retry(id, db::nowMs()))
                ++requeued;
            else
                cli::err() << QCoreApplication::translate("cli", "#%1 is not a failed row; left as it is").arg(id) << Qt::endl;
        }
        cli::out() << QCoreApplication::translate("cli", "%1 row(s) queued again").arg(requeued) << Qt::endl;
        return requeued == ids.size() ? cli::Ok : cli::Failed;
    } catch (const db::DbError &e) {
        cli::err() << e.message() << Qt::endl;
        return cli::Failed;
    }
}

int setUrl(QStringList args)
{
    const QString dbArg = cli::takeOption(args, QStringLiteral("--db"));
    const QString reason = cli::takeOption(args, QStringLiteral("--reason"), QStringLiteral("tucai outbox set-url"));
    if (dbArg.isEmpty() || args.size() != 1) {
        cli::err() << QString::fromLatin1(kUsage) << Qt::endl;
        return cli::Usage;
    }
    const QString url = args.first().trimmed();
    const QUrl u(url);
    if (!url.isEmpty() && !net::webhookUrlProblem(u).isEmpty()) {
        cli::err() << QCoreApplication::translate("cli", "error: %1").arg(net::webhookUrlProblem(u)) << Qt::endl;
        return cli::Usage;
    }
    if (!u.userInfo().isEmpty() || u.query().contains(QLatin1String("secret"), Qt::CaseInsensitive)) {
        // Everyone who can read the settings table would read it.
        cli::err() << QCoreApplication::translate("cli", "error: keep credentials out of the URL; the signature secret is given to the sender only") << Qt::endl;
        return cli::Usage;
    }
    const auto db = cli::openDatabase(dbArg, false);
    if (!db)
        return cli::Failed;
    try {
        const auto school = db::SchoolRepo(*db).firstSchool();
        if (!school) {
            cli::err() << QCoreApplication::translate("cli", "error: the database has no school") << Qt::endl;
            return cli::Failed;
        }
        const QString name = QString::fromLatin1(net::kWebhookUrlSetting);
        db::Transaction tx(*db);
        db::SettingsRepo settings(*db);
        const QString before = settings.value(school->id, name);
        settings.set(school->id, name, url, 0);
        AuditEntry e;
        e.staffName = QStringLiteral("tucai cli");
        e.action = QStringLiteral("settings.change");
        e.targetType = QStringLiteral("setting");
        e.targetId = name;
        e.reason = reason;
        e.beforeJson = QString::fromUtf8(QJsonDocument(QJsonObject{{name, before}}).toJson(QJsonDocument::Compact));
        e.afterJson = QString::fromUtf8(QJsonDocument(QJsonObject{{name, url}}).toJson(QJsonDocument::Compact));
        db::AuditRepo(*db).append(e);
        tx.commit();
        cli::out() << (url.isEmpty() ? QCoreApplication::translate("cli", "webhook URL cleared") : QCoreApplication::translate("cli", "webhook URL set to %1").arg(url)) << Qt::endl;
        return cli::Ok;
    } catch (const db::DbError &e) {
        cli::err() << e.message() << Qt::endl;
        return cli::Failed;
    }
}

} // namespace

int runOutboxCommand(const QStringList &args)
{
    QStringList rest = args;
    const QString sub = rest.isEmpty() ? QString() : rest.takeFirst();
    if (sub == QLatin1String("deliver"))
        return deliver(rest);
    if (sub == QLatin1String("list"))
        return list(rest);
    if (sub == QLatin1String("retry"))
        return retry(rest);
    if (sub == QLatin1String("set-url"))
        return setUrl(rest);
    cli::err() << QString::fromLatin1(kUsage) << Qt::endl;
    return cli::Usage;
}
