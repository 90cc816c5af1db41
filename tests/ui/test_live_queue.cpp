// The live review queue, offscreen: a photo submitted from another connection appears in an open
// review page without any user action (PostgreSQL: LISTEN/NOTIFY; SQLite: the arrivals counter),
// and the reviewer keeps their photo, their selection and the row at the top of the list.
#include "accounts/auth_service.h"
#include "db/database.h"
#include "db/staff_repo.h"
#include "demo/demo_generator.h"
#include "pages/review/photo_viewer.h"
#include "pages/review/queue_model.h"
#include "pages/review/review_page.h"
#include "shell/app_context.h"
#include "test_support.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QtTest>

using namespace tucai;

namespace {

// A photo submitted by another program (the student side): a new row awaiting review for a
// drafting student, with the bytes of their draft, stored after every other photo.
qint64 submitFromElsewhere(const db::DbTarget &target)
{
    db::Database other(target);
    other.open();
    QSqlQuery q(other.connection());
    if (!q.exec(QStringLiteral("SELECT p.student_id, p.college_id, p.class_id, p.sha256, (SELECT MAX(submitted_at) FROM photos) + 60000 "
                               "FROM photos p JOIN students s ON s.id = p.student_id WHERE s.state = 'drafting' AND p.status = 'draft' "
                               "ORDER BY p.id LIMIT 1"))
        || !q.next())
        qFatal("no drafting student: %s", qPrintable(q.lastError().text()));
    const QVariantList v{q.value(0), q.value(1), q.value(2), q.value(3), q.value(4)};
    q.finish();
    QSqlQuery ins(other.connection());
    ins.prepare(QStringLiteral("INSERT INTO photos (student_id, college_id, class_id, kind, status, sha256, stored_at, submitted_at) "
                               "VALUES (?, ?, ?, 'submitted', 'submitted', ?, ?, ?) RETURNING id"));
    for (int i = 0; i < 4; ++i)
        ins.addBindValue(v.at(i));
    ins.addBindValue(v.at(4));
    ins.addBindValue(v.at(4));
    if (!ins.exec() || !ins.next())
        qFatal("insert: %s", qPrintable(ins.lastError().text()));
    return ins.value(0).toLongLong();
}

} // namespace

class TestLiveQueue : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QApplication::setOrganizationName(QStringLiteral("TucaiTest"));
        QApplication::setApplicationName(QStringLiteral("test_live_queue"));
        // The photo store's disk cache: the test's own, empty (also on Windows).
        test::freshCacheFolder(m_dir);
    }

    void newSubmissionAppears_data() { TUCAI_ENGINE_ROWS(); }
    void newSubmissionAppears()
    {
        QFETCH(QString, engine);
        std::shared_ptr<db::Database> db = test::freshDatabase(engine, m_dir, QStringLiteral("live_queue"));
        if (!db)
            TUCAI_REQUIRE_PG();
        db->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        demo::DemoOptions opt;
        opt.students = 400;
        opt.nowMs = 1772877348000;
        opt.runChecks = false;
        demo::createDemoSchool(*db, opt);

        ui::AppContext ctx(db, test::sessionOf(*db, QStringLiteral("admin")));
        ui::ReviewPage page(ctx);
        page.setArrivalCheckInterval(500);
        QAbstractItemModelTester tester(page.queueModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.resize(1200, 500); // a short list: it scrolls
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.activate();
        auto *model = page.queueModel();
        auto *queue = page.findChild<QTableView *>(QStringLiteral("reviewQueue"));
        QVERIFY(queue);
        QTRY_VERIFY(model->rowCount() > 40 && !model->isLoading());
        // PostgreSQL: the page listens (told at commit); SQLite: it polls the counter.
        QCOMPARE(page.liveQueueListening(), engine == QLatin1String("postgres"));

        // The reviewer's place: photo 30 open, 30 and 32 selected, row 25 at the top.
        queue->selectionModel()->setCurrentIndex(model->index(30, ui::QueueModel::StudentNoColumn),
                                                 QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        queue->selectionModel()->select(model->index(32, ui::QueueModel::StudentNoColumn),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        queue->scrollTo(model->index(25, 0), QAbstractItemView::PositionAtTop);
        const qint64 current = model->rowAt(30)->id;
        QTRY_COMPARE_WITH_TIMEOUT(page.currentPhotoId(), current, 10000);
        QTRY_VERIFY(page.viewer()->detail() && page.viewer()->detail()->photoId == current);
        const auto shownDetail = page.viewer()->detail();
        const QSet<qint64> selected{model->rowAt(30)->id, model->rowAt(32)->id};
        const int topRow = queue->rowAt(0);
        QVERIFY(topRow > 0);
        const qint64 top = model->rowAt(topRow)->id;
        const qint64 before = model->totalCount();
        const int reloadsBefore = page.liveReloads();

        // Another connection submits a photo; nobody touches the page.
        const qint64 fresh = submitFromElsewhere(db->target());
        QTRY_VERIFY_WITH_TIMEOUT(model->findPhoto(fresh) >= 0, 15000);
        QTRY_COMPARE(model->totalCount(), before + 1);
        QCOMPARE(page.liveReloads(), reloadsBefore + 1);
        QTRY_VERIFY(!page.isBusy());

        // Same photo open (not even drawn again), same selection, same row at the top.
        QCOMPARE(page.currentPhotoId(), current);
        QCOMPARE(model->rowAt(page.currentRow())->id, current);
        QCOMPARE(page.viewer()->detail(), shownDetail);
        QSet<qint64> nowSelected;
        for (const QModelIndex &i : queue->selectionModel()->selectedRows())
            nowSelected.insert(model->rowAt(i.row())->id);
        QCOMPARE(nowSelected, selected);
        QCOMPARE(model->rowAt(queue->rowAt(0))->id, top);

        // Nothing arrives: no reload. The reviewer's own decision is no arrival either: the page
        // moves on to the next photo and is not reloaded under them.
        page.approve();
        QTRY_VERIFY(page.currentPhotoId() != current && page.currentPhotoId() != 0);
        const qint64 next = page.currentPhotoId();
        QTest::qWait(1500);
        QCOMPARE(page.liveReloads(), reloadsBefore + 1);
        QCOMPARE(page.currentPhotoId(), next);
    }
};

QTEST_MAIN(TestLiveQueue)
#include "test_live_queue.moc"
