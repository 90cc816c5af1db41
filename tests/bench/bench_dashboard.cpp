// Dashboard aggregates on PostgreSQL with 1,000,000 students (target: <= 300 ms for all figures).
//
//   ninja -C build-export bench_dashboard
//   build-export/tests/bench/bench_dashboard --pg postgresql://postgres:PASS@127.0.0.1:PORT/postgres [--students N] [--runs R] [--keep]
//
// Creates (or with --keep reuses) the database tucai_bench_dashboard on that server and fills it with
// INSERT ... SELECT generate_series: 20 colleges, 400 classes, N students in every state, one submitted
// photo for each student who got that far (spread over 30 days), decisions and rule violations.
// Then runs dashboard::computeDashboard R times and prints each query group and the total.
#include "dashboard/dashboard_data.h"
#include "db/dashboard_repo.h"
#include "db/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>
#include <algorithm>

using namespace tucai;

namespace {

QTextStream out(stdout);

void exec(const db::Database &database, const QString &sql)
{
    QSqlQuery q(database.connection());
    if (!q.exec(sql))
        qFatal("%s\n%s", qPrintable(q.lastError().text()), qPrintable(sql));
}

qint64 median(QList<qint64> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

void fill(const db::Database &database, qint64 students, qint64 now)
{
    QElapsedTimer t;
    t.start();
    const QString nowS = QString::number(now);
    exec(database, QStringLiteral("INSERT INTO schools (id, code, name, created_at) VALUES (1, 'B1', 'Bench University', 0)"));
    exec(database, QStringLiteral("INSERT INTO colleges (id, school_id, code, name) SELECT g, 1, lpad(g::text, 2, '0'), '学院' || g FROM generate_series(1, 20) g"));
    exec(database, QStringLiteral("INSERT INTO classes (id, college_id, code, name, grade) SELECT g, 1 + (g - 1) / 20, 'K' || g, '班级' || g, 2022 FROM generate_series(1, 400) g"));
    exec(database, QStringLiteral("INSERT INTO staff (id, school_id, username, display_name, role, created_at) "
                                 "SELECT g, 1, 'rev' || g, '审核员' || g, 'reviewer', 0 FROM generate_series(1, 10) g"));
    // States by share, as in the demo: not_started 14%, verified 4, drafting 12, cooling_off 5, locked 4,
    // awaiting_payment 6, awaiting_review 25, approved 22, returned 8.
    exec(database, QStringLiteral(
        "INSERT INTO students (id, school_id, college_id, class_id, student_no, name, paid, state, created_at, updated_at) "
        "SELECT g, 1, 1 + (g % 400) / 20, 1 + g % 400, 'S' || g, '学生' || g, CASE WHEN g % 100 < 86 THEN 1 ELSE 0 END, "
        "CASE WHEN g % 100 < 14 THEN 'not_started' WHEN g % 100 < 18 THEN 'verified' WHEN g % 100 < 30 THEN 'drafting' "
        "WHEN g % 100 < 35 THEN 'cooling_off' WHEN g % 100 < 39 THEN 'locked_liveness' WHEN g % 100 < 45 THEN 'awaiting_payment' "
        "WHEN g % 100 < 70 THEN 'awaiting_review' WHEN g % 100 < 92 THEN 'approved' ELSE 'returned' END, 0, 0 "
        "FROM generate_series(1, %1) g").arg(students));
    exec(database, QStringLiteral("INSERT INTO photo_blobs (sha256, bytes, byte_size, created_at) VALUES (repeat('a', 64), '\\x00'::bytea, 1, 0)"));
    // One submitted photo per student from awaiting_payment on, submitted over the last 30 days.
    exec(database, QStringLiteral(
        "INSERT INTO photos (id, student_id, college_id, class_id, kind, status, sha256, stored_at, submitted_at, decision, reviewer_id, decided_at) "
        "SELECT s.id, s.id, s.college_id, s.class_id, 'submitted', "
        "CASE s.state WHEN 'approved' THEN 'approved' WHEN 'returned' THEN 'returned' ELSE 'submitted' END, repeat('a', 64), "
        "%1 - (s.id * 7919 % 2592000) * 1000, %1 - (s.id * 7919 % 2592000) * 1000, "
        "CASE WHEN s.state IN ('approved', 'returned') THEN s.state END, "
        "CASE WHEN s.state IN ('approved', 'returned') THEN 1 + s.id % 10 END, "
        "CASE WHEN s.state IN ('approved', 'returned') THEN %1 - (s.id * 7919 % 2592000) * 1000 + 3600000 END "
        "FROM students s WHERE s.state IN ('awaiting_payment', 'awaiting_review', 'approved', 'returned')").arg(now));
    // Violations: about 40% of the photos fail one to three of twelve rules.
    exec(database, QStringLiteral(
        "INSERT INTO photo_violations (photo_id, rule) SELECT p.id, r.rule FROM photos p "
        "CROSS JOIN (VALUES (0, 'background.colour'), (1, 'face.ears_visible'), (2, 'file.size'), (3, 'geometry.head_top'), "
        "(4, 'image.sharpness'), (5, 'geometry.shoulders_level'), (6, 'image.recapture'), (7, 'background.uniform'), "
        "(8, 'image.exposure'), (9, 'face.no_jewellery'), (10, 'face.eyes_open'), (11, 'face.mouth_closed')) AS r(k, rule) "
        "WHERE p.id % 5 < 2 AND (p.id + r.k * r.k) % 12 < 2"));
    exec(database, QStringLiteral("INSERT INTO settings (school_id, name, value, updated_at) VALUES (1, 'window_start', '%1', 0)")
                       .arg(now - 30LL * 86400000));
    for (const char *table : {"students", "photos", "classes", "colleges", "staff"})
        exec(database, QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), (SELECT MAX(id) FROM %1))").arg(QLatin1String(table)));
    // What autovacuum would have done by the time anyone looks: visibility map and statistics.
    exec(database, QStringLiteral("VACUUM ANALYZE"));
    Q_UNUSED(nowS);
    out << "filled " << students << " students in " << t.elapsed() << " ms" << Qt::endl;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    auto option = [&](const QString &name, const QString &fallback) {
        const int i = int(args.indexOf(name));
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
    };
    const QString url = option(QStringLiteral("--pg"), qEnvironmentVariable("TUCAI_BENCH_PG_URL"));
    const qint64 students = option(QStringLiteral("--students"), QStringLiteral("1000000")).toLongLong();
    const int runs = option(QStringLiteral("--runs"), QStringLiteral("7")).toInt();
    const bool keep = args.contains(QStringLiteral("--keep"));
    auto admin = db::DbTarget::parse(url);
    if (url.isEmpty() || !admin || !admin->isPostgres()) {
        out << "usage: bench_dashboard --pg postgresql://user:pass@host:port/postgres [--students N] [--runs R] [--keep]" << Qt::endl;
        return 2;
    }
    const QString name = QStringLiteral("tucai_bench_dashboard");
    db::DbTarget target = *admin;
    target.database = name;
    const qint64 now = 1772877348000;
    bool exists = false;
    {
        db::Database maintenance(*admin);
        QSqlQuery q(maintenance.connection());
        q.exec(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = '%1'").arg(name));
        exists = q.next();
        if (!keep || !exists) {
            exec(maintenance, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
            exec(maintenance, QStringLiteral("CREATE DATABASE %1").arg(name));
            exists = false;
        }
        maintenance.closeThisThread();
    }
    db::Database database(target);
    database.openAndMigrate();
    if (!exists)
        fill(database, students, now);
    db::setFixedNowMs(now);

    dashboard::DashboardRequest req;
    req.schoolId = 1;
    QList<qint64> totals, progress, daily, rules, reviewers;
    db::DashboardRepo repo(database);
    // The per-query breakdown as computeDashboard runs them on a one-school database: no school filter.
    db::DashboardScope scope{0, {}, now - 30LL * 86400000, now + 86400000};
    dashboard::DashboardData d;
    for (int i = 0; i < runs + 1; ++i) {
        QElapsedTimer t;
        t.start();
        d = dashboard::computeDashboard(database, req);
        const qint64 total = t.elapsed();
        t.restart();
        repo.studentsByCollegeAndState(scope);
        const qint64 a = t.restart();
        repo.daily(scope);
        const qint64 b = t.restart();
        repo.topViolatedRules(scope, 10);
        const qint64 c = t.restart();
        repo.reviewerThroughput(scope);
        const qint64 e = t.restart();
        if (i == 0)
            continue; // warm-up: caches and prepared plans
        totals << total;
        progress << a;
        daily << b;
        rules << c;
        reviewers << e;
    }
    out << "students " << d.totalStudents << ", colleges " << d.colleges.size() << ", days " << d.days.size() << ", top rule "
        << (d.topRules.isEmpty() ? QString() : d.topRules.first().rule) << " (" << (d.topRules.isEmpty() ? 0 : d.topRules.first().count)
        << "), reviewers " << d.reviewers.size() << Qt::endl;
    out << "median over " << runs << " runs: progress " << median(progress) << " ms, daily " << median(daily) << " ms, top rules "
        << median(rules) << " ms, reviewers " << median(reviewers) << " ms" << Qt::endl;
    out << "computeDashboard total: median " << median(totals) << " ms, max " << *std::max_element(totals.begin(), totals.end())
        << " ms (target <= 300 ms)" << Qt::endl;
    return median(totals) <= 300 ? 0 : 1;
}
