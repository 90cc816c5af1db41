// The translation walk: the main window on a demo school in zh_CN, every page, every menu,
// every filter combo (each item selected in turn), every dialog the pages open through
// their "…" actions and buttons, the message boxes they answer with, and the log-in and
// connection dialogs. Fails on any visible text with Latin letters that the allow-list of
// proper names and formats below does not explain: such a text did not go through a
// translation (or its translation is missing).
#include "accounts/auth_service.h"
#include "checks/check_profile.h"
#include "db/database.h"
#include "demo/demo_generator.h"
#include "pages/codes/file_dialog.h"
#include "shell/app_context.h"
#include "shell/connection_dialog.h"
#include "shell/login_dialog.h"
#include "shell/main_window.h"
#include "shell/message_box.h"
#include "shell/page.h"
#include "shell/startup.h"
#include "shell/welcome_dialog.h"
#include "test_support.h"
#include "text_walk.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QHeaderView>
#include <QMenuBar>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QLineEdit>
#include <QTimer>
#include <QtTest>

using namespace tucai;

namespace {

// Words that stay Latin in a Chinese UI: product and format names, key names, units,
// the demo school's user names. Anything else with Latin letters is a finding.
const QSet<QString> kAllowed = {
    // formats, standards, products
    QStringLiteral("PostgreSQL"), QStringLiteral("SQLite"), QStringLiteral("CSV"), QStringLiteral("XLSX"), QStringLiteral("PDF"),
    QStringLiteral("QR"), QStringLiteral("JPEG"), QStringLiteral("JPG"), QStringLiteral("PNG"), QStringLiteral("ID"),
    QStringLiteral("URL"), QStringLiteral("HTTP"), QStringLiteral("HTTPS"), QStringLiteral("OpenCV"), QStringLiteral("Qt"),
    QStringLiteral("HMAC"), QStringLiteral("SHA-256"), QStringLiteral("RGB"), QStringLiteral("PS"), QStringLiteral("Webhook"),
    QStringLiteral("webhook"), QStringLiteral("zip"), QStringLiteral("ZIP"),
    // the check engine's name in "checked by tucai-checks 1.1.0"
    QStringLiteral("tucai-checks"),
    // the setting the outbox page tells the administrator to set (its exact key)
    QStringLiteral("webhook_url"),
    // pinyin initials, the example of what to type in the return-reasons filter
    QStringLiteral("bj"),
    // a language's own name in the Language menu
    QStringLiteral("English"),
    // units
    QStringLiteral("px"), QStringLiteral("KB"), QStringLiteral("MB"), QStringLiteral("dpi"), QStringLiteral("ms"),
    // keys (shortcut texts)
    QStringLiteral("Ctrl"), QStringLiteral("Shift"), QStringLiteral("Alt"), QStringLiteral("Enter"), QStringLiteral("Return"),
    QStringLiteral("Esc"), QStringLiteral("Del"), QStringLiteral("Space"), QStringLiteral("Tab"), QStringLiteral("Backspace"),
    QStringLiteral("PgUp"), QStringLiteral("PgDown"), QStringLiteral("Home"), QStringLiteral("End"), QStringLiteral("Up"),
    QStringLiteral("Down"), QStringLiteral("Left"), QStringLiteral("Right"), QStringLiteral("F1"), QStringLiteral("F2"),
    QStringLiteral("F5"),
    // the demo school's staff user names (data, not UI text)
    QStringLiteral("admin"), QStringLiteral("college01"), QStringLiteral("college02"), QStringLiteral("college03"),
    QStringLiteral("reviewer1"), QStringLiteral("reviewer2"),
};

bool opensDialog(QString text)
{
    text.remove(QLatin1Char('&'));
    return text.endsWith(QChar(0x2026)) || text.endsWith(QLatin1String("..."));
}

} // namespace

class TestTranslationWalk : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::shared_ptr<db::Database> m_db;
    test::TextWalk m_walk;
    QSet<QString> m_allowed = kAllowed;

    // Lets background loads finish and their results reach the widgets.
    static void settle(int ms = 600)
    {
        QDeadlineTimer t(ms);
        while (!t.hasExpired()) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
            QThread::msleep(10);
        }
    }

    // Runs `trigger`; every window it opens (modal exec() or open()) is walked and closed.
    void walkDialogsOf(const QString &where, const std::function<void()> &trigger)
    {
        QSet<QWidget *> before;
        for (QWidget *w : QApplication::topLevelWidgets())
            if (w->isVisible())
                before.insert(w);
        auto collectNew = [&] {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                if (!w->isVisible() || before.contains(w) || w->inherits("QMenu") || w->inherits("QTipLabel"))
                    continue;
                // A file dialog lists the user's own files: only its title is ours.
                if (w->inherits("QFileDialog"))
                    m_walk.add(where + QStringLiteral(" > file dialog title"), w->windowTitle());
                else
                    m_walk.widgetTree(w, where + QStringLiteral(" > ") + w->windowTitle());
                if (auto *d = qobject_cast<QDialog *>(w))
                    d->reject();
                else
                    w->close();
            }
        };
        QTimer watcher;
        watcher.setInterval(150);
        connect(&watcher, &QTimer::timeout, this, collectNew);
        watcher.start();
        ui::FileDialog::setNextFileName(QString()); // a save/open dialog of ours: "cancelled"
        trigger();
        settle(400);
        collectNew();
        watcher.stop();
        ui::FileDialog::reset();
        const QStringList boxes = ui::MessageBox::takeAnswered();
        for (const QString &t : boxes)
            m_walk.add(where + QStringLiteral(" > message box"), t);
    }

    void walkCombos(ui::Page *page, const QString &where)
    {
        const auto combos = page->findChildren<QComboBox *>();
        for (QComboBox *combo : combos) {
            if (!combo->isVisible() || !combo->isEnabled() || combo->isEditable())
                continue;
            const int original = combo->currentIndex();
            // Selecting each item shows what that filter brings (its count line, empty-state texts...).
            for (int i = 0; i < combo->count() && combo->count() <= 16; ++i) {
                combo->setCurrentIndex(i);
                Q_EMIT combo->activated(i);
                settle(150);
                m_walk.widgetTree(page, where + QStringLiteral(" [%1=%2]").arg(combo->objectName()).arg(i));
            }
            combo->setCurrentIndex(original);
            Q_EMIT combo->activated(original);
        }
        settle(300);
    }

    void walkPageDialogs(ui::Page *page, const QString &where)
    {
        // A row selected everywhere: actions on "the selected student/photo/notice" are enabled.
        for (QAbstractItemView *view : page->findChildren<QAbstractItemView *>()) {
            if (!view->isVisible() || qobject_cast<QHeaderView *>(view) || !view->model() || view->model()->rowCount() == 0)
                continue;
            view->setCurrentIndex(view->model()->index(0, 0));
        }
        settle(600);
        QSet<QString> done;
        for (QAction *a : page->findChildren<QAction *>()) {
            if (!opensDialog(a->text()) || !a->isEnabled() || done.contains(a->text()))
                continue;
            done.insert(a->text());
            walkDialogsOf(where + QStringLiteral(" > ") + a->text(), [a] { a->trigger(); });
        }
        for (QAbstractButton *b : page->findChildren<QAbstractButton *>()) {
            if (!opensDialog(b->text()) || !b->isVisible() || !b->isEnabled() || done.contains(b->text()))
                continue;
            done.insert(b->text());
            walkDialogsOf(where + QStringLiteral(" > ") + b->text(), [b] { b->click(); });
        }
    }

    accounts::Session adminSession() const
    {
        const auto r = accounts::AuthService(*m_db).login(QStringLiteral("admin"), QStringLiteral("Admin@2026"));
        return *r.session;
    }

    void failOnUntranslated(const QString &what)
    {
        if (qEnvironmentVariableIsSet("TUCAI_WALK_DUMP"))
            for (const test::SeenText &t : m_walk.texts())
                qInfo().noquote() << t.where << "=>" << t.text.left(120);
        const QStringList bad = m_walk.untranslated(m_allowed);
        for (const QString &line : bad)
            qWarning().noquote() << "untranslated:" << line;
        QVERIFY2(m_walk.texts().size() > 50 || what != QLatin1String("main window"), "the walk saw almost no text");
        QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("%1 text(s) not translated in %2, first: %3")
                                               .arg(bad.size()).arg(what, bad.value(0))));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QApplication::setOrganizationName(QStringLiteral("TucaiTranslationWalk"));
        QCOMPARE(ui::installTranslations(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        QVERIFY(m_dir.isValid());
        m_db = std::make_shared<db::Database>(db::DbTarget::sqlite(m_dir.filePath(QStringLiteral("walk.sqlite"))));
        m_db->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        demo::DemoOptions opt;
        opt.students = 150;
        opt.nowMs = 1772877348000;
        demo::createDemoSchool(*m_db, opt);
        ui::MessageBox::setAutoAnswer(QMessageBox::Cancel);
        // Rule ids are codes too (the rule list's tooltips name them, e.g. "jewellery").
        for (const checks::RuleInfo &info : checks::ruleCatalog())
            m_allowed.insert(info.id);
        // The log-in dialog names the database file (walk.sqlite): the user's data.
        m_allowed.insert(QStringLiteral("walk"));
        // The log-in dialog lists the demo accounts' passwords ("Admin@2026"): data, not UI text.
        int n = 0;
        const demo::DemoAccount *accounts = demo::demoAccounts(&n);
        for (int i = 0; i < n; ++i)
            m_allowed.insert(QString::fromLatin1(accounts[i].password).section(QLatin1Char('@'), 0, 0));
    }

    void init() { m_walk = {}; }

    void allowListIsNoLoophole()
    {
        // The check itself: an English phrase is caught, formats and shortcuts are not.
        QCOMPARE(test::latinLeftovers(QStringLiteral("All students"), kAllowed), QStringList({QStringLiteral("All"), QStringLiteral("students")}));
        QVERIFY(test::latinLeftovers(QStringLiteral("导出 CSV（Ctrl+Shift+E）到 /tmp/a b/x.csv，480x640"), kAllowed).isEmpty());
        QCOMPARE(test::latinLeftovers(QStringLiteral("全部 colleges"), kAllowed), QStringList{QStringLiteral("colleges")});
        QVERIFY(test::latinLeftovers(QStringLiteral("文件(&F)，跳过 (S)，|dE|<=3，a*=2"), kAllowed).isEmpty());
        // Codes pass only in tooltips.
        QCOMPARE(test::latinLeftovers(QStringLiteral("notice.publish"), kAllowed), QStringList{QStringLiteral("notice.publish")});
        QVERIFY(test::latinLeftovers(QStringLiteral("notice.publish"), kAllowed, true).isEmpty());
        QCOMPARE(test::latinLeftovers(QStringLiteral("Photo returned"), kAllowed, true), QStringList({QStringLiteral("Photo"), QStringLiteral("returned")}));
    }

    void mainWindowInChinese()
    {
        ui::AppContext ctx(m_db, adminSession());
        ui::MainWindow window(ctx);
        window.resize(1366, 740);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        m_walk.widgetTree(&window, QStringLiteral("main window"));
        for (ui::Page *p : window.pages()) {
            const QString where = QStringLiteral("page ") + p->pageId();
            window.showPage(p->pageId());
            settle(1200);
            m_walk.widgetTree(&window, where);
            walkCombos(p, where);
            walkPageDialogs(p, where);
        }
        // The students' account actions open their dialogs on a student in the matching state.
        for (const char *state : {"locked_liveness", "cooling_off"}) {
            window.showPage(QStringLiteral("students"), {{QStringLiteral("status"), QString::fromLatin1(state)}});
            settle(1200);
            walkPageDialogs(window.page(QStringLiteral("students")), QStringLiteral("page students (%1)").arg(QLatin1String(state)));
        }
        // Help menu: its entries answer with message boxes.
        for (const char *name : {"helpShortcuts", "helpAbout"}) {
            QAction *a = window.findChild<QAction *>(QString::fromLatin1(name));
            QVERIFY2(a, name);
            walkDialogsOf(QStringLiteral("menu ") + a->text(), [a] { a->trigger(); });
        }
        failOnUntranslated(QStringLiteral("main window"));
    }

    void logInAndConnectionDialogs()
    {
        ui::LoginDialog login(*m_db);
        login.show();
        QVERIFY(QTest::qWaitForWindowExposed(&login));
        m_walk.widgetTree(&login, QStringLiteral("log-in"));
        // A wrong password: the error line.
        auto *user = login.findChild<QLineEdit *>(QStringLiteral("loginUser"));
        user->setText(QStringLiteral("admin"));
        login.findChild<QLineEdit *>(QStringLiteral("loginPassword"))->setText(QStringLiteral("wrong"));
        QTest::mouseClick(login.findChild<QPushButton *>(QStringLiteral("loginButton")), Qt::LeftButton);
        QVERIFY(!login.errorText().isEmpty());
        m_walk.widgetTree(&login, QStringLiteral("log-in error"));

        ui::ConnectionDialog connection;
        connection.show();
        QVERIFY(QTest::qWaitForWindowExposed(&connection));
        m_walk.widgetTree(&connection, QStringLiteral("connection file"));
        connection.findChild<QRadioButton *>(QStringLiteral("pgRadio"))->click();
        m_walk.widgetTree(&connection, QStringLiteral("connection server"));
        ui::WelcomeDialog welcome;
        welcome.show();
        QVERIFY(QTest::qWaitForWindowExposed(&welcome));
        m_walk.widgetTree(&welcome, QStringLiteral("welcome"));
        failOnUntranslated(QStringLiteral("log-in, connection and welcome dialogs"));
    }

    void cleanupTestCase()
    {
        ui::MessageBox::reset();
        QThreadPool::globalInstance()->waitForDone();
    }
};

QTEST_MAIN(TestTranslationWalk)
#include "test_translation_walk.moc"
