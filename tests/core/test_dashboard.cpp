// Dashboard figures on both engines, from a small school whose numbers are known by construction.
#include "dashboard/dashboard_data.h"
#include "db/batch_insert.h"
#include "db/database.h"
#include "db/photo_repo.h"
#include "db/school_repo.h"
#include "db/staff_repo.h"
#include "db/student_repo.h"
#include "demo/demo_generator.h"
#include "test_support.h"

#include <QDateTime>
#include <QTimeZone>
#include <QtTest>

using namespace tucai;

namespace {

// China time (UTC+8) -> ms since epoch.
qint64 cst(int y, int m, int d, int h, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone(8 * 3600)).toMSecsSinceEpoch();
}

} // namespace

class TestDashboard : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void bucketsCoverEveryState()
    {
        QSet<QString> seen;
        for (dashboard::Bucket b : dashboard::allBuckets())
            for (const QString &s : dashboard::bucketStates(b)) {
                QVERIFY2(!seen.contains(s), qPrintable(s));
                seen.insert(s);
                QCOMPARE(dashboard::bucketOfState(s), b);
            }
        for (StudentState s : allStudentStates())
            QVERIFY2(seen.contains(toDbString(s)), qPrintable(toDbString(s)));
        QCOMPARE(dashboard::chinaDay(cst(2026, 3, 1, 23, 59)) + 1, dashboard::chinaDay(cst(2026, 3, 2, 0, 1)));
        QCOMPARE(dashboard::dayLabel(dashboard::chinaDay(cst(2026, 3, 2, 0, 1))), QStringLiteral("03-02"));
    }

    void figuresOnBothEngines_data() { TUCAI_ENGINE_ROWS(); }
    void figuresOnBothEngines()
    {
        QFETCH(QString, engine);
        if (engine == QLatin1String("postgres"))
            TUCAI_REQUIRE_PG();
        auto database = test::freshDatabase(engine, m_dir, QStringLiteral("dashboard_figures"));
        database->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        db::SchoolRepo schools(*database);
        const qint64 school = schools.insertSchool(QStringLiteral("S1"), QStringLiteral("测试大学"));
        const qint64 c1 = schools.insertCollege(school, QStringLiteral("01"), QStringLiteral("计算机学院"));
        const qint64 c2 = schools.insertCollege(school, QStringLiteral("02"), QStringLiteral("外国语学院"));
        const qint64 k1 = schools.insertClass(c1, QStringLiteral("0101"), QStringLiteral("计科01"), 2022);
        const qint64 k2 = schools.insertClass(c2, QStringLiteral("0201"), QStringLiteral("英语01"), 2022);
        db::StaffRepo staffRepo(*database);
        Staff rv;
        rv.schoolId = school;
        rv.username = QStringLiteral("r1");
        rv.displayName = QStringLiteral("审核员甲");
        staffRepo.insert(rv);
        Staff rv2 = rv;
        rv2.username = QStringLiteral("r2");
        rv2.displayName = QStringLiteral("审核员乙");
        staffRepo.insert(rv2);

        // College 1: 3 not started, 2 verified + 1 drafting, 2 awaiting review, 4 approved, 1 returned, 1 locked, 1 cooling.
        // College 2: 1 awaiting payment, 2 approved, 1 exported.
        const QList<std::tuple<qint64, qint64, const char *, int>> groups = {
            {c1, k1, "not_started", 3}, {c1, k1, "verified", 2}, {c1, k1, "drafting", 1}, {c1, k1, "awaiting_review", 2},
            {c1, k1, "approved", 4},    {c1, k1, "returned", 1}, {c1, k1, "locked_liveness", 1}, {c1, k1, "cooling_off", 1},
            {c2, k2, "awaiting_payment", 1}, {c2, k2, "approved", 2}, {c2, k2, "exported", 1}};
        db::StudentRepo students(*database);
        db::PhotoRepo photos(*database);
        const QString sha = photos.putBlob(QByteArray("not really a photo"));
        int n = 0;
        QList<Student> approved;
        QList<Student> waiting;
        for (const auto &[college, cls, state, count] : groups)
            for (int i = 0; i < count; ++i) {
                Student s;
                s.schoolId = school;
                s.collegeId = college;
                s.classId = cls;
                s.studentNo = QStringLiteral("S%1").arg(++n, 3, 10, QLatin1Char('0'));
                s.name = QStringLiteral("学生%1").arg(n);
                s.state = studentStateFromDb(QString::fromLatin1(state));
                students.insert(s);
                if (s.state == StudentState::Approved || s.state == StudentState::Exported || s.state == StudentState::Returned)
                    approved << s;
                if (s.state == StudentState::AwaitingReview)
                    waiting << s;
            }
        // Submissions and decisions around China midnight: 23:30 on 03-01 and 00:30 on 03-02 are different days.
        const qint64 d1late = cst(2026, 3, 1, 23, 30), d2early = cst(2026, 3, 2, 0, 30), d3 = cst(2026, 3, 3, 10);
        int k = 0;
        QList<qint64> photoIds;
        for (const Student &s : std::as_const(approved)) {
            Photo p;
            p.studentId = s.id;
            p.collegeId = s.collegeId;
            p.classId = s.classId;
            p.kind = QStringLiteral("submitted");
            const bool returned = s.state == StudentState::Returned;
            p.status = returned ? QStringLiteral("returned") : QStringLiteral("approved");
            p.decision = p.status;
            p.sha256 = sha;
            p.submittedAt = (k % 2) ? d1late : d2early;
            p.decidedAt = (k < 4) ? d2early + 60000 : d3;
            p.reviewerId = (k < 5) ? rv.id : rv2.id;
            photos.insert(p);
            photoIds << p.id;
            ++k;
        }
        for (const Student &s : std::as_const(waiting)) {
            Photo p;
            p.studentId = s.id;
            p.collegeId = s.collegeId;
            p.classId = s.classId;
            p.kind = QStringLiteral("submitted");
            p.status = QStringLiteral("submitted");
            p.sha256 = sha;
            p.submittedAt = d3;
            photos.insert(p);
            photoIds << p.id;
        }
        // Violations: rule A on 5 photos, B on 3, C on 1 (and 11 more rules once each to test the limit).
        for (int i = 0; i < 5; ++i)
            photos.storeCheck(photoIds.at(i), QStringLiteral("{}"), false, QStringLiteral("e"), QStringLiteral("p"),
                              i < 3 ? QStringList{QStringLiteral("background.colour"), QStringLiteral("face.eyes_open")}
                                    : QStringList{QStringLiteral("background.colour")});
        photos.storeCheck(photoIds.at(5), QStringLiteral("{}"), false, QStringLiteral("e"), QStringLiteral("p"), {QStringLiteral("zz.rule")});
        QStringList many;
        for (int i = 0; i < 11; ++i)
            many << QStringLiteral("x.rule%1").arg(i, 2, 10, QLatin1Char('0'));
        photos.storeCheck(photoIds.at(6), QStringLiteral("{}"), false, QStringLiteral("e"), QStringLiteral("p"), many);

        dashboard::DashboardRequest req;
        req.schoolId = school;
        req.from = cst(2026, 2, 28, 0);
        req.to = cst(2026, 3, 4, 0);
        const dashboard::DashboardData d = dashboard::computeDashboard(*database, req);
        using B = dashboard::Bucket;
        QCOMPARE(d.colleges.size(), 2);
        QCOMPARE(d.colleges.at(0).name, QStringLiteral("计算机学院"));
        const auto &a = d.colleges.at(0).counts;
        QCOMPARE(a[int(B::NotStarted)], 3);
        QCOMPARE(a[int(B::Drafting)], 3);
        QCOMPARE(a[int(B::AwaitingReview)], 2);
        QCOMPARE(a[int(B::Approved)], 4);
        QCOMPARE(a[int(B::Returned)], 1);
        QCOMPARE(a[int(B::Locked)], 2);
        const auto &b = d.colleges.at(1).counts;
        QCOMPARE(b[int(B::AwaitingReview)], 1);
        QCOMPARE(b[int(B::Approved)], 3);
        QCOMPARE(d.totalStudents, 19);
        QCOMPARE(d.overall[int(B::Approved)], 7);

        // Days 02-28 .. 03-03, all present.
        QCOMPARE(d.days.size(), 4);
        QCOMPARE(dashboard::dayLabel(d.days.first().day), QStringLiteral("02-28"));
        QCOMPARE(d.days.at(0).submissions, 0);
        // 8 decided photos (7 approved/exported + 1 returned): submitted alternately 03-01 23:30 / 03-02 00:30.
        QCOMPARE(d.days.at(1).submissions, 4);     // 03-01
        QCOMPARE(d.days.at(2).submissions, 4);     // 03-02
        QCOMPARE(d.days.at(3).submissions, 2);     // 03-03: the two awaiting review
        QCOMPARE(d.days.at(2).approved + d.days.at(2).returned, 4);
        QCOMPARE(d.days.at(3).approved + d.days.at(3).returned, 4);
        QCOMPARE(d.days.at(1).approved + d.days.at(1).returned, 0);
        qint64 returned = 0;
        for (const auto &day : d.days)
            returned += day.returned;
        QCOMPARE(returned, 1);

        QCOMPARE(d.topRules.size(), 10);
        QCOMPARE(d.topRules.at(0).rule, QStringLiteral("background.colour"));
        QCOMPARE(d.topRules.at(0).count, 5);
        QCOMPARE(d.topRules.at(1).rule, QStringLiteral("face.eyes_open"));
        QCOMPARE(d.topRules.at(1).count, 3);
        QCOMPARE(d.topRules.at(2).count, 1);

        QCOMPARE(d.reviewers.size(), 2);
        QCOMPARE(d.reviewers.at(0).name, QStringLiteral("审核员甲"));
        QCOMPARE(d.reviewers.at(0).decisions(), 5);
        QCOMPARE(d.reviewers.at(0).activeDays, 2);
        QCOMPARE(d.reviewers.at(1).decisions(), 3);

        // A college administrator's scope: only their college.
        req.collegeIds = {c2};
        const dashboard::DashboardData only2 = dashboard::computeDashboard(*database, req);
        QCOMPARE(only2.colleges.size(), 1);
        QCOMPARE(only2.totalStudents, 4);
        // Photos 5 and 6 belong to college 2: zz.rule and the eleven x.rules, each once.
        QCOMPARE(only2.topRules.size(), 10);
        for (const auto &r : only2.topRules) {
            QCOMPARE(r.count, 1);
            QVERIFY(r.rule != QLatin1String("background.colour"));
        }
        QCOMPARE(only2.reviewers.size(), 1);
        QCOMPARE(only2.reviewers.at(0).decisions(), 3);

        // A reviewer assigned one class sees that class, not the whole college (two students of
        // another class of college 1 are added for this).
        const qint64 k1b = schools.insertClass(c1, QStringLiteral("0102"), QStringLiteral("计科02"), 2022);
        for (int i = 0; i < 2; ++i) {
            Student s;
            s.schoolId = school;
            s.collegeId = c1;
            s.classId = k1b;
            s.studentNo = QStringLiteral("T%1").arg(i);
            s.name = QStringLiteral("另班%1").arg(i);
            students.insert(s);
        }
        req.collegeIds = {c1};
        QCOMPARE(dashboard::computeDashboard(*database, req).totalStudents, 17);
        staffRepo.addScope(rv.id, c1, k1);
        req.reviewerId = rv.id;
        const dashboard::DashboardData oneClass = dashboard::computeDashboard(*database, req);
        QCOMPARE(oneClass.totalStudents, 15);
        staffRepo.addScope(rv.id, c1, 0);   // and now the whole college as well
        QCOMPARE(dashboard::computeDashboard(*database, req).totalStudents, 17);
    }

    void demoSchoolAddsUp()
    {
        auto database = test::freshSqliteDatabase(m_dir, QStringLiteral("dashboard_demo"));
        database->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        demo::DemoOptions opt;
        opt.students = 300;
        opt.nowMs = 1772877348000;
        opt.runChecks = false;
        demo::createDemoSchool(*database, opt);
        db::setFixedNowMs(opt.nowMs);
        dashboard::DashboardRequest req;
        req.schoolId = db::SchoolRepo(*database).firstSchool()->id;
        const dashboard::DashboardData d = dashboard::computeDashboard(*database, req);
        db::setFixedNowMs(0);
        QCOMPARE(d.totalStudents, 300);
        QCOMPARE(d.colleges.size(), 5);
        qint64 sum = 0;
        for (const auto &c : d.colleges)
            sum += c.total();
        QCOMPARE(sum, 300);
        const auto byState = db::StudentRepo(*database).countByState();
        QCOMPARE(d.overall[int(dashboard::Bucket::Approved)], byState.value(QStringLiteral("approved")));
        QVERIFY(d.days.size() >= 20);
        qint64 submissions = 0;
        for (const auto &day : d.days)
            submissions += day.submissions;
        QVERIFY(submissions > 0);
        QCOMPARE(d.reviewers.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestDashboard)
#include "test_dashboard.moc"
