#include "db/student_flow_repo.h"

#include "db/database.h"
#include "db/dialect.h"

namespace tucai::db {

bool StudentFlowRepo::requestDone(const QString &key) const
{
    return Query(m_db, QStringLiteral("SELECT COUNT(*) FROM student_requests WHERE idempotency_key = :k"))
               .bind(QStringLiteral(":k"), key)
               .scalar()
               .toLongLong()
        > 0;
}

void StudentFlowRepo::recordRequest(const QString &key, qint64 studentId, const QString &kind, qint64 at)
{
    Query(m_db, QStringLiteral("INSERT INTO student_requests (idempotency_key, student_id, kind, occurred_at) VALUES (:k, :s, :kind, :t)"))
        .bind(QStringLiteral(":k"), key)
        .bind(QStringLiteral(":s"), studentId)
        .bind(QStringLiteral(":kind"), kind)
        .bind(QStringLiteral(":t"), at)
        .exec();
}

QHash<QString, qint64> StudentFlowRepo::requestCounts(const QString &prefix) const
{
    // A range on the primary key instead of LIKE: the prefix may hold '_' and '%'.
    Query q(m_db, QStringLiteral("SELECT kind, COUNT(*) FROM student_requests WHERE idempotency_key >= :from AND idempotency_key < :to "
                                 "GROUP BY kind"));
    q.bind(QStringLiteral(":from"), prefix).bind(QStringLiteral(":to"), QString(prefix + QChar(0xFFFF))).exec();
    QHash<QString, qint64> out;
    while (q.next())
        out.insert(q.toString(0), q.toLongLong(1));
    return out;
}

bool StudentFlowRepo::updateStudent(const Student &s, int expectedVersion)
{
    Query q(m_db, QStringLiteral(
        "UPDATE students SET state = :state, phone = :phone, notify_opt_in = :opt, paid = :paid, liveness_failures = :lf, "
        "other_failures = :of, submissions = :subs, lock_kind = :lk, locked_until = :lu, return_reasons = :rr, updated_at = :ua, "
        "row_version = row_version + 1 WHERE id = :id AND row_version = :v"));
    q.bind(QStringLiteral(":state"), toDbString(s.state))
        .bind(QStringLiteral(":phone"), s.phone)
        .bind(QStringLiteral(":opt"), s.notifyOptIn ? 1 : 0)
        .bind(QStringLiteral(":paid"), s.paid ? 1 : 0)
        .bind(QStringLiteral(":lf"), s.livenessFailures)
        .bind(QStringLiteral(":of"), s.otherFailures)
        .bind(QStringLiteral(":subs"), s.submissions)
        .bind(QStringLiteral(":lk"), s.lockKind)
        .bind(QStringLiteral(":lu"), s.lockedUntil ? QVariant(s.lockedUntil) : QVariant())
        .bind(QStringLiteral(":rr"), s.returnReasons)
        .bind(QStringLiteral(":ua"), s.updatedAt ? s.updatedAt : nowMs())
        .bind(QStringLiteral(":id"), s.id)
        .bind(QStringLiteral(":v"), expectedVersion)
        .exec();
    return q.numRowsAffected() == 1;
}

bool StudentFlowRepo::movePhoto(qint64 photoId, int expectedVersion, const QString &from, const QString &to)
{
    Query q(m_db, QStringLiteral("UPDATE photos SET status = :to, row_version = row_version + 1 "
                                 "WHERE id = :id AND row_version = :v AND status = :from"));
    q.bind(QStringLiteral(":to"), to)
        .bind(QStringLiteral(":id"), photoId)
        .bind(QStringLiteral(":v"), expectedVersion)
        .bind(QStringLiteral(":from"), from)
        .exec();
    return q.numRowsAffected() == 1;
}

QList<qint64> StudentFlowRepo::studentsInStates(qint64 schoolId, const QStringList &states) const
{
    QStringList names;
    for (int i = 0; i < states.size(); ++i)
        names << QStringLiteral(":s%1").arg(i);
    Query q(m_db, QStringLiteral("SELECT id FROM students WHERE school_id = :school AND state IN (%1) ORDER BY id").arg(names.join(QLatin1Char(','))));
    q.bind(QStringLiteral(":school"), schoolId);
    for (int i = 0; i < states.size(); ++i)
        q.bind(names.at(i), states.at(i));
    q.exec();
    QList<qint64> out;
    while (q.next())
        out.append(q.toLongLong(0));
    return out;
}

QHash<qint64, StudentFlowRepo::Progress> StudentFlowRepo::progress(const QList<qint64> &studentIds) const
{
    QHash<qint64, Progress> out;
    const int chunk = std::max(1, std::min(500, m_db.dialect().maxBoundParameters() - 1));
    for (qsizetype from = 0; from < studentIds.size(); from += chunk) {
        const qsizetype n = std::min<qsizetype>(chunk, studentIds.size() - from);
        QStringList names;
        for (qsizetype i = 0; i < n; ++i)
            names << QStringLiteral(":i%1").arg(i);
        Query q(m_db, QStringLiteral("SELECT id, state, row_version FROM students WHERE id IN (%1)").arg(names.join(QLatin1Char(','))));
        for (qsizetype i = 0; i < n; ++i)
            q.bind(names.at(i), studentIds.at(from + i));
        q.exec();
        while (q.next())
            out.insert(q.toLongLong(0), {q.toString(1), q.value(2).toInt()});
    }
    return out;
}

} // namespace tucai::db
