// Issue 15: the students page and the dashboard show changes made by another connection without any
// user action (PostgreSQL: LISTEN/NOTIFY from statement triggers; SQLite: change counters bumped by
// triggers, polled), and the students page keeps the selection, the current student and the student
// at the top of the list by id, even when a new student shifts every row. Nothing is reloaded while
// a modal dialog is open.
#include "dashboard/dashboard_data.h"
#include "db/database.h"
#include "demo/demo_generator.h"
#include "pages/dashboard/dashboard_page.h"
#include "pages/students/student_list_model.h"
#include "pages/students/students_page.h"
#include "shell/app_context.h"
#include "test_support.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDialog>
#include <QLabel>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QtTest>

using namespace tucai;

namespace {

// A statement run by another program on its own connection (the student side, another staff member).
QVariant elsewhere(const db::DbTarget &target, const QString &sql, const QVariantList &values = {})
{
    db::Database other(target);
    other.open();
    QSqlQuery q(other.connection());
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        qFatal("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
    return q.next() ? q.value(0) : QVariant();
}

std::shared_ptr<db::Database> demoDatabase(const QString &engine, const QTemporaryDir &dir, const QString &name)
{
    std::shared_ptr<db::Database> db = test::freshDatabase(engine, dir, name);
    if (!db)
        return nullptr;
    db->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
    demo::DemoOptions opt;
    opt.students = 400;
    opt.nowMs = 1772877348000;
    opt.runChecks = false;
    demo::createDemoSchool(*db, opt);
    return db;
}

QSet<qint64> selectedIds(QTableView *table, ui::StudentListModel *model)
{
    QSet<qint64> ids;
    for (const QModelIndex &i : table->selectionModel()->selectedRows())
        if (const auto *r = model->rowAt(i.row()))
            ids.insert(r->student.id);
    return ids;
}

} // namespace

class TestLivePages : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QApplication::setOrganizationName(QStringLiteral("TucaiTest"));
        QApplication::setApplicationName(QStringLiteral("test_live_pages"));
        // The photo store's disk cache: the test's own, empty (also on Windows).
        test::freshCacheFolder(m_dir);
    }

    void studentsPageFollowsChanges_data() { TUCAI_ENGINE_ROWS(); }
    void studentsPageFollowsChanges()
    {
        QFETCH(QString, engine);
        std::shared_ptr<db::Database> db = demoDatabase(engine, m_dir, QStringLiteral("live_students"));
        if (!db)
            TUCAI_REQUIRE_PG();
        const db::DbTarget target = db->target();
        ui::AppContext ctx(db, test::sessionOf(*db, QStringLiteral("admin")));
        ctx.setChangeCheckInterval(300);
        ui::StudentsPage page(ctx);
        auto *model = page.model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.resize(1200, 500); // a short list: it scrolls
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.activate();
        auto *table = page.findChild<QTableView *>(QStringLiteral("studentsTable"));
        auto *header = page.findChild<QLabel *>(QStringLiteral("studentDetailHeader"));
        QVERIFY(table && header);
        QTRY_VERIFY(model->rowCount() == 400 && !model->isLoading() && model->rowAt(40));
        QTRY_COMPARE(ctx.changeWatchListening(), engine == QLatin1String("postgres"));

        // The user's place: students 30 and 32 selected, 30 current, row 25 at the top.
        table->selectionModel()->setCurrentIndex(model->index(30, ui::StudentListModel::Name),
                                                 QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        table->selectionModel()->select(model->index(32, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        table->scrollTo(model->index(25, 0), QAbstractItemView::PositionAtTop);
        QCOMPARE(table->rowAt(0), 25);
        const qint64 current = model->rowAt(30)->student.id;
        const QSet<qint64> selected{current, model->rowAt(32)->student.id};
        const qint64 top = model->rowAt(25)->student.id;
        const db::StudentRow first = *model->rowAt(0);
        QVERIFY(model->rowAt(30)->student.state != tucai::StudentState::LockedLiveness);
        QTest::qWait(800); // the page's own first reads are not counted below
        const int refreshesBefore = page.liveRefreshes();

        // Elsewhere: the current student is locked after liveness failures, and a new student is
        // registered who sorts first, so every row moves down by one.
        elsewhere(target, QStringLiteral("UPDATE students SET state = 'locked_liveness', lock_kind = 'liveness', liveness_failures = 3, "
                                         "row_version = row_version + 1 WHERE id = ?"),
                  {current});
        elsewhere(target, QStringLiteral("INSERT INTO students (school_id, college_id, class_id, student_no, name, created_at, updated_at) "
                                         "VALUES (?, ?, ?, '0000000000', '新同学', 1772877348000, 1772877348000)"),
                  {first.student.schoolId, first.student.collegeId, first.student.classId});

        // Nobody touches the page.
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() == 401 && model->findStudent(current) == 31
                                     && model->rowAt(31)->student.state == tucai::StudentState::LockedLiveness,
                                 15000);
        QTRY_VERIFY(!model->isLoading());
        QVERIFY(page.liveRefreshes() > refreshesBefore);
        QCOMPARE(model->rowAt(0)->student.studentNo, QStringLiteral("0000000000"));
        // Same students selected, same current student, same student at the top: by id, not by row.
        QCOMPARE(selectedIds(table, model), selected);
        QCOMPARE(model->rowAt(table->currentIndex().row())->student.id, current);
        QCOMPARE(table->currentIndex().column(), int(ui::StudentListModel::Name));
        QCOMPARE(model->rowAt(table->rowAt(0))->student.id, top);
        QCOMPARE(table->rowAt(0), 26);

        // One student selected: the detail panel shows what another program changes about them.
        table->selectionModel()->setCurrentIndex(model->index(31, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QTRY_VERIFY(header->text().contains(model->rowAt(31)->student.studentNo));
        QVERIFY(!header->text().contains(QStringLiteral("extra attempts: 7")));
        elsewhere(target, QStringLiteral("UPDATE students SET extra_attempts = 7, row_version = row_version + 1 WHERE id = ?"), {current});
        QTRY_VERIFY_WITH_TIMEOUT(header->text().contains(QStringLiteral("extra attempts: 7")), 15000);
        QCOMPARE(selectedIds(table, model), QSet<qint64>{current});

        // A dialog is open (a reason being typed): the list waits until it is closed.
        QTRY_VERIFY(!model->isLoading());
        QTest::qWait(800);
        QDialog dialog(&page);
        dialog.setModal(true);
        dialog.show();
        QVERIFY(QApplication::activeModalWidget() == &dialog);
        const int whileDialog = page.liveRefreshes();
        const int otherBefore = model->rowAt(31)->student.otherFailures;
        elsewhere(target, QStringLiteral("UPDATE students SET other_failures = other_failures + 5, row_version = row_version + 1 WHERE id = ?"),
                  {current});
        QTest::qWait(2000);
        QCOMPARE(page.liveRefreshes(), whileDialog);
        QCOMPARE(model->rowAt(31)->student.otherFailures, otherBefore);
        dialog.close();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowAt(31) && model->rowAt(31)->student.otherFailures == otherBefore + 5, 15000);
        QCOMPARE(model->rowAt(31)->student.id, current);
    }

    void dashboardFollowsChanges_data() { TUCAI_ENGINE_ROWS(); }
    void dashboardFollowsChanges()
    {
        QFETCH(QString, engine);
        std::shared_ptr<db::Database> db = demoDatabase(engine, m_dir, QStringLiteral("live_dashboard"));
        if (!db)
            TUCAI_REQUIRE_PG();
        ui::AppContext ctx(db, test::sessionOf(*db, QStringLiteral("admin")));
        ctx.setChangeCheckInterval(300);
        ui::DashboardPage page(ctx);
        page.setLiveRefreshInterval(300);
        page.resize(1200, 800);
        page.QWidget::show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.activate();
        QTRY_VERIFY_WITH_TIMEOUT(!page.isLoading() && page.data().totalStudents == 400, 30000);
        const auto approved = [&] { return page.data().overall[int(dashboard::Bucket::Approved)]; };
        const auto locked = [&] { return page.data().overall[int(dashboard::Bucket::Locked)]; };
        const qint64 approvedBefore = approved();
        const qint64 lockedBefore = locked();
        const int refreshesBefore = page.liveRefreshes();

        // Elsewhere: two students not yet started are approved and one is locked.
        elsewhere(db->target(), QStringLiteral("UPDATE students SET state = 'approved', row_version = row_version + 1 WHERE id IN "
                                               "(SELECT id FROM students WHERE state = 'not_started' ORDER BY id LIMIT 2)"));
        elsewhere(db->target(), QStringLiteral("UPDATE students SET state = 'locked_liveness', lock_kind = 'liveness', row_version = row_version + 1 "
                                               "WHERE id = (SELECT MIN(id) FROM students WHERE state = 'not_started')"));
        QTRY_VERIFY_WITH_TIMEOUT(approved() == approvedBefore + 2 && locked() == lockedBefore + 1, 15000);
        QVERIFY(page.liveRefreshes() > refreshesBefore);
        QCOMPARE(page.data().totalStudents, qint64(400));
    }
};

QTEST_MAIN(TestLivePages)
#include "test_live_pages.moc"
