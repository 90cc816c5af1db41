#include "db/school_repo.h"

#include "db/database.h"

namespace tucai::db {

qint64 SchoolRepo::insertSchool(const QString &code, const QString &name)
{
    return Query(m_db, QStringLiteral("INSERT INTO schools (code, name, created_at) VALUES (:c, :n, :t) RETURNING id"))
        .bind(QStringLiteral(":c"), code)
        .bind(QStringLiteral(":n"), name)
        .bind(QStringLiteral(":t"), nowMs())
        .scalar()
        .toLongLong();
}

qint64 SchoolRepo::insertCollege(qint64 schoolId, const QString &code, const QString &name)
{
    return Query(m_db, QStringLiteral("INSERT INTO colleges (school_id, code, name) VALUES (:s, :c, :n) RETURNING id"))
        .bind(QStringLiteral(":s"), schoolId)
        .bind(QStringLiteral(":c"), code)
        .bind(QStringLiteral(":n"), name)
        .scalar()
        .toLongLong();
}

qint64 SchoolRepo::insertClass(qint64 collegeId, const QString &code, const QString &name, int grade)
{
    return Query(m_db, QStringLiteral("INSERT INTO classes (college_id, code, name, grade) VALUES (:c, :k, :n, :g) RETURNING id"))
        .bind(QStringLiteral(":c"), collegeId)
        .bind(QStringLiteral(":k"), code)
        .bind(QStringLiteral(":n"), name)
        .bind(QStringLiteral(":g"), grade)
        .scalar()
        .toLongLong();
}

std::optional<School> SchoolRepo::firstSchool() const
{
    Query q(m_db, QStringLiteral("SELECT id, code, name FROM schools ORDER BY id LIMIT 1"));
    q.exec();
    if (!q.next())
        return std::nullopt;
    return School{q.toLongLong(0), q.toString(1), q.toString(2)};
}

QList<College> SchoolRepo::colleges(qint64 schoolId) const
{
    Query q(m_db, QStringLiteral("SELECT id, school_id, code, name FROM colleges WHERE school_id = :s ORDER BY code"));
    q.bind(QStringLiteral(":s"), schoolId).exec();
    QList<College> out;
    while (q.next())
        out.append({q.toLongLong(0), q.toLongLong(1), q.toString(2), q.toString(3)});
    return out;
}

QList<ClassInfo> SchoolRepo::classes(qint64 collegeId) const
{
    Query q(m_db, QStringLiteral("SELECT id, college_id, code, name, grade FROM classes "
                                 "WHERE (:c1 = 0 OR college_id = :c2) ORDER BY college_id, code"));
    q.bind(QStringLiteral(":c1"), collegeId).bind(QStringLiteral(":c2"), collegeId).exec();
    QList<ClassInfo> out;
    while (q.next())
        out.append({q.toLongLong(0), q.toLongLong(1), q.toString(2), q.toString(3), q.value(4).toInt()});
    return out;
}

} // namespace tucai::db
