// tucai audit verify | list | export
#include "cli_accounts_common.h"
#include "cli_common.h"

#include "audit/audit_export.h"
#include "db/audit_query_repo.h"
#include "db/audit_repo.h"
#include "db/database.h"
#include "db/school_repo.h"
#include "db/server_security.h"
#include "db/staff_repo.h"

#include <QCoreApplication>
#include <QDateTime>

using namespace tucai;

namespace {


const char *kUsage =
    "tucai audit verify --db DB\n"
    "tucai audit list --db DB [--limit N] [--action A] [--staff USER] [--target ID] [--text T] [--since ISO]\n"
    "tucai audit export --db DB --out FILE.csv [same filters]";

bool takeFilter(QStringList &args, db::AuditFilter &f)
{
    f.action = cli::takeOption(args, QStringLiteral("--action"));
    f.staffName = cli::takeOption(args, QStringLiteral("--staff"));
    f.targetId = cli::takeOption(args, QStringLiteral("--target"));
    f.text = cli::takeOption(args, QStringLiteral("--text"));
    const QString since = cli::takeOption(args, QStringLiteral("--since"));
    if (!since.isEmpty()) {
        const QDateTime dt = QDateTime::fromString(since, Qt::ISODate);
        if (!dt.isValid()) {
            cli::err() << QCoreApplication::translate("cli", "error: --since must be an ISO date, e.g. 2026-03-07 or 2026-03-07T08:00:00") << Qt::endl;
            return false;
        }
        f.fromMs = dt.toMSecsSinceEpoch();
    }
    return true;
}

} // namespace

namespace tucai::cli {

std::optional<accounts::Session> actingSession(const db::Database &database, const QString &asUser)
{
    if (!asUser.isEmpty()) {
        const auto s = db::StaffRepo(database).findByUsername(asUser);
        if (!s) {
            err() << QCoreApplication::translate("cli", "error: no staff member named %1").arg(asUser) << Qt::endl;
            return std::nullopt;
        }
        return accounts::Session{s->id, s->schoolId, s->username, s->displayName, s->role, s->collegeId};
    }
    if (auto own = accounts::AuthService(database).databaseSession())
        return own;
    const auto school = db::SchoolRepo(database).firstSchool();
    accounts::Session cli;
    cli.schoolId = school ? school->id : 0;
    cli.username = QStringLiteral("cli");
    cli.displayName = QStringLiteral("tucai CLI");
    cli.role = StaffRole::SchoolAdmin;
    return cli;
}

} // namespace tucai::cli

int runAuditCommand(const QStringList &argsIn)
{
    QStringList args = argsIn;
    const QString sub = args.isEmpty() ? QString() : args.takeFirst();
    const QString dbArg = cli::takeOption(args, QStringLiteral("--db"));
    if ((sub != QLatin1String("verify") && sub != QLatin1String("list") && sub != QLatin1String("export")) || dbArg.isEmpty()) {
        cli::err() << QStringLiteral("usage:\n") << QString::fromLatin1(kUsage) << Qt::endl;
        return cli::Usage;
    }
    db::AuditFilter filter;
    int limit = 50;
    QString outPath;
    if (sub != QLatin1String("verify")) {
        if (!takeFilter(args, filter))
            return cli::Usage;
        bool ok = true;
        limit = cli::takeOption(args, QStringLiteral("--limit"), QStringLiteral("50")).toInt(&ok);
        if (!ok || limit < 1) {
            cli::err() << QCoreApplication::translate("cli", "error: --limit must be a positive number") << Qt::endl;
            return cli::Usage;
        }
        outPath = cli::takeOption(args, QStringLiteral("--out"));
        if (sub == QLatin1String("export") && outPath.isEmpty()) {
            cli::err() << QCoreApplication::translate("cli", "error: --out FILE.csv is required") << Qt::endl;
            return cli::Usage;
        }
    }
    if (!args.isEmpty()) {
        cli::err() << QCoreApplication::translate("cli", "error: unknown arguments: %1").arg(args.join(QLatin1Char(' '))) << Qt::endl;
        return cli::Usage;
    }
    auto database = cli::openDatabase(dbArg, false);
    if (!database)
        return cli::Failed;
    try {
        if (sub == QLatin1String("verify")) {
            db::AuditRepo audit(*database);
            QString why;
            const qint64 bad = audit.verify(&why);
            if (bad) {
                cli::out() << QCoreApplication::translate("cli", "audit log broken at entry %1: %2").arg(bad).arg(why) << Qt::endl;
                return cli::Failed;
            }
            cli::out() << QCoreApplication::translate("cli", "audit log intact: %1 entries").arg(audit.count()) << Qt::endl;
            return cli::Ok;
        }
        db::AuditQueryRepo repo(*database);
        if (sub == QLatin1String("list")) {
            for (const AuditEntry &e : repo.list(filter, 0, limit))
                cli::out() << QStringLiteral("%1  %2  %3  %4  %5:%6  %7")
                                  .arg(e.id, 6)
                                  .arg(audit::formatTime(e.occurredAt), e.staffName, e.action, e.targetType, e.targetId, e.reason)
                           << Qt::endl;
            return cli::Ok;
        }
        const QList<AuditEntry> all = repo.list(filter, 0, std::numeric_limits<int>::max());
        const QString problem = audit::exportCsv(all, outPath);
        if (!problem.isEmpty()) {
            cli::err() << QCoreApplication::translate("cli", "error: %1").arg(problem) << Qt::endl;
            return cli::Failed;
        }
        cli::out() << QCoreApplication::translate("cli", "%1 audit entries written to %2").arg(all.size()).arg(outPath) << Qt::endl;
    } catch (const db::DbError &e) {
        cli::err() << QCoreApplication::translate("cli", "error: %1").arg(e.message()) << Qt::endl;
        return cli::Failed;
    }
    return cli::Ok;
}
