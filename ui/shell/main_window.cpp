#include "shell/main_window.h"

#include "db/database.h"
#include "shell/app_context.h"
#include "shell/message_box.h"
#include "shell/page.h"
#include "shell/page_registry.h"
#include "util/logging.h"
#include "util/version.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>

namespace tucai::ui {

MainWindow::MainWindow(AppContext &context, QWidget *parent) : QMainWindow(parent), m_context(context)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Tucai Admin") + QStringLiteral(" - ") + context.database().target().displayName());
    setWindowIcon(QIcon(QStringLiteral(":/tucai/icons/app.svg")));

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_nav = new QListWidget(splitter);
    m_nav->setObjectName(QStringLiteral("navigation"));
    m_nav->setMinimumWidth(150);
    m_nav->setMaximumWidth(240);
    m_stack = new QStackedWidget(splitter);
    m_stack->setObjectName(QStringLiteral("pages"));
    splitter->addWidget(m_nav);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(1, 1);
    setCentralWidget(splitter);

    const bool schoolAdmin = context.session().role == StaffRole::SchoolAdmin;
    for (const PageFactory &f : pageFactories()) {
        // The staff and notification pages are for school administrators only.
        if ((f.id == QLatin1String("staff") || f.id == QLatin1String("outbox")) && !schoolAdmin)
            continue;
        Page *p = f.create(context, m_stack);
        m_pages.append(p);
        m_stack->addWidget(p);
        auto *item = new QListWidgetItem(p->title(), m_nav);
        item->setData(Qt::UserRole, p->pageId());
        item->setSizeHint(QSize(0, 36));
    }
    connect(m_nav, &QListWidget::currentRowChanged, this, &MainWindow::onPageSelected);

    auto *who = new QLabel(tr("%1 (%2) - %3")
                               .arg(context.session().displayName, context.session().username,
                                    displayName(context.session().role)),
                           this);
    who->setObjectName(QStringLiteral("statusRole"));
    auto *where = new QLabel(context.database().target().displayName(), this);
    where->setObjectName(QStringLiteral("statusDatabase"));
    statusBar()->addWidget(who);
    statusBar()->addPermanentWidget(where);

    buildMenus();

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    splitter->restoreState(settings.value(QStringLiteral("mainWindow/splitter")).toByteArray());
    const QString last = settings.value(QStringLiteral("mainWindow/page")).toString();
    int row = 0;
    for (int i = 0; i < m_pages.size(); ++i)
        if (m_pages.at(i)->pageId() == last)
            row = i;
    m_nav->setCurrentRow(row);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *reconnect = file->addAction(tr("&Connect to another database..."), this, &MainWindow::reconnectRequested);
    reconnect->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&Go"));
    for (int i = 0; i < m_pages.size(); ++i) {
        Page *p = m_pages.at(i);
        QAction *a = view->addAction(p->title(), this, [this, i] { m_nav->setCurrentRow(i); });
        if (i < 9)
            a->setShortcut(QKeySequence(Qt::CTRL | (Qt::Key_1 + i)));
        a->setObjectName(QStringLiteral("goTo_") + p->pageId());
    }

    // Language: takes effect at the next start (every page is built translated).
    QMenu *language = menuBar()->addMenu(tr("&Language"));
    auto *languages = new QActionGroup(this);
    const QString current = QSettings().value(QStringLiteral("ui/language"), QStringLiteral("zh_CN")).toString();
    for (const auto &[code, name] : {std::pair{QStringLiteral("zh_CN"), QStringLiteral("中文（简体）")},
                                     std::pair{QStringLiteral("en"), QStringLiteral("English")}}) {
        QAction *a = language->addAction(name);
        a->setObjectName(QStringLiteral("language_") + code);
        a->setCheckable(true);
        a->setChecked(code == current);
        languages->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = code] {
            QSettings().setValue(QStringLiteral("ui/language"), code);
            MessageBox::information(this, tr("Language"), tr("The new language is used from the next start of Tucai Admin."));
        });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *keys = help->addAction(tr("&Keyboard shortcuts"), this, &MainWindow::showShortcuts);
    keys->setShortcut(QKeySequence::HelpContents);
    keys->setObjectName(QStringLiteral("helpShortcuts"));
    help->addAction(tr("&About Tucai Admin"), this, &MainWindow::showAbout)->setObjectName(QStringLiteral("helpAbout"));
}

Page *MainWindow::page(const QString &id) const
{
    for (Page *p : m_pages)
        if (p->pageId() == id)
            return p;
    return nullptr;
}

void MainWindow::showPage(const QString &id, const QVariantMap &filter)
{
    for (int i = 0; i < m_pages.size(); ++i) {
        if (m_pages.at(i)->pageId() == id) {
            m_nav->setCurrentRow(i);
            if (!filter.isEmpty())
                m_pages.at(i)->applyFilter(filter);
            return;
        }
    }
}

void MainWindow::onPageSelected(int row)
{
    if (row < 0 || row >= m_pages.size())
        return;
    m_stack->setCurrentIndex(row);
    m_pages.at(row)->activate();
}

void MainWindow::showShortcuts()
{
    QStringList lines;
    const auto actions = findChildren<QAction *>();
    for (QAction *a : actions)
        if (!a->shortcut().isEmpty())
            lines << QStringLiteral("%1\t%2").arg(a->shortcut().toString(QKeySequence::NativeText), a->text().remove(QLatin1Char('&')));
    lines.sort();
    MessageBox::information(this, tr("Keyboard shortcuts"), lines.join(QLatin1Char('\n')));
}

void MainWindow::showAbout()
{
    MessageBox::information(this, tr("About Tucai Admin"),
                            tr("Tucai Admin %1\nQt %2, OpenCV %3, schema %4\nLog file: %5")
                                .arg(appVersion(), qtVersion(), openCvVersion())
                                .arg(schemaVersion())
                                .arg(logFilePath()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("mainSplitter")))
        settings.setValue(QStringLiteral("mainWindow/splitter"), splitter->saveState());
    if (m_nav->currentRow() >= 0)
        settings.setValue(QStringLiteral("mainWindow/page"), m_pages.at(m_nav->currentRow())->pageId());
    event->accept();
}

} // namespace tucai::ui
