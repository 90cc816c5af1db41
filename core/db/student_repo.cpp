#include "db/student_repo.h"

#include "db/database.h"

namespace tucai::db {
namespace {

const QString kColumns = QStringLiteral(
    "id, school_id, college_id, class_id, student_no, name, id_number, phone, paid, state, liveness_failures, "
    "other_failures, submissions, extra_attempts, lock_kind, locked_until, notify_opt_in, return_reasons, "
    "created_at, updated_at, row_version");

} // namespace

QString StudentRepo::idNumberColumn(const Database &db, const QString &alias)
{
    const QString prefix = alias.isEmpty() ? QString() : alias + QLatin1Char('.');
    return prefix + (db.canRead(QStringLiteral("students"), QStringLiteral("id_number")) ? QStringLiteral("id_number")
                                                                                      : QStringLiteral("id_number_masked"));
}

QString StudentRepo::columns(const Database &db, const QString &alias)
{
    QStringList cols = kColumns.split(QStringLiteral(", "));
    if (!db.canRead(QStringLiteral("students"), QStringLiteral("id_number"))) {
        cols[6] = QStringLiteral("id_number_masked");
        cols[7] = QStringLiteral("phone_masked");
    }
    if (!alias.isEmpty())
        for (QString &c : cols)
            c.prepend(alias + QLatin1Char('.'));
    return cols.join(QStringLiteral(", "));
}

Student StudentRepo::fromRow(const Query &q, int first)
{
    const auto col = [first](int i) { return first + i; };
    Student s;
    s.id = q.toLongLong(col(0));
    s.schoolId = q.toLongLong(col(1));
    s.collegeId = q.toLongLong(col(2));
    s.classId = q.toLongLong(col(3));
    s.studentNo = q.toString(col(4));
    s.name = q.toString(col(5));
    s.idNumber = q.toString(col(6));
    s.phone = q.toString(col(7));
    s.paid = q.value(col(8)).toInt() != 0;
    s.state = studentStateFromDb(q.toString(col(9)));
    s.livenessFailures = q.value(col(10)).toInt();
    s.otherFailures = q.value(col(11)).toInt();
    s.submissions = q.value(col(12)).toInt();
    s.extraAttempts = q.value(col(13)).toInt();
    s.lockKind = q.toString(col(14));
    s.lockedUntil = q.value(col(15)).isNull() ? 0 : q.toLongLong(col(15));
    s.notifyOptIn = q.value(col(16)).toInt() != 0;
    s.returnReasons = q.toString(col(17));
    s.createdAt = q.toLongLong(col(18));
    s.updatedAt = q.toLongLong(col(19));
    s.rowVersion = q.value(col(20)).toInt();
    return s;
}

namespace {
QVariant nullableTime(qint64 ms) { return ms ? QVariant(ms) : QVariant(); }
} // namespace

qint64 StudentRepo::insert(Student &s)
{
    if (!s.createdAt)
        s.createdAt = nowMs();
    if (!s.updatedAt)
        s.updatedAt = s.createdAt;
    Query q(m_db, QStringLiteral(
        "INSERT INTO students (school_id, college_id, class_id, student_no, name, id_number, phone, paid, state, "
        "liveness_failures, other_failures, submissions, extra_attempts, lock_kind, locked_until, notify_opt_in, "
        "return_reasons, created_at, updated_at, row_version) VALUES (:school, :college, :class, :no, :name, :idn, "
        ":phone, :paid, :state, :lf, :of, :subs, :extra, :lk, :lu, :opt, :rr, :ca, :ua, 1) RETURNING id"));
    q.bind(QStringLiteral(":school"), s.schoolId)
        .bind(QStringLiteral(":college"), s.collegeId)
        .bind(QStringLiteral(":class"), s.classId)
        .bind(QStringLiteral(":no"), s.studentNo)
        .bind(QStringLiteral(":name"), s.name)
        .bind(QStringLiteral(":idn"), s.idNumber)
        .bind(QStringLiteral(":phone"), s.phone)
        .bind(QStringLiteral(":paid"), s.paid ? 1 : 0)
        .bind(QStringLiteral(":state"), toDbString(s.state))
        .bind(QStringLiteral(":lf"), s.livenessFailures)
        .bind(QStringLiteral(":of"), s.otherFailures)
        .bind(QStringLiteral(":subs"), s.submissions)
        .bind(QStringLiteral(":extra"), s.extraAttempts)
        .bind(QStringLiteral(":lk"), s.lockKind)
        .bind(QStringLiteral(":lu"), nullableTime(s.lockedUntil))
        .bind(QStringLiteral(":opt"), s.notifyOptIn ? 1 : 0)
        .bind(QStringLiteral(":rr"), s.returnReasons)
        .bind(QStringLiteral(":ca"), s.createdAt)
        .bind(QStringLiteral(":ua"), s.updatedAt);
    s.id = q.scalar().toLongLong();
    s.rowVersion = 1;
    return s.id;
}

std::optional<Student> StudentRepo::get(qint64 id) const
{
    Query q(m_db, QStringLiteral("SELECT ") + columns(m_db) + QStringLiteral(" FROM students WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id).exec();
    if (!q.next())
        return std::nullopt;
    return fromRow(q);
}

std::optional<Student> StudentRepo::findByNumber(qint64 schoolId, const QString &studentNo) const
{
    Query q(m_db, QStringLiteral("SELECT ") + columns(m_db) + QStringLiteral(" FROM students WHERE school_id = :s AND student_no = :n"));
    q.bind(QStringLiteral(":s"), schoolId).bind(QStringLiteral(":n"), studentNo).exec();
    if (!q.next())
        return std::nullopt;
    return fromRow(q);
}

qint64 StudentRepo::count() const
{
    return Query(m_db, QStringLiteral("SELECT COUNT(*) FROM students")).scalar().toLongLong();
}

QMap<QString, qint64> StudentRepo::countByState(qint64 collegeId) const
{
    Query q(m_db, QStringLiteral("SELECT state, COUNT(*) FROM students WHERE (:c1 = 0 OR college_id = :c2) GROUP BY state"));
    q.bind(QStringLiteral(":c1"), collegeId).bind(QStringLiteral(":c2"), collegeId).exec();
    QMap<QString, qint64> out;
    while (q.next())
        out.insert(q.toString(0), q.toLongLong(1));
    return out;
}

qint64 StudentRepo::insertAttempt(CaptureAttempt &a)
{
    Query q(m_db, QStringLiteral("INSERT INTO capture_attempts (student_id, college_id, occurred_at, kind, passed, reason) "
                                 "VALUES (:s, :c, :t, :k, :p, :r) RETURNING id"));
    q.bind(QStringLiteral(":s"), a.studentId)
        .bind(QStringLiteral(":c"), a.collegeId)
        .bind(QStringLiteral(":t"), a.occurredAt ? a.occurredAt : nowMs())
        .bind(QStringLiteral(":k"), a.kind)
        .bind(QStringLiteral(":p"), a.passed ? 1 : 0)
        .bind(QStringLiteral(":r"), a.reason);
    a.id = q.scalar().toLongLong();
    return a.id;
}

QList<CaptureAttempt> StudentRepo::attempts(qint64 studentId) const
{
    Query q(m_db, QStringLiteral("SELECT id, student_id, college_id, occurred_at, kind, passed, reason FROM capture_attempts "
                                 "WHERE student_id = :s ORDER BY occurred_at, id"));
    q.bind(QStringLiteral(":s"), studentId).exec();
    QList<CaptureAttempt> out;
    while (q.next())
        out.append({q.toLongLong(0), q.toLongLong(1), q.toLongLong(2), q.toLongLong(3), q.toString(4),
                    q.value(5).toInt() != 0, q.toString(6)});
    return out;
}

} // namespace tucai::db
