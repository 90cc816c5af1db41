// Write overhead of the live-page triggers (schema step 8: counters on SQLite, statement-level
// NOTIFY on PostgreSQL) on bulk changes of students.
//   build/tests/bench/bench_live_changes [--students 3000] [--reps 7] [--pg postgresql://user:pw@127.0.0.1:PORT/postgres]
// Makes a demo school (no checks; on PostgreSQL in a database bench_live that is dropped and
// created again), then times on that same database, with the step-7 triggers in place and with
// them dropped, alternating, the median of --reps runs of:
//   bulk:    one UPDATE of every student (a state change of the whole school), one transaction;
//   per-row: one UPDATE per student in one transaction (how imports and the demo generator write);
//   insert:  N new students, one INSERT each, one transaction (a roster import), deleted afterwards.
#include "db/database.h"
#include "db/dialect.h"
#include "db/migrations.h"
#include "demo/demo_generator.h"

#include "test_support.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>

using namespace tucai;

namespace {

void exec(const db::Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql))
        qFatal("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
}

// The CREATE TRIGGER statements of step 8 for this engine, and how to drop each.
QStringList triggerStatements(const db::Database &db)
{
    for (const auto &step : db::Migrations::steps())
        if (step.version == 8) {
            const QStringList all = db.dialect().kind() == db::DbTarget::Kind::Postgres ? step.serverStatements : step.localStatements;
            return all.filter(QRegularExpression(QStringLiteral("^CREATE TRIGGER")));
        }
    qFatal("no schema step 8");
}

void setTriggers(const db::Database &db, const QStringList &creates, bool on)
{
    static const QRegularExpression nameAndTable(QStringLiteral("^CREATE TRIGGER (\\w+) .*? ON (\\w+)"));
    for (const QString &c : creates) {
        if (on) {
            exec(db, c);
        } else {
            const auto m = nameAndTable.match(c);
            exec(db, db.dialect().kind() == db::DbTarget::Kind::Postgres ? QStringLiteral("DROP TRIGGER %1 ON %2").arg(m.captured(1), m.captured(2))
                                                                           : QStringLiteral("DROP TRIGGER %1").arg(m.captured(1)));
        }
    }
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    int students = 3000, reps = 7;
    QString pg;
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--students"))
            students = args.at(i + 1).toInt();
        if (args.at(i) == QLatin1String("--reps"))
            reps = args.at(i + 1).toInt();
        if (args.at(i) == QLatin1String("--pg"))
            pg = args.at(i + 1);
    }
    QTextStream out(stdout);
    QTemporaryDir dir;
    std::unique_ptr<db::Database> db;
    if (pg.isEmpty())
        db = test::freshSqliteDatabase(dir, QStringLiteral("bench_live"));
    else
        db = test::freshPgDatabase(QStringLiteral("bench_live"), pg);
    db->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
    demo::DemoOptions opt;
    opt.students = students;
    opt.runChecks = false;
    opt.nowMs = 1772877348000;
    demo::createDemoSchool(*db, opt);
    const QStringList creates = triggerStatements(*db);

    QList<qint64> ids;
    {
        QSqlQuery q(db->connection());
        q.exec(QStringLiteral("SELECT id FROM students ORDER BY id"));
        while (q.next())
            ids << q.value(0).toLongLong();
    }
    QSqlQuery one(db->connection());
    one.exec(QStringLiteral("SELECT school_id, college_id, class_id FROM students ORDER BY id LIMIT 1"));
    one.next();
    const QVariantList place{one.value(0), one.value(1), one.value(2)};
    one.finish();

    auto timed = [&](auto &&work) {
        QElapsedTimer t;
        t.start();
        db::Transaction tx(*db);
        work();
        tx.commit();
        return double(t.nsecsElapsed()) / 1e6;
    };
    auto bulk = [&] { exec(*db, QStringLiteral("UPDATE students SET updated_at = updated_at + 1, row_version = row_version + 1")); };
    auto perRow = [&] {
        QSqlQuery q(db->connection());
        q.prepare(QStringLiteral("UPDATE students SET other_failures = other_failures + 1, row_version = row_version + 1 WHERE id = ?"));
        for (qint64 id : std::as_const(ids)) {
            q.addBindValue(id);
            if (!q.exec())
                qFatal("%s", qPrintable(q.lastError().text()));
        }
    };
    auto insert = [&] {
        QSqlQuery q(db->connection());
        q.prepare(QStringLiteral("INSERT INTO students (school_id, college_id, class_id, student_no, name, created_at, updated_at) "
                                 "VALUES (?, ?, ?, ?, '测试', 1, 1)"));
        for (int i = 0; i < students; ++i) {
            for (const QVariant &v : place)
                q.addBindValue(v);
            q.addBindValue(QStringLiteral("B%1").arg(i, 8, 10, QLatin1Char('0')));
            if (!q.exec())
                qFatal("%s", qPrintable(q.lastError().text()));
        }
    };
    auto cleanup = [&] { exec(*db, QStringLiteral("DELETE FROM students WHERE student_no LIKE 'B%'")); };

    QList<double> r[2][3];  // [triggers on][kind]
    bool on = true;
    for (int rep = 0; rep < 2 * reps; ++rep) {
        r[on][0] << timed(bulk);
        r[on][1] << timed(perRow);
        r[on][2] << timed(insert);
        cleanup();
        on = !on;
        setTriggers(*db, creates, on);
    }
    out << (pg.isEmpty() ? "SQLite" : "PostgreSQL") << ", " << students << " students, median of " << reps << " runs (ms):\n";
    const char *names[] = {"bulk UPDATE (1 statement)", "per-row UPDATE (1 tx)", "INSERT per row (1 tx)"};
    for (int k = 0; k < 3; ++k) {
        const double with = median(r[1][k]), without = median(r[0][k]);
        out << QStringLiteral("  %1: without triggers %2, with %3 (%4%5%)\n")
                   .arg(QString::fromLatin1(names[k]), -28)
                   .arg(without, 0, 'f', 2)
                   .arg(with, 0, 'f', 2)
                   .arg(with >= without ? QStringLiteral("+") : QString())
                   .arg(without > 0 ? 100.0 * (with - without) / without : 0.0, 0, 'f', 1);
    }
    return 0;
}
