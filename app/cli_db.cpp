// tucai demo / db / summary / audit subcommands.
#include "cli_common.h"

#include "db/audit_repo.h"
#include "db/database.h"
#include "db/dialect.h"
#include "db/photo_repo.h"
#include "db/school_repo.h"
#include "db/student_repo.h"
#include "db/migrations.h"
#include "demo/demo_generator.h"
#include "integrity/integrity_check.h"
#include "model/records.h"
#include "util/version.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

using namespace tucai;

namespace {


bool needDb(const QString &dbArg, const char *usage)
{
    if (!dbArg.isEmpty())
        return true;
    cli::err() << QCoreApplication::translate("cli", "error: --db is required") << QStringLiteral("\nusage: ") << QString::fromLatin1(usage) << Qt::endl;
    return false;
}

} // namespace

int runDemoCommand(const QStringList &argsIn)
{
    QStringList args = argsIn;
    const char *usage = "tucai demo create --db DB [--students N] [--seed S] [--now ISO] [--faces DIR] [--no-checks] [--quiet]";
    if (args.isEmpty() || args.takeFirst() != QLatin1String("create")) {
        cli::err() << QStringLiteral("usage: ") << QString::fromLatin1(usage) << Qt::endl;
        return cli::Usage;
    }
    const QString dbArg = cli::takeOption(args, QStringLiteral("--db"));
    bool ok = true;
    demo::DemoOptions opt;
    opt.students = cli::takeOption(args, QStringLiteral("--students"), QStringLiteral("3000")).toInt(&ok);
    if (!ok || opt.students < 1 || opt.students > 5'000'000) {
        cli::err() << QCoreApplication::translate("cli", "error: --students must be a number from 1 to 5000000") << Qt::endl;
        return cli::Usage;
    }
    opt.seed = cli::takeOption(args, QStringLiteral("--seed"), QStringLiteral("1")).toULongLong(&ok);
    if (!ok) {
        cli::err() << QCoreApplication::translate("cli", "error: --seed must be a whole number") << Qt::endl;
        return cli::Usage;
    }
    const QString now = cli::takeOption(args, QStringLiteral("--now"));
    if (!now.isEmpty()) {
        const QDateTime dt = QDateTime::fromString(now, Qt::ISODate);
        if (!dt.isValid()) {
            cli::err() << QCoreApplication::translate("cli", "error: --now must be an ISO date and time, e.g. 2026-03-07T17:55:48+08:00") << Qt::endl;
            return cli::Usage;
        }
        opt.nowMs = dt.toMSecsSinceEpoch();
    }
    opt.facesDir = cli::findFacesDir(cli::takeOption(args, QStringLiteral("--faces")));
    const bool quiet = cli::takeFlag(args, QStringLiteral("--quiet"));
    opt.runChecks = !cli::takeFlag(args, QStringLiteral("--no-checks"));
    if (!args.isEmpty()) {
        cli::err() << QCoreApplication::translate("cli", "error: unknown arguments: %1").arg(args.join(QLatin1Char(' '))) << Qt::endl;
        return cli::Usage;
    }
    if (!needDb(dbArg, usage))
        return cli::Usage;
    auto database = cli::openDatabase(dbArg, /*create=*/true);
    if (!database)
        return cli::Failed;
    if (!quiet)
        opt.progress = [](int done, int total, const QString &stage) {
            cli::err() << QStringLiteral("\r%1 %2/%3").arg(stage).arg(done).arg(total) << Qt::flush;
        };
    QElapsedTimer timer;
    timer.start();
    try {
        const demo::DemoSummary s = demo::createDemoSchool(*database, opt);
        const double secs = timer.elapsed() / 1000.0;
        if (!quiet)
            cli::err() << Qt::endl;
        cli::out() << QCoreApplication::translate("cli", "Demo school created in %1: %2 colleges, %3 classes, %4 students, %5 photos (%6 distinct), %7 staff.")
                          .arg(database->target().displayName())
                          .arg(s.colleges)
                          .arg(s.classes)
                          .arg(s.students)
                          .arg(s.photos)
                          .arg(s.distinctPhotos)
                          .arg(s.staff)
                   << Qt::endl;
        cli::out() << (s.realFaces ? QCoreApplication::translate("cli", "Photos made from the FRLL portraits in %1.").arg(opt.facesDir)
                                   : QCoreApplication::translate("cli", "No ../shared/faces found: photos are labelled placeholders."))
                   << Qt::endl;
        cli::out() << QCoreApplication::translate("cli", "%1 submitted photos carry a check report.").arg(s.checkedPhotos) << Qt::endl;
        cli::out() << QCoreApplication::translate("cli", "%1 s, %2 students/s").arg(secs, 0, 'f', 2).arg(s.students / std::max(secs, 0.001), 0, 'f', 0) << Qt::endl;
    } catch (const db::DbError &e) {
        cli::err() << QCoreApplication::translate("cli", "error: %1").arg(e.message()) << Qt::endl;
        if (!e.detail().isEmpty())
            cli::err() << QStringLiteral("  (") << e.detail() << QStringLiteral(")") << Qt::endl;
        return cli::Failed;
    }
    return cli::Ok;
}

namespace {

const char *kCheckUsage =
    "tucai db check --db DB [--json] [--limit N]\n"
    "Checks every invariant of the collection database and names each row that breaks one,\n"
    "one line each: TABLE ID: what is wrong. Reads only; on PostgreSQL connect as the owner.\n"
    "  --json     one JSON document on stdout: {\"ok\", \"violations\": [{\"rule\", \"table\", \"id\", \"message\"}], ...}\n"
    "  --limit N  list at most N rows per rule (default 1000)\n"
    "exit status: 0 no violation, 1 violations found, 2 bad usage, 3 the database cannot be opened or read";

int runDbCheck(QStringList args)
{
    if (cli::takeFlag(args, QStringLiteral("--help")) || cli::takeFlag(args, QStringLiteral("-h"))) {
        cli::out() << QStringLiteral("usage: ") << QString::fromLatin1(kCheckUsage) << Qt::endl;
        return cli::Ok;
    }
    const QString dbArg = cli::takeOption(args, QStringLiteral("--db"));
    const bool json = cli::takeFlag(args, QStringLiteral("--json"));
    bool ok = true;
    integrity::Options options;
    options.limitPerRule = cli::takeOption(args, QStringLiteral("--limit"), QStringLiteral("1000")).toInt(&ok);
    if (!ok || options.limitPerRule < 1) {
        cli::err() << QCoreApplication::translate("cli", "error: --limit must be a positive number") << Qt::endl;
        return cli::Usage;
    }
    if (!args.isEmpty()) {
        cli::err() << QCoreApplication::translate("cli", "error: unknown arguments: %1").arg(args.join(QLatin1Char(' '))) << Qt::endl
                   << QStringLiteral("usage: ") << QString::fromLatin1(kCheckUsage) << Qt::endl;
        return cli::Usage;
    }
    if (!needDb(dbArg, kCheckUsage))
        return cli::Usage;
    // Never migrates: a check changes nothing, and a database of another schema version is named as such.
    auto database = cli::openDatabase(dbArg, /*create=*/false, /*migrate=*/false);
    if (!database)
        return cli::Unreadable;
    try {
        const int version = database->schemaVersionInDatabase();
        if (version == 0) {
            cli::err() << QCoreApplication::translate("cli", "error: %1 holds no Tucai Admin schema (not a collection database).")
                              .arg(database->target().displayName())
                       << Qt::endl;
            return cli::Unreadable;
        }
        if (version != db::Migrations::latestVersion()) {
            cli::err() << QCoreApplication::translate("cli", "error: the database uses schema version %1; this build checks version %2. "
                                                             "Run `tucai db migrate` first, or use the matching version of Tucai Admin.")
                              .arg(version)
                              .arg(db::Migrations::latestVersion())
                       << Qt::endl;
            return cli::Unreadable;
        }
        const integrity::Report report = integrity::checkDatabase(*database, options);
        if (json) {
            QJsonArray rows;
            for (const integrity::Violation &v : report.violations)
                rows.append(QJsonObject{{QStringLiteral("rule"), v.rule},
                                        {QStringLiteral("table"), v.table},
                                        {QStringLiteral("id"), v.id},
                                        {QStringLiteral("message"), v.message}});
            const QJsonObject doc{{QStringLiteral("database"), database->target().displayName()},
                                  {QStringLiteral("ok"), report.ok()},
                                  {QStringLiteral("violations"), rows},
                                  {QStringLiteral("truncated"), QJsonArray::fromStringList(report.truncated)},
                                  {QStringLiteral("rules"), QJsonArray::fromStringList(report.rules)},
                                  {QStringLiteral("ms"), report.ms}};
            cli::out() << QString::fromUtf8(QJsonDocument(doc).toJson(QJsonDocument::Indented)) << Qt::flush;
        } else {
            for (const integrity::Violation &v : report.violations)
                cli::out() << QStringLiteral("%1 %2: %3").arg(v.table).arg(v.id).arg(v.message) << Qt::endl;
            for (const QString &rule : report.truncated)
                cli::out() << QCoreApplication::translate("cli", "%1: more rows break this rule; only the first %2 are listed (--limit)")
                                  .arg(rule)
                                  .arg(options.limitPerRule)
                           << Qt::endl;
            if (report.ok())
                cli::out() << QCoreApplication::translate("cli", "%1: no violation of %2 rules (%3 ms)")
                                  .arg(database->target().displayName())
                                  .arg(report.rules.size())
                                  .arg(report.ms)
                           << Qt::endl;
            else
                cli::out() << QCoreApplication::translate("cli", "%1: %2 violations of %3 rules (%4 ms)")
                                  .arg(database->target().displayName())
                                  .arg(report.violations.size())
                                  .arg(report.rules.size())
                                  .arg(report.ms)
                           << Qt::endl;
        }
        return report.ok() ? cli::Ok : cli::Failed;
    } catch (const db::DbError &e) {
        cli::err() << QCoreApplication::translate("cli", "error: %1").arg(e.message()) << Qt::endl;
        if (!e.detail().isEmpty())
            cli::err() << QStringLiteral("  (") << e.detail() << QStringLiteral(")") << Qt::endl;
        return cli::Unreadable;
    }
}

} // namespace

int runDbCommand(const QStringList &argsIn)
{
    QStringList args = argsIn;
    const char *usage = "tucai db (migrate|info|check) --db DB";
    if (!args.isEmpty() && args.constFirst() == QLatin1String("check"))
        return runDbCheck(args.mid(1));
    const QString sub = args.isEmpty() ? QString() : args.takeFirst();
    const QString dbArg = cli::takeOption(args, QStringLiteral("--db"));
    if ((sub != QLatin1String("migrate") && sub != QLatin1String("info")) || !needDb(dbArg, usage))
        return cli::Usage;
    auto database = cli::openDatabase(dbArg, sub == QLatin1String("migrate"), sub == QLatin1String("migrate"));
    if (!database)
        return cli::Failed;
    try {
        const int version = database->schemaVersionInDatabase();
        cli::out() << database->target().displayName() << Qt::endl
                   << QCoreApplication::translate("cli", "schema version %1 (this build: %2)").arg(version).arg(schemaVersion()) << Qt::endl;
        if (sub == QLatin1String("info") && version > 0) {
            for (const char *table : {"schools", "colleges", "classes", "students", "capture_attempts", "photos", "photo_blobs",
                                      "notices", "staff", "audit_log", "notification_outbox"}) {
                const qint64 n = db::Query(*database, QStringLiteral("SELECT COUNT(*) FROM %1").arg(QString::fromLatin1(table)))
                                     .scalar()
                                     .toLongLong();
                cli::out() << QStringLiteral("  %1 %2").arg(QString::fromLatin1(table), -20).arg(n) << Qt::endl;
            }
        }
    } catch (const db::DbError &e) {
        cli::err() << QCoreApplication::translate("cli", "error: %1").arg(e.message()) << Qt::endl;
        return cli::Failed;
    }
    return cli::Ok;
}

int runSummaryCommand(const QStringList &argsIn)
{
    QStringList args = argsIn;
    const QString dbArg = cli::takeOption(args, QStringLiteral("--db"));
    if (!needDb(dbArg, "tucai summary --db DB"))
        return cli::Usage;
    auto database = cli::openDatabase(dbArg, false);
    if (!database)
        return cli::Failed;
    try {
        db::SchoolRepo schools(*database);
        db::StudentRepo students(*database);
        const auto school = schools.firstSchool();
        if (!school) {
            cli::out() << QCoreApplication::translate("cli", "The database is empty (no school yet).") << Qt::endl;
            return cli::Ok;
        }
        cli::out() << school->name << QStringLiteral(" (") << database->target().displayName() << QStringLiteral(")") << Qt::endl;
        const QList<StudentState> states = allStudentStates();
        for (const College &c : schools.colleges(school->id)) {
            const auto counts = students.countByState(c.id);
            qint64 total = 0;
            QStringList parts;
            for (StudentState st : states) {
                const qint64 n = counts.value(toDbString(st));
                total += n;
                if (n)
                    parts << QStringLiteral("%1 %2").arg(displayName(st)).arg(n);
            }
            cli::out() << QStringLiteral("  %1: %2 students; ").arg(c.name).arg(total) << parts.join(QStringLiteral(", ")) << Qt::endl;
        }
        const auto all = students.countByState();
        qint64 total = 0;
        for (auto it = all.cbegin(); it != all.cend(); ++it)
            total += it.value();
        cli::out() << QCoreApplication::translate("cli", "Total: %1 students, %2 photos, %3 awaiting review, %4 approved.")
                          .arg(total)
                          .arg(db::PhotoRepo(*database).count())
                          .arg(all.value(QStringLiteral("awaiting_review")))
                          .arg(all.value(QStringLiteral("approved")))
                   << Qt::endl;
    } catch (const db::DbError &e) {
        cli::err() << QCoreApplication::translate("cli", "error: %1").arg(e.message()) << Qt::endl;
        return cli::Failed;
    }
    return cli::Ok;
}
