#include "sim/student_flow.h"

#include "checks/check_engine.h"
#include "codes/code_service.h"
#include "db/database.h"
#include "db/notice_repo.h"
#include "db/photo_repo.h"
#include "db/student_flow_repo.h"
#include "db/student_repo.h"
#include "settings/collection_settings.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace tucai::sim {
namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
// The schools' local time: China Standard Time, no daylight saving.
constexpr qint64 kSchoolUtcOffset = 8 * kHour;

using Status = StepResult::Status;
using Outcome = StepResult::Outcome;

StepResult result(Status status, Outcome o, const Student &s, const QString &message = {}, qint64 photoId = 0)
{
    StepResult r;
    r.status = status;
    r.outcome = o;
    r.student = s;
    r.message = message;
    r.photoId = photoId;
    return r;
}

StepResult refused(Outcome o, const Student &s, const QString &message) { return result(Status::Refused, o, s, message); }

StepResult conflict(const Student &s)
{
    return result(Status::Conflict, Outcome::None, s,
                  QCoreApplication::translate("StudentFlow", "The account was changed meanwhile; nothing was saved."));
}

StepResult done(Outcome o, const Student &s, qint64 photoId = 0) { return result(Status::Done, o, s, {}, photoId); }

// One action: the journal is asked first, the student read, `body` decides and writes; a Done
// result records the key and commits, anything else rolls back.
template <typename Body>
StepResult transact(const db::Database &db, qint64 studentId, const QString &kind, const QString &key, Body body)
{
    try {
        db::Transaction tx(db);
        db::StudentFlowRepo flow(db);
        const auto student = db::StudentRepo(db).get(studentId);
        if (flow.requestDone(key)) {
            StepResult r;
            r.status = Status::AlreadyDone;
            if (student)
                r.student = *student;
            return r;
        }
        if (!student) {
            StepResult r;
            r.status = Status::Refused;
            r.outcome = Outcome::WrongState;
            r.message = QCoreApplication::translate("StudentFlow", "Student %1 does not exist.").arg(studentId);
            return r;
        }
        // The body changes its copy of the student; a Done result writes it, guarded by the
        // version read here.
        const qint64 now = db::nowMs();
        Student s = *student;
        StepResult r = body(s, flow, now);
        if (r.status != Status::Done)
            return r;
        s.updatedAt = now;
        if (!flow.updateStudent(s, student->rowVersion))
            return conflict(*student);
        ++s.rowVersion;
        r.student = s;
        flow.recordRequest(key, studentId, kind, now);
        tx.commit();
        return r;
    } catch (const db::DbError &e) {
        StepResult r;
        r.status = Status::Failed;
        r.errorKind = e.kind();
        r.message = e.message();
        return r;
    }
}

int activeDrafts(const QList<Photo> &photos)
{
    int n = 0;
    for (const Photo &p : photos)
        n += p.kind == QLatin1String("draft") && p.status == QLatin1String("draft");
    return n;
}

bool openSubmission(const QList<Photo> &photos)
{
    for (const Photo &p : photos)
        if (p.kind == QLatin1String("submitted") && (p.status == QLatin1String("submitted") || p.status == QLatin1String("awaiting_payment")))
            return true;
    return false;
}

// Where a student stands once no lock applies: drafting with drafts, else verified.
StudentState freeState(int drafts) { return drafts > 0 ? StudentState::Drafting : StudentState::Verified; }

// A cooling-off whose end has passed is over: the counter starts again.
void liftEndedCooling(Student &s, int drafts, qint64 now)
{
    if (s.lockKind != QLatin1String("cooling") || !s.lockedUntil || s.lockedUntil > now)
        return;
    s.lockKind = QStringLiteral("none");
    s.lockedUntil = 0;
    s.otherFailures = 0;
    if (s.state == StudentState::CoolingOff)
        s.state = freeState(drafts);
}

QString timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms + kSchoolUtcOffset, Qt::UTC).toString(QStringLiteral("yyyy年MM月dd日 HH:mm:ss"));
}

} // namespace

Shot checkShot(const checks::CheckEngine &engine, const QByteArray &bytes, bool livenessPassed)
{
    Shot s;
    s.bytes = bytes;
    s.livenessPassed = livenessPassed;
    checks::CheckReport report = engine.check(bytes);
    report.ms = 0;
    s.checkPassed = report.passed;
    s.reportJson = QString::fromUtf8(QJsonDocument(report.toJson()).toJson(QJsonDocument::Compact));
    for (const checks::RuleResult &v : report.violations()) {
        s.violatedRules.append(v.rule);
        if (s.hint.isEmpty())
            s.hint = v.messageZh.isEmpty() ? v.message : v.messageZh;
    }
    if (!s.checkPassed && s.hint.isEmpty())
        s.hint = report.error.isEmpty() ? QStringLiteral("照片未通过检测") : report.error;
    s.engineVersion = checks::CheckEngine::version();
    s.profileVersion = engine.profile().version();
    return s;
}

bool StudentFlow::windowOpen(const settings::CollectionSettings &cs, qint64 now)
{
    if (cs.windowStart && now < cs.windowStart)
        return false;
    if (cs.windowEnd && now >= cs.windowEnd)
        return false;
    const auto minutes = [](const QString &hhmm) { return hhmm.left(2).toInt() * 60 + hhmm.mid(3, 2).toInt(); };
    const int from = minutes(cs.dailyHours.left(5));
    const int to = minutes(cs.dailyHours.mid(6, 5));
    const int minuteOfDay = int(((now + kSchoolUtcOffset) % kDay + kDay) % kDay / kMinute);
    return minuteOfDay >= from && minuteOfDay < to;
}

bool StudentFlow::requestDone(const QString &key) const { return db::StudentFlowRepo(m_db).requestDone(key); }

namespace {

QList<Photo> draftsOf(const QList<Photo> &photos, bool onlyUnsubmitted)
{
    QSet<QString> submitted;
    if (onlyUnsubmitted)
        for (const Photo &p : photos)
            if (p.kind == QLatin1String("submitted"))
                submitted.insert(p.sha256);
    QList<Photo> out;
    for (const Photo &p : photos)
        if (p.kind == QLatin1String("draft") && p.status == QLatin1String("draft") && !submitted.contains(p.sha256))
            out.append(p);
    std::sort(out.begin(), out.end(), [](const Photo &a, const Photo &b) { return a.storedAt < b.storedAt || (a.storedAt == b.storedAt && a.id < b.id); });
    return out;
}

} // namespace

QList<Photo> StudentFlow::drafts(qint64 studentId) const { return draftsOf(db::PhotoRepo(m_db).forStudent(studentId), false); }

QList<Photo> StudentFlow::unsubmittedDrafts(qint64 studentId) const { return draftsOf(db::PhotoRepo(m_db).forStudent(studentId), true); }

StepResult StudentFlow::verify(qint64 studentId, const QString &code, const QString &name, const QString &studentNo, const QString &phone,
                               bool notifyOptIn, const QString &key) const
{
    return transact(m_db, studentId, QStringLiteral("verify"), key, [&](Student &s, db::StudentFlowRepo &, qint64 now) {
        const codes::VerifyResult v = codes::CodeService(m_db, {}).verify(code);
        if (!v.ok())
            return refused(Outcome::BadCode, s, v.message());
        // A student's own code names the student; a school/batch code only the school (or college).
        const bool codeFits = v.row.studentId ? v.row.studentId == s.id
                                              : v.row.schoolId == s.schoolId && (!v.row.collegeId || v.row.collegeId == s.collegeId);
        if (!codeFits)
            return refused(Outcome::BadCode, s, QCoreApplication::translate("StudentFlow", "This collection code belongs to another student."));
        if (name.trimmed() != s.name || studentNo.trimmed() != s.studentNo)
            return refused(Outcome::InfoMismatch, s, QCoreApplication::translate("StudentFlow", "The name or student number does not match the school's roster."));
        if (s.state != StudentState::NotStarted)
            return refused(Outcome::WrongState, s, QCoreApplication::translate("StudentFlow", "This account is already verified."));
        s.phone = phone;
        s.notifyOptIn = notifyOptIn;
        s.state = StudentState::Verified;
        StepResult r = done(Outcome::Verified, s);
        r.notices = int(db::NoticeRepo(m_db).visibleAt(s.schoolId, s.collegeId, now).size());
        return r;
    });
}

StepResult StudentFlow::shoot(qint64 studentId, const Shot &shot, const QString &key, const settings::CollectionSettings &cs) const
{
    return transact(m_db, studentId, QStringLiteral("shot"), key, [&](Student &s, db::StudentFlowRepo &, qint64 now) {
        const QList<Photo> photos = db::PhotoRepo(m_db).forStudent(s.id);
        const int drafts = activeDrafts(photos);
        liftEndedCooling(s, drafts, now);
        if (s.lockKind == QLatin1String("liveness") || s.state == StudentState::LockedLiveness)
            return refused(Outcome::LockedByLiveness, s,
                           QStringLiteral("系统检测到您的照片多次未通过活体检测，请联系学校图采工作部门进行账号解锁。"));
        if (s.lockKind == QLatin1String("cooling"))
            return refused(Outcome::CoolingOff, s, QStringLiteral("您已多次未通过检测，请于%1后再拍摄。").arg(timeText(s.lockedUntil)));
        if (s.state != StudentState::Verified && s.state != StudentState::Drafting && s.state != StudentState::Returned)
            return refused(Outcome::WrongState, s, QCoreApplication::translate("StudentFlow", "Shooting is not possible in this state."));
        if (!windowOpen(cs, now))
            return refused(Outcome::OutsideWindow, s, QCoreApplication::translate("StudentFlow", "Collection is closed at this time."));
        if (drafts >= cs.draftCapacity)
            return refused(Outcome::DraftBoxFull, s, QCoreApplication::translate("StudentFlow", "The draft box is full: delete a draft first."));

        db::StudentRepo students(m_db);
        CaptureAttempt liveness;
        liveness.studentId = s.id;
        liveness.collegeId = s.collegeId;
        liveness.occurredAt = now;
        liveness.kind = QStringLiteral("liveness");
        liveness.passed = shot.livenessPassed;
        liveness.reason = shot.livenessPassed ? QString() : QStringLiteral("活体检测未通过");
        students.insertAttempt(liveness);
        Outcome outcome = Outcome::None;
        qint64 photoId = 0;
        if (!shot.livenessPassed) {
            ++s.livenessFailures;
            outcome = Outcome::LivenessFailed;
            if (s.livenessFailures >= cs.livenessFailuresBeforeLock) {
                s.lockKind = QStringLiteral("liveness");
                s.lockedUntil = 0;
                s.state = StudentState::LockedLiveness;
                outcome = Outcome::LockedLiveness;
            }
        } else {
            CaptureAttempt quality = liveness;
            quality.kind = QStringLiteral("quality");
            quality.passed = shot.checkPassed;
            quality.reason = shot.checkPassed ? QString() : shot.hint;
            students.insertAttempt(quality);
            if (!shot.checkPassed) {
                ++s.otherFailures;
                outcome = Outcome::QualityFailed;
                if (s.otherFailures >= cs.otherFailuresBeforeCooling && cs.coolingMinutes > 0) {
                    s.lockKind = QStringLiteral("cooling");
                    s.lockedUntil = now + qint64(cs.coolingMinutes) * kMinute;
                    s.state = StudentState::CoolingOff;
                    outcome = Outcome::CoolingStarted;
                }
            } else {
                db::PhotoRepo photoRepo(m_db);
                Photo p;
                p.studentId = s.id;
                p.collegeId = s.collegeId;
                p.classId = s.classId;
                p.kind = QStringLiteral("draft");
                p.status = QStringLiteral("draft");
                p.sha256 = photoRepo.putBlob(shot.bytes);
                p.storedAt = now;
                photoId = photoRepo.insert(p);
                photoRepo.storeCheck(photoId, shot.reportJson, true, shot.engineVersion, shot.profileVersion, shot.violatedRules);
                s.state = StudentState::Drafting;
                outcome = Outcome::DraftStored;
            }
        }
        StepResult r = done(outcome, s, photoId);
        if (outcome == Outcome::QualityFailed || outcome == Outcome::CoolingStarted)
            r.message = shot.hint;
        return r;
    });
}

StepResult StudentFlow::deleteDraft(qint64 studentId, qint64 draftId, const QString &key, const settings::CollectionSettings &cs) const
{
    return transact(m_db, studentId, QStringLiteral("delete_draft"), key, [&](Student &s, db::StudentFlowRepo &flow, qint64 now) {
        const auto draft = db::PhotoRepo(m_db).get(draftId);
        if (!draft || draft->studentId != s.id || draft->kind != QLatin1String("draft") || draft->status != QLatin1String("draft"))
            return refused(Outcome::NoSuchDraft, s, QCoreApplication::translate("StudentFlow", "There is no such draft."));
        if (now - draft->storedAt < qint64(cs.draftRetentionHours) * kHour)
            return refused(Outcome::TooEarlyToDelete, s, QStringLiteral("草稿保存满%1小时后才能删除。").arg(cs.draftRetentionHours));
        if (!flow.movePhoto(draftId, draft->rowVersion, QStringLiteral("draft"), QStringLiteral("deleted")))
            return conflict(s);
        // The last draft gone: a drafting student is back to verified (an empty draft box).
        if (s.state == StudentState::Drafting && activeDrafts(db::PhotoRepo(m_db).forStudent(s.id)) == 0)
            s.state = StudentState::Verified;
        return done(Outcome::DraftDeleted, s, draftId);
    });
}

StepResult StudentFlow::submit(qint64 studentId, qint64 draftId, const QString &key, const settings::CollectionSettings &cs) const
{
    return transact(m_db, studentId, QStringLiteral("submit"), key, [&](Student &s, db::StudentFlowRepo &, qint64 now) {
        db::PhotoRepo photoRepo(m_db);
        const QList<Photo> photos = photoRepo.forStudent(s.id);
        const auto draft = photoRepo.get(draftId);
        if (!draft || draft->studentId != s.id || draft->kind != QLatin1String("draft") || draft->status != QLatin1String("draft"))
            return refused(Outcome::NoSuchDraft, s, QCoreApplication::translate("StudentFlow", "There is no such draft."));
        for (const Photo &p : photos)
            if (p.kind == QLatin1String("submitted") && p.sha256 == draft->sha256)
                return refused(Outcome::AlreadySubmitted, s, QCoreApplication::translate("StudentFlow", "This draft was submitted before."));
        if (openSubmission(photos))
            return refused(Outcome::AlreadySubmitted, s, QCoreApplication::translate("StudentFlow", "A photo is already submitted and waiting."));
        if (s.state != StudentState::Drafting && s.state != StudentState::Returned)
            return refused(Outcome::WrongState, s, QCoreApplication::translate("StudentFlow", "Submitting is not possible in this state."));
        if (!windowOpen(cs, now))
            return refused(Outcome::OutsideWindow, s, QCoreApplication::translate("StudentFlow", "Collection is closed at this time."));
        const bool mustPay = cs.paymentRequired && !s.paid;
        Photo p = *draft;
        p.id = 0;
        p.kind = QStringLiteral("submitted");
        p.status = mustPay ? QStringLiteral("awaiting_payment") : QStringLiteral("submitted");
        p.submittedAt = now;
        p.decision.clear();
        p.reasons.clear();
        p.reasonNote.clear();
        p.reviewerId = 0;
        p.decidedAt = 0;
        const qint64 photoId = photoRepo.insert(p);
        if (draft->checkPassed >= 0) {
            // The submitted photo carries the draft's report and its rows for the rule filter.
            QStringList rules;
            for (const checks::RuleResult &v : checks::CheckReport::fromJson(QJsonDocument::fromJson(draft->checkReport.toUtf8()).object()).violations())
                rules.append(v.rule);
            photoRepo.storeCheck(photoId, draft->checkReport, draft->checkPassed == 1, draft->engineVersion, draft->profileVersion, rules);
        }
        ++s.submissions;
        s.state = mustPay ? StudentState::AwaitingPayment : StudentState::AwaitingReview;
        s.returnReasons.clear();
        return done(mustPay ? Outcome::AwaitingPayment : Outcome::Submitted, s, photoId);
    });
}

StepResult StudentFlow::pay(qint64 studentId, const QString &key) const
{
    return transact(m_db, studentId, QStringLiteral("pay"), key, [&](Student &s, db::StudentFlowRepo &flow, qint64) {
        if (s.state != StudentState::AwaitingPayment)
            return refused(Outcome::WrongState, s, QCoreApplication::translate("StudentFlow", "Nothing is waiting for payment."));
        qint64 photoId = 0;
        for (const Photo &p : db::PhotoRepo(m_db).forStudent(s.id)) {
            if (p.kind != QLatin1String("submitted") || p.status != QLatin1String("awaiting_payment"))
                continue;
            if (!flow.movePhoto(p.id, p.rowVersion, QStringLiteral("awaiting_payment"), QStringLiteral("submitted")))
                return conflict(s);
            photoId = p.id;
        }
        if (!photoId)
            return refused(Outcome::WrongState, s, QCoreApplication::translate("StudentFlow", "Nothing is waiting for payment."));
        s.paid = true;
        s.state = StudentState::AwaitingReview;
        return done(Outcome::Paid, s, photoId);
    });
}

} // namespace tucai::sim
