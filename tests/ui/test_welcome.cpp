// First start without a database, offscreen: the welcome page's three choices by click and by
// digit key, the demo school created into a folder with Chinese characters and spaces (then
// opened as it is on the next start), a cancelled creation that leaves no file, and the
// connection dialog opening on the chosen kind.
#include "accounts/auth_service.h"
#include "db/database.h"
#include "demo/demo_generator.h"
#include "shell/connection_dialog.h"
#include "shell/message_box.h"
#include "shell/welcome_dialog.h"
#include "test_support.h"

#include <QApplication>
#include <QCommandLinkButton>
#include <QFileInfo>
#include <QLineEdit>
#include <QProgressDialog>
#include <QRadioButton>
#include <QTimer>
#include <QtTest>

using namespace tucai;
using Choice = ui::WelcomeDialog::Choice;

class TestWelcome : public QObject
{
    Q_OBJECT

    static void showActive(QWidget &w)
    {
        w.show();
        QApplication::setActiveWindow(&w);
        QVERIFY(QTest::qWaitForWindowActive(&w));
    }

private Q_SLOTS:
    void initTestCase() { QApplication::setOrganizationName(QStringLiteral("TucaiWelcome")); }

    void threeChoicesByClick_data()
    {
        QTest::addColumn<QString>("button");
        QTest::addColumn<int>("choice");
        QTest::newRow("demo") << QStringLiteral("welcomeDemo") << int(Choice::Demo);
        QTest::newRow("server") << QStringLiteral("welcomeServer") << int(Choice::Server);
        QTest::newRow("file") << QStringLiteral("welcomeFile") << int(Choice::File);
    }
    void threeChoicesByClick()
    {
        QFETCH(QString, button);
        QFETCH(int, choice);
        ui::WelcomeDialog welcome;
        showActive(welcome);
        QCOMPARE(welcome.findChildren<QCommandLinkButton *>().size(), 3);
        auto *b = welcome.findChild<QCommandLinkButton *>(button);
        QVERIFY(b && b->isVisible() && !b->description().isEmpty());
        QTest::mouseClick(b, Qt::LeftButton);
        QCOMPARE(welcome.result(), int(QDialog::Accepted));
        QCOMPARE(int(welcome.choice()), choice);
    }

    void digitKeysChooseAndEscCloses()
    {
        const QList<QPair<Qt::Key, Choice>> keys = {{Qt::Key_2, Choice::Server}, {Qt::Key_3, Choice::File}, {Qt::Key_1, Choice::Demo}};
        for (const auto &k : keys) {
            ui::WelcomeDialog welcome;
            showActive(welcome);
            QTest::keyClick(QApplication::focusWidget(), k.first);
            QCOMPARE(welcome.result(), int(QDialog::Accepted));
            QCOMPARE(welcome.choice(), k.second);
        }
        ui::WelcomeDialog welcome;
        showActive(welcome);
        // The demo is the default: Enter takes it.
        QCOMPARE(QApplication::focusWidget(), welcome.findChild<QCommandLinkButton *>(QStringLiteral("welcomeDemo")));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QCOMPARE(welcome.result(), int(QDialog::Rejected));
        QCOMPARE(welcome.choice(), Choice::None);
    }

    void demoIsCreatedThenReopened()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("演示 数据/demo school.sqlite"));
        const auto target = ui::WelcomeDialog::createOrOpenDemo(nullptr, path, 40);
        QVERIFY(target);
        QCOMPARE(target->path, path);
        QVERIFY(QFileInfo::exists(path));
        {
            db::Database database(*target);
            database.openAndMigrate(db::Database::OpenMode::MustExist);
            QVERIFY(demo::isDemoDatabase(database));
            QVERIFY(accounts::AuthService(database).login(QStringLiteral("admin"), QStringLiteral("Admin@2026")).session);
        }
        // Next start: the same file is opened, not made again.
        const QDateTime made = QFileInfo(path).lastModified();
        QTest::qWait(20);
        QVERIFY(ui::WelcomeDialog::createOrOpenDemo(nullptr, path, 40));
        QCOMPARE(QFileInfo(path).lastModified(), made);
    }

    void cancelledDemoLeavesNoFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("demo.sqlite"));
        bool sawProgress = false;
        // Cancel as soon as the progress dialog shows.
        QTimer poll;
        poll.setInterval(50);
        connect(&poll, &QTimer::timeout, this, [&] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (auto *p = qobject_cast<QProgressDialog *>(w); p && p->isVisible()) {
                    sawProgress = true;
                    QTest::keyClick(p, Qt::Key_Escape);
                }
        });
        poll.start();
        QVERIFY(!ui::WelcomeDialog::createOrOpenDemo(nullptr, path, 5000));
        poll.stop();
        QVERIFY(sawProgress);
        QVERIFY(!QFileInfo::exists(path));
        QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
    }

    void connectionDialogOpensOnTheChosenKind()
    {
        ui::ConnectionDialog server;
        server.chooseKind(db::DbTarget::Kind::Postgres);
        showActive(server);
        QVERIFY(server.findChild<QRadioButton *>(QStringLiteral("pgRadio"))->isChecked());
        QCOMPARE(QApplication::focusWidget(), server.findChild<QLineEdit *>(QStringLiteral("pgHost")));
        ui::ConnectionDialog file;
        file.chooseKind(db::DbTarget::Kind::Sqlite);
        showActive(file);
        QVERIFY(file.findChild<QRadioButton *>(QStringLiteral("sqliteRadio"))->isChecked());
        QCOMPARE(QApplication::focusWidget(), file.findChild<QLineEdit *>(QStringLiteral("sqlitePath")));
    }
};

QTEST_MAIN(TestWelcome)
#include "test_welcome.moc"
