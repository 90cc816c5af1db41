// tucai-admin: the desktop application.
#include "db/connection_monitor.h"
#include "db/database.h"
#include "shell/app_context.h"
#include "shell/connection_dialog.h"
#include "shell/login_dialog.h"
#include "shell/main_window.h"
#include "shell/message_box.h"
#include "shell/page.h"
#include "shell/startup.h"
#include "shell/welcome_dialog.h"
#include "util/logging.h"
#include "util/platform.h"
#include "util/version.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFrame>
#include <QThread>
#include <QThreadPool>
#include <QTextStream>
#include <QTimer>

using namespace tucai;

namespace {

// Lets background loads finish and their results reach the widgets.
void settle(int ms)
{
    const QDeadlineTimer t(ms);
    while (!t.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(20);
    }
}

bool saveGrab(QWidget &w, const QString &dir, const QString &name)
{
    return w.grab().save(QStringLiteral("%1/%2.png").arg(dir, name));
}

// Saves a screenshot of every page (or of `only`), the return-reasons, log-in and welcome
// dialogs after logging in (for the README). The window opens as it would for a user on
// this screen (scripts/screenshots.sh gives it a 1366x768 one, and one at 200 %).
int takeScreenshots(ui::MainWindow &window, const db::Database &database, const QString &dir, const QStringList &only)
{
    QDir().mkpath(dir);
    auto wanted = [&](const QString &name) { return only.isEmpty() || only.contains(name); };
    window.show();
    int n = 0;
    for (ui::Page *p : window.pages()) {
        if (!wanted(p->pageId()) && !(p->pageId() == QLatin1String("review") && wanted(QStringLiteral("return-reasons"))))
            continue;
        // The review page on a returned photo: its violations are drawn and listed.
        if (p->pageId() == QLatin1String("review"))
            window.showPage(p->pageId(), {{QStringLiteral("status"), QStringLiteral("returned")}});
        else
            window.showPage(p->pageId());
        settle(3000); // pages load in the background: let them fill before grabbing
        if (wanted(p->pageId()) && saveGrab(window, dir, p->pageId()))
            ++n;
        if (p->pageId() == QLatin1String("review") && wanted(QStringLiteral("return-reasons"))) {
            if (auto *a = p->findChild<QAction *>(QStringLiteral("returnAction")); a && a->isEnabled()) {
                a->trigger();
                settle(500);
                if (auto *d = p->findChild<QDialog *>(QStringLiteral("returnReasonDialog"))) {
                    n += saveGrab(*d, dir, QStringLiteral("return-reasons"));
                    d->reject();
                }
            }
        }
    }
    // Only when asked for by name: the banner of a lost connection, shown by moving the SQLite
    // file aside for a few seconds (and back).
    if (only.contains(QStringLiteral("connection-lost")) && database.target().kind == db::DbTarget::Kind::Sqlite) {
        window.showPage(QStringLiteral("students"));
        settle(2000);
        const QString path = database.target().path;
        const QString aside = path + QStringLiteral(".screenshot-aside");
        if (QFile::rename(path, aside)) {
            window.connectionMonitor()->setProbeInterval(200);
            const auto waitFor = [&](auto ready) {
                const QDeadlineTimer t(20000);
                while (!ready() && !t.hasExpired())
                    settle(100);
            };
            waitFor([&] { return window.connectionMonitor()->attempts() >= 2; });
            settle(300);
            n += saveGrab(window, dir, QStringLiteral("connection-lost"));
            QFile::rename(aside, path);
            waitFor([&] { return !window.connectionBanner()->isVisible(); });
        }
    }
    if (wanted(QStringLiteral("login"))) {
        ui::LoginDialog login(database);
        login.show();
        settle(300);
        n += saveGrab(login, dir, QStringLiteral("login"));
    }
    if (wanted(QStringLiteral("welcome"))) {
        ui::WelcomeDialog welcome;
        welcome.show();
        settle(300);
        n += saveGrab(welcome, dir, QStringLiteral("welcome"));
    }
    QTextStream(stdout) << "saved " << n << " screenshots to " << dir << Qt::endl;
    return n > 0 ? 0 : 1;
}

} // namespace

// The program, its application object included: gone (and its worker threads ended) on return.
static int runGui(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Tucai"));
    QApplication::setApplicationName(QStringLiteral("tucai-admin"));
    QApplication::setApplicationVersion(appVersion());
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/tucai/icons/app.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Tucai Admin - graduation photo collection, staff side"));
    parser.addHelpOption();
    const QCommandLineOption versionOpt(QStringLiteral("version"), QStringLiteral("Print versions and exit."));
    const QCommandLineOption dbOpt(QStringLiteral("db"), QStringLiteral("SQLite file or postgresql:// URL to open."), QStringLiteral("DB"));
    const QCommandLineOption langOpt(QStringLiteral("lang"), QStringLiteral("UI language: zh_CN (default) or en."), QStringLiteral("LANG"));
    const QCommandLineOption userOpt(QStringLiteral("user"), QStringLiteral("Staff user name to log in with."), QStringLiteral("USER"));
    const QCommandLineOption passOpt(QStringLiteral("password-env"),
                                     QStringLiteral("Name of an environment variable holding the staff password (scripts only)."),
                                     QStringLiteral("VAR"));
    const QCommandLineOption shotsOpt(QStringLiteral("screenshots"), QStringLiteral("Save a PNG of every page to DIR and exit."),
                                      QStringLiteral("DIR"));
    const QCommandLineOption shotPagesOpt(QStringLiteral("screenshot-pages"),
                                          QStringLiteral("With --screenshots: only these (comma-separated page ids, return-reasons, login, welcome)."),
                                          QStringLiteral("LIST"));
    parser.addOptions({versionOpt, dbOpt, langOpt, userOpt, passOpt, shotsOpt, shotPagesOpt});
    parser.process(app);
    if (parser.isSet(versionOpt)) {
        QTextStream(stdout) << versionText(QStringLiteral("tucai-admin"));
        return 0;
    }
    initLogging(QStringLiteral("tucai-admin"), false);
    ui::installTranslations(parser.value(langOpt));

    std::optional<db::DbTarget> target;
    if (parser.isSet(dbOpt)) {
        QString error;
        target = db::DbTarget::parse(parser.value(dbOpt), &error);
        if (!target) {
            ui::MessageBox::critical(nullptr, QCoreApplication::translate("main", "Cannot open the database"), error);
            return 2;
        }
        if (target->isPostgres() && target->password.isEmpty())
            target->password = qEnvironmentVariable("PGPASSWORD");
    }

    // Connect, log in, run; "connect to another database" starts over.
    for (;;) {
        std::shared_ptr<db::Database> database;
        while (!database) {
            if (!target) {
                ui::ConnectionDialog dialog;
                bool fromWelcome = false;
                if (auto last = ui::ConnectionDialog::lastTarget()) {
                    dialog.setTarget(*last);
                } else {
                    // First start: the welcome page offers the demo, a server or a file.
                    ui::WelcomeDialog welcome;
                    if (welcome.exec() != QDialog::Accepted)
                        return 0;
                    if (welcome.choice() == ui::WelcomeDialog::Choice::Demo) {
                        if (auto demo = ui::WelcomeDialog::createOrOpenDemo(nullptr, ui::WelcomeDialog::demoPath())) {
                            database = ui::openDatabaseForGui(nullptr, *demo);
                            if (database) {
                                target = demo;
                                ui::ConnectionDialog::rememberTarget(*demo);
                            }
                        }
                        continue; // back to the welcome page when it did not work
                    }
                    dialog.chooseKind(welcome.choice() == ui::WelcomeDialog::Choice::Server ? db::DbTarget::Kind::Postgres
                                                                                              : db::DbTarget::Kind::Sqlite);
                    fromWelcome = true;
                }
                if (dialog.exec() != QDialog::Accepted) {
                    if (fromWelcome)
                        continue; // cancelled: back to the welcome page
                    return 0;
                }
                target = dialog.target();
                database = ui::openDatabaseForGui(nullptr, *target);
                if (database)
                    dialog.remember();
            } else {
                database = ui::openDatabaseForGui(nullptr, *target);
            }
            if (!database)
                target.reset();
        }

        std::optional<accounts::Session> session;
        if (parser.isSet(userOpt) && parser.isSet(passOpt)) {
            const auto r = accounts::AuthService(*database).login(parser.value(userOpt), qEnvironmentVariable(qPrintable(parser.value(passOpt))));
            if (!r.session) {
                ui::MessageBox::critical(nullptr, QCoreApplication::translate("main", "Log-in failed"), r.message());
                return 1;
            }
            session = r.session;
        } else if (auto own = accounts::AuthService(*database).databaseSession()) {
            // PostgreSQL: the server already checked this staff member's own
            // database user and password; their row-level security applies.
            session = own;
        } else {
            ui::LoginDialog login(*database);
            if (login.exec() != QDialog::Accepted)
                return 0;
            session = login.session();
        }

        ui::AppContext context(database, *session);
        ui::MainWindow window(context);
        // Background jobs hold database connections: let them finish (and their threads end,
        // closing those connections) while the window and the application still exist.
        const auto drainWorkers = [] { QThreadPool::globalInstance()->waitForDone(); };
        if (parser.isSet(shotsOpt)) {
            const int rc = takeScreenshots(window, *database, parser.value(shotsOpt),
                                           parser.value(shotPagesOpt).split(QLatin1Char(','), Qt::SkipEmptyParts));
            drainWorkers();
            return rc;
        }
        bool reconnect = false;
        QObject::connect(&window, &ui::MainWindow::reconnectRequested, &window, [&] {
            reconnect = true;
            window.close();
        });
        window.show();
        app.exec();
        drainWorkers();
        if (!reconnect)
            return 0;
        target.reset();
    }
}

int main(int argc, char **argv)
{
    const int code = runGui(argc, argv);
    tucai::flushLogging();
    return tucai::platform::endProcess(code);
}
