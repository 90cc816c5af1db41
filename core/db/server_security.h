#pragma once
#include <QString>
#include <QStringList>
#include <optional>

namespace tucai::db {

class Database;

// PostgreSQL enforcement of staff roles: three group roles (tucai_school_admin,
// tucai_college_admin, tucai_reviewer), one login role per staff member that is
// a member of exactly one of them, table privileges per group and row-level
// security on students, photos (and their bytes), capture attempts, collection
// codes, notices, staff and the audit log. The policies look the signed-in
// staff member up by the database user (staff.db_role = session_user) through
// SECURITY DEFINER helper functions, so raw SQL from a staff login sees and
// changes only what the role allows. The owner/superuser is not restricted.
//
// The DDL is part of schema step 1 (Migrations::Step::serverStatements).
QStringList serverSecurityStatements();

class ServerSecurity final
{
public:
    explicit ServerSecurity(const Database &db) : m_db(db) {}
    // False on SQLite (no database roles: the client checks alone apply).
    bool available() const;
    // Creates or updates the login role of one staff member (name
    // tucai_<database>_staff_<id>), puts it in the group of the staff role,
    // disables log-in for inactive staff and records it in staff.db_role.
    // An empty password keeps the current one (a new role then cannot log in
    // until a password is set). Needs the database owner or a school admin.
    QString syncStaffRole(qint64 staffId, const QString &password = {});
    // The staff member the current database user is, if any.
    std::optional<qint64> staffIdForCurrentUser() const;
    QString currentUser() const;
    // Changes the password of the database user of this connection (any
    // role may change its own password; no owner rights needed).
    void setOwnPassword(const QString &password);

private:
    const Database &m_db;
};

} // namespace tucai::db
