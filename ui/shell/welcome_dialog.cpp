#include "shell/welcome_dialog.h"

#include "db/database.h"
#include "demo/demo_faces.h"
#include "demo/demo_generator.h"
#include "shell/message_box.h"

#include <QCommandLinkButton>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QPointer>
#include <QProgressDialog>
#include <QShortcut>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

namespace tucai::ui {

WelcomeDialog::WelcomeDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("welcomeDialog"));
    setWindowTitle(tr("Welcome to Tucai Admin"));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("Welcome to Tucai Admin"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    title->setFont(big);
    layout->addWidget(title);
    auto *intro = new QLabel(tr("No collection database is set up on this computer yet. How would you like to start?"), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    struct Option { Choice choice; const char *name; QString text; QString description; };
    const Option options[] = {
        {Choice::Demo, "welcomeDemo", tr("1  Try the demo school"),
         tr("Creates a practice database on this computer with made-up students, photos and staff accounts. "
            "Nothing is sent anywhere; the log-in window lists the demo accounts.")},
        {Choice::Server, "welcomeServer", tr("2  Connect to the school's database server"),
         tr("PostgreSQL: the server address, database name, user name and password come from the person who "
            "runs the server.")},
        {Choice::File, "welcomeFile", tr("3  Open a database file"),
         tr("A collection database file (SQLite) on this computer or on a shared drive.")},
    };
    for (const Option &o : options) {
        auto *b = new QCommandLinkButton(o.text, o.description, this);
        b->setObjectName(QString::fromLatin1(o.name));
        const Choice c = o.choice;
        connect(b, &QCommandLinkButton::clicked, this, [this, c] { choose(c); });
        layout->addWidget(b);
        // The digit keys choose too (the button texts show them).
        auto *key = new QShortcut(QKeySequence(Qt::Key_1 + int(c) - int(Choice::Demo)), this);
        connect(key, &QShortcut::activated, b, &QCommandLinkButton::click);
    }
    layout->addStretch(1);
    auto *later = new QLabel(tr("You can connect to another database at any time from the File menu."), this);
    later->setWordWrap(true);
    later->setStyleSheet(QStringLiteral("color: palette(mid)"));
    layout->addWidget(later);
    findChild<QCommandLinkButton *>(QStringLiteral("welcomeDemo"))->setFocus();
    resize(560, sizeHint().height());
}

void WelcomeDialog::choose(Choice c)
{
    m_choice = c;
    accept();
}

QString WelcomeDialog::demoPath()
{
    QString dir = qEnvironmentVariable("TUCAI_DEMO_DIR");
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/tucai");
    return QDir(dir).filePath(QStringLiteral("demo.sqlite"));
}

std::optional<db::DbTarget> WelcomeDialog::createOrOpenDemo(QWidget *parent, const QString &path, int students)
{
    const db::DbTarget target = db::DbTarget::sqlite(path);
    if (QFileInfo::exists(path))
        return target; // made before: open it as it is
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        MessageBox::critical(parent, tr("Demo school"), tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath())));
        return std::nullopt;
    }
    QProgressDialog progress(tr("Creating the demo school..."), tr("Cancel"), 0, 0, parent);
    progress.setObjectName(QStringLiteral("demoProgress"));
    progress.setWindowTitle(tr("Demo school"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    auto cancel = std::make_shared<std::atomic_bool>(false);
    // Stage texts come from the worker thread: hand them over through the event loop.
    QPointer<QProgressDialog> guard(&progress);
    demo::DemoOptions opt;
    opt.students = students;
    opt.facesDir = demo::DemoFaces::findDir();
    opt.cancel = cancel.get();
    opt.progress = [guard](int done, int total, const QString &) {
        QMetaObject::invokeMethod(QCoreApplication::instance(), [guard, done, total] {
            if (guard) {
                guard->setMaximum(total);
                guard->setValue(done);
            }
        });
    };
    QFutureWatcher<QString> watcher;
    QObject::connect(&progress, &QProgressDialog::canceled, &progress, [cancel] { *cancel = true; });
    QObject::connect(&watcher, &QFutureWatcher<QString>::finished, &progress, &QProgressDialog::reset);
    watcher.setFuture(QtConcurrent::run([target, opt]() -> QString {
        try {
            db::Database database(target);
            database.openAndMigrate(db::Database::OpenMode::CreateIfMissing);
            const demo::DemoSummary s = demo::createDemoSchool(database, opt);
            return s.cancelled ? QStringLiteral("cancelled") : QString();
        } catch (const db::DbError &e) {
            return e.message();
        } catch (const std::exception &e) {
            return QString::fromUtf8(e.what());
        }
    }));
    progress.exec();
    watcher.waitForFinished();
    const QString error = watcher.result();
    if (error.isEmpty() && !*cancel)
        return target;
    // Cancelled or failed: no half-made demo stays behind to be opened next time.
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
        QFile::remove(path + suffix);
    if (!*cancel)
        MessageBox::critical(parent, tr("Demo school"), tr("The demo school could not be created: %1").arg(error));
    return std::nullopt;
}

} // namespace tucai::ui
