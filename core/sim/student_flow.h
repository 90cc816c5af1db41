#pragma once
// The student side of the collection (DOMAIN.md, "The student's path"), one action at a time:
// verify with a collection code, shoot (liveness, then the photo checks), the draft box, submit,
// pay. Each action is one transaction that keeps every invariant `tucai db check` verifies and
// records its idempotency key in student_requests: a client that lost its connection while
// committing asks requestDone(key) and sends the action again only when it is not there.
// Used by the simulator (core/sim/simulator.h); a student-side server would call the same.
#include "db/db_error.h"
#include "model/records.h"

#include <QByteArray>
#include <QStringList>

namespace tucai::db { class Database; }
namespace tucai::checks { class CheckEngine; }
namespace tucai::settings { struct CollectionSettings; }

namespace tucai::sim {

// One shot as the phone sends it: the produced photo, the liveness verdict (made on the phone's
// video, which this side does not see), and the check engine's verdict on the photo.
struct Shot
{
    QByteArray bytes;
    bool livenessPassed = true;
    bool checkPassed = false;
    QString reportJson;
    QStringList violatedRules;
    QString hint;              // the first failed rule's message (Chinese), shown to the student
    QString engineVersion;
    QString profileVersion;
};

// Runs the engine on the photo (outside any transaction: a check takes tens of milliseconds).
Shot checkShot(const checks::CheckEngine &engine, const QByteArray &bytes, bool livenessPassed);

struct StepResult
{
    enum class Status {
        Done,         // applied now
        AlreadyDone,  // the key was already recorded: applied before (never twice)
        Refused,      // not allowed now (see outcome); nothing written
        Conflict,     // the student changed meanwhile (a reviewer or staff): nothing written
        Failed,       // database error (errorKind); nothing written unless requestDone(key) says so
    };
    enum class Outcome {
        None,
        Verified, DraftStored, QualityFailed, LivenessFailed, LockedLiveness, CoolingStarted,
        Submitted, AwaitingPayment, Paid, DraftDeleted,
        // refusals
        BadCode, InfoMismatch, WrongState, LockedByLiveness, CoolingOff, OutsideWindow, DraftBoxFull,
        TooEarlyToDelete, NoSuchDraft, AlreadySubmitted,
    };
    Status status = Status::Failed;
    Outcome outcome = Outcome::None;
    db::DbError::Kind errorKind = db::DbError::Kind::Other;
    QString message;
    Student student;      // after the action (Done), or as read (Refused)
    qint64 photoId = 0;   // the draft stored or the photo submitted
    int notices = 0;      // verify: notices the student was shown
    bool ok() const { return status == Status::Done || status == Status::AlreadyDone; }
};

class StudentFlow final
{
public:
    explicit StudentFlow(const db::Database &db) : m_db(db) {}

    // 1-2: collection code, information check (name and student number as the student confirms
    // them), mobile number, the school's notice shown, notification opt-in.
    StepResult verify(qint64 studentId, const QString &code, const QString &name, const QString &studentNo, const QString &phone,
                      bool notifyOptIn, const QString &key) const;
    // 4-7: a shot. Liveness failure counts (lock at the threshold, until staff unlock); a failed
    // check counts (cooling-off at the threshold); a pass goes to the draft box. An ended
    // cooling-off is lifted first.
    StepResult shoot(qint64 studentId, const Shot &shot, const QString &key, const settings::CollectionSettings &cs) const;
    // 7: deletes a draft stored at least draft_retention_hours ago.
    StepResult deleteDraft(qint64 studentId, qint64 draftId, const QString &key, const settings::CollectionSettings &cs) const;
    // 8: submits a draft; awaiting payment when the school requires it and the student has not paid.
    StepResult submit(qint64 studentId, qint64 draftId, const QString &key, const settings::CollectionSettings &cs) const;
    // 8: the payment page (or the fee dropped meanwhile): the photo enters the review queue.
    StepResult pay(qint64 studentId, const QString &key) const;

    bool requestDone(const QString &key) const;
    // The drafts in the student's draft box, oldest first.
    QList<Photo> drafts(qint64 studentId) const;
    // Those of them not submitted yet (a draft stays in the box after it was submitted).
    QList<Photo> unsubmittedDrafts(qint64 studentId) const;

    // Whether shooting is open at `now`: inside the window dates (0 = open end) and the daily
    // hours, which are the school's local time (China, UTC+8).
    static bool windowOpen(const settings::CollectionSettings &cs, qint64 now);

private:
    const db::Database &m_db;
};

} // namespace tucai::sim
