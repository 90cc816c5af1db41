// Review queue benchmark on PostgreSQL with a million photos.
//
//   ninja -C build bench_review
//   bash tests/integration/pg_fixture.sh start /tmp/bench-pg        # a throwaway server, URL in /tmp/bench-pg/url
//   QT_QPA_PLATFORM=offscreen build/tests/bench/bench_review "$(cat /tmp/bench-pg/url)" [--photos 1000000] [--reuse]
//
// The URL names a server where the user may create databases; the bench creates (or with --reuse
// keeps) the database "tucai_bench_review", fills it with INSERT ... SELECT generate_series (a school,
// 5 colleges, 50 classes, one student and one submitted photo per row, 10 real photos shared by
// content hash, check reports on the first 5,000 photos, a violation on every 10th), then measures:
//   - first page of the queue (200 rows) for a school admin, a reviewer, and with filters;
//   - the next photo: loading one photo (bytes + decode + report + student context) cold, and
//     what the reviewer waits for in the page with prefetching (A/Right pressed after a short look);
//   - peak memory (VmHWM) of the GUI while scrolling the whole queue to its end.
#include "checks/check_engine.h"
#include "db/database.h"
#include "db/photo_repo.h"
#include "db/review_repo.h"
#include "db/school_repo.h"
#include "db/staff_repo.h"
#include "demo/demo_faces.h"
#include "pages/review/queue_model.h"
#include "pages/review/review_page.h"
#include "review/photo_loader.h"
#include "review/queue_loader.h"
#include "shell/app_context.h"
#include "test_support.h"
#include "util/platform.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTextStream>
#include <algorithm>

using namespace tucai;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

void exec(const db::Database &d, const QString &sql)
{
    QSqlQuery q(d.connection());
    if (!q.exec(sql))
        qFatal("%s\n%s", qPrintable(sql.left(200)), qPrintable(q.lastError().text()));
}

using tucai::platform::peakRssKb;

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

double maxOf(const QList<double> &v) { return v.isEmpty() ? 0 : *std::max_element(v.begin(), v.end()); }

void fill(db::Database &d, int photos)
{
    QElapsedTimer t;
    t.start();
    d.openAndMigrate(db::Database::OpenMode::MustExist);
    db::SchoolRepo schools(d);
    const qint64 school = schools.insertSchool(QStringLiteral("10999"), QStringLiteral("基准大学"));
    QList<qint64> colleges;
    for (int c = 1; c <= 5; ++c) {
        colleges.append(schools.insertCollege(school, QStringLiteral("%1").arg(c, 2, 10, QLatin1Char('0')), QStringLiteral("学院%1").arg(c)));
        for (int k = 1; k <= 10; ++k)
            schools.insertClass(colleges.constLast(), QStringLiteral("%1%2").arg(c, 2, 10, QLatin1Char('0')).arg(k, 2, 10, QLatin1Char('0')),
                                QStringLiteral("%1学院%2班").arg(c).arg(k), 2022);
    }
    db::StaffRepo staff(d);
    Staff admin;
    admin.schoolId = school;
    admin.username = QStringLiteral("admin");
    admin.displayName = QStringLiteral("管理员");
    admin.role = StaffRole::SchoolAdmin;
    staff.insert(admin);
    Staff reviewer = admin;
    reviewer.username = QStringLiteral("reviewer1");
    reviewer.displayName = QStringLiteral("审核员一");
    reviewer.role = StaffRole::Reviewer;
    staff.insert(reviewer);
    for (int i = 0; i < 3; ++i)
        staff.addScope(reviewer.id, colleges.at(i));

    // Ten real photos and their reports.
    demo::DemoFaces faces(test::facesDir());
    const checks::CheckEngine engine(checks::CheckProfile::loadDefault());
    db::PhotoRepo blobs(d);
    QStringList shas, reports;
    for (int i = 0; i < 10; ++i) {
        const QByteArray bytes = faces.photo(demo::DemoFaces::Variant::Compliant, i);
        shas.append(blobs.putBlob(bytes));
        reports.append(QString::fromUtf8(QJsonDocument(engine.check(bytes).toJson()).toJson(QJsonDocument::Compact)));
    }
    out() << "  reference photos and reports: " << t.elapsed() << " ms\n" << Qt::flush;

    const QString n = QString::number(photos);
    const qint64 base = 1772000000000;
    // Classes 1..50 in college order: class id k belongs to college (k-1)/10 + 1 (ids are dense here).
    exec(d, QStringLiteral("INSERT INTO students (id, school_id, college_id, class_id, student_no, name, id_number, phone, state, "
                           "submissions, created_at, updated_at) SELECT g, %1, c.college_id, c.id, '2022' || lpad(g::text, 7, '0'), "
                           "'学生' || g, '320102200101' || lpad((g % 1000000)::text, 6, '0'), '', 'awaiting_review', 1, %2, %2 "
                           "FROM generate_series(1, %3) g JOIN classes c ON c.id = (g % 50) + (SELECT MIN(id) FROM classes)")
                .arg(school)
                .arg(base)
                .arg(n));
    out() << "  students: " << t.elapsed() << " ms\n" << Qt::flush;
    exec(d, QStringLiteral("INSERT INTO photos (id, student_id, college_id, class_id, kind, status, sha256, stored_at, submitted_at, row_version) "
                           "SELECT s.id, s.id, s.college_id, s.class_id, 'submitted', 'submitted', "
                           "(ARRAY['%1'])[1 + s.id % 10], %2 + s.id * 1000 - 600000, %2 + s.id * 1000 + (s.id * 7919) % 997, 1 "
                           "FROM students s")
                .arg(shas.join(QStringLiteral("','")))
                .arg(base));
    out() << "  photos: " << t.elapsed() << " ms\n" << Qt::flush;
    for (int i = 0; i < 10; ++i) {
        QSqlQuery q(d.connection());
        q.prepare(QStringLiteral("UPDATE photos SET check_report = :r, check_passed = 1, engine_version = :e, profile_version = 'default', "
                                 "checked_at = stored_at WHERE id <= 5000 AND id % 10 = :k"));
        q.bindValue(QStringLiteral(":r"), reports.at(i));
        q.bindValue(QStringLiteral(":e"), checks::CheckEngine::version());
        q.bindValue(QStringLiteral(":k"), i);
        if (!q.exec())
            qFatal("%s", qPrintable(q.lastError().text()));
    }
    exec(d, QStringLiteral("INSERT INTO photo_violations (photo_id, rule) SELECT id, 'image.sharpness' FROM photos WHERE id % 10 = 3"));
    exec(d, QStringLiteral("SELECT setval(pg_get_serial_sequence('photos', 'id'), (SELECT MAX(id) FROM photos))"));
    exec(d, QStringLiteral("SELECT setval(pg_get_serial_sequence('students', 'id'), (SELECT MAX(id) FROM students))"));
    exec(d, QStringLiteral("ANALYZE"));
    out() << "  filled " << photos << " photos in " << t.elapsed() / 1000.0 << " s\n" << Qt::flush;
}

template<typename F>
QList<double> timeIt(int runs, F f)
{
    QList<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        ms.append(t.nsecsElapsed() / 1e6);
    }
    return ms;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("TucaiBench"));
    QStringList args = app.arguments();
    args.removeFirst();
    int photos = 1'000'000;
    bool reuse = false;
    QString url;
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--photos") && i + 1 < args.size())
            photos = args[++i].toInt();
        else if (args[i] == QLatin1String("--reuse"))
            reuse = true;
        else
            url = args[i];
    }
    const auto admin = db::DbTarget::parse(url);
    if (url.isEmpty() || !admin || admin->kind != db::DbTarget::Kind::Postgres) {
        QTextStream(stderr) << "usage: bench_review postgresql://user:password@host:port/db [--photos N] [--reuse]\n";
        return 2;
    }
    const QString name = QStringLiteral("tucai_bench_review");
    db::DbTarget target = *admin;
    target.database = name;
    if (!reuse) {
        out() << "Creating " << name << " with " << photos << " photos\n" << Qt::flush;
        {
            db::Database maintenance(*admin);
            exec(maintenance, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
            exec(maintenance, QStringLiteral("CREATE DATABASE %1").arg(name));
        }
        db::Database d(target);
        fill(d, photos);
    }
    auto d = std::make_shared<db::Database>(target);
    d->openAndMigrate();
    const auto adminStaff = db::StaffRepo(*d).findByUsername(QStringLiteral("admin"));
    const auto reviewerStaff = db::StaffRepo(*d).findByUsername(QStringLiteral("reviewer1"));
    const review::ReviewScope adminScope{adminStaff->id, adminStaff->schoolId, adminStaff->role, 0, adminStaff->displayName};
    const review::ReviewScope reviewerScope{reviewerStaff->id, reviewerStaff->schoolId, reviewerStaff->role, 0, reviewerStaff->displayName};
    db::ReviewRepo repo(*d);
    out() << "photos in the database: " << db::PhotoRepo(*d).count() << "\n\n";

    // First page of the queue.
    auto firstPage = [&](const char *label, const review::ReviewScope &scope, const review::QueueQuery &q) {
        const auto ms = timeIt(15, [&] { repo.page(scope, q, {}, 200); });
        out() << QStringLiteral("first page (200 rows) %1: median %2 ms, max %3 ms\n").arg(QString::fromLatin1(label)).arg(median(ms), 0, 'f', 2).arg(maxOf(ms), 0, 'f', 2);
    };
    review::QueueQuery q;
    firstPage("school admin, to review", adminScope, q);
    firstPage("reviewer (3 of 5 colleges)", reviewerScope, q);
    q.descending = true;
    firstPage("newest first", adminScope, q);
    // Column orders (header clicks): first page and a page in the middle of the order.
    for (const auto &[label, sort] : {std::pair("by student number", review::QueueSort::StudentNo),
                                      std::pair("by name", review::QueueSort::Name),
                                      std::pair("by class", review::QueueSort::Class),
                                      std::pair("by status", review::QueueSort::Status)}) {
        for (const bool descending : {false, true}) {
            q = {};
            q.sort = sort;
            q.descending = descending;
            firstPage(qPrintable(QString::fromLatin1(label) + (descending ? QStringLiteral(" descending") : QString())), adminScope, q);
        }
        q.descending = false;
        review::QueueKey key;
        for (int i = 0; i < 5; ++i) // a few pages in
            repo.page(adminScope, q, key, 200, &key);
        const auto ms = timeIt(15, [&] { repo.page(adminScope, q, key, 200); });
        out() << QStringLiteral("  next page %1 (keyset): median %2 ms, max %3 ms\n").arg(QString::fromLatin1(label)).arg(median(ms), 0, 'f', 2).arg(maxOf(ms), 0, 'f', 2);
    }
    // The class order reads class by class: its worst case is a filter that few photos match.
    q = {};
    q.sort = review::QueueSort::Class;
    q.rule = QStringLiteral("image.sharpness");
    firstPage("by class, violated rule", adminScope, q);
    q.rule.clear();
    firstPage("by class, reviewer", reviewerScope, q);
    q = {};
    q.collegeId = repo.scopedColleges(adminScope).at(1).first;
    firstPage("one college", adminScope, q);
    q = {};
    q.rule = QStringLiteral("image.sharpness");
    firstPage("violated rule", adminScope, q);
    q = {};
    q.search = QStringLiteral("20220500123");
    firstPage("search by student number", adminScope, q);
    // Deep in the queue: the keyset page costs the same as the first.
    {
        const auto deep = repo.page(adminScope, {}, {1772000000000 + qint64(photos) * 900, 1}, 1);
        const review::QueueKey key = deep.isEmpty() ? review::QueueKey{} : review::QueueKey{deep[0].sortTime, deep[0].id};
        const auto ms = timeIt(15, [&] { repo.page(adminScope, {}, key, 200); });
        out() << QStringLiteral("page at 90 percent of the queue: median %1 ms\n").arg(median(ms), 0, 'f', 2);
    }
    {
        const auto ms = timeIt(3, [&] { repo.count(adminScope, {}); });
        out() << QStringLiteral("count of the whole queue (background): median %1 ms\n").arg(median(ms), 0, 'f', 2);
    }
    {
        // Through the loader: thread hop + query + back to the GUI thread.
        review::QueueLoader loader(d, adminScope);
        QList<double> ms;
        for (int i = 0; i < 10; ++i) {
            QSignalSpy spy(&loader, &review::QueueLoader::pageReady);
            QElapsedTimer t;
            t.start();
            loader.reset({});
            loader.fetch({}, 200);
            spy.wait(5000);
            ms.append(t.nsecsElapsed() / 1e6);
        }
        out() << QStringLiteral("first page through the background loader: median %1 ms, max %2 ms\n").arg(median(ms), 0, 'f', 2).arg(maxOf(ms), 0, 'f', 2);
    }

    // The next photo.
    {
        const auto rows = repo.page(adminScope, {}, {}, 40);
        QList<double> ms;
        for (int i = 0; i < 20; ++i) {
            QElapsedTimer t;
            t.start();
            const auto detail = review::PhotoLoader::loadNow(*d, rows.at(i).id);
            ms.append(t.nsecsElapsed() / 1e6);
            if (detail.image.isNull() || !detail.hasReport)
                qFatal("photo %lld not loaded", rows.at(i).id);
        }
        out() << QStringLiteral("\nloading one photo cold (bytes+decode+report+student context): median %1 ms, max %2 ms\n")
                     .arg(median(ms), 0, 'f', 2)
                     .arg(maxOf(ms), 0, 'f', 2);
    }
    ui::AppContext ctx(d, accounts::Session{adminStaff->id, adminStaff->schoolId, adminStaff->username, adminStaff->displayName,
                                            adminStaff->role, 0});
    auto *page = new ui::ReviewPage(ctx);
    page->resize(1500, 900);
    page->show();
    page->activate();
    QSignalSpy shown(page, &ui::ReviewPage::photoShown);
    shown.wait(10000);
    for (double pause : {300.0, 0.0}) {
        QList<double> ms;
        for (int i = 0; i < 30; ++i) {
            QElapsedTimer look;
            look.start();
            while (look.elapsed() < pause)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            const int before = int(shown.size());
            QElapsedTimer t;
            t.start();
            page->next();
            while (shown.size() == before && t.elapsed() < 5000)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
            ms.append(t.nsecsElapsed() / 1e6);
        }
        out() << QStringLiteral("next photo in the page after looking %1 ms (prefetched): median %2 ms, max %3 ms\n")
                     .arg(pause)
                     .arg(median(ms), 0, 'f', 2)
                     .arg(maxOf(ms), 0, 'f', 2);
    }

    // Scroll the whole queue.
    const qint64 rssBefore = peakRssKb();
    auto *model = page->queueModel();
    auto *view = page->findChild<QTableView *>(QStringLiteral("reviewQueue"));
    QElapsedTimer t;
    t.start();
    while (!model->atEnd()) {
        view->scrollToBottom();
        if (model->canFetchMore({}))
            model->fetchMore({});
        QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
    }
    view->scrollToBottom();
    QCoreApplication::processEvents();
    out() << QStringLiteral("\nscrolled the whole queue: %1 rows in %2 s; peak RSS before %3 MB, after %4 MB\n")
                 .arg(model->rowCount())
                 .arg(t.elapsed() / 1000.0, 0, 'f', 1)
                 .arg(rssBefore / 1024.0, 0, 'f', 1)
                 .arg(peakRssKb() / 1024.0, 0, 'f', 1);
    out().flush();
    delete page;
    return 0;
}
