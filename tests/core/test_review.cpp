// Review core on SQLite and PostgreSQL: keyset queue with filters and scope, decisions in one
// transaction with row versions, undo, re-check job, loaders; and two PostgreSQL connections
// deciding the same photo at once.
#include "checks/check_engine.h"
#include "db/audit_repo.h"
#include "db/database.h"
#include "db/misc_repos.h"
#include "db/photo_repo.h"
#include "db/outbox_delivery_repo.h"
#include "db/review_repo.h"
#include "db/staff_repo.h"
#include "db/student_repo.h"
#include "demo/demo_generator.h"
#include "review/decision_service.h"
#include "review/photo_loader.h"
#include "review/queue_loader.h"
#include "review/reason_catalog.h"
#include "review/recheck_job.h"
#include "test_support.h"

#include <QtTest>
#include <latch>
#include <QThread>
#include <memory>

using namespace tucai;
using review::QueueQuery;
using review::ReviewScope;

class TestReview : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QHash<QString, std::shared_ptr<db::Database>> m_dbs;

    std::shared_ptr<db::Database> database()
    {
        QFETCH(QString, engine);
        return m_dbs.value(engine);
    }
    static ReviewScope scopeOf(const db::Database &d, const QString &username)
    {
        const auto s = db::StaffRepo(d).findByUsername(username);
        if (!s)
            qFatal("no staff %s", qPrintable(username));
        return {s->id, s->schoolId, s->role, s->collegeId, s->displayName};
    }
    static QList<review::QueueRow> all(const db::Database &d, const ReviewScope &scope, const QueueQuery &q, int pageSize = 7)
    {
        db::ReviewRepo repo(d);
        QList<review::QueueRow> rows;
        review::QueueKey key;
        for (;;) {
            review::QueueKey next;
            const auto page = repo.page(scope, q, key, pageSize, &next);
            rows += page;
            if (page.size() < pageSize)
                break;
            key = next;
        }
        return rows;
    }
    static int auditCount(const db::Database &d, qint64 photoId, const QString &action)
    {
        int n = 0;
        for (const AuditEntry &e : db::AuditRepo(d).recent(100000))
            if (e.targetType == QLatin1String("photo") && e.targetId == QString::number(photoId) && e.action == action)
                ++n;
        return n;
    }
    static QList<OutboxMessage> outboxFor(const db::Database &d, qint64 studentId, const QString &kind)
    {
        QList<OutboxMessage> out;
        for (const OutboxMessage &m : db::OutboxRepo(d).pending(100000))
            if (m.studentId == studentId && m.kind == kind)
                out.append(m);
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        for (const QString &engine : {QStringLiteral("sqlite"), QStringLiteral("postgres")}) {
            auto d = test::freshDatabase(engine, m_dir, QStringLiteral("review_core"));
            if (!d)
                continue;
            d->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
            demo::DemoOptions opt;
            opt.students = 150;
            opt.nowMs = 1772877348000;
            opt.facesDir = test::facesDir();
            demo::createDemoSchool(*d, opt);
            m_dbs.insert(engine, std::shared_ptr<db::Database>(std::move(d)));
        }
    }

    void queuePagesByKeysetWithFilters_data() { TUCAI_ENGINE_ROWS(); }
    void queuePagesByKeysetWithFilters()
    {
        auto d = database();
        if (!d)
            QSKIP("no PostgreSQL test cluster");
        const ReviewScope admin = scopeOf(*d, QStringLiteral("admin"));
        db::ReviewRepo repo(*d);
        QueueQuery q;
        const auto rows = all(*d, admin, q);
        QVERIFY(rows.size() > 10);
        QCOMPARE(qint64(rows.size()), repo.count(admin, q));
        QSet<qint64> ids;
        for (int i = 0; i < rows.size(); ++i) {
            QVERIFY(!ids.contains(rows[i].id));
            ids.insert(rows[i].id);
            QCOMPARE(rows[i].status, 's');
            if (i)
                QVERIFY(std::pair(rows[i - 1].sortTime, rows[i - 1].id) < std::pair(rows[i].sortTime, rows[i].id));
        }
        // Page size does not change the result (keyset, not OFFSET).
        QCOMPARE(all(*d, admin, q, 50).size(), rows.size());
        q.descending = true;
        const auto reversed = all(*d, admin, q, 11);
        QCOMPARE(reversed.size(), rows.size());
        QCOMPARE(reversed.constFirst().id, rows.constLast().id);
        q.descending = false;

        // College, class, search, date range.
        q.collegeId = rows.constFirst().collegeId;
        const auto college = all(*d, admin, q);
        QVERIFY(!college.isEmpty());
        for (const auto &r : college)
            QCOMPARE(r.collegeId, rows.constFirst().collegeId);
        q.classId = rows.constFirst().classId;
        for (const auto &r : all(*d, admin, q))
            QCOMPARE(r.classId, rows.constFirst().classId);
        q = {};
        q.search = rows[3].studentNo();
        auto found = all(*d, admin, q);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.constFirst().id, rows[3].id);
        q.search = rows[4].name();
        found = all(*d, admin, q);
        QVERIFY(std::any_of(found.cbegin(), found.cend(), [&](const auto &r) { return r.id == rows[4].id; }));
        q = {};
        q.fromMs = rows[2].sortTime;
        q.toMs = rows[5].sortTime;
        for (const auto &r : all(*d, admin, q))
            QVERIFY(r.sortTime >= rows[2].sortTime && r.sortTime < rows[5].sortTime);

        // Violated rule (photo_violations).
        q = {};
        db::PhotoRepo(*d).storeCheck(rows[6].id, QStringLiteral("{}"), false, QStringLiteral("t"), QStringLiteral("t"),
                                     {QStringLiteral("test.rule")});
        q.rule = QStringLiteral("test.rule");
        found = all(*d, admin, q);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.constFirst().id, rows[6].id);
        QCOMPARE(found.constFirst().violations, 1);

        // Other statuses: drafts sort by when they were stored.
        q = {};
        q.status = QStringLiteral("draft");
        const auto drafts = all(*d, admin, q);
        QVERIFY(!drafts.isEmpty());
        for (const auto &r : drafts)
            QCOMPARE(r.status, 'd');
    }

    // Every column order pages through the same photos, each once, in the database's order
    // of that column (checked against one unpaged query), both directions.
    void queueSortsByEveryColumn_data() { TUCAI_ENGINE_ROWS(); }
    void queueSortsByEveryColumn()
    {
        auto d = database();
        if (!d)
            QSKIP("no PostgreSQL test cluster");
        const ReviewScope admin = scopeOf(*d, QStringLiteral("admin"));
        QueueQuery q;
        q.status.clear(); // every status, so the status order has groups to sort
        const auto byTime = all(*d, admin, q, 1000000);
        QVERIFY(byTime.size() > 100);
        QSet<qint64> expected;
        for (const auto &r : byTime)
            expected.insert(r.id);
        const QHash<qint64, QString> classes = db::ReviewRepo(*d).classNames();
        // The class order has two ways (one sorting query, or class by class): both are checked.
        const int sortAtMost = db::ReviewRepo::classSortAtMost(); // more than this small school's photos
        QVERIFY(sortAtMost > byTime.size());
        struct Case { review::QueueSort sort; int classSortAtMost; };
        for (const Case c : {Case{review::QueueSort::StudentNo, sortAtMost}, Case{review::QueueSort::Name, sortAtMost},
                             Case{review::QueueSort::Class, sortAtMost}, Case{review::QueueSort::Class, 1},
                             Case{review::QueueSort::Status, sortAtMost}}) {
            const review::QueueSort sort = c.sort;
            db::ReviewRepo::setClassSortAtMost(c.classSortAtMost);
            for (const bool descending : {false, true}) {
                q.sort = sort;
                q.descending = descending;
                const auto paged = all(*d, admin, q, 13);   // many small pages: many keyset steps
                const auto whole = all(*d, admin, q, 1000000);
                QCOMPARE(paged.size(), byTime.size());
                QSet<qint64> seen;
                for (int i = 0; i < paged.size(); ++i) {
                    QVERIFY2(!seen.contains(paged[i].id), "a photo came twice");
                    seen.insert(paged[i].id);
                    QCOMPARE(paged[i].id, whole[i].id);
                }
                QCOMPARE(seen, expected);
                // The column really is in order (the key decides; the photo id breaks ties).
                const auto keyOf = [&](const review::QueueRow &r) {
                    switch (sort) {
                    case review::QueueSort::StudentNo: return r.studentNo();
                    case review::QueueSort::Name: return r.name();
                    case review::QueueSort::Class: return classes.value(r.classId);
                    default: return review::statusFromCode(r.status);
                    }
                };
                int changes = 0;
                for (int i = 1; i < paged.size(); ++i) {
                    const QString a = keyOf(paged[i - 1]), b = keyOf(paged[i]);
                    if (a == b) {
                        QVERIFY(descending ? paged[i - 1].id > paged[i].id : paged[i - 1].id < paged[i].id);
                        continue;
                    }
                    ++changes;
                    // Student numbers and statuses are ASCII: byte order is the same in both engines.
                    if (sort == review::QueueSort::StudentNo || sort == review::QueueSort::Status)
                        QVERIFY2(descending ? a > b : a < b, qPrintable(a + QStringLiteral(" / ") + b));
                }
                QVERIFY(changes > 2);
            }
        }
        db::ReviewRepo::setClassSortAtMost(sortAtMost);
        // Both ways of the class order give the very same sequence, also with a filter.
        q.sort = review::QueueSort::Class;
        q.descending = false;
        q.collegeId = byTime.constFirst().collegeId;
        const auto sorted = all(*d, admin, q, 9);
        db::ReviewRepo::setClassSortAtMost(1);
        const auto byClass = all(*d, admin, q, 9);
        db::ReviewRepo::setClassSortAtMost(sortAtMost);
        QVERIFY(sorted.size() > 5);
        QCOMPARE(byClass.size(), sorted.size());
        for (int i = 0; i < sorted.size(); ++i)
            QCOMPARE(byClass[i].id, sorted[i].id);
    }

    void queueHonoursScope_data() { TUCAI_ENGINE_ROWS(); }
    void queueHonoursScope()
    {
        auto d = database();
        if (!d)
            QSKIP("no PostgreSQL test cluster");
        db::ReviewRepo repo(*d);
        QueueQuery q;
        q.status.clear();
        const auto everything = all(*d, scopeOf(*d, QStringLiteral("admin")), q, 500);
        const ReviewScope r1 = scopeOf(*d, QStringLiteral("reviewer1"));
        const ReviewScope r2 = scopeOf(*d, QStringLiteral("reviewer2"));
        const ReviewScope c1 = scopeOf(*d, QStringLiteral("college01"));
        const auto a = all(*d, r1, q, 500), b = all(*d, r2, q, 500), c = all(*d, c1, q, 500);
        QVERIFY(!a.isEmpty() && !b.isEmpty() && !c.isEmpty());
        QCOMPARE(a.size() + b.size(), everything.size());   // reviewers 1 and 2 split the school
        QSet<qint64> collegesA, collegesB;
        for (const auto &r : a)
            collegesA.insert(r.collegeId);
        for (const auto &r : b)
            collegesB.insert(r.collegeId);
        QVERIFY(!collegesA.intersects(collegesB));
        for (const auto &r : c)
            QCOMPARE(qint64(r.collegeId), c1.collegeId);
        QCOMPARE(repo.scopedColleges(r1).size(), 3);
        QCOMPARE(repo.scopedColleges(c1).size(), 1);
        // The class order keeps the scope both ways (class by class it lists only visible classes).
        const int sortAtMost = db::ReviewRepo::classSortAtMost();
        for (const int classSortAtMost : {sortAtMost, 1}) {
            db::ReviewRepo::setClassSortAtMost(classSortAtMost);
            QueueQuery byClass = q;
            byClass.sort = review::QueueSort::Class;
            for (const auto &[scope, expected] : {std::pair(r1, a.size()), std::pair(c1, c.size())}) {
                const auto rows = all(*d, scope, byClass, 7);
                QCOMPARE(rows.size(), expected);
                for (const auto &r : rows)
                    QVERIFY(repo.inScope(scope, r.id));
            }
        }
        db::ReviewRepo::setClassSortAtMost(sortAtMost);
        QVERIFY(!repo.inScope(r2, a.constFirst().id));
        QVERIFY(repo.inScope(r1, a.constFirst().id));

        // A reviewer cannot decide outside their scope.
        QueueQuery submitted;
        const auto mine = all(*d, r1, submitted, 500);
        const auto res = review::DecisionService(*d, r2).decide({mine.constLast().id, mine.constLast().rowVersion, true, {}, {}});
        QCOMPARE(res.status, review::DecisionResult::Status::OutOfScope);
    }

    void decisionIsOneTransactionAndUndoable_data() { TUCAI_ENGINE_ROWS(); }
    void decisionIsOneTransactionAndUndoable()
    {
        auto d = database();
        if (!d)
            QSKIP("no PostgreSQL test cluster");
        const ReviewScope r1 = scopeOf(*d, QStringLiteral("reviewer1"));
        const auto rows = all(*d, r1, QueueQuery{}, 500);
        QVERIFY(rows.size() >= 4);
        const review::DecisionService service(*d, r1);
        db::PhotoRepo photos(*d);

        // Approve.
        const auto &p0 = rows[0];
        auto res = service.decide({p0.id, p0.rowVersion, true, {}, {}});
        QVERIFY2(res.ok(), qPrintable(res.message));
        auto photo = photos.get(p0.id);
        QCOMPARE(photo->status, QStringLiteral("approved"));
        QCOMPARE(photo->decision, QStringLiteral("approved"));
        QCOMPARE(photo->reviewerId, r1.staffId);
        QVERIFY(photo->decidedAt > 0);
        QCOMPARE(photo->rowVersion, p0.rowVersion + 1);
        QCOMPARE(db::StudentRepo(*d).get(p0.studentId)->state, StudentState::Approved);
        QCOMPARE(auditCount(*d, p0.id, QStringLiteral("photo.approve")), 1);
        QCOMPARE(outboxFor(*d, p0.studentId, QStringLiteral("photo.approved")).size(), 1);

        // A second decision against the old version is refused and names who decided and when.
        const auto late = review::DecisionService(*d, scopeOf(*d, QStringLiteral("admin"))).decide({p0.id, p0.rowVersion, false, {QStringLiteral("background")}, {}});
        QCOMPARE(late.status, review::DecisionResult::Status::Conflict);
        QCOMPARE(late.decidedBy, r1.staffName);
        QCOMPARE(late.decidedAt, photo->decidedAt);
        QVERIFY2(late.message.contains(r1.staffName), qPrintable(late.message));
        QCOMPARE(photos.get(p0.id)->status, QStringLiteral("approved"));
        QCOMPARE(auditCount(*d, p0.id, QStringLiteral("photo.return")), 0);

        // Return with two reasons and a note; then undo it: the pending notification is withdrawn.
        const auto &p1 = rows[1];
        QVERIFY(!service.decide({p1.id, p1.rowVersion, false, {}, {}}).ok());   // a return needs a reason
        res = service.decide({p1.id, p1.rowVersion, false, {QStringLiteral("background"), QStringLiteral("not_sharp")}, QStringLiteral("请重拍")});
        QVERIFY2(res.ok(), qPrintable(res.message));
        photo = photos.get(p1.id);
        QCOMPARE(photo->status, QStringLiteral("returned"));
        QCOMPARE(photo->reasons, QStringLiteral("background,not_sharp"));
        QCOMPARE(photo->reasonNote, QStringLiteral("请重拍"));
        QCOMPARE(db::StudentRepo(*d).get(p1.studentId)->returnReasons, QStringLiteral("background,not_sharp"));
        QCOMPARE(outboxFor(*d, p1.studentId, QStringLiteral("photo.returned")).size(), 1);
        const auto undone = service.undo(res.receipt);
        QVERIFY2(undone.ok(), qPrintable(undone.message));
        photo = photos.get(p1.id);
        QCOMPARE(photo->status, QStringLiteral("submitted"));
        QCOMPARE(photo->decision, QString());
        QCOMPARE(photo->reasons, QString());
        QCOMPARE(photo->reviewerId, 0);
        QCOMPARE(photo->rowVersion, p1.rowVersion + 2);
        QCOMPARE(db::StudentRepo(*d).get(p1.studentId)->state, StudentState::AwaitingReview);
        QCOMPARE(outboxFor(*d, p1.studentId, QStringLiteral("photo.returned")).size(), 0);
        // Withdrawn, not deleted: the row stays, and delivery never picks it up.
        const auto withdrawn = db::OutboxDeliveryRepo(*d).get(res.receipt.outboxId);
        QVERIFY(withdrawn);
        QCOMPARE(withdrawn->status, QStringLiteral("withdrawn"));
        QVERIFY(!db::OutboxDeliveryRepo(*d).dueIds(db::nowMs() + 86400000, 100000).contains(res.receipt.outboxId));
        QCOMPARE(auditCount(*d, p1.id, QStringLiteral("photo.undo")), 1);
        QCOMPARE(db::AuditRepo(*d).verify(), 0);

        // Once the student has acted (a new photo), the decision stays.
        const auto &p2 = rows[2];
        res = service.decide({p2.id, p2.rowVersion, false, {QStringLiteral("pose")}, {}});
        QVERIFY(res.ok());
        Photo fresh = *photos.get(p2.id);
        fresh.id = 0;
        fresh.kind = QStringLiteral("draft");
        fresh.status = QStringLiteral("draft");
        fresh.storedAt = res.receipt.decidedAt + 1000;
        fresh.submittedAt = 0;
        fresh.decision.clear();
        fresh.reasons.clear();
        fresh.reviewerId = 0;
        fresh.decidedAt = 0;
        photos.insert(fresh);
        const auto tooLate = service.undo(res.receipt);
        QCOMPARE(tooLate.status, review::DecisionResult::Status::TooLate);
        QCOMPARE(photos.get(p2.id)->status, QStringLiteral("returned"));
    }

    void batchAndPassingCandidates_data() { TUCAI_ENGINE_ROWS(); }
    void batchAndPassingCandidates()
    {
        auto d = database();
        if (!d)
            QSKIP("no PostgreSQL test cluster");
        const ReviewScope c2 = scopeOf(*d, QStringLiteral("college02"));
        db::ReviewRepo repo(*d);
        const auto candidates = repo.passingCandidates(c2, QueueQuery{});
        const auto rows = all(*d, c2, QueueQuery{}, 500);
        QVERIFY(candidates.size() <= rows.size());
        for (const auto &c : candidates) {
            const auto p = db::PhotoRepo(*d).get(c.id);
            QCOMPARE(p->checkPassed, 1);
            QVERIFY(!p->checkReport.contains(QLatin1String("\"status\":\"uncertain\"")));
            QVERIFY(!p->checkReport.contains(QLatin1String("\"status\":\"fail\"")));
        }
        QList<review::Decision> batch;
        for (int i = 0; i < std::min<qsizetype>(3, rows.size()); ++i)
            batch.append({rows[i].id, rows[i].rowVersion, true, {}, {}});
        batch.append({rows[0].id, rows[0].rowVersion, true, {}, {}});   // the same photo twice: the second conflicts
        const auto results = review::DecisionService(*d, c2).decideMany(batch);
        QCOMPARE(results.size(), batch.size());
        for (int i = 0; i + 1 < results.size(); ++i)
            QVERIFY2(results[i].ok(), qPrintable(results[i].message));
        QCOMPARE(results.constLast().status, review::DecisionResult::Status::Conflict);
    }

    void recheckStoresVersionedReports_data() { TUCAI_ENGINE_ROWS(); }
    void recheckStoresVersionedReports()
    {
        auto d = database();
        if (!d)
            QSKIP("no PostgreSQL test cluster");
        const ReviewScope admin = scopeOf(*d, QStringLiteral("admin"));
        QueueQuery q;
        q.status = QStringLiteral("returned");
        const auto rows = all(*d, admin, q, 500);
        QVERIFY(rows.size() >= 3);
        const checks::CheckProfile profile = checks::CheckProfile::loadDefault();
        review::RecheckJob job(d, profile);
        QSignalSpy progress(&job, &review::RecheckJob::progress);
        QSignalSpy finished(&job, &review::RecheckJob::finished);
        job.start({rows[0].id, rows[1].id, rows[2].id});
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.constFirst().at(0).toInt(), 3);
        QCOMPARE(finished.constFirst().at(1).toInt(), 0);
        QCOMPARE(finished.constFirst().at(2).toBool(), false);
        QVERIFY(progress.size() >= 3);
        for (int i = 0; i < 3; ++i) {
            const auto p = db::PhotoRepo(*d).get(rows[i].id);
            QCOMPARE(p->engineVersion, checks::CheckEngine::version());
            QVERIFY2(p->profileVersion.contains(profile.version()), qPrintable(p->profileVersion));
            QVERIFY(p->checkedAt > 0);
            const auto detail = review::PhotoLoader::loadNow(*d, rows[i].id);
            QVERIFY(detail.hasReport);
            QVERIFY(!detail.image.isNull());
            // The rule filter sees exactly the stored violations.
            for (const checks::RuleResult &v : detail.report.violations()) {
                QueueQuery byRule = q;
                byRule.rule = v.rule;
                const auto hit = all(*d, admin, byRule, 500);
                QVERIFY(std::any_of(hit.cbegin(), hit.cend(), [&](const auto &r) { return r.id == rows[i].id; }));
            }
        }

        // Cancel stops early.
        QSignalSpy finished2(&job, &review::RecheckJob::finished);
        job.startForQuery(admin, QueueQuery{});
        job.cancel();
        QVERIFY(finished2.wait(60000));
        QVERIFY(finished2.constFirst().at(2).toBool());
        QVERIFY(finished2.constFirst().at(0).toInt() < all(*d, admin, QueueQuery{}, 500).size());
    }

    void loadersDropStaleRepliesAndPrefetch_data() { TUCAI_ENGINE_ROWS(); }
    void loadersDropStaleRepliesAndPrefetch()
    {
        auto d = database();
        if (!d)
            QSKIP("no PostgreSQL test cluster");
        const ReviewScope admin = scopeOf(*d, QStringLiteral("admin"));
        review::QueueLoader loader(d, admin);
        QSignalSpy pages(&loader, &review::QueueLoader::pageReady);
        QueueQuery q;
        q.status = QStringLiteral("draft");
        loader.reset(q);
        loader.fetch({}, 5);
        const quint64 latest = loader.reset(QueueQuery{});
        loader.fetch({}, 5);
        QTRY_COMPARE(pages.size(), 1);
        QTest::qWait(100);
        QCOMPARE(pages.size(), 1);   // the draft page was dropped
        const auto page = pages.constFirst().constFirst().value<review::QueuePage>();
        QCOMPARE(page.generation, latest);
        QCOMPARE(page.rows.size(), 5);
        QCOMPARE(page.rows.constFirst().status, 's');

        review::PhotoLoader photos(d);
        QSignalSpy loaded(&photos, &review::PhotoLoader::loaded);
        photos.load(page.rows[1].id);
        photos.load(page.rows[1].id);   // once is enough
        QTRY_COMPARE(loaded.size(), 1);
        const auto detail = photos.cached(page.rows[1].id);
        QVERIFY(detail);
        QVERIFY(!detail->image.isNull());
        QCOMPARE(detail->student.id, page.rows[1].studentId);
        QVERIFY(!detail->attempts.isEmpty());
        QVERIFY(!detail->collegeName.isEmpty());
        QVERIFY(std::any_of(detail->others.cbegin(), detail->others.cend(), [](const auto &o) { return o.photo.kind == QLatin1String("draft"); }));
    }

    void reasonCatalogueIsEmbedded()
    {
        const auto &c = review::ReasonCatalog::instance();
        QVERIFY(c.reasons().size() >= 20);
        QCOMPARE(c.find(QStringLiteral("background"))->zh, QStringLiteral("背景不符"));
        QVERIFY(c.codesForRules({QStringLiteral("image.sharpness")}).contains(QStringLiteral("not_sharp")));
    }

    // Two connections decide the same photo at the same moment: exactly one wins.
    void concurrentDecisionsOnPostgres()
    {
        TUCAI_REQUIRE_PG();
        auto d = m_dbs.value(QStringLiteral("postgres"));
        QVERIFY(d);
        const ReviewScope r1 = scopeOf(*d, QStringLiteral("reviewer1"));
        const ReviewScope admin = scopeOf(*d, QStringLiteral("admin"));
        const auto rows = all(*d, r1, QueueQuery{}, 500);
        QVERIFY(rows.size() >= 12);
        for (int round = 0; round < 10; ++round) {
            const auto &row = rows[rows.size() - 1 - round];
            review::DecisionResult a, b;
            std::latch go(2);
            // Each thread has its own connection (Database opens one per thread). QThreads, as
            // the application uses: Qt on Windows cleans up a foreign (std::thread) thread's
            // per-thread data from a watcher thread after it ended, and Qt's own PCRE JIT stack
            // freed there crashed the Windows build.
            std::unique_ptr<QThread> t1(QThread::create([&] {
                go.arrive_and_wait();
                a = review::DecisionService(*d, r1).decide({row.id, row.rowVersion, true, {}, {}});
                d->closeThisThread();
            }));
            std::unique_ptr<QThread> t2(QThread::create([&] {
                go.arrive_and_wait();
                b = review::DecisionService(*d, admin).decide({row.id, row.rowVersion, false, {QStringLiteral("pose")}, {}});
                d->closeThisThread();
            }));
            t1->start();
            t2->start();
            QVERIFY(t1->wait(QDeadlineTimer(120000)));
            QVERIFY(t2->wait(QDeadlineTimer(120000)));
            QVERIFY2(a.ok() != b.ok(), qPrintable(a.message + QStringLiteral(" / ") + b.message));
            const review::DecisionResult &loser = a.ok() ? b : a;
            const ReviewScope &winner = a.ok() ? r1 : admin;
            QCOMPARE(loser.status, review::DecisionResult::Status::Conflict);
            QCOMPARE(loser.decidedBy, winner.staffName);
            QVERIFY(loser.decidedAt > 0);
            QVERIFY2(loser.message.contains(winner.staffName), qPrintable(loser.message));
            const int decisions = auditCount(*d, row.id, QStringLiteral("photo.approve")) + auditCount(*d, row.id, QStringLiteral("photo.return"));
            QCOMPARE(decisions, 1);
            QCOMPARE(outboxFor(*d, row.studentId, a.ok() ? QStringLiteral("photo.approved") : QStringLiteral("photo.returned")).size(), 1);
            QCOMPARE(db::PhotoRepo(*d).get(row.id)->rowVersion, row.rowVersion + 1);
        }
        QCOMPARE(db::AuditRepo(*d).verify(), 0);
    }
};

QTEST_GUILESS_MAIN(TestReview)
#include "test_review.moc"
