#include "db/staff_repo.h"

#include "db/database.h"

namespace tucai::db {
namespace {

const QString kSelect = QStringLiteral(
    "SELECT id, school_id, username, display_name, role, college_id, password_hash, failed_logins, locked_until, active, "
    "db_role, created_at, row_version FROM staff");

Staff readStaff(const Query &q)
{
    Staff s;
    s.id = q.toLongLong(0);
    s.schoolId = q.toLongLong(1);
    s.username = q.toString(2);
    s.displayName = q.toString(3);
    s.role = staffRoleFromDb(q.toString(4));
    s.collegeId = q.value(5).isNull() ? 0 : q.toLongLong(5);
    s.passwordHash = q.toString(6);
    s.failedLogins = q.value(7).toInt();
    s.lockedUntil = q.value(8).isNull() ? 0 : q.toLongLong(8);
    s.active = q.value(9).toInt() != 0;
    s.dbRole = q.toString(10);
    s.createdAt = q.toLongLong(11);
    s.rowVersion = q.value(12).toInt();
    return s;
}

} // namespace

qint64 StaffRepo::insert(Staff &s)
{
    if (!s.createdAt)
        s.createdAt = nowMs();
    Query q(m_db, QStringLiteral("INSERT INTO staff (school_id, username, display_name, role, college_id, password_hash, "
                                 "active, db_role, created_at) VALUES (:s, :u, :d, :r, :c, :p, :a, :dr, :t) RETURNING id"));
    q.bind(QStringLiteral(":s"), s.schoolId)
        .bind(QStringLiteral(":u"), s.username)
        .bind(QStringLiteral(":d"), s.displayName)
        .bind(QStringLiteral(":r"), toDbString(s.role))
        .bind(QStringLiteral(":c"), s.collegeId ? QVariant(s.collegeId) : QVariant())
        .bind(QStringLiteral(":p"), s.passwordHash)
        .bind(QStringLiteral(":a"), s.active ? 1 : 0)
        .bind(QStringLiteral(":dr"), s.dbRole)
        .bind(QStringLiteral(":t"), s.createdAt);
    s.id = q.scalar().toLongLong();
    return s.id;
}

void StaffRepo::clearScopes(qint64 staffId)
{
    Query(m_db, QStringLiteral("DELETE FROM staff_scopes WHERE staff_id = :s")).bind(QStringLiteral(":s"), staffId).exec();
}

bool StaffRepo::bumpVersion(qint64 id, int expectedVersion)
{
    Query q(m_db, QStringLiteral("UPDATE staff SET row_version = row_version + 1 WHERE id = :id AND row_version = :v"));
    q.bind(QStringLiteral(":id"), id).bind(QStringLiteral(":v"), expectedVersion).exec();
    return q.numRowsAffected() == 1;
}

void StaffRepo::addScope(qint64 staffId, qint64 collegeId, qint64 classId)
{
    Query(m_db, QStringLiteral("INSERT INTO staff_scopes (staff_id, college_id, class_id) VALUES (:s, :c, :k)"))
        .bind(QStringLiteral(":s"), staffId)
        .bind(QStringLiteral(":c"), collegeId)
        .bind(QStringLiteral(":k"), classId ? QVariant(classId) : QVariant())
        .exec();
}

std::optional<Staff> StaffRepo::findByUsername(const QString &username) const
{
    Query q(m_db, kSelect + QStringLiteral(" WHERE username = :u"));
    q.bind(QStringLiteral(":u"), username).exec();
    if (!q.next())
        return std::nullopt;
    return readStaff(q);
}

std::optional<Staff> StaffRepo::get(qint64 id) const
{
    Query q(m_db, kSelect + QStringLiteral(" WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id).exec();
    if (!q.next())
        return std::nullopt;
    return readStaff(q);
}

QList<Staff> StaffRepo::all() const
{
    Query q(m_db, kSelect + QStringLiteral(" ORDER BY role, username"));
    q.exec();
    QList<Staff> out;
    while (q.next())
        out.append(readStaff(q));
    return out;
}

std::pair<int, qint64> StaffRepo::recordFailedLogin(qint64 id, qint64 now, int maxFailures, qint64 lockUntil)
{
    // Computed by the database from the stored count, not read and written back by the app.
    const QString next = QStringLiteral("(CASE WHEN locked_until IS NOT NULL AND locked_until <= CAST(%1 AS BIGINT) THEN 1 ELSE failed_logins + 1 END)");
    Query(m_db, QStringLiteral("UPDATE staff SET failed_logins = %1, locked_until = CASE WHEN %2 >= :max THEN CAST(:until AS BIGINT) ELSE NULL END "
                               "WHERE id = :id")
                    .arg(next.arg(QStringLiteral(":now1")), next.arg(QStringLiteral(":now2"))))
        .bind(QStringLiteral(":now1"), now)
        .bind(QStringLiteral(":now2"), now)
        .bind(QStringLiteral(":max"), maxFailures)
        .bind(QStringLiteral(":until"), lockUntil)
        .bind(QStringLiteral(":id"), id)
        .exec();
    Query q(m_db, QStringLiteral("SELECT failed_logins, COALESCE(locked_until, 0) FROM staff WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id).exec();
    if (!q.next())
        return {0, 0};
    return {q.value(0).toInt(), q.value(1).toLongLong()};
}

void StaffRepo::recordSuccessfulLogin(qint64 id)
{
    Query(m_db, QStringLiteral("UPDATE staff SET failed_logins = 0, locked_until = NULL WHERE id = :id"))
        .bind(QStringLiteral(":id"), id)
        .exec();
}

void StaffRepo::setPasswordHash(qint64 id, const QString &hash)
{
    Query(m_db, QStringLiteral("UPDATE staff SET password_hash = :h, row_version = row_version + 1 WHERE id = :id"))
        .bind(QStringLiteral(":h"), hash)
        .bind(QStringLiteral(":id"), id)
        .exec();
}

} // namespace tucai::db
