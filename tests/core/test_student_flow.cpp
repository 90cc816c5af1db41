// The student side (core/sim/student_flow.h) on SQLite and PostgreSQL: code verification and the
// information check, the liveness lock, the cooling-off and its end, the draft box's capacity and
// 24 h rule, the closed window, submission with and without payment, a return and the re-shoot;
// every action once per idempotency key; and the database passes `db check` afterwards.
#include "checks/check_engine.h"
#include "codes/code_service.h"
#include "db/database.h"
#include "db/photo_repo.h"
#include "db/staff_repo.h"
#include "db/student_flow_repo.h"
#include "db/student_repo.h"
#include "demo/demo_faces.h"
#include "demo/demo_generator.h"
#include "integrity/integrity_check.h"
#include "review/decision_service.h"
#include "settings/collection_settings.h"
#include "sim/student_flow.h"
#include "test_support.h"

#include <QtTest>

using namespace tucai;
using sim::StepResult;
using Outcome = StepResult::Outcome;
using Status = StepResult::Status;

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;

// A shot whose verdicts are given (the engine's own verdicts are exercised by the soak test).
sim::Shot shotOf(const QByteArray &jpeg, int n, bool liveness, bool passed)
{
    sim::Shot s;
    s.bytes = jpeg + QByteArray::number(n); // distinct bytes per shot
    s.livenessPassed = liveness;
    s.checkPassed = passed;
    s.reportJson = QStringLiteral("{}");
    s.hint = passed ? QString() : QStringLiteral("背景不符");
    s.engineVersion = checks::CheckEngine::version();
    s.profileVersion = QStringLiteral("test");
    return s;
}

int count(const db::Database &d, const QString &sql, qint64 id)
{
    return db::Query(d, sql).bind(QStringLiteral(":id"), id).scalar().toInt();
}

} // namespace

class TestStudentFlow : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void cleanup() { db::setFixedNowMs(0); }

    void flow_data() { TUCAI_ENGINE_ROWS(); }
    void flow()
    {
        QFETCH(QString, engine);
        auto d = test::freshDatabase(engine, m_dir, QStringLiteral("student_flow"));
        if (!d)
            QSKIP("No PostgreSQL test cluster");
        d->migrate();
        demo::DemoOptions opt;
        opt.students = 60;
        opt.runChecks = false;
        demo::createDemoSchool(*d, opt);
        const qint64 schoolId = db::Query(*d, QStringLiteral("SELECT id FROM schools")).scalar().toLongLong();
        settings::CollectionSettings cs = settings::CollectionSettings::load(*d, schoolId);
        cs.windowStart = 0;
        cs.windowEnd = 0;
        cs.dailyHours = QStringLiteral("00:00-24:00");
        cs.livenessFailuresBeforeLock = 2;
        cs.otherFailuresBeforeCooling = 2;
        cs.coolingMinutes = 30;
        cs.draftCapacity = 2;
        cs.draftRetentionHours = 24;
        cs.paymentRequired = true;
        cs.feeCents = 1500;
        QVERIFY(cs.save(*d, schoolId, 1, QStringLiteral("admin"), QStringLiteral("test")).isEmpty());

        const QList<qint64> fresh = db::StudentFlowRepo(*d).studentsInStates(schoolId, {QStringLiteral("not_started")});
        QVERIFY(fresh.size() >= 3);
        const qint64 a = fresh.at(0), b = fresh.at(1), c = fresh.at(2);
        codes::CodeSelection sel;
        sel.schoolId = schoolId;
        sel.studentIds = {a, b, c};
        const auto issued = codes::CodeService(*d, {1, QStringLiteral("admin")}).generateForStudents(sel, 0);
        QCOMPARE(issued.size(), 3);
        QHash<qint64, QString> code;
        for (const auto &i : issued)
            code.insert(i.target.studentId, i.code);
        db::StudentRepo students(*d);
        const Student sa = *students.get(a), sb = *students.get(b), sc = *students.get(c);
        const sim::StudentFlow flow(*d);
        const QByteArray jpeg = demo::DemoFaces(QString()).photo(demo::DemoFaces::Variant::Compliant, 0);

        // Verification: a mistyped code, another student's code, a wrong name, then the real thing.
        QCOMPARE(flow.verify(a, QStringLiteral("ABCD-EFGH-JKMN-P"), sa.name, sa.studentNo, QStringLiteral("13800000001"), true, QStringLiteral("k:a1")).outcome,
                 Outcome::BadCode);
        QCOMPARE(flow.verify(a, code.value(b), sa.name, sa.studentNo, QStringLiteral("13800000001"), true, QStringLiteral("k:a1")).outcome,
                 Outcome::BadCode);
        QCOMPARE(flow.verify(a, code.value(a), sb.name, sa.studentNo, QStringLiteral("13800000001"), true, QStringLiteral("k:a1")).outcome,
                 Outcome::InfoMismatch);
        StepResult r = flow.verify(a, code.value(a), sa.name, sa.studentNo, QStringLiteral("13800000001"), true, QStringLiteral("k:a1"));
        QCOMPARE(r.status, Status::Done);
        QCOMPARE(r.student.state, StudentState::Verified);
        QVERIFY(r.notices >= 1); // the demo school's published notice
        // The same request again (a client that lost the answer): applied once only.
        r = flow.verify(a, code.value(a), sa.name, sa.studentNo, QStringLiteral("13800000001"), true, QStringLiteral("k:a1"));
        QCOMPARE(r.status, Status::AlreadyDone);
        QCOMPARE(students.get(a)->rowVersion, sa.rowVersion + 1);
        QCOMPARE(students.get(a)->phone, QStringLiteral("13800000001"));
        QVERIFY(flow.requestDone(QStringLiteral("k:a1")));

        // Liveness: two failures lock the account until staff unlock it.
        QCOMPARE(flow.shoot(a, shotOf(jpeg, 1, false, true), QStringLiteral("k:a2"), cs).outcome, Outcome::LivenessFailed);
        r = flow.shoot(a, shotOf(jpeg, 2, false, true), QStringLiteral("k:a3"), cs);
        QCOMPARE(r.outcome, Outcome::LockedLiveness);
        QCOMPARE(r.student.state, StudentState::LockedLiveness);
        r = flow.shoot(a, shotOf(jpeg, 3, true, true), QStringLiteral("k:a4"), cs);
        QCOMPARE(r.status, Status::Refused);
        QCOMPARE(r.outcome, Outcome::LockedByLiveness);
        QVERIFY(r.message.contains(QStringLiteral("活体检测")));
        QCOMPARE(count(*d, QStringLiteral("SELECT COUNT(*) FROM capture_attempts WHERE student_id = :id"), a), 2);

        // Other failures: the second starts a cooling-off of 30 minutes; once over, shooting is free.
        QVERIFY(flow.verify(b, code.value(b), sb.name, sb.studentNo, QStringLiteral("13800000002"), false, QStringLiteral("k:b1")).ok());
        QCOMPARE(flow.shoot(b, shotOf(jpeg, 4, true, false), QStringLiteral("k:b2"), cs).outcome, Outcome::QualityFailed);
        const qint64 before = db::nowMs();
        r = flow.shoot(b, shotOf(jpeg, 5, true, false), QStringLiteral("k:b3"), cs);
        QCOMPARE(r.outcome, Outcome::CoolingStarted);
        QCOMPARE(r.message, QStringLiteral("背景不符"));
        QCOMPARE(r.student.state, StudentState::CoolingOff);
        QVERIFY(r.student.lockedUntil >= before + 30 * kMinute && r.student.lockedUntil <= db::nowMs() + 30 * kMinute);
        QCOMPARE(flow.shoot(b, shotOf(jpeg, 6, true, true), QStringLiteral("k:b4"), cs).outcome, Outcome::CoolingOff);
        db::setFixedNowMs(r.student.lockedUntil + 1000);
        r = flow.shoot(b, shotOf(jpeg, 7, true, true), QStringLiteral("k:b5"), cs);
        QCOMPARE(r.outcome, Outcome::DraftStored);
        QCOMPARE(r.student.state, StudentState::Drafting);
        QCOMPARE(r.student.lockKind, QStringLiteral("none"));
        QCOMPARE(r.student.otherFailures, 0);

        // The draft box: capacity 2, then full; a draft may go only 24 h after it was stored.
        const qint64 firstDraft = r.photoId;
        QCOMPARE(flow.shoot(b, shotOf(jpeg, 8, true, true), QStringLiteral("k:b6"), cs).outcome, Outcome::DraftStored);
        QCOMPARE(flow.shoot(b, shotOf(jpeg, 9, true, true), QStringLiteral("k:b7"), cs).outcome, Outcome::DraftBoxFull);
        QCOMPARE(flow.deleteDraft(b, firstDraft, QStringLiteral("k:b8"), cs).outcome, Outcome::TooEarlyToDelete);
        db::setFixedNowMs(db::nowMs() + 24 * kHour + kMinute);
        QCOMPARE(flow.deleteDraft(b, firstDraft, QStringLiteral("k:b9"), cs).outcome, Outcome::DraftDeleted);
        QCOMPARE(flow.drafts(b).size(), 1);

        // Closed hours: nothing is shot or submitted.
        settings::CollectionSettings closed = cs;
        const int chinaHour = int(((db::nowMs() + 8 * kHour) / kHour) % 24);
        closed.dailyHours = chinaHour == 0 ? QStringLiteral("23:00-24:00") : QStringLiteral("00:00-%1:00").arg(chinaHour, 2, 10, QLatin1Char('0'));
        QCOMPARE(flow.shoot(b, shotOf(jpeg, 10, true, true), QStringLiteral("k:b10"), closed).outcome, Outcome::OutsideWindow);

        // Submission with payment, then the payment; a second submission waits for the first.
        const qint64 draft = flow.unsubmittedDrafts(b).constLast().id;
        r = flow.submit(b, draft, QStringLiteral("k:b11"), cs);
        QCOMPARE(r.outcome, Outcome::AwaitingPayment);
        QCOMPARE(r.student.state, StudentState::AwaitingPayment);
        const qint64 submittedPhoto = r.photoId;
        QCOMPARE(db::PhotoRepo(*d).get(submittedPhoto)->status, QStringLiteral("awaiting_payment"));
        QCOMPARE(flow.submit(b, draft, QStringLiteral("k:b12"), cs).outcome, Outcome::AlreadySubmitted);
        r = flow.pay(b, QStringLiteral("k:b13"));
        QCOMPARE(r.outcome, Outcome::Paid);
        QCOMPARE(r.student.state, StudentState::AwaitingReview);
        QVERIFY(r.student.paid);
        QCOMPARE(flow.pay(b, QStringLiteral("k:b13")).status, Status::AlreadyDone);
        QVERIFY(flow.unsubmittedDrafts(b).isEmpty());

        // A reviewer returns it; the same draft cannot go again, a new shot can, without paying twice.
        const auto reviewer = db::StaffRepo(*d).findByUsername(QStringLiteral("reviewer1"));
        review::ReviewScope scope{reviewer->id, schoolId, StaffRole::SchoolAdmin, 0, reviewer->displayName};
        review::Decision dec;
        dec.photoId = submittedPhoto;
        dec.rowVersion = db::PhotoRepo(*d).get(submittedPhoto)->rowVersion;
        dec.approve = false;
        dec.reasons = {QStringLiteral("background")};
        QVERIFY(review::DecisionService(*d, scope).decide(dec).ok());
        QCOMPARE(students.get(b)->state, StudentState::Returned);
        QCOMPARE(flow.submit(b, draft, QStringLiteral("k:b14"), cs).outcome, Outcome::AlreadySubmitted);
        r = flow.shoot(b, shotOf(jpeg, 11, true, true), QStringLiteral("k:b15"), cs);
        QCOMPARE(r.outcome, Outcome::DraftStored);
        r = flow.submit(b, r.photoId, QStringLiteral("k:b16"), cs);
        QCOMPARE(r.outcome, Outcome::Submitted);
        QCOMPARE(r.student.state, StudentState::AwaitingReview);
        QCOMPARE(r.student.submissions, 2);

        // A third student: no payment once the school drops it.
        settings::CollectionSettings free = cs;
        free.paymentRequired = false;
        QVERIFY(flow.verify(c, code.value(c), sc.name, sc.studentNo, QStringLiteral("13800000003"), true, QStringLiteral("k:c1")).ok());
        r = flow.shoot(c, shotOf(jpeg, 12, true, true), QStringLiteral("k:c2"), free);
        QCOMPARE(flow.submit(c, r.photoId, QStringLiteral("k:c3"), free).outcome, Outcome::Submitted);
        QVERIFY(!students.get(c)->paid);

        const QHash<QString, qint64> journal = db::StudentFlowRepo(*d).requestCounts(QStringLiteral("k:"));
        QCOMPARE(journal.value(QStringLiteral("verify")), 3);
        QCOMPARE(journal.value(QStringLiteral("pay")), 1);
        QCOMPARE(journal.value(QStringLiteral("submit")), 3);
        QCOMPARE(journal.value(QStringLiteral("delete_draft")), 1);
        QCOMPARE(journal.value(QStringLiteral("shot")), 8);

        db::setFixedNowMs(0);
        const integrity::Report report = integrity::checkDatabase(*d);
        QStringList problems;
        for (const auto &v : report.violations)
            problems << QStringLiteral("%1 %2 %3: %4").arg(v.rule, v.table).arg(v.id).arg(v.message);
        QVERIFY2(report.ok(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestStudentFlow)
#include "test_student_flow.moc"
