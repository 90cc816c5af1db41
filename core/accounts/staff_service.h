#pragma once
#include "accounts/auth_service.h"

#include <QList>
#include <QPair>

namespace tucai::accounts {

// Staff administration for school administrators: create accounts, assign
// reviewers, disable, reset passwords. Every change is audited. On PostgreSQL
// each account also gets its own database role (db/server_security.h).
class StaffService final
{
public:
    StaffService(const db::Database &db, Session session) : m_db(db), m_session(std::move(session)) {}
    struct NewStaff
    {
        QString username;
        QString displayName;
        StaffRole role = StaffRole::Reviewer;
        qint64 collegeId = 0;                     // college admins
        QList<QPair<qint64, qint64>> scopes;      // reviewers: (college, class or 0)
        QString password;
    };
    // Throws db::DbError (Invalid, Permission, Constraint for a taken user name).
    qint64 create(const NewStaff &n);
    void setActive(qint64 staffId, bool active, const QString &reason);
    // Replaces a reviewer's assigned colleges and classes (college, class or 0 for the whole
    // college), guarded by the staff row's version; audited with before and after.
    void setScopes(qint64 staffId, const QList<QPair<qint64, qint64>> &scopes, int expectedVersion, const QString &reason);
    void resetPassword(qint64 staffId, const QString &newPassword, const QString &reason);
    // PostgreSQL: creates/updates every staff member's login role. Returns
    // the role names (empty on SQLite).
    static QStringList syncAllRoles(const db::Database &db);

private:
    void requireAdmin() const;
    const db::Database &m_db;
    Session m_session;
};

} // namespace tucai::accounts
