#pragma once
#include "db/dashboard_repo.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <array>

namespace tucai::db { class Database; }

namespace tucai::dashboard {

// The six progress groups the dashboard shows; each covers one or more student states.
enum class Bucket { NotStarted, Drafting, AwaitingReview, Approved, Returned, Locked };
constexpr int kBucketCount = 6;
QList<Bucket> allBuckets();
QString bucketKey(Bucket b);            // "not_started", ..., "locked": the filter sent to the students page
QString bucketTitle(Bucket b);          // translated
QStringList bucketStates(Bucket b);     // database state strings
Bucket bucketOfState(const QString &dbState);

using BucketCounts = std::array<qint64, kBucketCount>;

struct CollegeProgress
{
    qint64 collegeId = 0;
    QString code;
    QString name;
    BucketCounts counts{};
    qint64 total() const;
};

struct RuleFigure { QString rule; QString title; qint64 count = 0; };
struct ReviewerFigure { qint64 staffId = 0; QString name; qint64 approved = 0; qint64 returned = 0; qint64 activeDays = 0;
                        qint64 decisions() const { return approved + returned; } };

struct DashboardData
{
    QList<CollegeProgress> colleges;     // in college code order
    BucketCounts overall{};
    qint64 totalStudents = 0;
    QList<db::DayCount> days;            // every day of the window, zeros included
    QList<RuleFigure> topRules;          // at most 10
    QList<ReviewerFigure> reviewers;
    qint64 windowFrom = 0, windowTo = 0; // ms
    qint64 computedAt = 0;               // ms
    qint64 elapsedMs = 0;                // time the queries took
};

struct DashboardRequest
{
    qint64 schoolId = 0;
    QList<qint64> collegeIds;            // empty = all colleges
    qint64 reviewerId = 0;               // a reviewer: only their assigned colleges and classes
    qint64 from = 0, to = 0;             // 0 = the collection window from the settings (or the last 30 days), up to now
};

// Runs the aggregates (on the calling thread: call it from a worker).
DashboardData computeDashboard(const db::Database &db, const DashboardRequest &request);

// Days since 1970-01-01 in China time (UTC+8) -> "MM-dd".
QString dayLabel(qint64 day);
qint64 chinaDay(qint64 ms);

} // namespace tucai::dashboard
