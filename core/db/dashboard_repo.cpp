#include "db/dashboard_repo.h"

#include "db/database.h"

#include <QMap>

namespace tucai::db {
namespace {

// Day number in China time with integer arithmetic only: (t + 8 h) / 24 h.
// Integer division of BIGINTs truncates on both engines; times are after 1970.
const QString kDayOf = QStringLiteral("((%1 + 28800000) / 86400000)");

// Restricts the rows of `table` (a table name or alias) to the scope: its college_id column, and
// for a reviewer also its class_id. The columns are qualified: the reviewer's sub-select has
// columns of the same names. The school filter goes through colleges so that the students index
// (college_id, state) still covers the query.
QString scopeSql(const QString &table, const DashboardScope &s)
{
    const QString college = table + QStringLiteral(".college_id");
    QString sql;
    if (s.reviewerId)
        sql += QStringLiteral(" AND EXISTS (SELECT 1 FROM staff_scopes sc WHERE sc.staff_id = :reviewer AND sc.college_id = %1 "
                              "AND (sc.class_id IS NULL OR sc.class_id = %2.class_id))")
                   .arg(college, table);
    if (!s.collegeIds.isEmpty()) {
        QStringList names;
        for (int i = 0; i < s.collegeIds.size(); ++i)
            names << QStringLiteral(":co%1").arg(i);
        sql += QStringLiteral(" AND %1 IN (%2)").arg(college, names.join(QStringLiteral(", ")));
    } else if (s.schoolId) {
        sql += QStringLiteral(" AND %1 IN (SELECT id FROM colleges WHERE school_id = :school)").arg(college);
    }
    return sql;
}

void bindScope(Query &q, const DashboardScope &s)
{
    if (s.reviewerId)
        q.bind(QStringLiteral(":reviewer"), s.reviewerId);
    if (!s.collegeIds.isEmpty()) {
        for (int i = 0; i < s.collegeIds.size(); ++i)
            q.bind(QStringLiteral(":co%1").arg(i), s.collegeIds.at(i));
    } else if (s.schoolId) {
        q.bind(QStringLiteral(":school"), s.schoolId);
    }
}

} // namespace

QList<StateCount> DashboardRepo::studentsByCollegeAndState(const DashboardScope &scope) const
{
    Query q(m_db, QStringLiteral("SELECT college_id, state, COUNT(*) FROM students WHERE 1 = 1")
                      + scopeSql(QStringLiteral("students"), scope) + QStringLiteral(" GROUP BY college_id, state"));
    bindScope(q, scope);
    q.exec();
    QList<StateCount> out;
    while (q.next())
        out.append({q.toLongLong(0), q.toString(1), q.toLongLong(2)});
    return out;
}

QList<DayCount> DashboardRepo::dailySubmissions(const DashboardScope &scope) const
{
    Query q(m_db, QStringLiteral("SELECT %1 AS day, COUNT(*) FROM photos WHERE kind = 'submitted' "
                                 "AND submitted_at >= :from AND submitted_at < :to")
                          .arg(kDayOf.arg(QStringLiteral("submitted_at")))
                      + scopeSql(QStringLiteral("photos"), scope) + QStringLiteral(" GROUP BY day ORDER BY day"));
    q.bind(QStringLiteral(":from"), scope.from).bind(QStringLiteral(":to"), scope.to);
    bindScope(q, scope);
    q.exec();
    QList<DayCount> out;
    while (q.next())
        out.append({q.toLongLong(0), q.toLongLong(1), 0, 0});
    return out;
}

QList<DayCount> DashboardRepo::dailyDecisions(const DashboardScope &scope) const
{
    Query q(m_db, QStringLiteral("SELECT %1 AS day, SUM(CASE WHEN decision = 'approved' THEN 1 ELSE 0 END), "
                                 "SUM(CASE WHEN decision = 'returned' THEN 1 ELSE 0 END) FROM photos "
                                 "WHERE decided_at >= :from AND decided_at < :to")
                          .arg(kDayOf.arg(QStringLiteral("decided_at")))
                      + scopeSql(QStringLiteral("photos"), scope) + QStringLiteral(" GROUP BY day ORDER BY day"));
    q.bind(QStringLiteral(":from"), scope.from).bind(QStringLiteral(":to"), scope.to);
    bindScope(q, scope);
    q.exec();
    QList<DayCount> out;
    while (q.next())
        out.append({q.toLongLong(0), 0, q.toLongLong(1), q.toLongLong(2)});
    return out;
}

QList<DayCount> DashboardRepo::daily(const DashboardScope &scope) const
{
    QMap<qint64, DayCount> days;
    for (const DayCount &d : dailySubmissions(scope)) {
        days[d.day].day = d.day;
        days[d.day].submissions = d.submissions;
    }
    for (const DayCount &d : dailyDecisions(scope)) {
        days[d.day].day = d.day;
        days[d.day].approved = d.approved;
        days[d.day].returned = d.returned;
    }
    return days.values();
}

QList<RuleCount> DashboardRepo::topViolatedRules(const DashboardScope &scope, int limit) const
{
    // Only join photos when the scope needs it: the plain count reads the (rule, photo_id) index alone.
    const bool join = !scope.collegeIds.isEmpty() || scope.schoolId || scope.reviewerId;
    QString sql = join ? QStringLiteral("SELECT v.rule, COUNT(*) AS n FROM photo_violations v JOIN photos p ON p.id = v.photo_id WHERE 1 = 1")
                             + scopeSql(QStringLiteral("p"), scope)
                       : QStringLiteral("SELECT v.rule, COUNT(*) AS n FROM photo_violations v WHERE 1 = 1");
    sql += QStringLiteral(" GROUP BY v.rule ORDER BY n DESC, v.rule LIMIT :limit");
    Query q(m_db, sql);
    bindScope(q, scope);
    q.bind(QStringLiteral(":limit"), limit);
    q.exec();
    QList<RuleCount> out;
    while (q.next())
        out.append({q.toString(0), q.toLongLong(1)});
    return out;
}

QList<ReviewerCount> DashboardRepo::reviewerThroughput(const DashboardScope &scope) const
{
    // Per reviewer and day first (a few hundred small groups, aggregated in parallel), then per
    // reviewer: COUNT(DISTINCT day) over all rows would sort every decision.
    Query q(m_db, QStringLiteral("SELECT d.reviewer_id, COALESCE(MAX(s.display_name), ''), SUM(d.approved), SUM(d.returned), COUNT(*) "
                                 "FROM (SELECT p.reviewer_id, %1 AS day, "
                                 "SUM(CASE WHEN p.decision = 'approved' THEN 1 ELSE 0 END) AS approved, "
                                 "SUM(CASE WHEN p.decision = 'returned' THEN 1 ELSE 0 END) AS returned "
                                 "FROM photos p WHERE p.reviewer_id IS NOT NULL AND p.decided_at >= :from AND p.decided_at < :to")
                          .arg(kDayOf.arg(QStringLiteral("p.decided_at")))
                      + scopeSql(QStringLiteral("p"), scope)
                      + QStringLiteral(" GROUP BY p.reviewer_id, day) d LEFT JOIN staff s ON s.id = d.reviewer_id "
                                       "GROUP BY d.reviewer_id ORDER BY SUM(d.approved) + SUM(d.returned) DESC, d.reviewer_id"));
    q.bind(QStringLiteral(":from"), scope.from).bind(QStringLiteral(":to"), scope.to);
    bindScope(q, scope);
    q.exec();
    QList<ReviewerCount> out;
    while (q.next())
        out.append({q.toLongLong(0), q.toString(1), q.toLongLong(2), q.toLongLong(3), q.toLongLong(4)});
    return out;
}

qint64 DashboardRepo::schoolCount() const
{
    return Query(m_db, QStringLiteral("SELECT COUNT(*) FROM schools")).scalar().toLongLong();
}

QList<qint64> DashboardRepo::collegesOfStaff(qint64 staffId) const
{
    Query q(m_db, QStringLiteral("SELECT DISTINCT college_id FROM staff_scopes WHERE staff_id = :s ORDER BY college_id"));
    q.bind(QStringLiteral(":s"), staffId).exec();
    QList<qint64> out;
    while (q.next())
        out << q.toLongLong(0);
    return out;
}

} // namespace tucai::db
