// The dashboard and export pages offscreen on a demo school: click a bar or a slice and land on the
// filtered students list; the still-missing list; an export from the page; a screenshot in Chinese.
#include "dashboard/dashboard_data.h"
#include "db/account_repo.h"
#include "db/database.h"
#include "db/export_repo.h"
#include "db/school_repo.h"
#include "db/staff_repo.h"
#include "demo/demo_generator.h"
#include "import/table_reader.h"
#include "pages/dashboard/dashboard_charts.h"
#include "pages/dashboard/dashboard_page.h"
#include "pages/dashboard/still_missing.h"
#include "pages/export/export_page.h"
#include "shell/app_context.h"
#include "shell/main_window.h"
#include "shell/page.h"
#include "test_support.h"

#include <QDir>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTimer>
#include <QTranslator>
#include <QtTest>

using namespace tucai;

class TestDashboardUi : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::shared_ptr<db::Database> m_db;
    accounts::Session m_admin;

    static QString currentPageId(ui::MainWindow &w)
    {
        auto *stack = w.findChild<QStackedWidget *>(QStringLiteral("pages"));
        auto *page = qobject_cast<ui::Page *>(stack->currentWidget());
        return page ? page->pageId() : QString();
    }

    static ui::DashboardPage *openDashboard(ui::MainWindow &w)
    {
        w.resize(1400, 950);
        w.show();
        if (!QTest::qWaitForWindowExposed(&w))
            return nullptr;
        auto *page = qobject_cast<ui::DashboardPage *>(w.page(QStringLiteral("dashboard")));
        QSignalSpy refreshed(page, &ui::DashboardPage::refreshed);
        w.showPage(QStringLiteral("dashboard"));
        if (page->data().totalStudents == 0 && !refreshed.wait(30000))
            return nullptr;
        QCoreApplication::processEvents();
        return page;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QApplication::setOrganizationName(QStringLiteral("TucaiTestDashboard"));
        m_db = std::make_shared<db::Database>(db::DbTarget::sqlite(m_dir.filePath(QStringLiteral("dash.sqlite"))));
        m_db->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        demo::DemoOptions opt;
        opt.students = 400;
        opt.nowMs = 1772877348000;
        opt.facesDir = test::facesDir();
        demo::createDemoSchool(*m_db, opt);
        db::setFixedNowMs(opt.nowMs); // the demo's "today", so its window fills the trend chart
        const auto admin = db::StaffRepo(*m_db).findByUsername(QStringLiteral("admin"));
        QVERIFY(admin);
        m_admin.staffId = admin->id;
        m_admin.schoolId = admin->schoolId;
        m_admin.username = admin->username;
        m_admin.displayName = admin->displayName;
        m_admin.role = admin->role;
    }

    void cleanupTestCase() { db::setFixedNowMs(0); }

    void clickBarLandsOnFilteredList()
    {
        ui::AppContext ctx(m_db, m_admin);
        ui::MainWindow w(ctx);
        ui::DashboardPage *page = openDashboard(w);
        QVERIFY(page);
        QCOMPARE(currentPageId(w), QStringLiteral("dashboard"));
        const dashboard::DashboardData &d = page->data();
        QCOMPARE(d.colleges.size(), 5);
        QCOMPARE(d.totalStudents, 400);
        // The second college's "approved" bar.
        const int row = 1;
        QVERIFY(d.colleges.at(row).counts[int(dashboard::Bucket::Approved)] > 0);
        const QPoint at = page->charts()->barCentre(row, dashboard::Bucket::Approved);
        QVERIFY(page->charts()->progressView()->rect().contains(at));
        // Colleges top-down in code order, as in every other list.
        QVERIFY(page->charts()->barCentre(0, dashboard::Bucket::Approved).y() < at.y());
        QSignalSpy asked(page, &ui::DashboardPage::openFilteredList);
        QTest::mouseClick(page->charts()->progressView()->viewport(), Qt::LeftButton, {}, at);
        QTRY_COMPARE(asked.size(), 1);
        QTRY_COMPARE(currentPageId(w), QStringLiteral("students"));
        const QVariantMap filter = page->lastFilter();
        QCOMPARE(page->lastTargetPage(), QStringLiteral("students"));
        QCOMPARE(filter.value(QStringLiteral("college")).toLongLong(), d.colleges.at(row).collegeId);
        QCOMPARE(filter.value(QStringLiteral("state")).toString(), QStringLiteral("approved"));
        QCOMPARE(filter.value(QStringLiteral("states")).toStringList(), QStringList({QStringLiteral("approved"), QStringLiteral("exported")}));
        // The students page took the filter.
        if (auto *status = w.findChild<QComboBox *>(QStringLiteral("studentsStatus"))) {
            QCOMPARE(status->currentData().toString(), QStringLiteral("approved"));
            QCOMPARE(w.findChild<QComboBox *>(QStringLiteral("studentsCollege"))->currentData().toLongLong(), d.colleges.at(row).collegeId);
        }
    }

    void clickSliceLandsOnFilteredList()
    {
        ui::AppContext ctx(m_db, m_admin);
        ui::MainWindow w(ctx);
        ui::DashboardPage *page = openDashboard(w);
        QVERIFY(page);
        const QPoint at = page->charts()->sliceCentre(dashboard::Bucket::AwaitingReview);
        QVERIFY(!at.isNull());
        QTest::mouseClick(page->charts()->donutView()->viewport(), Qt::LeftButton, {}, at);
        QTRY_COMPARE(currentPageId(w), QStringLiteral("students"));
        QCOMPARE(page->lastFilter().value(QStringLiteral("state")).toString(), QStringLiteral("awaiting_review"));
        QVERIFY(!page->lastFilter().contains(QStringLiteral("college"))); // the whole school
        // The students page shows exactly the group: awaiting payment or review.
        auto *status = w.findChild<QComboBox *>(QStringLiteral("studentsStatus"));
        QVERIFY(status);
        QCOMPARE(status->currentData().toString(), QStringLiteral("submitted"));
    }

    void figuresAndTimer()
    {
        ui::AppContext ctx(m_db, m_admin);
        ui::MainWindow w(ctx);
        ui::DashboardPage *page = openDashboard(w);
        QVERIFY(page);
        const dashboard::DashboardData &d = page->data();
        QVERIFY(d.days.size() >= 20);
        QVERIFY(!d.reviewers.isEmpty());
        if (!test::facesDir().isEmpty())
            QVERIFY(!d.topRules.isEmpty()); // the demo's checked photos carry violations
        auto *interval = page->findChild<QComboBox *>(QStringLiteral("dashboardInterval"));
        auto *timer = page->findChild<QTimer *>(QStringLiteral("dashboardTimer"));
        interval->setCurrentIndex(interval->findData(60));
        QVERIFY(timer->isActive());
        QCOMPARE(timer->interval(), 60000);
        interval->setCurrentIndex(interval->findData(0));
        QVERIFY(!timer->isActive());
        // F5 recomputes.
        QSignalSpy refreshed(page, &ui::DashboardPage::refreshed);
        page->findChild<QPushButton *>(QStringLiteral("dashboardRefresh"))->click();
        QVERIFY(refreshed.wait(30000));
    }

    void stillMissingCopyAndSave()
    {
        ui::AppContext ctx(m_db, m_admin);
        ui::MainWindow w(ctx);
        ui::DashboardPage *page = openDashboard(w);
        QVERIFY(page);
        ui::StillMissingWidget *missing = page->stillMissing();
        QAbstractItemModelTester tester(missing->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        page->findChild<QTabWidget *>(QStringLiteral("dashboardTabs"))->setCurrentWidget(missing);
        auto *college = missing->findChild<QComboBox *>(QStringLiteral("missingCollege"));
        auto *cls = missing->findChild<QComboBox *>(QStringLiteral("missingClass"));
        QTRY_VERIFY(missing->model()->rowCount() > 0);
        const int all = missing->model()->rowCount();
        college->setCurrentIndex(1);
        cls->setCurrentIndex(1);
        QTRY_VERIFY(missing->model()->rowCount() > 0 && missing->model()->rowCount() < all);
        const QString className = cls->currentText();
        for (const db::MissingRow &r : missing->model()->rows()) {
            QCOMPARE(r.className, className);
            QVERIFY(r.state != QLatin1String("approved"));
        }
        missing->copyToClipboard();
        const QString text = QApplication::clipboard()->text();
        QVERIFY2(text.contains(className), qPrintable(text));
        QVERIFY(text.contains(missing->model()->rows().first().studentNo));
        QCOMPARE(text.count(QLatin1Char('\n')), missing->model()->rowCount() + 1);
        const QString xlsx = m_dir.filePath(QStringLiteral("missing.xlsx"));
        QVERIFY(missing->saveXlsx(xlsx));
        // Read back with the roster reader (libzip + the sheet XML), as the file would be imported.
        const import::TableData back = import::readXlsxFile(xlsx);
        QCOMPARE(back.rows.size(), missing->model()->rowCount() + 1);
        bool found = false;
        for (const QStringList &row : back.rows)
            found = found || row.contains(missing->model()->rows().first().name);
        QVERIFY(found);
    }

    void exportFromThePage()
    {
        ui::AppContext ctx(m_db, m_admin);
        ui::MainWindow w(ctx);
        w.show();
        w.showPage(QStringLiteral("export"));
        auto *page = qobject_cast<ui::ExportPage *>(w.page(QStringLiteral("export")));
        QVERIFY(page);
        const QString out = m_dir.filePath(QStringLiteral("page-export"));
        page->findChild<QLineEdit *>(QStringLiteral("exportOutDir"))->setText(out);
        page->findChild<QComboBox *>(QStringLiteral("exportLayout"))->setCurrentIndex(1); // one zip
        QSignalSpy done(page, &ui::ExportPage::finished);
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("exportStart")), Qt::LeftButton);
        QVERIFY(page->isRunning() || done.size() == 1);
        QVERIFY(done.size() == 1 || done.wait(60000));
        QCOMPARE(done.first().first().toBool(), true);
        const exporting::ExportResult &r = page->lastResult();
        QCOMPARE(r.packages.size(), 1);
        QVERIFY(r.files.size() > 0);
        QVERIFY(QFileInfo::exists(out + QStringLiteral("/approved_photos.zip")));
        QVERIFY(QFileInfo::exists(out + QStringLiteral("/manifest.xlsx")));
        // College folders inside the one zip.
        QVERIFY(r.files.first().path.count(QLatin1Char('/')) == 2);
    }

    // A reviewer assigned a single class lists and exports that class only.
    void reviewerExportsOnlyTheirClass()
    {
        const auto reviewer = db::StaffRepo(*m_db).findByUsername(QStringLiteral("reviewer1"));
        QVERIFY(reviewer);
        const auto before = db::AccountRepo(*m_db).staffScopes(reviewer->id);
        QVERIFY(!before.isEmpty());
        const qint64 college = before.first().collegeId;
        const QList<ClassInfo> classes = db::SchoolRepo(*m_db).classes(college);
        QVERIFY(classes.size() > 1);
        // The class of that college with the most approved photos.
        qint64 only = 0;
        int most = -1;
        for (const ClassInfo &c : classes) {
            db::ExportSelection sel;
            sel.classIds = {c.id};
            const int n = int(db::ExportRepo(*m_db).approvedPhotos(sel).size());
            if (n > most)
                most = n, only = c.id;
        }
        QVERIFY(most > 0);
        db::StaffRepo staff(*m_db);
        staff.clearScopes(reviewer->id);
        staff.addScope(reviewer->id, college, only);

        accounts::Session session = m_admin;
        session.staffId = reviewer->id;
        session.username = reviewer->username;
        session.displayName = reviewer->displayName;
        session.role = StaffRole::Reviewer;
        ui::AppContext ctx(m_db, session);
        ui::MainWindow w(ctx);
        w.show();
        w.showPage(QStringLiteral("export"));
        auto *page = qobject_cast<ui::ExportPage *>(w.page(QStringLiteral("export")));
        QVERIFY(page);
        auto *classList = page->findChild<QListWidget *>(QStringLiteral("exportClasses"));
        QVERIFY(classList);
        QCOMPARE(classList->count(), 1);
        QCOMPARE(classList->item(0)->data(Qt::UserRole).toLongLong(), only);
        page->findChild<QLineEdit *>(QStringLiteral("exportOutDir"))->setText(m_dir.filePath(QStringLiteral("reviewer-export")));
        QSignalSpy done(page, &ui::ExportPage::finished);
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("exportStart")), Qt::LeftButton);
        QVERIFY(done.size() == 1 || done.wait(60000));
        const exporting::ExportResult &r = page->lastResult();
        QCOMPARE(int(r.files.size()), most);
        for (const exporting::ExportedFile &f : r.files)
            QCOMPARE(f.row.classId, only);
        staff.clearScopes(reviewer->id);
        for (const auto &sc : before)
            staff.addScope(reviewer->id, sc.collegeId, sc.classId);
    }

    void screenshotInChinese()
    {
        QTranslator zh;
        const bool haveZh = zh.load(QStringLiteral(":/i18n/tucai_zh_CN.qm"));
        if (haveZh)
            QCoreApplication::installTranslator(&zh);
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        {
            ui::AppContext ctx(m_db, m_admin);
            ui::MainWindow w(ctx);
            ui::DashboardPage *page = openDashboard(w);
            QVERIFY(page);
            QTest::qWait(200);
            const QPixmap shot = w.grab();
            QVERIFY(!shot.isNull());
            const QString path = QDir::temp().filePath(QStringLiteral("tucai-dashboard-zh.png"));
            QVERIFY(shot.save(path));
            // Every chart at full size, as the scroll area holds it.
            auto *scroll = page->findChild<QScrollArea *>(QStringLiteral("dashboardScroll"));
            QVERIFY(scroll && scroll->widget());
            const QString full = QDir::temp().filePath(QStringLiteral("tucai-dashboard-zh-charts.png"));
            QVERIFY(scroll->widget()->grab().save(full));
            qInfo("dashboard screenshots: %s, %s (translator %s)", qPrintable(path), qPrintable(full), haveZh ? "loaded" : "missing");
        }
        QLocale::setDefault(QLocale(QLocale::English));
        QCoreApplication::removeTranslator(&zh);
    }
};

QTEST_MAIN(TestDashboardUi)
#include "test_dashboard_ui.moc"
