#include "pages/dashboard/dashboard_page.h"

#include "db/change_watch.h"
#include "db/database.h"
#include "pages/dashboard/dashboard_charts.h"
#include "pages/dashboard/still_missing.h"
#include "shell/app_context.h"
#include "shell/main_window.h"

#include <QComboBox>
#include <QDateTime>
#include <algorithm>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace tucai::ui {

DashboardPage::DashboardPage(AppContext &context, QWidget *parent) : Page(context, parent)
{
    setObjectName(QStringLiteral("dashboardPage"));
    auto *refreshButton = new QPushButton(tr("&Refresh"), this);
    refreshButton->setObjectName(QStringLiteral("dashboardRefresh"));
    refreshButton->setShortcut(QKeySequence::Refresh);
    refreshButton->setToolTip(tr("Compute the figures again (%1)").arg(QKeySequence(QKeySequence::Refresh).toString(QKeySequence::NativeText)));
    m_interval = new QComboBox(this);
    m_interval->setObjectName(QStringLiteral("dashboardInterval"));
    m_interval->addItem(tr("No automatic refresh"), 0);
    m_interval->addItem(tr("Every minute"), 60);
    m_interval->addItem(tr("Every 5 minutes"), 300);
    m_interval->addItem(tr("Every 15 minutes"), 900);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("dashboardStatus"));
    m_timer = new QTimer(this);
    m_timer->setObjectName(QStringLiteral("dashboardTimer"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_status, 1);
    bar->addWidget(m_interval);
    bar->addWidget(refreshButton);

    auto *chartsPage = new QWidget(this);
    m_charts = new DashboardCharts(chartsPage);
    auto *grid = new QGridLayout(chartsPage);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_charts->progressView(), 0, 0);
    grid->addWidget(m_charts->donutView(), 0, 1);
    grid->addWidget(m_charts->dailyView(), 1, 0, 1, 2);
    grid->addWidget(m_charts->rulesView(), 2, 0);
    grid->addWidget(m_charts->reviewersView(), 2, 1);
    grid->setRowStretch(0, 3);
    grid->setRowStretch(1, 3);
    grid->setRowStretch(2, 4);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 2);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("dashboardScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(chartsPage);
    chartsPage->setMinimumSize(760, 900);

    m_missing = new StillMissingWidget(context, this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("dashboardTabs"));
    m_tabs->addTab(scroll, tr("Overview"));
    m_tabs->addTab(m_missing, tr("Still missing"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_tabs, 1);

    connect(refreshButton, &QPushButton::clicked, this, &DashboardPage::refresh);
    connect(m_timer, &QTimer::timeout, this, &DashboardPage::refresh);
    connect(m_interval, &QComboBox::currentIndexChanged, this, [this] {
        const int seconds = m_interval->currentData().toInt();
        QSettings().setValue(QStringLiteral("dashboard/refreshSeconds"), seconds);
        if (seconds > 0)
            m_timer->start(seconds * 1000);
        else
            m_timer->stop();
    });
    const int saved = QSettings().value(QStringLiteral("dashboard/refreshSeconds"), 300).toInt();
    m_interval->setCurrentIndex(std::max(0, m_interval->findData(saved)));
    if (saved > 0)
        m_timer->start(saved * 1000);
    // Queued: Qt Charts' own mouse handler finishes before the page changes and the chart may be
    // rebuilt (nothing of the chart is touched after it returns).
    connect(m_charts, &DashboardCharts::picked, this, [this](qint64 collegeId, dashboard::Bucket bucket) {
        QMetaObject::invokeMethod(this, [this, collegeId, bucket] { onPicked(collegeId, bucket); }, Qt::QueuedConnection);
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_tabs->widget(index) == m_missing)
            m_missing->reload();
    });
    // Decisions and unlocks elsewhere change the figures.
    connect(&context, &AppContext::dataChanged, this, [this] {
        if (isVisible())
            refresh();
        else if (m_loadedOnce)
            m_stale = true;
    });
    // So do submissions, decisions and unlocks anywhere (the student side, other staff).
    m_live = new QTimer(this);
    m_live->setSingleShot(true);
    connect(m_live, &QTimer::timeout, this, [this] {
        if (m_loading) { // the figures of a moment ago are still being computed: then again
            m_live->start(m_liveIntervalMs);
            return;
        }
        ++m_liveRefreshes;
        refresh();
        if (m_tabs->currentWidget() == m_missing)
            m_missing->reload();
    });
    context.watchChanges();
    connect(&context, &AppContext::liveChange, this, [this](int topics) {
        if (topics & (db::ChangeWatch::Students | db::ChangeWatch::Photos))
            onLiveChange();
    });
}

void DashboardPage::activate()
{
    if (!m_loadedOnce || m_stale)
        refresh();
}

void DashboardPage::onLiveChange()
{
    if (!m_loadedOnce)
        return;
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    if (m_live->isActive())
        return;
    const qint64 since = QDateTime::currentMSecsSinceEpoch() - m_lastRefreshAt;
    m_live->start(int(std::clamp<qint64>(m_liveIntervalMs - since, 0, m_liveIntervalMs)));
}

dashboard::DashboardRequest DashboardPage::request() const
{
    dashboard::DashboardRequest req;
    const accounts::Session &s = context().session();
    req.schoolId = s.schoolId;
    if (s.role == StaffRole::CollegeAdmin && s.collegeId)
        req.collegeIds = {s.collegeId};
    return req;
}

void DashboardPage::refresh()
{
    m_loading = true;
    m_loadedOnce = true;
    m_stale = false;
    m_lastRefreshAt = QDateTime::currentMSecsSinceEpoch();
    m_status->setText(tr("Computing the figures..."));
    const int generation = ++m_generation;
    auto database = context().sharedDatabase();
    dashboard::DashboardRequest req = request();
    const accounts::Session session = context().session();
    using Result = std::pair<dashboard::DashboardData, QString>;
    auto *watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // superseded by a newer refresh
        m_loading = false;
        const Result r = watcher->result();
        if (!r.second.isEmpty())
            m_status->setText(tr("The figures could not be computed: %1").arg(r.second));
        else
            show(r.first);
        Q_EMIT refreshed();
    });
    watcher->setFuture(QtConcurrent::run([database, req, session]() mutable -> Result {
        try {
            // Reviewers see the colleges and classes they are assigned to.
            if (session.role == StaffRole::Reviewer) {
                if (req.collegeIds.isEmpty())
                    req.collegeIds = db::DashboardRepo(*database).collegesOfStaff(session.staffId);
                req.reviewerId = session.staffId;
            }
            return {dashboard::computeDashboard(*database, req), {}};
        } catch (const db::DbError &e) {
            return {{}, e.message()};
        }
    }));
}

void DashboardPage::show(const dashboard::DashboardData &data)
{
    m_data = data;
    m_charts->show(data);
    const qint64 approved = data.overall[int(dashboard::Bucket::Approved)];
    m_status->setText(tr("%1 students, %2 approved (%3%). Window %4 to %5. Updated %6 (%7 ms).")
                          .arg(data.totalStudents)
                          .arg(approved)
                          .arg(data.totalStudents ? 100.0 * double(approved) / double(data.totalStudents) : 0.0, 0, 'f', 1)
                          .arg(dashboard::dayLabel(dashboard::chinaDay(data.windowFrom)),
                               dashboard::dayLabel(dashboard::chinaDay(data.windowTo - 1)),
                               QDateTime::fromMSecsSinceEpoch(data.computedAt).toString(QStringLiteral("HH:mm:ss")))
                          .arg(data.elapsedMs));
}

QVariantMap DashboardPage::filterFor(qint64 collegeId, dashboard::Bucket bucket)
{
    QVariantMap filter;
    if (collegeId)
        filter.insert(QStringLiteral("college"), collegeId);
    filter.insert(QStringLiteral("state"), dashboard::bucketKey(bucket));
    // The students page's status filter for exactly the group's students.
    const QString status = bucket == dashboard::Bucket::AwaitingReview ? QStringLiteral("submitted") : dashboard::bucketKey(bucket);
    filter.insert(QStringLiteral("status"), status);
    filter.insert(QStringLiteral("states"), dashboard::bucketStates(bucket));
    return filter;
}

void DashboardPage::onPicked(qint64 collegeId, dashboard::Bucket bucket)
{
    m_lastTarget = QStringLiteral("students");
    m_lastFilter = filterFor(collegeId, bucket);
    Q_EMIT openFilteredList(m_lastTarget, m_lastFilter);
    if (auto *main = qobject_cast<MainWindow *>(window()))
        main->showPage(m_lastTarget, m_lastFilter);
}

} // namespace tucai::ui
