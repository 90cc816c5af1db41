#include "shell/main_window.h"

#include "db/change_watch.h"
#include "db/connection_monitor.h"
#include "db/database.h"
#include "review/queue_loader.h"
#include "shell/app_context.h"
#include "shell/message_box.h"
#include "shell/nav_delegate.h"
#include "shell/page.h"
#include "shell/page_registry.h"
#include "util/logging.h"
#include "util/version.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QStyle>
#include <QRegularExpression>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

namespace tucai::ui {
namespace {

// The size the window opens at on a screen that has room for it.
constexpr QSize kPreferredSize(1280, 800);
// Room left for the window manager's frame and title bar before it is known.
constexpr QMargins kFrameAllowance(8, 36, 8, 8);
// New submissions arrive from the student side: the review count is asked again this often.
constexpr int kPendingRefreshMs = 60 * 1000;

QRect shrinkInto(QRect g, const QRect &area)
{
    g.setWidth(std::min(g.width(), area.width()));
    g.setHeight(std::min(g.height(), area.height()));
    if (g.right() > area.right())
        g.moveRight(area.right());
    if (g.bottom() > area.bottom())
        g.moveBottom(area.bottom());
    if (g.left() < area.left())
        g.moveLeft(area.left());
    if (g.top() < area.top())
        g.moveTop(area.top());
    return g;
}

} // namespace

MainWindow::MainWindow(AppContext &context, QWidget *parent) : QMainWindow(parent), m_context(context)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Tucai Admin") + QStringLiteral(" - ") + context.database().target().displayName());
    setWindowIcon(QIcon(QStringLiteral(":/tucai/icons/app.svg")));

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->setChildrenCollapsible(false);
    m_nav = new QListWidget(splitter);
    m_nav->setObjectName(QStringLiteral("navigation"));
    m_nav->setIconSize(QSize(24, 24));
    m_nav->setUniformItemSizes(true);
    m_nav->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_navDelegate = new NavDelegate(m_nav);
    m_nav->setItemDelegate(m_navDelegate);
    m_stack = new QStackedWidget(splitter);
    m_stack->setObjectName(QStringLiteral("pages"));
    splitter->addWidget(m_nav);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(1, 1);
    // The connection banner above everything else: the pages stay usable to read what is shown.
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(buildBanner());
    centralLayout->addWidget(splitter, 1);
    setCentralWidget(central);

    const bool schoolAdmin = context.session().role == StaffRole::SchoolAdmin;
    for (const PageFactory &f : pageFactories()) {
        // The staff and notification pages are for school administrators only.
        if ((f.id == QLatin1String("staff") || f.id == QLatin1String("outbox")) && !schoolAdmin)
            continue;
        Page *p = f.create(context, m_stack);
        m_pages.append(p);
        m_stack->addWidget(p);
        auto *item = new QListWidgetItem(QIcon(QStringLiteral(":/tucai/icons/nav/%1.svg").arg(f.id)), p->title(), m_nav);
        item->setData(Qt::UserRole, p->pageId());
        item->setToolTip(p->title());
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

    // The number of photos awaiting review in this staff member's scope, beside the review entry.
    const accounts::Session &s = context.session();
    m_pending = std::make_unique<review::QueueLoader>(context.sharedDatabase(),
                                                      review::ReviewScope{s.staffId, s.schoolId, s.role, s.collegeId, s.displayName});
    m_pending->reset(review::QueueQuery{});
    connect(m_pending.get(), &review::QueueLoader::countReady, this, [this](quint64, qint64 n) { setPendingCount(n); });
    m_pendingTimer = new QTimer(this);
    m_pendingTimer->setInterval(kPendingRefreshMs);
    connect(m_pendingTimer, &QTimer::timeout, this, &MainWindow::refreshPendingCount);
    m_pendingTimer->start();
    connect(&context, &AppContext::dataChanged, this, &MainWindow::refreshPendingCount);
    // Photos entering or leaving the queue anywhere: counted again within a second, at most once a second.
    auto *pendingSoon = new QTimer(this);
    pendingSoon->setSingleShot(true);
    pendingSoon->setInterval(1000);
    connect(pendingSoon, &QTimer::timeout, this, &MainWindow::refreshPendingCount);
    context.watchChanges();
    connect(&context, &AppContext::liveChange, this, [pendingSoon](int topics) {
        if ((topics & db::ChangeWatch::Photos) && !pendingSoon->isActive())
            pendingSoon->start();
    });
    refreshPendingCount();

    m_monitor = std::make_unique<db::ConnectionMonitor>(context.sharedDatabase());
    connect(m_monitor.get(), &db::ConnectionMonitor::lost, this, &MainWindow::updateBanner);
    connect(m_monitor.get(), &db::ConnectionMonitor::attemptFailed, this, &MainWindow::updateBanner);
    connect(m_monitor.get(), &db::ConnectionMonitor::restored, this, &MainWindow::onReconnected);

    buildMenus();

    QSettings settings;
    restoreWindowGeometry();
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    splitter->restoreState(settings.value(QStringLiteral("mainWindow/splitter")).toByteArray());
    setNarrowNavigation(settings.value(QStringLiteral("mainWindow/narrowNavigation"), false).toBool());
    const QString last = settings.value(QStringLiteral("mainWindow/page")).toString();
    int row = 0;
    for (int i = 0; i < m_pages.size(); ++i)
        if (m_pages.at(i)->pageId() == last)
            row = i;
    m_nav->setCurrentRow(row);
}

MainWindow::~MainWindow() = default;

QFrame *MainWindow::buildBanner()
{
    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("connectionBanner"));
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setAutoFillBackground(true);
    // Amber, readable in light and dark themes alike (the text colour is set with it).
    m_banner->setStyleSheet(QStringLiteral("QFrame#connectionBanner { background: #fff3cd; border: 1px solid #e0b84c; }"
                                           "QFrame#connectionBanner QLabel { color: #5c4400; }"));
    auto *icon = new QLabel(m_banner);
    const int size = fontMetrics().height() * 3 / 2;
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(size, size));
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName(QStringLiteral("connectionBannerText"));
    QFont bold = m_bannerText->font();
    bold.setBold(true);
    m_bannerText->setFont(bold);
    m_bannerText->setWordWrap(true);
    m_bannerDetail = new QLabel(m_banner);
    m_bannerDetail->setObjectName(QStringLiteral("connectionBannerDetail"));
    m_bannerDetail->setWordWrap(true);
    m_bannerDetail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *retry = new QPushButton(tr("Try again now"), m_banner);
    retry->setObjectName(QStringLiteral("connectionRetry"));
    connect(retry, &QPushButton::clicked, this, [this] {
        m_monitor->retryNow();
        updateBanner();
    });
    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    texts->addWidget(m_bannerText);
    texts->addWidget(m_bannerDetail);
    auto *row = new QHBoxLayout(m_banner);
    row->setContentsMargins(10, 6, 10, 6);
    row->addWidget(icon, 0, Qt::AlignTop);
    row->addLayout(texts, 1);
    row->addWidget(retry, 0, Qt::AlignVCenter);
    m_banner->hide();
    // The countdown to the next attempt.
    m_bannerTick = new QTimer(this);
    m_bannerTick->setInterval(1000);
    connect(m_bannerTick, &QTimer::timeout, this, &MainWindow::updateBanner);
    return m_banner;
}

void MainWindow::updateBanner()
{
    if (!m_monitor->isLost()) {
        m_banner->hide();
        m_bannerTick->stop();
        return;
    }
    const int attempt = m_monitor->attempts() + 1;
    m_bannerText->setText(m_monitor->fileMissing()
                              ? tr("The database file is missing — waiting for it to come back… (attempt %1)").arg(attempt)
                              : tr("Connection to the database lost — reconnecting… (attempt %1)").arg(attempt));
    const int wait = (m_monitor->msUntilNextAttempt() + 999) / 1000;
    // The sentences are joined by the translation (no space between Chinese sentences).
    m_bannerDetail->setText(tr("%1 %2 %3", "connection banner: why, when the next attempt is, what still works")
                                .arg(m_monitor->message(),
                                     wait > 0 ? tr("Next attempt in %n second(s).", nullptr, wait) : tr("Trying now…"),
                                     tr("What is on screen stays readable; changes are not saved until the connection is back.")));
    m_banner->show();
    if (!m_bannerTick->isActive())
        m_bannerTick->start();
}

void MainWindow::onReconnected()
{
    updateBanner();
    statusBar()->showMessage(tr("Connection to the database restored."), 10000);
    // Every page reads its data again (the visible one now, hidden ones when shown).
    Q_EMIT m_context.dataChanged(QStringLiteral("reconnected"));
}

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
        QAction *a = view->addAction(m_nav->item(i)->icon(), p->title(), this, [this, i] { m_nav->setCurrentRow(i); });
        if (i < 9)
            a->setShortcut(QKeySequence(Qt::CTRL | (Qt::Key_1 + i)));
        a->setObjectName(QStringLiteral("goTo_") + p->pageId());
    }
    view->addSeparator();
    m_narrowAct = view->addAction(tr("&Narrow navigation (icons only)"));
    m_narrowAct->setObjectName(QStringLiteral("narrowNavigation"));
    m_narrowAct->setCheckable(true);
    m_narrowAct->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    connect(m_narrowAct, &QAction::toggled, this, &MainWindow::setNarrowNavigation);

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

QString MainWindow::geometryKey(const QScreen *screen)
{
    // Screen names hold characters QSettings treats as separators ("\\.\DISPLAY1" on Windows).
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9_-]"));
    QString name = screen ? screen->name() : QString();
    name.replace(unsafe, QStringLiteral("_"));
    const QSize size = screen ? screen->geometry().size() : QSize();
    return QStringLiteral("mainWindow/geometryOn/%1_%2x%3").arg(name).arg(size.width()).arg(size.height());
}

void MainWindow::restoreWindowGeometry()
{
    QSettings settings;
    // The screen of the last session when it is still there, otherwise the primary one.
    QScreen *screen = QGuiApplication::primaryScreen();
    const QString lastKey = settings.value(QStringLiteral("mainWindow/lastScreen")).toString();
    for (QScreen *candidate : QGuiApplication::screens())
        if (geometryKey(candidate) == lastKey)
            screen = candidate;
    if (!screen)
        return;
    const QRect area = screen->availableGeometry();
    const QByteArray saved = settings.value(geometryKey(screen)).toByteArray();
    if (!saved.isEmpty() && restoreGeometry(saved)) {
        if (!isMaximized() && !isFullScreen())
            setGeometry(shrinkInto(geometry(), area - kFrameAllowance));
        return;
    }
    // First start on this screen: the preferred size when it fits with its frame, else maximised
    // (a 1366x768 office screen).
    const QRect inner = area - kFrameAllowance;
    if (inner.width() >= kPreferredSize.width() && inner.height() >= kPreferredSize.height()) {
        QRect g(QPoint(), kPreferredSize);
        g.moveCenter(inner.center());
        setGeometry(g);
    } else {
        setGeometry(inner);
        setWindowState(windowState() | Qt::WindowMaximized);
    }
}

bool MainWindow::narrowNavigation() const { return m_navDelegate->narrow(); }

void MainWindow::setNarrowNavigation(bool narrow)
{
    m_navDelegate->setNarrow(narrow);
    if (narrow) {
        m_nav->setFixedWidth(m_navDelegate->narrowWidth(m_nav));
    } else {
        // Wide enough for the longest title beside its icon and a four-digit badge.
        const QFontMetrics fm = m_nav->fontMetrics();
        int text = 0;
        for (int i = 0; i < m_nav->count(); ++i)
            text = std::max(text, fm.horizontalAdvance(m_nav->item(i)->text()));
        const int badge = fm.horizontalAdvance(QStringLiteral("9999")) + fm.height() + 6;
        const int width = m_nav->iconSize().width() + text + badge + 3 * 10 + 2 * m_nav->frameWidth() + 4;
        m_nav->setMinimumWidth(width);
        m_nav->setMaximumWidth(width + fm.horizontalAdvance(QLatin1Char('M')) * 10);
    }
    if (m_narrowAct && m_narrowAct->isChecked() != narrow)
        m_narrowAct->setChecked(narrow);
    // Item sizes come from the delegate: make the view ask again.
    m_nav->setUniformItemSizes(false);
    m_nav->setUniformItemSizes(true);
    m_nav->doItemsLayout();
    m_nav->viewport()->update();
}

void MainWindow::refreshPendingCount()
{
    if (m_pending)
        m_pending->fetchCount();
}

void MainWindow::setPendingCount(qint64 count)
{
    for (int i = 0; i < m_nav->count(); ++i) {
        QListWidgetItem *item = m_nav->item(i);
        if (item->data(Qt::UserRole).toString() != QLatin1String("review"))
            continue;
        // -1: the count failed (e.g. the server went away); the entry then shows none.
        item->setData(NavDelegate::kBadgeRole, count > 0 ? QVariant(count) : QVariant());
        item->setToolTip(count > 0 ? tr("%1: %n photo(s) awaiting review", nullptr, int(std::min<qint64>(count, INT_MAX)))
                                         .arg(m_pages.at(i)->title())
                                   : m_pages.at(i)->title());
    }
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
    // Per screen: the office monitor and the laptop each keep their own size and place.
    const QString key = geometryKey(screen());
    settings.setValue(key, saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/lastScreen"), key);
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("mainSplitter")))
        settings.setValue(QStringLiteral("mainWindow/splitter"), splitter->saveState());
    settings.setValue(QStringLiteral("mainWindow/narrowNavigation"), narrowNavigation());
    if (m_nav->currentRow() >= 0)
        settings.setValue(QStringLiteral("mainWindow/page"), m_pages.at(m_nav->currentRow())->pageId());
    event->accept();
}

} // namespace tucai::ui
