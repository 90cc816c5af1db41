#pragma once
#include <QList>
#include <QString>

namespace tucai::db {

class Database;

// Which part of the school the dashboard looks at, and the time window of the trend figures.
struct DashboardScope
{
    qint64 schoolId = 0;          // 0 = the whole database
    QList<qint64> collegeIds;     // empty = every college (school administrators)
    qint64 reviewerId = 0;        // a reviewer: only the colleges and classes assigned to them
    qint64 from = 0;              // ms, inclusive
    qint64 to = 0;                // ms, exclusive
};

struct StateCount { qint64 collegeId = 0; QString state; qint64 count = 0; };
// day = days since 1970-01-01 in China time (UTC+8).
struct DayCount { qint64 day = 0; qint64 submissions = 0; qint64 approved = 0; qint64 returned = 0; };
struct RuleCount { QString rule; qint64 count = 0; };
struct ReviewerCount { qint64 staffId = 0; QString name; qint64 approved = 0; qint64 returned = 0; qint64 activeDays = 0; };

// All SQL of the dashboard: plain aggregates, the same statements on both engines.
class DashboardRepo final
{
public:
    explicit DashboardRepo(const Database &db) : m_db(db) {}
    QList<StateCount> studentsByCollegeAndState(const DashboardScope &scope) const;
    // Submissions and decisions per China-time day inside the window, ascending.
    QList<DayCount> daily(const DashboardScope &scope) const;
    // The two halves of daily(), for running them at the same time: submissions only / decisions only.
    QList<DayCount> dailySubmissions(const DashboardScope &scope) const;
    QList<DayCount> dailyDecisions(const DashboardScope &scope) const;
    QList<RuleCount> topViolatedRules(const DashboardScope &scope, int limit) const;
    QList<ReviewerCount> reviewerThroughput(const DashboardScope &scope) const;
    // Number of schools in the database: with one, the school filter can be left out.
    qint64 schoolCount() const;
    // The colleges a reviewer is assigned to (whole college or one of its classes).
    QList<qint64> collegesOfStaff(qint64 staffId) const;

private:
    const Database &m_db;
};

} // namespace tucai::db
