#include "accounts/auth_service.h"

#include "accounts/password.h"
#include "db/audit_repo.h"
#include "db/database.h"
#include "db/server_security.h"
#include "db/staff_repo.h"

#include <QCoreApplication>

#include <algorithm>
#include <QDateTime>

namespace tucai::accounts {

QString LoginResult::message() const
{
    switch (status) {
    case Status::Ok:
        return {};
    case Status::UnknownUser:
    case Status::WrongPassword:
        // One message whatever the reason (unknown name, wrong password, a lock or a disabled
        // account with a wrong password): the answer must not tell which user names exist.
        return QCoreApplication::translate("AuthService", "Wrong user name or password.");
    case Status::Locked:
        return QCoreApplication::translate("AuthService", "Too many failed log-ins: this account is locked until %1.")
            .arg(QDateTime::fromMSecsSinceEpoch(lockedUntil).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    case Status::Disabled:
        return QCoreApplication::translate("AuthService", "This staff account is disabled.");
    }
    return {};
}

LoginResult AuthService::login(const QString &username, const QString &password)
{
    db::StaffRepo repo(m_db);
    LoginResult result;
    const auto staff = repo.findByUsername(username.trimmed());
    // The password hash runs for every attempt, a known user name or not, so that neither the
    // time nor the message tells an unknown name from a wrong password.
    const bool passwordOk = verifyPassword(password, staff ? staff->passwordHash : dummyPasswordHash());
    if (!staff) {
        result.status = LoginResult::Status::UnknownUser;
        return result;
    }
    const qint64 now = db::nowMs();
    const bool locked = staff->lockedUntil > now;
    if (passwordOk && locked) {
        // Only whoever knows the password learns about the lock.
        result.status = LoginResult::Status::Locked;
        result.lockedUntil = staff->lockedUntil;
        return result;
    }
    if (passwordOk && !staff->active) {
        result.status = LoginResult::Status::Disabled;
        return result;
    }
    if (!passwordOk) {
        result.status = LoginResult::Status::WrongPassword;
        if (locked || !staff->active)
            return result;  // not counted while locked; nothing to count for a disabled account
        db::Transaction tx(m_db);
        const auto [failures, lockedUntil] = repo.recordFailedLogin(staff->id, now, kMaxFailures, now + kLockMs);
        if (lockedUntil > now) {
            AuditEntry e;
            e.staffId = staff->id;
            e.staffName = staff->username;
            e.action = QStringLiteral("staff.locked");
            e.targetType = QStringLiteral("staff");
            e.targetId = QString::number(staff->id);
            e.reason = QStringLiteral("%1 failed log-ins").arg(failures);
            db::AuditRepo(m_db).append(e);
        }
        tx.commit();
        result.lockedUntil = lockedUntil;
        result.attemptsLeft = std::max(0, kMaxFailures - failures);
        return result;
    }
    repo.recordSuccessfulLogin(staff->id);
    result.status = LoginResult::Status::Ok;
    result.session = Session{staff->id, staff->schoolId, staff->username, staff->displayName, staff->role, staff->collegeId};
    return result;
}

std::optional<Session> AuthService::databaseSession()
{
    db::ServerSecurity security(m_db);
    const auto id = security.staffIdForCurrentUser();
    if (!id)
        return std::nullopt;
    const auto staff = db::StaffRepo(m_db).get(*id);
    if (!staff || !staff->active)
        return std::nullopt;
    return Session{staff->id, staff->schoolId, staff->username, staff->displayName, staff->role, staff->collegeId};
}

QString AuthService::passwordProblem(const QString &password)
{
    bool letter = false, digit = false;
    for (QChar c : password) {
        letter = letter || c.isLetter();
        digit = digit || c.isDigit();
    }
    if (password.size() < 8 || !letter || !digit)
        return QCoreApplication::translate("AuthService", "The new password needs at least 8 characters with letters and digits.");
    return {};
}

QString AuthService::changePassword(qint64 staffId, const QString &oldPassword, const QString &newPassword)
{
    db::StaffRepo repo(m_db);
    const auto staff = repo.get(staffId);
    if (!staff)
        return QCoreApplication::translate("AuthService", "This staff account does not exist.");
    db::ServerSecurity security(m_db);
    const bool ownDatabaseLogin = security.staffIdForCurrentUser() == std::optional<qint64>(staffId);
    if (ownDatabaseLogin) {
        // PostgreSQL staff login: the database password is the one that counts;
        // check the old one with a second connection.
        db::DbTarget probeTarget = m_db.target();
        probeTarget.password = oldPassword;
        try {
            db::Database probe(probeTarget);
            probe.open();
            probe.closeThisThread();
        } catch (const db::DbError &) {
            return QCoreApplication::translate("AuthService", "The current password is wrong.");
        }
    } else if (!verifyPassword(oldPassword, staff->passwordHash)) {
        return QCoreApplication::translate("AuthService", "The current password is wrong.");
    }
    if (const QString problem = passwordProblem(newPassword); !problem.isEmpty())
        return problem;
    db::Transaction tx(m_db);
    if (ownDatabaseLogin)
        security.setOwnPassword(newPassword);
    else
        repo.setPasswordHash(staffId, hashPassword(newPassword));
    AuditEntry e;
    e.staffId = staff->id;
    e.staffName = staff->username;
    e.action = QStringLiteral("staff.password_changed");
    e.targetType = QStringLiteral("staff");
    e.targetId = QString::number(staff->id);
    db::AuditRepo(m_db).append(e);
    tx.commit();
    return {};
}

} // namespace tucai::accounts
