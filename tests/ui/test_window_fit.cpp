// The main window on the screens of a school office, offscreen: a 1366x768 screen (the
// primary one) and a 1920x1080 one beside it, optionally scaled by QT_SCALE_FACTOR (ctest
// runs this at 100 %, 150 % and 200 %; the screens' pixel sizes grow with the factor so the
// logical desktop stays the same). Checks that the window opens inside the available area
// of its screen with its status bar visible, that every page fits there without being
// squeezed below its minimum size, that icons are drawn at the screen's pixel density,
// that the geometry is remembered per screen, and the navigation's narrow mode and count.
#include "db/database.h"
#include "db/review_repo.h"
#include "demo/demo_generator.h"
#include "review/queue_query.h"
#include "shell/app_context.h"
#include "shell/main_window.h"
#include "shell/nav_delegate.h"
#include "shell/page.h"
#include "test_support.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListWidget>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QtTest>

using namespace tucai;

namespace {

qreal scaleFactor()
{
    const qreal f = qEnvironmentVariable("QT_SCALE_FACTOR").toDouble();
    return f > 0 ? f : 1.0;
}

// Written before QApplication exists: the offscreen platform reads its screens from it.
QString writeScreens(const QString &dir)
{
    const qreal f = scaleFactor();
    auto screen = [f](const char *name, int x, int w, int h) {
        return QJsonObject{{QStringLiteral("name"), QString::fromLatin1(name)}, {QStringLiteral("x"), int(x * f)}, {QStringLiteral("y"), 0},
                           {QStringLiteral("width"), int(w * f)}, {QStringLiteral("height"), int(h * f)},
                           {QStringLiteral("logicalDpi"), 96}, {QStringLiteral("logicalBaseDpi"), 96}, {QStringLiteral("dpr"), 1.0}};
    };
    const QJsonObject config{{QStringLiteral("windowFrameMargins"), true},
                             {QStringLiteral("screens"), QJsonArray{screen("office", 0, 1366, 768), screen("wide", 1366, 1920, 1080)}}};
    const QString path = dir + QStringLiteral("/screens.json");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(QJsonDocument(config).toJson());
    return path;
}

QScreen *screenNamed(const QString &name)
{
    for (QScreen *s : QGuiApplication::screens())
        if (s->name() == name)
            return s;
    return nullptr;
}

bool inside(const QRect &outer, const QRect &inner) { return outer.contains(inner.topLeft()) && outer.contains(inner.bottomRight()); }

QString rectText(const QRect &r) { return QStringLiteral("%1,%2 %3x%4").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height()); }

} // namespace

class TestWindowFit : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::shared_ptr<db::Database> m_db;
    accounts::Session m_admin;

    void clearWindowSettings()
    {
        QSettings s;
        s.remove(QStringLiteral("mainWindow"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The remembered geometry of each scale in settings of its own: ctest -j runs the 100 %, 150 %
        // and 200 % variants at once, and one's init() cleared what another had just saved.
        QApplication::setOrganizationName(QStringLiteral("TucaiWindowFit-%1").arg(int(scaleFactor() * 100)));
        QCOMPARE(QGuiApplication::screens().size(), 2);
        QCOMPARE(QGuiApplication::primaryScreen()->name(), QStringLiteral("office"));
        // The logical desktop is the same at every scale factor.
        QCOMPARE(QGuiApplication::primaryScreen()->availableGeometry().size(), QSize(1366, 768));
        QCOMPARE(QGuiApplication::primaryScreen()->devicePixelRatio(), scaleFactor());
        m_db = std::make_shared<db::Database>(db::DbTarget::sqlite(m_dir.filePath(QStringLiteral("fit.sqlite"))));
        m_db->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        demo::DemoOptions opt;
        opt.students = 120;
        opt.nowMs = 1772877348000;
        opt.runChecks = false;
        demo::createDemoSchool(*m_db, opt);
        const auto r = accounts::AuthService(*m_db).login(QStringLiteral("admin"), QStringLiteral("Admin@2026"));
        QVERIFY(r.session);
        m_admin = *r.session;
    }

    void init() { clearWindowSettings(); }

    void opensInsideTheSmallScreen()
    {
        ui::AppContext ctx(m_db, m_admin);
        ui::MainWindow window(ctx);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QScreen *screen = window.screen();
        QCOMPARE(screen->name(), QStringLiteral("office"));
        const QRect area = screen->availableGeometry();
        // 1366x768 has no room for 1280x800 with a frame: the window opens maximised.
        QVERIFY(window.isMaximized());
        QVERIFY2(inside(area, window.frameGeometry()), qPrintable(rectText(window.frameGeometry()) + QStringLiteral(" outside ") + rectText(area)));
        // The status bar (role and database) is on the screen.
        QStatusBar *status = window.statusBar();
        QVERIFY(status->isVisible());
        const QRect statusOnScreen(status->mapToGlobal(QPoint(0, 0)), status->size());
        QVERIFY2(inside(area, statusOnScreen), qPrintable(rectText(statusOnScreen)));
        // Un-maximised it still fits.
        window.showNormal();
        QTRY_VERIFY(!window.isMaximized());
        QVERIFY2(inside(area, window.frameGeometry()), qPrintable(rectText(window.frameGeometry())));
    }

    void everyPageFitsWithoutSqueezing()
    {
        ui::AppContext ctx(m_db, m_admin);
        ui::MainWindow window(ctx);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QRect area = window.screen()->availableGeometry();
        auto *stack = window.findChild<QStackedWidget *>(QStringLiteral("pages"));
        for (ui::Page *p : window.pages()) {
            window.showPage(p->pageId());
            QTest::qWait(150);
            // Below its minimum size a layout squeezes (cuts) its widgets; the window can grant
            // every page's minimum inside the screen.
            QVERIFY2(window.minimumSizeHint().width() <= area.width() && window.minimumSizeHint().height() <= area.height(),
                     qPrintable(p->pageId() + QStringLiteral(": window minimum %1x%2").arg(window.minimumSizeHint().width()).arg(window.minimumSizeHint().height())));
            const QSize need = p->minimumSizeHint();
            QVERIFY2(stack->width() >= need.width() && stack->height() >= need.height(),
                     qPrintable(p->pageId() + QStringLiteral(" needs %1x%2, has %3x%4").arg(need.width()).arg(need.height()).arg(stack->width()).arg(stack->height())));
            // Buttons show their whole text.
            for (QAbstractButton *b : p->findChildren<QAbstractButton *>()) {
                if (!b->isVisible() || b->text().isEmpty())
                    continue;
                QVERIFY2(b->width() >= b->minimumSizeHint().width(), qPrintable(p->pageId() + QStringLiteral(": button ") + b->text()));
            }
        }
    }

    void iconsAreDrawnAtThePixelDensity()
    {
        ui::AppContext ctx(m_db, m_admin);
        ui::MainWindow window(ctx);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const qreal dpr = window.devicePixelRatioF();
        QCOMPARE(dpr, scaleFactor());
        auto *nav = window.findChild<QListWidget *>(QStringLiteral("navigation"));
        QCOMPARE(nav->count(), window.pages().size());
        for (int i = 0; i < nav->count(); ++i) {
            const QIcon icon = nav->item(i)->icon();
            QVERIFY2(!icon.isNull(), qPrintable(nav->item(i)->text()));
            const QPixmap pm = icon.pixmap(nav->iconSize(), dpr);
            // A vector icon renders every device pixel: not an upscaled small bitmap.
            QCOMPARE(pm.size(), nav->iconSize() * dpr);
            QCOMPARE(pm.devicePixelRatio(), dpr);
        }
        // Every icon on buttons and actions (e.g. the review page's overlay colours) has
        // pixels for this density.
        for (ui::Page *p : window.pages()) {
            window.showPage(p->pageId());
            // Item icons: the overlay layers' colour swatches, the photo thumbnails.
            for (QListWidget *list : p->findChildren<QListWidget *>())
                for (int i = 0; i < list->count(); ++i) {
                    const QIcon icon = list->item(i)->icon();
                    if (icon.isNull())
                        continue;
                    const QPixmap pm = icon.pixmap(QSize(14, 14), dpr);
                    QVERIFY2(pm.width() >= qRound(14 * dpr), qPrintable(p->pageId() + QStringLiteral(": ") + list->item(i)->text()));
                }
            for (QAction *a : p->findChildren<QAction *>()) {
                if (a->icon().isNull() || a->objectName().startsWith(QLatin1String("_q_"))) // Qt's own (line edits' clear button)
                    continue;
                const QPixmap pm = a->icon().pixmap(QSize(14, 14), dpr);
                QVERIFY2(pm.width() >= qRound(14 * dpr), qPrintable(p->pageId() + QStringLiteral(": ") + a->text()));
            }
        }
    }

    void geometryIsRememberedPerScreen()
    {
        QScreen *office = screenNamed(QStringLiteral("office"));
        QScreen *wide = screenNamed(QStringLiteral("wide"));
        QVERIFY(office && wide);
        const QRect officeRect(office->availableGeometry().topLeft() + QPoint(40, 60), QSize(1200, 640));
        const QRect wideRect(wide->availableGeometry().topLeft() + QPoint(100, 80), QSize(1500, 900));
        {
            ui::AppContext ctx(m_db, m_admin);
            ui::MainWindow window(ctx);
            window.show();
            window.showNormal();
            window.setGeometry(officeRect);
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QTRY_COMPARE(window.geometry(), officeRect);
            window.close();
        }
        {
            // Next start: the office geometry comes back. Then the window moves to the wide screen.
            ui::AppContext ctx(m_db, m_admin);
            ui::MainWindow window(ctx);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(!window.isMaximized());
            QCOMPARE(window.geometry(), officeRect);
            window.setGeometry(wideRect);
            QTRY_COMPARE(window.screen()->name(), QStringLiteral("wide"));
            window.close();
        }
        QSettings settings;
        QVERIFY(settings.contains(ui::MainWindow::geometryKey(office)));
        QVERIFY(settings.contains(ui::MainWindow::geometryKey(wide)));
        QCOMPARE(settings.value(QStringLiteral("mainWindow/lastScreen")).toString(), ui::MainWindow::geometryKey(wide));
        {
            // It opens where it was last, with that screen's geometry; the office one is kept.
            ui::AppContext ctx(m_db, m_admin);
            ui::MainWindow window(ctx);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QCOMPARE(window.screen()->name(), QStringLiteral("wide"));
            QCOMPARE(window.geometry(), wideRect);
        }
        // A geometry saved for a screen but larger than it (a damaged or hand-edited setting)
        // is shrunk into the screen.
        settings.setValue(QStringLiteral("mainWindow/lastScreen"), ui::MainWindow::geometryKey(office));
        {
            ui::AppContext ctx(m_db, m_admin);
            ui::MainWindow big(ctx);
            big.showNormal();
            big.setGeometry(QRect(office->availableGeometry().topLeft(), QSize(2400, 1400)));
            settings.setValue(ui::MainWindow::geometryKey(office), big.saveGeometry());
            big.hide();
        }
        {
            ui::AppContext ctx(m_db, m_admin);
            ui::MainWindow window(ctx);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY2(inside(office->availableGeometry(), window.frameGeometry()), qPrintable(rectText(window.frameGeometry())));
        }
    }

    void firstStartOnALargeScreenUsesThePreferredSize()
    {
        QScreen *wide = screenNamed(QStringLiteral("wide"));
        QSettings().setValue(QStringLiteral("mainWindow/lastScreen"), ui::MainWindow::geometryKey(wide));
        ui::AppContext ctx(m_db, m_admin);
        ui::MainWindow window(ctx);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.isMaximized());
        QCOMPARE(window.size(), QSize(1280, 800));
        QVERIFY(inside(wide->availableGeometry(), window.frameGeometry()));
    }

    void narrowNavigationAndReviewCount()
    {
        ui::AppContext ctx(m_db, m_admin);
        ui::MainWindow window(ctx);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *nav = window.findChild<QListWidget *>(QStringLiteral("navigation"));
        // The count beside the review entry is the number of photos awaiting review.
        const qint64 pending = db::ReviewRepo(*m_db).count({m_admin.staffId, m_admin.schoolId, m_admin.role, m_admin.collegeId, m_admin.displayName},
                                                            review::QueueQuery{});
        QVERIFY(pending > 0);
        QListWidgetItem *reviewItem = nav->item(0);
        QCOMPARE(reviewItem->data(Qt::UserRole).toString(), QStringLiteral("review"));
        QTRY_COMPARE(reviewItem->data(ui::NavDelegate::kBadgeRole).toLongLong(), pending);
        QVERIFY(reviewItem->toolTip().contains(QString::number(pending)));
        const int wideWidth = nav->width();

        // Narrow: icons only, by the Go menu's action (Ctrl+Shift+N); the titles stay in the tooltips.
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(window.narrowNavigation());
        QTRY_VERIFY(nav->width() < wideWidth);
        QVERIFY2(nav->width() <= 80, qPrintable(QString::number(nav->width())));
        QCOMPARE(nav->item(1)->toolTip(), window.pages().at(1)->title());
        // Still a working navigation: a click on the second icon opens the second page.
        QTest::mouseClick(nav->viewport(), Qt::LeftButton, {}, nav->visualItemRect(nav->item(1)).center());
        QCOMPARE(window.findChild<QStackedWidget *>(QStringLiteral("pages"))->currentIndex(), 1);
        window.close();
        QCOMPARE(QSettings().value(QStringLiteral("mainWindow/narrowNavigation")).toBool(), true);

        // Remembered at the next start; the shortcut brings the titles back.
        ui::MainWindow again(ctx);
        again.show();
        QVERIFY(QTest::qWaitForWindowActive(&again));
        QVERIFY(again.narrowNavigation());
        QTest::keyClick(&again, Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(!again.narrowNavigation());
    }
};

int main(int argc, char **argv)
{
    // In the working folder and named relative to it: the platform argument separates its options
    // with ':', so a Windows path (C:/...) would be cut at the drive letter, and the temporary
    // folder may be on another drive (under Wine it is C:, the build Z:).
    QTemporaryDir dir(QDir::current().filePath(QStringLiteral("window-fit-XXXXXX")));
    const QString screens = QDir::current().relativeFilePath(writeScreens(dir.path()));
    qputenv("QT_QPA_PLATFORM", (QStringLiteral("offscreen:configfile=") + screens).toUtf8());
    QApplication app(argc, argv);
    TestWindowFit test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "test_window_fit.moc"
