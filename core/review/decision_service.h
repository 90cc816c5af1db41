#pragma once
#include "review/queue_query.h"

#include <QList>
#include <QStringList>

namespace tucai::db { class Database; }

namespace tucai::review {

// What a reviewer decided about one photo, against the row version they saw.
struct Decision
{
    qint64 photoId = 0;
    int rowVersion = 0;
    bool approve = true;
    QStringList reasons;   // reason codes (return only)
    QString note;          // free text (return only)
};

// Enough to take a decision back while the student has not acted on it.
struct DecisionReceipt
{
    qint64 photoId = 0;
    qint64 studentId = 0;
    qint64 collegeId = 0;
    bool approve = true;
    int rowVersion = 0;          // the photo's version after the decision
    int studentRowVersion = 0;   // the student's version after the decision
    qint64 decidedAt = 0;
    qint64 outboxId = 0;
    QString beforeStatus, beforeDecision, beforeReasons, beforeNote;
    qint64 beforeReviewerId = 0, beforeDecidedAt = 0;
    QString studentStateBefore, studentReasonsBefore;
};

struct DecisionResult
{
    enum class Status { Ok, Conflict, NotFound, OutOfScope, Invalid, TooLate, Failed };
    Status status = Status::Failed;
    QString message;             // translated, for the reviewer
    DecisionReceipt receipt;     // Ok
    QString decidedBy;           // Conflict: who got there first
    qint64 decidedAt = 0;        // Conflict: when
    int currentRowVersion = 0;   // Conflict: the version now in the database
    bool connectionLost = false; // Failed: the server went away (it may have committed: look before sending again)
    bool ok() const { return status == Status::Ok; }
};

// Decisions on photos. Each decision is one transaction: photo status, reasons,
// reviewer, time, the student's state, an audit entry and a notification outbox
// row, guarded by the photo's row_version so a second reviewer overwrites nothing.
class DecisionService final
{
public:
    DecisionService(const db::Database &db, ReviewScope scope) : m_db(db), m_scope(std::move(scope)) {}

    DecisionResult decide(const Decision &d) const;
    // Restores the photo and the student as they were before the decision.
    DecisionResult undo(const DecisionReceipt &r) const;
    // One transaction per photo: a conflict on one does not stop the others.
    QList<DecisionResult> decideMany(const QList<Decision> &decisions) const;

private:
    const db::Database &m_db;
    ReviewScope m_scope;
};

} // namespace tucai::review
