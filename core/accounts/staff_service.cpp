#include "accounts/staff_service.h"

#include "accounts/password.h"
#include "accounts/permissions.h"
#include "db/account_repo.h"
#include "db/audit_repo.h"
#include "db/database.h"
#include "db/server_security.h"
#include "db/staff_repo.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace tucai::accounts {

void StaffService::requireAdmin() const
{
    if (!mayManageStaff(m_session))
        throw db::DbError(db::DbError::Kind::Permission, QCoreApplication::translate("StaffService", "Only school administrators manage staff accounts."));
}

qint64 StaffService::create(const NewStaff &n)
{
    requireAdmin();
    static const QRegularExpression userRe(QStringLiteral("^[a-z][a-z0-9_.-]{2,31}$"));
    if (!userRe.match(n.username).hasMatch())
        throw db::DbError(db::DbError::Kind::Invalid,
                          QCoreApplication::translate("StaffService", "User names have 3 to 32 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter."));
    if (n.displayName.trimmed().isEmpty())
        throw db::DbError(db::DbError::Kind::Invalid, QCoreApplication::translate("StaffService", "Please enter the name shown for this staff member."));
    if (n.role == StaffRole::CollegeAdmin && !n.collegeId)
        throw db::DbError(db::DbError::Kind::Invalid, QCoreApplication::translate("StaffService", "A college administrator needs a college."));
    if (n.role == StaffRole::Reviewer && n.scopes.isEmpty())
        throw db::DbError(db::DbError::Kind::Invalid, QCoreApplication::translate("StaffService", "A reviewer needs at least one assigned college or class."));
    if (const QString problem = AuthService::passwordProblem(n.password); !problem.isEmpty())
        throw db::DbError(db::DbError::Kind::Invalid, problem);

    db::StaffRepo repo(m_db);
    Staff s;
    s.schoolId = m_session.schoolId;
    s.username = n.username;
    s.displayName = n.displayName.trimmed();
    s.role = n.role;
    s.collegeId = n.role == StaffRole::CollegeAdmin ? n.collegeId : 0;
    s.passwordHash = hashPassword(n.password);
    db::Transaction tx(m_db);
    repo.insert(s);
    QJsonArray scopes;
    if (n.role == StaffRole::Reviewer)
        for (const auto &sc : n.scopes) {
            repo.addScope(s.id, sc.first, sc.second);
            scopes.append(QJsonObject{{QStringLiteral("college"), sc.first}, {QStringLiteral("class"), sc.second}});
        }
    // The database role shares the password: the same secret works for both log-ins.
    const QString role = db::ServerSecurity(m_db).syncStaffRole(s.id, n.password);
    AuditEntry e;
    e.staffId = m_session.staffId;
    e.staffName = m_session.username;
    e.action = QStringLiteral("staff.create");
    e.targetType = QStringLiteral("staff");
    e.targetId = QString::number(s.id);
    e.collegeId = s.collegeId;
    e.afterJson = db::AuditRepo::json({{QStringLiteral("username"), s.username},
                           {QStringLiteral("role"), toDbString(s.role)},
                           {QStringLiteral("college"), s.collegeId},
                           {QStringLiteral("scopes"), scopes},
                           {QStringLiteral("db_role"), role}});
    db::AuditRepo(m_db).append(e);
    tx.commit();
    return s.id;
}

void StaffService::setActive(qint64 staffId, bool active, const QString &reason)
{
    requireAdmin();
    if (reason.trimmed().isEmpty())
        throw db::DbError(db::DbError::Kind::Invalid, QCoreApplication::translate("StaffService", "Please give a reason: it is kept in the audit log."));
    if (staffId == m_session.staffId && !active)
        throw db::DbError(db::DbError::Kind::Invalid, QCoreApplication::translate("StaffService", "You cannot disable your own account."));
    db::Transaction tx(m_db);
    const auto before = db::StaffRepo(m_db).get(staffId);
    if (!before)
        throw db::DbError(db::DbError::Kind::Invalid, QCoreApplication::translate("StaffService", "This staff account does not exist."));
    if (!db::AccountRepo(m_db).setStaffActive(staffId, active, before->rowVersion))
        throw db::DbError(db::DbError::Kind::Conflict, QCoreApplication::translate("StaffService", "The account was changed by someone else meanwhile; nothing was saved."));
    db::ServerSecurity(m_db).syncStaffRole(staffId);
    AuditEntry e;
    e.staffId = m_session.staffId;
    e.staffName = m_session.username;
    e.action = active ? QStringLiteral("staff.enable") : QStringLiteral("staff.disable");
    e.targetType = QStringLiteral("staff");
    e.targetId = QString::number(staffId);
    e.reason = reason.trimmed();
    e.beforeJson = db::AuditRepo::json({{QStringLiteral("active"), before->active}});
    e.afterJson = db::AuditRepo::json({{QStringLiteral("active"), active}});
    db::AuditRepo(m_db).append(e);
    tx.commit();
}

void StaffService::setScopes(qint64 staffId, const QList<QPair<qint64, qint64>> &scopes, int expectedVersion, const QString &reason)
{
    requireAdmin();
    if (reason.trimmed().isEmpty())
        throw db::DbError(db::DbError::Kind::Invalid, QCoreApplication::translate("StaffService", "Please give a reason: it is kept in the audit log."));
    if (scopes.isEmpty())
        throw db::DbError(db::DbError::Kind::Invalid, QCoreApplication::translate("StaffService", "A reviewer needs at least one assigned college or class."));
    db::Transaction tx(m_db);
    db::StaffRepo repo(m_db);
    const auto staff = repo.get(staffId);
    if (!staff)
        throw db::DbError(db::DbError::Kind::Invalid, QCoreApplication::translate("StaffService", "This staff account does not exist."));
    if (staff->role != StaffRole::Reviewer)
        throw db::DbError(db::DbError::Kind::Invalid, QCoreApplication::translate("StaffService", "Only reviewers are assigned colleges and classes."));
    if (!repo.bumpVersion(staffId, expectedVersion))
        throw db::DbError(db::DbError::Kind::Conflict, QCoreApplication::translate("StaffService", "The account was changed by someone else meanwhile; nothing was saved."));
    const auto asJson = [](const QList<QPair<qint64, qint64>> &list) {
        QJsonArray a;
        for (const auto &sc : list)
            a.append(QJsonObject{{QStringLiteral("college"), sc.first}, {QStringLiteral("class"), sc.second}});
        return a;
    };
    QList<QPair<qint64, qint64>> before;
    for (const auto &sc : db::AccountRepo(m_db).staffScopes(staffId))
        before.append({sc.collegeId, sc.classId});
    repo.clearScopes(staffId);
    for (const auto &sc : scopes)
        repo.addScope(staffId, sc.first, sc.second);
    AuditEntry e;
    e.staffId = m_session.staffId;
    e.staffName = m_session.username;
    e.action = QStringLiteral("staff.scopes");
    e.targetType = QStringLiteral("staff");
    e.targetId = QString::number(staffId);
    e.reason = reason.trimmed();
    e.beforeJson = db::AuditRepo::json({{QStringLiteral("scopes"), asJson(before)}});
    e.afterJson = db::AuditRepo::json({{QStringLiteral("scopes"), asJson(scopes)}});
    db::AuditRepo(m_db).append(e);
    tx.commit();
}

void StaffService::resetPassword(qint64 staffId, const QString &newPassword, const QString &reason)
{
    requireAdmin();
    if (reason.trimmed().isEmpty())
        throw db::DbError(db::DbError::Kind::Invalid, QCoreApplication::translate("StaffService", "Please give a reason: it is kept in the audit log."));
    if (const QString problem = AuthService::passwordProblem(newPassword); !problem.isEmpty())
        throw db::DbError(db::DbError::Kind::Invalid, problem);
    db::Transaction tx(m_db);
    db::AccountRepo(m_db).setStaffPasswordHash(staffId, hashPassword(newPassword));
    db::ServerSecurity(m_db).syncStaffRole(staffId, newPassword);
    AuditEntry e;
    e.staffId = m_session.staffId;
    e.staffName = m_session.username;
    e.action = QStringLiteral("staff.password_reset");
    e.targetType = QStringLiteral("staff");
    e.targetId = QString::number(staffId);
    e.reason = reason.trimmed();
    db::AuditRepo(m_db).append(e);
    tx.commit();
}

QStringList StaffService::syncAllRoles(const db::Database &db)
{
    db::ServerSecurity security(db);
    if (!security.available())
        return {};
    QStringList out;
    db::Transaction tx(db);
    for (const Staff &s : db::StaffRepo(db).all())
        out << security.syncStaffRole(s.id);
    tx.commit();
    return out;
}

} // namespace tucai::accounts
