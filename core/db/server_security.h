#pragma once
#include <QString>
#include <QStringList>
#include <optional>

namespace tucai::db {

class Database;

// PostgreSQL enforcement of staff roles: three group roles of this database
// (<prefix>_school_admin, _college_admin, _reviewer), one login role per staff member that is
// a member of exactly one of them, table privileges per group and row-level
// security on students, photos (and their bytes), capture attempts, collection
// codes, notices, staff and the audit log. The policies look the signed-in
// staff member up by the database user (staff.db_role = session_user) through
// SECURITY DEFINER helper functions, so raw SQL from a staff login sees and
// changes only what the role allows. The owner/superuser is not restricted.
//
// The DDL of schema step 1 (Migrations::Step::serverStatements), kept as it was
// released: later steps change it.
QStringList serverSecurityStatements();
// Schema step 2 (server_roles.cpp): the group roles become per database
// (<prefix>_school_admin ... where the prefix holds the database's name and oid,
// see tucai_group()), only they may connect, column-level grants, policies bound
// to the staff member's school, notice versions and attachments under row
// security, and a student's class/photo's place kept consistent.
QStringList serverRoleStatements();
// Schema step 3 (server_audit.cpp): audit entries are appended by the server
// (tucai_audit_append: a staff login's name and the server's clock) and hashed
// onto the chain at commit with the server's sha256(); every change a staff
// login makes to an audited table is recorded in the entry of its transaction
// (or in an entry of its own, action "sql.change"); notifications are queued
// only by tucai_notify as the server side of a change of the same transaction;
// photo decisions are made in the caller's name at the server's time and undone
// only by them; a reviewer moves a student's state only with a decision.
QStringList serverAuditStatements();
// Schema step 4 (server_secrets.cpp): reviewers read ID numbers and phones only
// as the masked generated columns id_number_masked/phone_masked; no staff login
// reads code_keys: tucai_code_hashes computes HMAC-SHA256 code hashes on the
// server (and creates a school's key on first use).
QStringList serverSecretStatements();
// Schema step 5 (server_audit.cpp): a photo that enters the review queue (stored as submitted,
// or back to submitted) sends NOTIFY tucai_review_queue at commit; review pages LISTEN
// (ChangeWatch). No payload: a listener learns only that its queue may have changed.
QStringList serverQueueStatements();
// Schema step 8 (server_audit.cpp): a statement that inserts, updates or deletes students, or
// inserts, deletes or changes the status/decision/kind of photos, sends NOTIFY tucai_changes
// with the table's name as payload at commit (one per statement; the server folds repeats within
// a transaction); the students page, the dashboard and the navigation badge LISTEN (ChangeWatch).
QStringList serverLiveChangeStatements();

// The SCRAM-SHA-256 verifier PostgreSQL stores for `password` (the form ALTER
// ROLE ... PASSWORD accepts pre-hashed): the clear password never reaches the
// server, its logs or pg_stat_activity. `salt` empty: 16 random bytes.
QString scramVerifier(const QString &password, const QByteArray &salt = {}, int iterations = 4096);

class ServerSecurity final
{
public:
    explicit ServerSecurity(const Database &db) : m_db(db) {}
    // False on SQLite (no database roles: the client checks alone apply).
    bool available() const;
    // Creates or updates the login role of one staff member (name
    // <prefix>_staff_<id>), puts it in the group of the staff role,
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
