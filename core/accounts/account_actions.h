#pragma once
#include "accounts/auth_service.h"

#include <QList>

namespace tucai::accounts {

// Staff actions on student accounts. Each one: permission-checked, guarded by
// the row version the staff member saw, one audit entry (before/after JSON)
// and one notification outbox row per student, all in one transaction; a
// bulk request succeeds or fails as a whole.
class AccountActions final
{
public:
    enum class Kind { UnlockLiveness, LiftCooling, ShortenCooling, ResetForReshoot, GrantAttempts };
    struct Target { qint64 studentId = 0; int rowVersion = 0; /* 0: the current one */ };
    struct Request
    {
        Kind kind = Kind::UnlockLiveness;
        QList<Target> targets;
        QString reason;            // required
        qint64 coolingUntil = 0;   // ShortenCooling: the new end (in the future, before the current one)
        int attempts = 0;          // GrantAttempts: 1..20
    };
    struct Result { int changed = 0; QList<qint64> auditIds; };

    AccountActions(const db::Database &db, Session session) : m_db(db), m_session(std::move(session)) {}
    // Throws db::DbError: Invalid (bad request / wrong state), Permission,
    // Conflict (changed by someone else meanwhile), or a database error.
    Result run(const Request &request);

    static QString actionName(Kind k);   // audit action id, e.g. "student.unlock"
    static QString displayName(Kind k);  // translated

private:
    const db::Database &m_db;
    Session m_session;
};

} // namespace tucai::accounts
