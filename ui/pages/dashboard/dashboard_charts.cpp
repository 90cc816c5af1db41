#include "pages/dashboard/dashboard_charts.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QBarSeries>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLegendMarker>
#include <QPieSeries>
#include <QPieSlice>
#include <QValueAxis>
#include <cmath>

namespace tucai::ui {
namespace {

// One colour per progress group, the same in the bars and the donut.
QColor bucketColour(dashboard::Bucket b)
{
    switch (b) {
    case dashboard::Bucket::NotStarted: return QColor(0xB0, 0xB7, 0xC3);
    case dashboard::Bucket::Drafting: return QColor(0x7F, 0xB3, 0xE6);
    case dashboard::Bucket::AwaitingReview: return QColor(0xF2, 0xB1, 0x34);
    case dashboard::Bucket::Approved: return QColor(0x3C, 0xA5, 0x5C);
    case dashboard::Bucket::Returned: return QColor(0xE0, 0x6C, 0x4F);
    case dashboard::Bucket::Locked: return QColor(0x8E, 0x5A, 0xA8);
    }
    return Qt::gray;
}

QChart *freshChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation); // figures refresh on a timer: no replaying animations
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

QValueAxis *countAxis(qreal max)
{
    auto *axis = new QValueAxis;
    axis->setLabelFormat(QStringLiteral("%d"));
    axis->setRange(0, std::max<qreal>(1, max));
    axis->applyNiceNumbers();
    return axis;
}

} // namespace

DashboardCharts::DashboardCharts(QWidget *parent) : QObject(parent)
{
    m_progress = makeView(QStringLiteral("chartProgress"), parent);
    m_donut = makeView(QStringLiteral("chartOverall"), parent);
    m_daily = makeView(QStringLiteral("chartDaily"), parent);
    m_rules = makeView(QStringLiteral("chartRules"), parent);
    m_rules->setMinimumHeight(340);
    m_reviewers = makeView(QStringLiteral("chartReviewers"), parent);
}

QChartView *DashboardCharts::makeView(const QString &objectName, QWidget *parent)
{
    auto *v = new QChartView(parent);
    v->setObjectName(objectName);
    v->setRenderHint(QPainter::Antialiasing);
    v->setMinimumSize(360, 260);
    v->setChart(freshChart({}));
    return v;
}

void DashboardCharts::show(const dashboard::DashboardData &data)
{
    m_data = data;
    using dashboard::Bucket;

    // 1. Progress per college: horizontal stacked bars, long college names fit on the left axis.
    {
        QChart *chart = freshChart(tr("Progress per college"));
        auto *series = new QHorizontalStackedBarSeries;
        QStringList names;
        qreal max = 0;
        // A vertical category axis lists bottom-up: reverse, so the first college is on top.
        QList<dashboard::CollegeProgress> rows(data.colleges.crbegin(), data.colleges.crend());
        for (const auto &c : std::as_const(rows)) {
            names << c.name;
            max = std::max<qreal>(max, qreal(c.total()));
        }
        for (Bucket b : dashboard::allBuckets()) {
            auto *set = new QBarSet(dashboard::bucketTitle(b));
            set->setColor(bucketColour(b));
            set->setBorderColor(bucketColour(b).darker(115));
            for (const auto &c : std::as_const(rows))
                *set << qreal(c.counts[int(b)]);
            series->append(set);
        }
        series->setBarWidth(0.7);
        chart->addSeries(series);
        auto *cats = new QBarCategoryAxis;
        cats->append(names);
        chart->addAxis(cats, Qt::AlignLeft);
        series->attachAxis(cats);
        auto *values = countAxis(max);
        chart->addAxis(values, Qt::AlignBottom);
        series->attachAxis(values);
        connect(series, &QAbstractBarSeries::clicked, this, [this](int index, QBarSet *set) {
            const int bucket = int(set->property("bucket").toInt());
            const int row = int(m_data.colleges.size()) - 1 - index;
            if (row >= 0 && row < m_data.colleges.size())
                Q_EMIT picked(m_data.colleges.at(row).collegeId, Bucket(bucket));
        });
        const QList<QBarSet *> sets = series->barSets();
        for (int i = 0; i < sets.size(); ++i)
            sets.at(i)->setProperty("bucket", i);
        QChart *old = m_progress->chart();
        m_progress->setChart(chart);
        delete old;
    }
    // 2. Overall donut.
    {
        QChart *chart = freshChart(tr("Overall: %n student(s)", nullptr, int(data.totalStudents)));
        auto *series = new QPieSeries;
        series->setHoleSize(0.45);
        series->setPieSize(0.75);
        for (Bucket b : dashboard::allBuckets()) {
            const qint64 n = data.overall[int(b)];
            const double pct = data.totalStudents ? 100.0 * double(n) / double(data.totalStudents) : 0;
            QPieSlice *slice = series->append(QStringLiteral("%1 %2 (%3%)").arg(dashboard::bucketTitle(b)).arg(n).arg(pct, 0, 'f', 0), qreal(n));
            slice->setColor(bucketColour(b));
            slice->setProperty("bucket", int(b));
            slice->setLabelVisible(false); // the legend carries the labels: nothing is cut at the edges
        }
        chart->addSeries(series);
        chart->legend()->setAlignment(Qt::AlignRight);
        connect(series, &QPieSeries::clicked, this, [this](QPieSlice *slice) {
            Q_EMIT picked(0, Bucket(slice->property("bucket").toInt()));
        });
        QChart *old = m_donut->chart();
        m_donut->setChart(chart);
        delete old;
    }
    // 3. Daily submissions and decisions.
    {
        QChart *chart = freshChart(tr("Daily submissions and decisions"));
        auto *series = new QBarSeries;
        auto *submitted = new QBarSet(tr("Submitted"));
        auto *approved = new QBarSet(tr("Approved"));
        auto *returned = new QBarSet(tr("Returned"));
        submitted->setColor(QColor(0x4A, 0x7E, 0xC2));
        approved->setColor(bucketColour(Bucket::Approved));
        returned->setColor(bucketColour(Bucket::Returned));
        QStringList days;
        qreal max = 0;
        for (const auto &d : data.days) {
            days << dashboard::dayLabel(d.day);
            *submitted << qreal(d.submissions);
            *approved << qreal(d.approved);
            *returned << qreal(d.returned);
            max = std::max<qreal>(max, qreal(std::max({d.submissions, d.approved, d.returned})));
        }
        series->append({submitted, approved, returned});
        series->setBarWidth(0.9);
        chart->addSeries(series);
        auto *cats = new QBarCategoryAxis;
        cats->append(days);
        cats->setLabelsAngle(-90);
        QFont small = cats->labelsFont();
        small.setPointSizeF(std::max(6.0, small.pointSizeF() - 1.5));
        cats->setLabelsFont(small);
        chart->addAxis(cats, Qt::AlignBottom);
        series->attachAxis(cats);
        auto *values = countAxis(max);
        chart->addAxis(values, Qt::AlignLeft);
        series->attachAxis(values);
        QChart *old = m_daily->chart();
        m_daily->setChart(chart);
        delete old;
    }
    // 4. Ten most violated rules.
    {
        QChart *chart = freshChart(tr("Most violated rules"));
        auto *series = new QHorizontalBarSeries;
        auto *set = new QBarSet(tr("Photos"));
        set->setColor(QColor(0xE0, 0x6C, 0x4F));
        QStringList rules;
        qreal max = 0;
        // Largest at the top: a horizontal axis lists categories bottom-up.
        for (auto it = data.topRules.crbegin(); it != data.topRules.crend(); ++it) {
            rules << it->title;
            *set << qreal(it->count);
            max = std::max<qreal>(max, qreal(it->count));
        }
        series->append(set);
        series->setLabelsVisible(true);
        series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
        chart->addSeries(series);
        auto *cats = new QBarCategoryAxis;
        cats->append(rules.isEmpty() ? QStringList{tr("(none)")} : rules);
        // Ten rows: QtCharts elides a category label taller than its row, so a slightly smaller font.
        QFont small = cats->labelsFont();
        small.setPointSizeF(std::max(7.0, small.pointSizeF() - 1));
        cats->setLabelsFont(small);
        chart->addAxis(cats, Qt::AlignLeft);
        series->attachAxis(cats);
        auto *values = countAxis(max);
        chart->addAxis(values, Qt::AlignBottom);
        series->attachAxis(values);
        chart->legend()->hide();
        QChart *old = m_rules->chart();
        m_rules->setChart(chart);
        delete old;
    }
    // 5. Reviewer throughput in the window.
    {
        QChart *chart = freshChart(tr("Reviewer throughput"));
        auto *series = new QHorizontalStackedBarSeries;
        auto *approved = new QBarSet(tr("Approved"));
        auto *returned = new QBarSet(tr("Returned"));
        approved->setColor(bucketColour(Bucket::Approved));
        returned->setColor(bucketColour(Bucket::Returned));
        QStringList names;
        qreal max = 0;
        for (auto it = data.reviewers.crbegin(); it != data.reviewers.crend(); ++it) {
            const double perDay = it->activeDays ? double(it->decisions()) / double(it->activeDays) : 0;
            names << tr("%1 (%2/day)").arg(it->name.isEmpty() ? QString::number(it->staffId) : it->name).arg(perDay, 0, 'f', 0);
            *approved << qreal(it->approved);
            *returned << qreal(it->returned);
            max = std::max<qreal>(max, qreal(it->decisions()));
        }
        series->append({approved, returned});
        chart->addSeries(series);
        auto *cats = new QBarCategoryAxis;
        cats->append(names.isEmpty() ? QStringList{tr("(none)")} : names);
        chart->addAxis(cats, Qt::AlignLeft);
        series->attachAxis(cats);
        auto *values = countAxis(max);
        chart->addAxis(values, Qt::AlignBottom);
        series->attachAxis(values);
        QChart *old = m_reviewers->chart();
        m_reviewers->setChart(chart);
        delete old;
    }
}

QPoint DashboardCharts::barCentre(int row, dashboard::Bucket bucket) const
{
    QChart *chart = m_progress->chart();
    const auto series = chart->series();
    if (series.isEmpty() || row < 0 || row >= m_data.colleges.size())
        return {};
    const auto &counts = m_data.colleges.at(row).counts;
    qreal before = 0;
    for (int b = 0; b < int(bucket); ++b)
        before += qreal(counts[b]);
    const QPointF value(before + qreal(counts[int(bucket)]) / 2, qreal(m_data.colleges.size() - 1 - row));
    const QPointF scene = chart->mapToScene(chart->mapToPosition(value, series.first()));
    return m_progress->mapFromScene(scene);
}

QPoint DashboardCharts::sliceCentre(dashboard::Bucket bucket) const
{
    QChart *chart = m_donut->chart();
    const auto series = chart->series();
    if (series.isEmpty())
        return {};
    auto *pie = static_cast<QPieSeries *>(series.first());
    QPieSlice *slice = pie->slices().value(int(bucket));
    if (!slice)
        return {};
    const QRectF plot = chart->plotArea();
    const qreal radius = std::min(plot.width(), plot.height()) / 2 * pie->pieSize();
    const qreal r = radius * (1 + pie->holeSize()) / 2; // middle of the ring
    const qreal angle = qDegreesToRadians(slice->startAngle() + slice->angleSpan() / 2);
    const QPointF centre = plot.center();
    const QPointF p(centre.x() + r * std::sin(angle), centre.y() - r * std::cos(angle));
    return m_donut->mapFromScene(chart->mapToScene(p));
}

} // namespace tucai::ui
