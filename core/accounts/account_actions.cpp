#include "accounts/account_actions.h"

#include "accounts/permissions.h"
#include "db/account_repo.h"
#include "db/audit_repo.h"
#include "db/database.h"
#include "db/misc_repos.h"
#include "db/student_repo.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace tucai::accounts {
namespace {

QJsonObject accountJson(const Student &s)
{
    return {{QStringLiteral("state"), toDbString(s.state)},
            {QStringLiteral("liveness_failures"), s.livenessFailures},
            {QStringLiteral("other_failures"), s.otherFailures},
            {QStringLiteral("extra_attempts"), s.extraAttempts},
            {QStringLiteral("lock_kind"), s.lockKind},
            {QStringLiteral("locked_until"), s.lockedUntil ? QJsonValue(double(s.lockedUntil)) : QJsonValue()},
            {QStringLiteral("paid"), s.paid},
            {QStringLiteral("row_version"), s.rowVersion}};
}


// Where a student stands once no lock applies any more.
StudentState unlockedState(int drafts) { return drafts > 0 ? StudentState::Drafting : StudentState::Verified; }

db::DbError invalid(const QString &msg) { return db::DbError(db::DbError::Kind::Invalid, msg); }

} // namespace

QString AccountActions::actionName(Kind k)
{
    switch (k) {
    case Kind::UnlockLiveness: return QStringLiteral("student.unlock");
    case Kind::LiftCooling: return QStringLiteral("student.cooling_lift");
    case Kind::ShortenCooling: return QStringLiteral("student.cooling_shorten");
    case Kind::ResetForReshoot: return QStringLiteral("student.reset");
    case Kind::GrantAttempts: return QStringLiteral("student.grant_attempts");
    }
    return {};
}

QString AccountActions::displayName(Kind k)
{
    switch (k) {
    case Kind::UnlockLiveness: return QCoreApplication::translate("AccountActions", "Unlock liveness lock");
    case Kind::LiftCooling: return QCoreApplication::translate("AccountActions", "Lift cooling-off");
    case Kind::ShortenCooling: return QCoreApplication::translate("AccountActions", "Shorten cooling-off");
    case Kind::ResetForReshoot: return QCoreApplication::translate("AccountActions", "Reset for re-shoot");
    case Kind::GrantAttempts: return QCoreApplication::translate("AccountActions", "Grant extra attempts");
    }
    return {};
}

AccountActions::Result AccountActions::run(const Request &r)
{
    if (r.reason.trimmed().isEmpty())
        throw invalid(QCoreApplication::translate("AccountActions", "Please give a reason: it is kept in the audit log."));
    if (r.targets.isEmpty())
        throw invalid(QCoreApplication::translate("AccountActions", "No student selected."));
    if (r.kind == Kind::GrantAttempts && (r.attempts < 1 || r.attempts > 20))
        throw invalid(QCoreApplication::translate("AccountActions", "Extra attempts must be between 1 and 20."));
    const qint64 now = db::nowMs();
    if (r.kind == Kind::ShortenCooling && r.coolingUntil <= now)
        throw invalid(QCoreApplication::translate("AccountActions", "The new end of the cooling-off must be in the future (use \"Lift\" to end it now)."));

    db::StudentRepo students(m_db);
    db::AccountRepo accounts(m_db);
    db::AuditRepo audit(m_db);
    db::OutboxRepo outbox(m_db);
    Result result;
    db::Transaction tx(m_db);
    for (const Target &t : r.targets) {
        const auto found = students.get(t.studentId);
        if (!found)
            throw invalid(QCoreApplication::translate("AccountActions", "Student %1 does not exist (any more).").arg(t.studentId));
        const Student before = *found;
        const QString who = QStringLiteral("%1 %2").arg(before.studentNo, before.name);
        if (!mayManageStudents(m_session, before.collegeId))
            throw db::DbError(db::DbError::Kind::Permission,
                              QCoreApplication::translate("AccountActions", "You may not change the account of %1 (not in your college or not allowed for your role).").arg(who));
        if (t.rowVersion && t.rowVersion != before.rowVersion)
            throw db::DbError(db::DbError::Kind::Conflict,
                              QCoreApplication::translate("AccountActions", "%1 was changed by someone else meanwhile; nothing was saved. Reload and try again.").arg(who));
        Student after = before;
        after.updatedAt = now;
        QString message;
        switch (r.kind) {
        case Kind::UnlockLiveness:
            if (before.lockKind != QLatin1String("liveness") && before.state != StudentState::LockedLiveness)
                throw invalid(QCoreApplication::translate("AccountActions", "%1 is not locked after liveness failures.").arg(who));
            after.livenessFailures = 0;
            after.lockKind = QStringLiteral("none");
            after.lockedUntil = 0;
            after.state = unlockedState(accounts.activeDraftCount(before.id));
            message = QStringLiteral("account_unlocked");
            break;
        case Kind::LiftCooling:
        case Kind::ShortenCooling:
            if (before.lockKind != QLatin1String("cooling") || before.lockedUntil <= now)
                throw invalid(QCoreApplication::translate("AccountActions", "%1 is not in a cooling-off period.").arg(who));
            if (r.kind == Kind::LiftCooling) {
                after.otherFailures = 0;
                after.lockKind = QStringLiteral("none");
                after.lockedUntil = 0;
                after.state = unlockedState(accounts.activeDraftCount(before.id));
                message = QStringLiteral("cooling_lifted");
            } else {
                if (r.coolingUntil >= before.lockedUntil)
                    throw invalid(QCoreApplication::translate("AccountActions", "The new end of the cooling-off for %1 must be earlier than the current one (%2).")
                                      .arg(who, QDateTime::fromMSecsSinceEpoch(before.lockedUntil).toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
                after.lockedUntil = r.coolingUntil;
                message = QStringLiteral("cooling_shortened");
            }
            break;
        case Kind::ResetForReshoot:
            // Payment and submission count are kept: the re-shoot is free.
            after.livenessFailures = 0;
            after.otherFailures = 0;
            after.lockKind = QStringLiteral("none");
            after.lockedUntil = 0;
            after.returnReasons = QStringLiteral("reset");
            after.state = StudentState::Verified;
            message = QStringLiteral("account_reset");
            break;
        case Kind::GrantAttempts:
            after.extraAttempts = before.extraAttempts + r.attempts;
            message = QStringLiteral("attempts_granted");
            break;
        }
        if (!accounts.updateAccountState(after, before.rowVersion))
            throw db::DbError(db::DbError::Kind::Conflict,
                              QCoreApplication::translate("AccountActions", "%1 was changed by someone else meanwhile; nothing was saved. Reload and try again.").arg(who));
        after.rowVersion = before.rowVersion + 1;
        QJsonObject afterJson = accountJson(after);
        if (r.kind == Kind::ResetForReshoot) {
            afterJson.insert(QStringLiteral("drafts_removed"), accounts.retireDrafts(before.id));
            afterJson.insert(QStringLiteral("submissions_returned"), accounts.returnActiveSubmissions(before.id, m_session.staffId, now));
        }

        AuditEntry e;
        e.occurredAt = now;
        e.staffId = m_session.staffId;
        e.staffName = m_session.username;
        e.action = actionName(r.kind);
        e.targetType = QStringLiteral("student");
        e.targetId = QString::number(before.id);
        e.collegeId = before.collegeId;
        e.reason = r.reason.trimmed();
        e.beforeJson = db::AuditRepo::json(accountJson(before));
        e.afterJson = db::AuditRepo::json(afterJson);
        result.auditIds.append(audit.append(e));

        OutboxMessage m;
        m.createdAt = now;
        m.studentId = before.id;
        m.kind = QStringLiteral("account.") + message;
        QJsonObject payload{{QStringLiteral("student"), before.id}, {QStringLiteral("message"), message}};
        if (after.lockedUntil)
            payload.insert(QStringLiteral("locked_until"), double(after.lockedUntil));
        if (r.kind == Kind::GrantAttempts)
            payload.insert(QStringLiteral("attempts"), r.attempts);
        m.payloadJson = db::AuditRepo::json(payload);
        m.idempotencyKey = QStringLiteral("%1:%2:%3").arg(m.kind).arg(before.id).arg(after.rowVersion);  // the form the server makes
        outbox.enqueue(m);
        ++result.changed;
    }
    tx.commit();
    return result;
}

} // namespace tucai::accounts
