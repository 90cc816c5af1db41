#include "review/decision_service.h"

#include "db/audit_repo.h"
#include "db/database.h"
#include "db/misc_repos.h"
#include "db/photo_repo.h"
#include "db/review_repo.h"
#include "db/student_repo.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace tucai::review {
namespace {

QString timeText(qint64 ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
}

QJsonObject photoState(const QString &status, const QString &decision, const QString &reasons, const QString &note, qint64 reviewer,
                       qint64 decidedAt)
{
    return {{QStringLiteral("status"), status},       {QStringLiteral("decision"), decision},
            {QStringLiteral("reasons"), reasons},     {QStringLiteral("note"), note},
            {QStringLiteral("reviewer"), reviewer},   {QStringLiteral("decided_at"), decidedAt}};
}

DecisionResult failure(DecisionResult::Status s, const QString &message)
{
    DecisionResult r;
    r.status = s;
    r.message = message;
    return r;
}

DecisionResult conflict(const db::ReviewRepo &repo, qint64 photoId)
{
    DecisionResult r;
    r.status = DecisionResult::Status::Conflict;
    const auto now = repo.decidedState(photoId);
    if (!now)
        return failure(DecisionResult::Status::NotFound, QCoreApplication::translate("Review", "The photo no longer exists."));
    r.decidedBy = now->reviewerName;
    r.decidedAt = now->decidedAt;
    r.currentRowVersion = now->rowVersion;
    if (now->decidedAt && !now->reviewerName.isEmpty())
        r.message = QCoreApplication::translate("Review", "%1 already decided this photo (%2) at %3. Nothing was changed.")
                        .arg(now->reviewerName,
                             now->decision == QLatin1String("approved") ? QCoreApplication::translate("Review", "approved")
                                 : now->decision == QLatin1String("returned") ? QCoreApplication::translate("Review", "returned")
                                                                              : now->status,
                             timeText(now->decidedAt));
    else
        r.message = QCoreApplication::translate("Review", "Someone changed this photo while you were looking at it. Nothing was changed; it has been reloaded.");
    return r;
}

} // namespace

DecisionResult DecisionService::decide(const Decision &d) const
{
    if (!d.approve && d.reasons.isEmpty() && d.note.trimmed().isEmpty())
        return failure(DecisionResult::Status::Invalid, QCoreApplication::translate("Review", "Choose at least one reason (or write one) to return a photo."));
    try {
        db::Transaction tx(m_db);
        db::ReviewRepo repo(m_db);
        const auto photo = db::PhotoRepo(m_db).get(d.photoId);
        if (!photo)
            return failure(DecisionResult::Status::NotFound, QCoreApplication::translate("Review", "The photo no longer exists."));
        if (!repo.inScope(m_scope, d.photoId))
            return failure(DecisionResult::Status::OutOfScope, QCoreApplication::translate("Review", "This photo is outside the colleges and classes you review."));
        if (photo->kind != QLatin1String("submitted")
            || !QStringList{QStringLiteral("submitted"), QStringLiteral("approved"), QStringLiteral("returned")}.contains(photo->status))
            return failure(DecisionResult::Status::Invalid, QCoreApplication::translate("Review", "Only submitted photos can be approved or returned."));
        if (photo->rowVersion != d.rowVersion)
            return conflict(repo, d.photoId);
        const auto student = db::StudentRepo(m_db).get(photo->studentId);

        const qint64 now = db::nowMs();
        const QString status = d.approve ? QStringLiteral("approved") : QStringLiteral("returned");
        const QString reasons = d.approve ? QString() : d.reasons.join(QLatin1Char(','));
        const QString note = d.approve ? QString() : d.note.trimmed();
        if (!repo.applyDecision(d.photoId, d.rowVersion, status, status, reasons, note, m_scope.staffId, now))
            return conflict(repo, d.photoId);

        DecisionReceipt rc;
        rc.photoId = d.photoId;
        rc.studentId = photo->studentId;
        rc.collegeId = photo->collegeId;
        rc.approve = d.approve;
        rc.rowVersion = d.rowVersion + 1;
        rc.decidedAt = now;
        rc.beforeStatus = photo->status;
        rc.beforeDecision = photo->decision;
        rc.beforeReasons = photo->reasons;
        rc.beforeNote = photo->reasonNote;
        rc.beforeReviewerId = photo->reviewerId;
        rc.beforeDecidedAt = photo->decidedAt;
        if (student) {
            rc.studentStateBefore = toDbString(student->state);
            rc.studentReasonsBefore = student->returnReasons;
        }
        rc.studentRowVersion = repo.setStudentReviewState(photo->studentId, status, reasons);

        AuditEntry e;
        e.occurredAt = now;
        e.staffId = m_scope.staffId;
        e.staffName = m_scope.staffName;
        e.action = d.approve ? QStringLiteral("photo.approve") : QStringLiteral("photo.return");
        e.targetType = QStringLiteral("photo");
        e.targetId = QString::number(d.photoId);
        e.collegeId = photo->collegeId;
        e.reason = note.isEmpty() ? reasons : reasons + QStringLiteral(" | ") + note;
        e.beforeJson = db::AuditRepo::json(photoState(photo->status, photo->decision, photo->reasons, photo->reasonNote, photo->reviewerId, photo->decidedAt));
        e.afterJson = db::AuditRepo::json(photoState(status, status, reasons, note, m_scope.staffId, now));
        db::AuditRepo(m_db).append(e);

        OutboxMessage m;
        m.createdAt = now;
        m.studentId = photo->studentId;
        m.kind = d.approve ? QStringLiteral("photo.approved") : QStringLiteral("photo.returned");
        m.payloadJson = db::AuditRepo::json({{QStringLiteral("photo"), d.photoId}, {QStringLiteral("reasons"), reasons}, {QStringLiteral("note"), note}});
        m.idempotencyKey = QStringLiteral("%1:%2:%3").arg(m.kind).arg(d.photoId).arg(rc.rowVersion);
        rc.outboxId = db::OutboxRepo(m_db).enqueue(m);
        tx.commit();

        DecisionResult r;
        r.status = DecisionResult::Status::Ok;
        r.receipt = rc;
        r.message = d.approve ? QCoreApplication::translate("Review", "Approved.") : QCoreApplication::translate("Review", "Returned: %1").arg(reasons);
        return r;
    } catch (const db::DbError &e) {
        DecisionResult r = failure(DecisionResult::Status::Failed, e.message());
        r.connectionLost = e.kind() == db::DbError::Kind::Lost || e.kind() == db::DbError::Kind::Unreachable;
        return r;
    }
}

DecisionResult DecisionService::undo(const DecisionReceipt &rc) const
{
    try {
        db::Transaction tx(m_db);
        db::ReviewRepo repo(m_db);
        if (repo.studentRowVersion(rc.studentId) != rc.studentRowVersion || repo.studentStoredPhotoSince(rc.studentId, rc.decidedAt))
            return failure(DecisionResult::Status::TooLate,
                           QCoreApplication::translate("Review", "The student has already acted on this decision; it can no longer be undone."));
        if (!repo.applyDecision(rc.photoId, rc.rowVersion, rc.beforeStatus, rc.beforeDecision, rc.beforeReasons, rc.beforeNote,
                                rc.beforeReviewerId, rc.beforeDecidedAt))
            return conflict(repo, rc.photoId);
        const int studentVersion = repo.setStudentReviewState(rc.studentId, rc.studentStateBefore.isEmpty() ? QStringLiteral("awaiting_review")
                                                                                                            : rc.studentStateBefore,
                                                              rc.studentReasonsBefore);
        Q_UNUSED(studentVersion);
        const qint64 now = db::nowMs();
        // A notification not yet sent is simply withdrawn; one already sent is corrected.
        const bool withdrawn = rc.outboxId && repo.cancelPendingOutbox(rc.outboxId);
        if (!withdrawn) {
            OutboxMessage m;
            m.createdAt = now;
            m.studentId = rc.studentId;
            m.kind = QStringLiteral("photo.decision_undone");
            m.payloadJson = db::AuditRepo::json({{QStringLiteral("photo"), rc.photoId}});
            m.idempotencyKey = QStringLiteral("%1:%2:%3").arg(m.kind).arg(rc.photoId).arg(rc.rowVersion + 1);
            db::OutboxRepo(m_db).enqueue(m);
        }
        const QString status = rc.approve ? QStringLiteral("approved") : QStringLiteral("returned");
        AuditEntry e;
        e.occurredAt = now;
        e.staffId = m_scope.staffId;
        e.staffName = m_scope.staffName;
        e.action = QStringLiteral("photo.undo");
        e.targetType = QStringLiteral("photo");
        e.targetId = QString::number(rc.photoId);
        e.collegeId = rc.collegeId;
        e.reason = withdrawn ? QStringLiteral("notification withdrawn") : QStringLiteral("correction sent");
        e.beforeJson = db::AuditRepo::json(photoState(status, status, QString(), QString(), m_scope.staffId, rc.decidedAt));
        e.afterJson = db::AuditRepo::json(photoState(rc.beforeStatus, rc.beforeDecision, rc.beforeReasons, rc.beforeNote, rc.beforeReviewerId,
                                      rc.beforeDecidedAt));
        db::AuditRepo(m_db).append(e);
        tx.commit();
        DecisionResult r;
        r.status = DecisionResult::Status::Ok;
        r.receipt = rc;
        r.receipt.rowVersion = rc.rowVersion + 1;
        r.message = QCoreApplication::translate("Review", "Decision undone.");
        return r;
    } catch (const db::DbError &e) {
        return failure(DecisionResult::Status::Failed, e.message());
    }
}

QList<DecisionResult> DecisionService::decideMany(const QList<Decision> &decisions) const
{
    QList<DecisionResult> out;
    out.reserve(decisions.size());
    for (const Decision &d : decisions)
        out.append(decide(d));
    return out;
}

} // namespace tucai::review
