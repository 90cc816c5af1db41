#pragma once
#include "dashboard/dashboard_data.h"

#include <QChartView>
#include <functional>

namespace tucai::ui {

// Builds the dashboard's five charts from one DashboardData. Clicking a bar or
// slice of the progress charts calls `onPick(collegeId or 0, bucket)`.
class DashboardCharts final : public QObject
{
    Q_OBJECT
public:
    explicit DashboardCharts(QWidget *parent);
    QChartView *progressView() const { return m_progress; }
    QChartView *donutView() const { return m_donut; }
    QChartView *dailyView() const { return m_daily; }
    QChartView *rulesView() const { return m_rules; }
    QChartView *reviewersView() const { return m_reviewers; }
    void show(const dashboard::DashboardData &data);
    // Where on the progress view the bar of (college row, bucket) is drawn (for tests and tooltips).
    QPoint barCentre(int collegeRow, dashboard::Bucket bucket) const;
    QPoint sliceCentre(dashboard::Bucket bucket) const;

Q_SIGNALS:
    void picked(qint64 collegeId, dashboard::Bucket bucket);

private:
    QChartView *makeView(const QString &objectName, QWidget *parent);
    QChartView *m_progress, *m_donut, *m_daily, *m_rules, *m_reviewers;
    dashboard::DashboardData m_data;
};

} // namespace tucai::ui
