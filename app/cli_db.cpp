// tucai demo / db / summary / audit subcommands.
#include "cli_common.h"

#include "db/audit_repo.h"
#include "db/database.h"
#include "db/dialect.h"
#include "db/photo_repo.h"
#include "db/school_repo.h"
#include "db/student_repo.h"
#include "demo/demo_generator.h"
#include "model/records.h"
#include "util/version.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
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

int runDbCommand(const QStringList &argsIn)
{
    QStringList args = argsIn;
    const char *usage = "tucai db (migrate|info) --db DB";
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
