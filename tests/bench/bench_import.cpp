// Roster import benchmark: 50,000 rows (UTF-8 CSV) into a fresh database.
//   build-x/tests/bench/bench_import [--rows 50000] [--pg postgresql://user:pw@127.0.0.1:PORT/db]
// Prints read / dry-run / import / re-import times; on PostgreSQL also the
// students-page queries as the owner and as a school admin's own login (row-level security).
// On PostgreSQL the given
// database is dropped and re-created first (use a throwaway cluster).
#include "../core/test_accounts_fixture.h"
#include "test_support.h"

#include "db/account_repo.h"
#include "db/server_security.h"
#include "import/roster_import.h"
#include "model/id_number.h"

#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

using namespace tucai;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    int rows = 50000;
    QString pg;
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--rows"))
            rows = args.at(i + 1).toInt();
        if (args.at(i) == QLatin1String("--pg"))
            pg = args.at(i + 1);
    }
    QTextStream out(stdout);
    QTemporaryDir dir;
    std::unique_ptr<db::Database> db;
    if (pg.isEmpty()) {
        db = test::freshSqliteDatabase(dir, QStringLiteral("bench_import"));
    } else {
        db = test::freshPgDatabase(QStringLiteral("tucai_bench_import"), pg);
    }
    db->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
    const test::MiniSchool m = test::buildMiniSchool(*db);

    // The roster: realistic names, valid ID numbers, half in each class.
    QString csv = QStringLiteral("学号,姓名,身份证号,手机,学院,班级\n");
    for (int i = 0; i < rows; ++i) {
        // A valid birth date per 1,000 rows, then a sequence number.
        const QString birth = QDate(1999, 1, 1).addDays(i / 1000).toString(QStringLiteral("yyyyMMdd"));
        const QString first17 = QStringLiteral("320102%1%2").arg(birth).arg(i % 1000, 3, 10, QLatin1Char('0'));
        const bool c1 = i % 2 == 0;
        csv += QStringLiteral("2023%1,学生%2,%3,138%4,%5,%6\n")
                   .arg(i, 7, 10, QLatin1Char('0'))
                   .arg(i)
                   .arg(first17 + idNumberCheckChar(first17))
                   .arg(i, 8, 10, QLatin1Char('0'))
                   .arg(c1 ? QStringLiteral("计算机学院") : QStringLiteral("外国语学院"))
                   .arg(c1 ? QStringLiteral("计算机2201班") : QStringLiteral("英语2201班"));
    }
    const QString path = dir.filePath(QStringLiteral("roster.csv"));
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(csv.toUtf8());
    f.close();

    const accounts::Session admin{m.admin, m.school, QStringLiteral("admin"), QStringLiteral("admin"), StaffRole::SchoolAdmin, 0};
    import::RosterImporter importer(*db, admin);
    QElapsedTimer t;
    t.start();
    const import::TableData table = import::readTableFile(path);
    const qint64 readMs = t.restart();
    const import::ImportPlan plan = importer.plan(table, import::ColumnMapping::guess(table.rows.first()));
    const qint64 planMs = t.restart();
    const import::ImportResult r = importer.apply(plan, QStringLiteral("roster.csv"));
    const qint64 applyMs = t.restart();
    const import::ImportPlan again = importer.plan(import::readTableFile(path), import::ColumnMapping::guess(table.rows.first()));
    const import::ImportResult r2 = importer.apply(again, QStringLiteral("roster.csv"));
    const qint64 againMs = t.elapsed();
    out << QStringLiteral("%1 (%2): %3 rows, %4 problems\n").arg(pg.isEmpty() ? QStringLiteral("SQLite") : QStringLiteral("PostgreSQL"),
                                                                 db->target().displayName()).arg(rows).arg(plan.problemRows)
        << QStringLiteral("read %1 ms, dry run %2 ms, import %3 ms (%4 inserted), total %5 ms = %6 rows/s\n")
               .arg(readMs).arg(planMs).arg(applyMs).arg(r.inserted).arg(readMs + planMs + applyMs)
               .arg(qint64(rows * 1000.0 / std::max<qint64>(1, readMs + planMs + applyMs)))
        << QStringLiteral("re-import: %1 ms, %2 inserted, %3 unchanged\n").arg(againMs).arg(r2.inserted).arg(again.unchanged);
    if (!pg.isEmpty()) {
        // The students page's first screen: count + first block, owner vs staff login under RLS.
        auto firstScreen = [&](const db::Database &d, const QString &who) {
            db::AccountRepo repo(d);
            db::StudentFilter f;
            QElapsedTimer q;
            q.start();
            const qint64 n = repo.countStudents(f);
            const qint64 countMs = q.restart();
            const int got = int(repo.students(f, 0, 200).size());
            out << QStringLiteral("%1: count %2 students in %3 ms, first 200 rows in %4 ms (%5)\n")
                       .arg(who).arg(n).arg(countMs).arg(q.elapsed()).arg(got);
        };
        firstScreen(*db, QStringLiteral("owner (no RLS)"));
        db::DbTarget t = db->target();
        t.user = db::ServerSecurity(*db).syncStaffRole(m.admin, QStringLiteral("Bench-2026"));
        t.password = QStringLiteral("Bench-2026");
        db::Database staff(t);
        staff.open();
        firstScreen(staff, QStringLiteral("school admin login (RLS)"));
        t.user = db::ServerSecurity(*db).syncStaffRole(m.collegeAdmin, QStringLiteral("Bench-2026"));
        db::Database college(t);
        college.open();
        firstScreen(college, QStringLiteral("college admin login (RLS)"));
    }
    return r.inserted == rows && r2.inserted == 0 ? 0 : 1;
}
