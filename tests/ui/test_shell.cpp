// The shell offscreen: log in with a demo account, reach every page, see clear errors.
#include "db/database.h"
#include "db/school_repo.h"
#include "db/settings_repo.h"
#include "demo/demo_generator.h"
#include "shell/app_context.h"
#include "shell/connection_dialog.h"
#include "shell/login_dialog.h"
#include "shell/main_window.h"
#include "shell/message_box.h"
#include "shell/page.h"
#include "shell/startup.h"
#include "test_support.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QSettings>
#include <QStatusBar>
#include <QToolButton>
#include <QtTest>

using namespace tucai;

class TestShell : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::shared_ptr<db::Database> m_db;

    std::optional<accounts::Session> login(const QString &user, const QString &password, QString *error = nullptr)
    {
        ui::LoginDialog dialog(*m_db);
        dialog.show();
        auto *u = dialog.findChild<QLineEdit *>(QStringLiteral("loginUser"));
        auto *p = dialog.findChild<QLineEdit *>(QStringLiteral("loginPassword"));
        u->clear();
        QTest::keyClicks(u, user);
        QTest::keyClicks(p, password);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("loginButton")), Qt::LeftButton);
        if (error)
            *error = dialog.errorText();
        return dialog.session();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QApplication::setOrganizationName(QStringLiteral("TucaiTest"));
        m_db = std::make_shared<db::Database>(db::DbTarget::sqlite(m_dir.filePath(QStringLiteral("shell.sqlite"))));
        m_db->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        demo::DemoOptions opt;
        opt.students = 60;
        opt.nowMs = 1772877348000;
        demo::createDemoSchool(*m_db, opt);
    }

    void wrongPasswordIsExplained()
    {
        QString error;
        QVERIFY(!login(QStringLiteral("admin"), QStringLiteral("wrong"), &error));
        QVERIFY2(error.contains(QLatin1String("Wrong user name or password")), qPrintable(error));
        QVERIFY(login(QStringLiteral("admin"), QStringLiteral("Admin@2026")));
    }

    void loginDialogNamesProductDatabaseAndDemoAccounts()
    {
        QSettings().remove(QStringLiteral("login/lastUser"));
        {
            ui::LoginDialog dialog(*m_db);
            dialog.show();
            QApplication::setActiveWindow(&dialog);
            QVERIFY(QTest::qWaitForWindowActive(&dialog));
            QVERIFY(dialog.windowTitle().contains(QLatin1String("Tucai Admin")));
            QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("loginProduct"))->text(), QStringLiteral("Tucai Admin"));
            auto *where = dialog.findChild<QLabel *>(QStringLiteral("loginDatabase"));
            QVERIFY2(where->text().contains(QLatin1String("shell.sqlite")), qPrintable(where->text()));
            QVERIFY(where->toolTip().contains(QDir::toNativeSeparators(m_dir.path())));
            // A demo database lists its accounts; a click fills one in, Enter logs in.
            QWidget *demoBox = dialog.findChild<QWidget *>(QStringLiteral("loginDemoAccounts"));
            QVERIFY(demoBox && demoBox->isVisible());
            int n = 0;
            demo::demoAccounts(&n);
            QCOMPARE(demoBox->findChildren<QToolButton *>().size(), n);
            auto *user = dialog.findChild<QLineEdit *>(QStringLiteral("loginUser"));
            QVERIFY(user->text().isEmpty());
            QTest::mouseClick(demoBox->findChild<QToolButton *>(QStringLiteral("demoAccount_college02")), Qt::LeftButton);
            QCOMPARE(user->text(), QStringLiteral("college02"));
            QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("loginPassword"))->text(), QStringLiteral("College@2026"));
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
            QVERIFY2(dialog.session(), qPrintable(dialog.errorText()));
            QCOMPARE(dialog.session()->role, StaffRole::CollegeAdmin);
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        {
            // The next log-in remembers the user name and starts in the password field.
            ui::LoginDialog dialog(*m_db);
            dialog.show();
            QApplication::setActiveWindow(&dialog);
            QVERIFY(QTest::qWaitForWindowActive(&dialog));
            QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("loginUser"))->text(), QStringLiteral("college02"));
            QCOMPARE(QApplication::focusWidget(), dialog.findChild<QLineEdit *>(QStringLiteral("loginPassword")));
        }
        // Not a demo database: no accounts shown.
        QTemporaryDir dir;
        db::Database plain(db::DbTarget::sqlite(dir.filePath(QStringLiteral("plain school.sqlite"))));
        plain.openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        demo::DemoOptions opt;
        opt.students = 10;
        opt.nowMs = 1772877348000;
        opt.runChecks = false;
        demo::createDemoSchool(plain, opt);
        QVERIFY(demo::isDemoDatabase(plain));
        db::SettingsRepo(plain).set(db::SchoolRepo(plain).firstSchool()->id, QString::fromLatin1(demo::kDemoSchoolSetting), QString(), 0);
        QVERIFY(!demo::isDemoDatabase(plain));
        ui::LoginDialog dialog(plain);
        QVERIFY(!dialog.findChild<QWidget *>(QStringLiteral("loginDemoAccounts")));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("loginDatabase"))->text().contains(QLatin1String("plain school.sqlite")));
        QSettings().remove(QStringLiteral("login/lastUser"));
    }

    void everyPageReachable()
    {
        const auto session = login(QStringLiteral("admin"), QStringLiteral("Admin@2026"));
        QVERIFY(session);
        QCOMPARE(session->role, StaffRole::SchoolAdmin);
        ui::AppContext ctx(m_db, *session);
        ui::MainWindow window(ctx);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *nav = window.findChild<QListWidget *>(QStringLiteral("navigation"));
        auto *stack = window.findChild<QStackedWidget *>(QStringLiteral("pages"));
        QStringList seen;
        for (int i = 0; i < nav->count(); ++i) {
            const QRect r = nav->visualItemRect(nav->item(i));
            QTest::mouseClick(nav->viewport(), Qt::LeftButton, {}, r.center());
            auto *page = qobject_cast<ui::Page *>(stack->currentWidget());
            QVERIFY(page);
            QVERIFY(page->isVisible());
            QCOMPARE(page->title(), nav->item(i)->text());
            seen << page->pageId();
        }
        for (const char *id : {"review", "students", "notices", "codes", "dashboard", "export", "settings", "staff", "audit"})
            QVERIFY2(seen.contains(QString::fromLatin1(id)), id);
        // Keyboard: Ctrl+1 goes back to the first page.
        QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(stack->currentIndex(), 0);
        const auto *role = window.statusBar()->findChild<QLabel *>(QStringLiteral("statusRole"));
        const auto *where = window.statusBar()->findChild<QLabel *>(QStringLiteral("statusDatabase"));
        QVERIFY(role->text().contains(QLatin1String("admin")));
        QVERIFY(where->text().contains(QLatin1String("shell.sqlite")));
    }

    void reviewerDoesNotSeeStaffPage()
    {
        const auto session = login(QStringLiteral("reviewer1"), QStringLiteral("Review@2026"));
        QVERIFY(session);
        ui::AppContext ctx(m_db, *session);
        ui::MainWindow window(ctx);
        QVERIFY(!window.page(QStringLiteral("staff")));
        QVERIFY(window.page(QStringLiteral("review")));
    }

    void badDatabaseShowsMessage()
    {
        ui::MessageBox::setAutoAnswer(QMessageBox::Ok);
        const QString missing = m_dir.filePath(QStringLiteral("missing.sqlite"));
        QVERIFY(!ui::openDatabaseForGui(nullptr, db::DbTarget::sqlite(missing)));
        QVERIFY(ui::MessageBox::lastText().contains(QLatin1String("does not exist")));
        QVERIFY(!ui::openDatabaseForGui(nullptr, *db::DbTarget::parse(QStringLiteral("postgresql://postgres@127.0.0.1:1/x"))));
        QVERIFY(ui::MessageBox::lastText().contains(QLatin1String("Cannot reach")));
        ui::MessageBox::reset();
    }

    void connectionDialogRemembersWithoutPassword()
    {
        ui::ConnectionDialog dialog;
        db::DbTarget t = *db::DbTarget::parse(QStringLiteral("postgresql://staff:secret@db.school:5433/tucai"));
        dialog.setTarget(t);
        QCOMPARE(dialog.target().port, 5433);
        QCOMPARE(dialog.target().password, QStringLiteral("secret"));
        dialog.remember();
        const auto last = ui::ConnectionDialog::lastTarget();
        QVERIFY(last);
        QCOMPARE(last->host, QStringLiteral("db.school"));
        QVERIFY(last->password.isEmpty());
    }

    // TLS in the dialog: verify-full by default for another machine, the mode and a root
    // certificate with spaces and Chinese characters in its path kept across restarts.
    void connectionDialogTlsSettings()
    {
        ui::ConnectionDialog dialog;
        dialog.setTarget(*db::DbTarget::parse(QStringLiteral("postgresql://staff@db.school/tucai")));
        QCOMPARE(dialog.target().effectiveSslMode(), QStringLiteral("verify-full"));
        auto *mode = dialog.findChild<QComboBox *>(QStringLiteral("pgSslMode"));
        auto *cert = dialog.findChild<QLineEdit *>(QStringLiteral("pgRootCert"));
        QVERIFY(mode && cert);
        mode->setFocus();
        QTest::keyClick(mode, Qt::Key_Down);
        QTest::keyClick(mode, Qt::Key_Down);
        QCOMPARE(dialog.target().sslMode, QStringLiteral("verify-ca"));
        const QString path = QStringLiteral("/tmp/学校 证书/根 证书.crt");
        // Chinese text arrives as key events carrying the text (as from an input method).
        QTest::sendKeyEvent(QTest::Click, cert, Qt::Key_unknown, path, Qt::NoModifier);
        QCOMPARE(dialog.target().sslRootCert, path);
        dialog.remember();
        const auto last = ui::ConnectionDialog::lastTarget();
        QVERIFY(last);
        QCOMPARE(last->sslMode, QStringLiteral("verify-ca"));
        QCOMPARE(last->sslRootCert, path);
        // A server on this computer needs no certificate unless asked for.
        QCOMPARE(db::DbTarget::parse(QStringLiteral("postgresql://u@127.0.0.1/x"))->effectiveSslMode(), QStringLiteral("prefer"));
        QCOMPARE(db::DbTarget::parse(QStringLiteral("postgresql://u@localhost/x"))->effectiveSslMode(), QStringLiteral("prefer"));
        QString error;
        QVERIFY(!db::DbTarget::parse(QStringLiteral("postgresql://u@h/x?sslmode=sometimes"), &error));
        QVERIFY(error.contains(QStringLiteral("verify-full")));
    }
};

QTEST_MAIN(TestShell)
#include "test_shell.moc"
