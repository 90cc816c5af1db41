#pragma once
#include "model/records.h"

#include <optional>

namespace tucai::db { class Database; }

namespace tucai::accounts {

// The signed-in staff member: who acts, in which role and scope.
struct Session
{
    qint64 staffId = 0;
    qint64 schoolId = 0;
    QString username;
    QString displayName;
    StaffRole role = StaffRole::Reviewer;
    qint64 collegeId = 0;
};

struct LoginResult
{
    enum class Status { Ok, WrongPassword, UnknownUser, Locked, Disabled };
    Status status = Status::WrongPassword;
    std::optional<Session> session;
    qint64 lockedUntil = 0;
    int attemptsLeft = 0;
    QString message() const;  // translated, for the login dialog and the CLI
};

// Staff log-in on the embedded database: argon2id hashes, 5 failed attempts
// lock the account for 15 minutes.
class AuthService final
{
public:
    static constexpr int kMaxFailures = 5;
    static constexpr qint64 kLockMs = 15 * 60 * 1000;
    explicit AuthService(const db::Database &db) : m_db(db) {}
    LoginResult login(const QString &username, const QString &password);
    // PostgreSQL: the staff member whose own database role this connection
    // logged in as (the server checked the password). nullopt on SQLite, for
    // the owner or for an unknown/disabled role.
    std::optional<Session> databaseSession();
    // Checks the old password (argon2id) and stores a new hash. Returns an
    // empty string on success, otherwise a translated reason.
    QString changePassword(qint64 staffId, const QString &oldPassword, const QString &newPassword);
    // At least 8 characters with letters and digits.
    static QString passwordProblem(const QString &password);

private:
    const db::Database &m_db;
};

} // namespace tucai::accounts
