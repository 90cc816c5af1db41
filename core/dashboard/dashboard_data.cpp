#include "dashboard/dashboard_data.h"

#include "checks/check_profile.h"
#include "db/database.h"
#include "db/misc_repos.h"
#include "db/school_repo.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QLocale>
#include <optional>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace tucai::dashboard {
namespace {

constexpr qint64 kDayMs = 86400000;
constexpr qint64 kChinaOffsetMs = 28800000;
constexpr qint64 kMaxWindowDays = 120; // keeps the trend chart readable

QString ruleTitle(const QString &rule)
{
    static const QHash<QString, checks::RuleInfo> byId = [] {
        QHash<QString, checks::RuleInfo> h;
        for (const checks::RuleInfo &r : checks::ruleCatalog())
            h.insert(r.id, r);
        return h;
    }();
    const auto it = byId.constFind(rule);
    if (it == byId.constEnd())
        return rule;
    // Chinese when the application runs in Chinese (the default UI language).
    const bool zh = QLocale().language() == QLocale::Chinese;
    return zh && !it->titleZh.isEmpty() ? it->titleZh : it->title;
}

// Its own small pool: the caller may itself be a task of the global pool (the dashboard page).
QThreadPool &dashboardPool()
{
    static QThreadPool pool;
    static const bool configured = [] {
        pool.setMaxThreadCount(4);
        return true;
    }();
    Q_UNUSED(configured);
    return pool;
}

// QtConcurrent would wrap a DbError in QUnhandledException: carry it back and rethrow it as itself.
template<typename T>
using Guarded = std::pair<T, std::optional<db::DbError>>;

template<typename F>
auto guarded(F f)
{
    using T = decltype(f());
    return [f]() -> Guarded<T> {
        try {
            return {f(), std::nullopt};
        } catch (const db::DbError &e) {
            return {T(), e};
        }
    };
}

template<typename T>
T takeResult(QFuture<Guarded<T>> &f)
{
    Guarded<T> r = f.result();
    if (r.second)
        throw *r.second;
    return r.first;
}

} // namespace

QList<Bucket> allBuckets()
{
    return {Bucket::NotStarted, Bucket::Drafting, Bucket::AwaitingReview, Bucket::Approved, Bucket::Returned, Bucket::Locked};
}

QString bucketKey(Bucket b)
{
    switch (b) {
    case Bucket::NotStarted: return QStringLiteral("not_started");
    case Bucket::Drafting: return QStringLiteral("drafting");
    case Bucket::AwaitingReview: return QStringLiteral("awaiting_review");
    case Bucket::Approved: return QStringLiteral("approved");
    case Bucket::Returned: return QStringLiteral("returned");
    case Bucket::Locked: return QStringLiteral("locked");
    }
    return {};
}

QString bucketTitle(Bucket b)
{
    switch (b) {
    case Bucket::NotStarted: return QCoreApplication::translate("Dashboard", "Not started");
    case Bucket::Drafting: return QCoreApplication::translate("Dashboard", "Drafting");
    case Bucket::AwaitingReview: return QCoreApplication::translate("Dashboard", "Awaiting review");
    case Bucket::Approved: return QCoreApplication::translate("Dashboard", "Approved");
    case Bucket::Returned: return QCoreApplication::translate("Dashboard", "Returned");
    case Bucket::Locked: return QCoreApplication::translate("Dashboard", "Locked");
    }
    return {};
}

QStringList bucketStates(Bucket b)
{
    switch (b) {
    case Bucket::NotStarted: return {QStringLiteral("not_started")};
    // Verified but not yet shot counts as started: the student has the code and is in the app.
    case Bucket::Drafting: return {QStringLiteral("verified"), QStringLiteral("drafting")};
    // Submitted and waiting for payment or a reviewer.
    case Bucket::AwaitingReview: return {QStringLiteral("awaiting_payment"), QStringLiteral("awaiting_review")};
    case Bucket::Approved: return {QStringLiteral("approved"), QStringLiteral("exported")};
    case Bucket::Returned: return {QStringLiteral("returned")};
    // Liveness locks wait for staff; cooling-off ends by itself but blocks shooting now.
    case Bucket::Locked: return {QStringLiteral("locked_liveness"), QStringLiteral("cooling_off")};
    }
    return {};
}

Bucket bucketOfState(const QString &s)
{
    for (Bucket b : allBuckets())
        if (bucketStates(b).contains(s))
            return b;
    return Bucket::NotStarted;
}

qint64 CollegeProgress::total() const
{
    qint64 t = 0;
    for (qint64 c : counts)
        t += c;
    return t;
}

qint64 chinaDay(qint64 ms) { return (ms + kChinaOffsetMs) / kDayMs; }

QString dayLabel(qint64 day)
{
    return QDateTime::fromMSecsSinceEpoch(day * kDayMs, Qt::UTC).toString(QStringLiteral("MM-dd"));
}

DashboardData computeDashboard(const db::Database &db, const DashboardRequest &req)
{
    QElapsedTimer timer;
    timer.start();
    DashboardData out;
    out.computedAt = db::nowMs();
    db::DashboardScope scope;
    scope.schoolId = req.schoolId;
    scope.collegeIds = req.collegeIds;
    scope.reviewerId = req.reviewerId;
    scope.from = req.from;
    scope.to = req.to;
    if (!scope.to)
        scope.to = (chinaDay(out.computedAt) + 1) * kDayMs - kChinaOffsetMs; // end of today, China time
    if (!scope.from) {
        qint64 start = 0;
        if (req.schoolId)
            start = db::SettingsRepo(db).value(req.schoolId, QStringLiteral("window_start")).toLongLong();
        scope.from = start > 0 ? start : scope.to - 30 * kDayMs;
    }
    scope.from = std::max(scope.from, scope.to - kMaxWindowDays * kDayMs);
    scope.from = chinaDay(scope.from) * kDayMs - kChinaOffsetMs; // whole days
    out.windowFrom = scope.from;
    out.windowTo = scope.to;

    db::DashboardRepo repo(db);
    // One school per database is the usual deployment: then "this school" is every row, and
    // leaving the filter out lets the aggregates read their covering indexes alone.
    if (scope.collegeIds.isEmpty() && scope.schoolId && repo.schoolCount() == 1)
        scope.schoolId = 0;
    // Colleges in the scope, also those with no students yet.
    db::SchoolRepo schools(db);
    QHash<qint64, int> index;
    QList<College> colleges;
    if (req.schoolId)
        colleges = schools.colleges(req.schoolId);
    else if (const auto school = schools.firstSchool())
        colleges = schools.colleges(school->id);
    for (const College &c : std::as_const(colleges)) {
        if (!req.collegeIds.isEmpty() && !req.collegeIds.contains(c.id))
            continue;
        index.insert(c.id, int(out.colleges.size()));
        out.colleges.append({c.id, c.code, c.name, {}});
    }
    // The five aggregates are independent: run four of them on other threads (each thread has
    // its own connection, so the server works on them at the same time) while this one counts students.
    QThreadPool &pool = dashboardPool();
    const db::Database *dbp = &db;
    auto submittedF = QtConcurrent::run(&pool, guarded([dbp, scope] { return db::DashboardRepo(*dbp).dailySubmissions(scope); }));
    auto decidedF = QtConcurrent::run(&pool, guarded([dbp, scope] { return db::DashboardRepo(*dbp).dailyDecisions(scope); }));
    auto rulesF = QtConcurrent::run(&pool, guarded([dbp, scope] { return db::DashboardRepo(*dbp).topViolatedRules(scope, 10); }));
    auto reviewersF = QtConcurrent::run(&pool, guarded([dbp, scope] { return db::DashboardRepo(*dbp).reviewerThroughput(scope); }));
    QList<db::StateCount> stateCounts;
    try {
        stateCounts = repo.studentsByCollegeAndState(scope);
    } catch (...) {
        submittedF.waitForFinished();
        decidedF.waitForFinished();
        rulesF.waitForFinished();
        reviewersF.waitForFinished();
        throw;
    }
    for (const db::StateCount &sc : std::as_const(stateCounts)) {
        if (!index.contains(sc.collegeId)) {
            index.insert(sc.collegeId, int(out.colleges.size()));
            out.colleges.append({sc.collegeId, QString::number(sc.collegeId), QString::number(sc.collegeId), {}});
        }
        const int b = int(bucketOfState(sc.state));
        out.colleges[index.value(sc.collegeId)].counts[b] += sc.count;
        out.overall[b] += sc.count;
        out.totalStudents += sc.count;
    }

    // Every day of the window, so the trend has no gaps.
    // Every task finishes before any result is read, so none outlives an error thrown here.
    submittedF.waitForFinished();
    decidedF.waitForFinished();
    rulesF.waitForFinished();
    reviewersF.waitForFinished();
    QHash<qint64, db::DayCount> byDay;
    for (const db::DayCount &d : takeResult(submittedF))
        byDay[d.day].submissions = d.submissions;
    for (const db::DayCount &d : takeResult(decidedF)) {
        byDay[d.day].approved = d.approved;
        byDay[d.day].returned = d.returned;
    }
    for (qint64 d = chinaDay(scope.from); d <= chinaDay(scope.to - 1); ++d) {
        db::DayCount c = byDay.value(d);
        c.day = d;
        out.days.append(c);
    }

    const QList<db::RuleCount> rules = takeResult(rulesF);
    const QList<db::ReviewerCount> reviewers = takeResult(reviewersF);
    for (const db::RuleCount &r : rules)
        out.topRules.append({r.rule, ruleTitle(r.rule), r.count});
    for (const db::ReviewerCount &r : reviewers)
        out.reviewers.append({r.staffId, r.name, r.approved, r.returned, r.activeDays});
    out.elapsedMs = timer.elapsed();
    return out;
}

} // namespace tucai::dashboard
