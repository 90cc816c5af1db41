#pragma once
#include "dashboard/dashboard_data.h"
#include "shell/page.h"

#include <QVariantMap>

class QComboBox;
class QLabel;
class QTabWidget;
class QTimer;

namespace tucai::ui {

class DashboardCharts;
class StillMissingWidget;

// The morning view of a collection: progress per college, overall donut,
// daily trend, most violated rules, reviewer throughput, and the "still
// missing" list. Figures come from SQL aggregates computed off the GUI thread,
// on demand (F5) and on a timer. Clicking a bar or a slice opens the students
// page filtered on that college and progress group.
class DashboardPage final : public Page
{
    Q_OBJECT
public:
    explicit DashboardPage(AppContext &context, QWidget *parent = nullptr);
    QString pageId() const override { return QStringLiteral("dashboard"); }
    QString title() const override { return tr("Dashboard"); }
    void activate() override;

    void refresh();
    DashboardCharts *charts() const { return m_charts; }
    StillMissingWidget *stillMissing() const { return m_missing; }
    const dashboard::DashboardData &data() const { return m_data; }
    bool isLoading() const { return m_loading; }
    // The last navigation a click asked for (page id + filter), for tests and the status bar.
    QString lastTargetPage() const { return m_lastTarget; }
    QVariantMap lastFilter() const { return m_lastFilter; }
    // Live figures: after a change elsewhere the figures are computed again, at most once per
    // `ms` (default 3 s: a busy morning of submissions does not keep the database computing).
    void setLiveRefreshInterval(int ms) { m_liveIntervalMs = ms; }
    int liveRefreshes() const { return m_liveRefreshes; }
    // The filter sent to the students page for one bar/slice.
    static QVariantMap filterFor(qint64 collegeId, dashboard::Bucket bucket);

Q_SIGNALS:
    void refreshed();
    // Emitted on every click, also when no main window hosts the page.
    void openFilteredList(const QString &pageId, const QVariantMap &filter);

private:
    void onPicked(qint64 collegeId, dashboard::Bucket bucket);
    void show(const dashboard::DashboardData &data);
    dashboard::DashboardRequest request() const;
    void onLiveChange();

    DashboardCharts *m_charts;
    StillMissingWidget *m_missing;
    QTabWidget *m_tabs;
    QLabel *m_status;
    QComboBox *m_interval;
    QTimer *m_timer;
    dashboard::DashboardData m_data;
    bool m_loading = false;
    bool m_loadedOnce = false;
    int m_generation = 0;
    QTimer *m_live;
    qint64 m_lastRefreshAt = 0;
    int m_liveIntervalMs = 3000;
    int m_liveRefreshes = 0;
    bool m_stale = false;
    QString m_lastTarget;
    QVariantMap m_lastFilter;
};

} // namespace tucai::ui
