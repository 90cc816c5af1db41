#include "db/code_repo.h"

#include "db/batch_insert.h"
#include "db/database.h"

namespace tucai::db {
namespace {

QVariant orNull(qint64 v) { return v ? QVariant(v) : QVariant(); }
qint64 ms(const Query &q, int c) { return q.value(c).isNull() ? 0 : q.toLongLong(c); }

const QString kCodeSelect = QStringLiteral(
    "SELECT c.id, c.batch_id, c.school_id, c.college_id, c.student_id, c.code_hash, c.created_at, c.expires_at, "
    "c.revoked_at, c.revoked_reason, b.kind, b.label, s.student_no, s.name, k.name "
    "FROM collection_codes c JOIN code_batches b ON b.id = c.batch_id "
    "LEFT JOIN students s ON s.id = c.student_id LEFT JOIN classes k ON k.id = s.class_id ");

CodeRow readCode(const Query &q)
{
    CodeRow r;
    r.id = q.toLongLong(0);
    r.batchId = q.toLongLong(1);
    r.schoolId = q.toLongLong(2);
    r.collegeId = ms(q, 3);
    r.studentId = ms(q, 4);
    r.codeHash = q.toString(5);
    r.createdAt = q.toLongLong(6);
    r.expiresAt = ms(q, 7);
    r.revokedAt = ms(q, 8);
    r.revokedReason = q.toString(9);
    r.batchKind = q.toString(10);
    r.batchLabel = q.toString(11);
    r.studentNo = q.toString(12);
    r.studentName = q.toString(13);
    r.className = q.toString(14);
    return r;
}

const QString kTargetSelect = QStringLiteral(
    "SELECT s.id, s.school_id, s.college_id, s.class_id, s.student_no, s.name, c.name, k.name "
    "FROM students s JOIN colleges c ON c.id = s.college_id JOIN classes k ON k.id = s.class_id ");

CodeTarget readTarget(const Query &q)
{
    return {q.toLongLong(0), q.toLongLong(1), q.toLongLong(2), q.toLongLong(3), q.toString(4), q.toString(5), q.toString(6),
            q.toString(7)};
}

} // namespace

QString CodeRepo::keyHex(qint64 schoolId) const
{
    Query q(m_db, QStringLiteral("SELECT key_hex FROM code_keys WHERE school_id = :s"));
    q.bind(QStringLiteral(":s"), schoolId).exec();
    return q.next() ? q.toString(0) : QString();
}

void CodeRepo::insertKey(qint64 schoolId, const QString &keyHex)
{
    Query(m_db, QStringLiteral("INSERT INTO code_keys (school_id, key_hex, created_at) VALUES (:s, :k, :t) "
                               "ON CONFLICT (school_id) DO NOTHING"))
        .bind(QStringLiteral(":s"), schoolId)
        .bind(QStringLiteral(":k"), keyHex)
        .bind(QStringLiteral(":t"), nowMs())
        .exec();
}

QList<qint64> CodeRepo::schoolIds() const
{
    Query q(m_db, QStringLiteral("SELECT id FROM schools ORDER BY id"));
    q.exec();
    QList<qint64> out;
    while (q.next())
        out.append(q.toLongLong(0));
    return out;
}

QList<QPair<qint64, QString>> CodeRepo::allKeys() const
{
    Query q(m_db, QStringLiteral("SELECT school_id, key_hex FROM code_keys ORDER BY school_id"));
    q.exec();
    QList<QPair<qint64, QString>> out;
    while (q.next())
        out.append({q.toLongLong(0), q.toString(1)});
    return out;
}

QList<CodeTarget> CodeRepo::targets(qint64 schoolId, qint64 collegeId, qint64 classId) const
{
    QString sql = kTargetSelect + QStringLiteral("WHERE s.school_id = :s");
    if (collegeId)
        sql += QStringLiteral(" AND s.college_id = :c");
    if (classId)
        sql += QStringLiteral(" AND s.class_id = :k");
    sql += QStringLiteral(" ORDER BY c.code, k.code, s.student_no");
    Query q(m_db, sql);
    q.bind(QStringLiteral(":s"), schoolId);
    if (collegeId)
        q.bind(QStringLiteral(":c"), collegeId);
    if (classId)
        q.bind(QStringLiteral(":k"), classId);
    q.exec();
    QList<CodeTarget> out;
    while (q.next())
        out.append(readTarget(q));
    return out;
}

QList<CodeTarget> CodeRepo::targetsByIds(const QList<qint64> &studentIds) const
{
    QList<CodeTarget> out;
    for (const qint64 id : studentIds) {
        Query q(m_db, kTargetSelect + QStringLiteral("WHERE s.id = :id"));
        q.bind(QStringLiteral(":id"), id).exec();
        if (q.next())
            out.append(readTarget(q));
    }
    return out;
}

qint64 CodeRepo::insertBatch(CodeBatchRow &b)
{
    Query q(m_db, QStringLiteral("INSERT INTO code_batches (school_id, college_id, class_id, kind, label, created_by, created_at, "
                                 "expires_at) VALUES (:s, :c, :k, :kind, :l, :by, :t, :e) RETURNING id"));
    q.bind(QStringLiteral(":s"), b.schoolId)
        .bind(QStringLiteral(":c"), orNull(b.collegeId))
        .bind(QStringLiteral(":k"), orNull(b.classId))
        .bind(QStringLiteral(":kind"), b.kind)
        .bind(QStringLiteral(":l"), sqlValue(b.label))
        .bind(QStringLiteral(":by"), orNull(b.createdBy))
        .bind(QStringLiteral(":t"), b.createdAt)
        .bind(QStringLiteral(":e"), orNull(b.expiresAt));
    b.id = q.scalar().toLongLong();
    return b.id;
}

int CodeRepo::revokeActiveForStudents(const QList<qint64> &studentIds, const QString &reason, qint64 now)
{
    // Chunks keep the statement under every engine's bound-parameter limit.
    int total = 0;
    constexpr int kChunk = 500;
    for (int from = 0; from < studentIds.size(); from += kChunk) {
        const int n = std::min<int>(kChunk, int(studentIds.size()) - from);
        QStringList marks;
        for (int i = 0; i < n; ++i)
            marks.append(QStringLiteral(":p%1").arg(i));
        Query q(m_db, QStringLiteral("UPDATE collection_codes SET revoked_at = :t, revoked_reason = :r "
                                     "WHERE revoked_at IS NULL AND student_id IN (%1)").arg(marks.join(QLatin1Char(','))));
        q.bind(QStringLiteral(":t"), now).bind(QStringLiteral(":r"), reason);
        for (int i = 0; i < n; ++i)
            q.bind(marks.at(i), studentIds.at(from + i));
        q.exec();
        total += q.numRowsAffected();
    }
    return total;
}

void CodeRepo::insertCodes(const QList<CodeRow> &rows)
{
    BatchInsert ins(m_db, QStringLiteral("collection_codes"),
                    {QStringLiteral("batch_id"), QStringLiteral("school_id"), QStringLiteral("college_id"),
                     QStringLiteral("student_id"), QStringLiteral("code_hash"), QStringLiteral("created_at"),
                     QStringLiteral("expires_at")});
    for (const CodeRow &r : rows)
        ins.add({r.batchId, r.schoolId, orNull(r.collegeId), orNull(r.studentId), r.codeHash, r.createdAt, orNull(r.expiresAt)});
    ins.flush();
}

std::optional<CodeRow> CodeRepo::findByHash(const QString &hash) const
{
    Query q(m_db, kCodeSelect + QStringLiteral("WHERE c.code_hash = :h"));
    q.bind(QStringLiteral(":h"), hash).exec();
    if (!q.next())
        return std::nullopt;
    return readCode(q);
}

std::optional<CodeRow> CodeRepo::get(qint64 id) const
{
    Query q(m_db, kCodeSelect + QStringLiteral("WHERE c.id = :id"));
    q.bind(QStringLiteral(":id"), id).exec();
    if (!q.next())
        return std::nullopt;
    return readCode(q);
}

bool CodeRepo::revoke(qint64 codeId, const QString &reason, qint64 now)
{
    Query q(m_db, QStringLiteral("UPDATE collection_codes SET revoked_at = :t, revoked_reason = :r WHERE id = :id AND revoked_at IS NULL"));
    q.bind(QStringLiteral(":t"), now).bind(QStringLiteral(":r"), sqlValue(reason)).bind(QStringLiteral(":id"), codeId).exec();
    return q.numRowsAffected() == 1;
}

QList<CodeRow> CodeRepo::list(qint64 schoolId, qint64 collegeId, qint64 classId, bool includeRevoked, int limit) const
{
    QString sql = kCodeSelect + QStringLiteral("WHERE c.school_id = :s");
    if (collegeId)
        sql += QStringLiteral(" AND c.college_id = :c");
    if (classId)
        sql += QStringLiteral(" AND s.class_id = :k");
    if (!includeRevoked)
        sql += QStringLiteral(" AND c.revoked_at IS NULL");
    sql += QStringLiteral(" ORDER BY c.id DESC LIMIT :n");
    Query q(m_db, sql);
    q.bind(QStringLiteral(":s"), schoolId).bind(QStringLiteral(":n"), limit);
    if (collegeId)
        q.bind(QStringLiteral(":c"), collegeId);
    if (classId)
        q.bind(QStringLiteral(":k"), classId);
    q.exec();
    QList<CodeRow> out;
    while (q.next())
        out.append(readCode(q));
    return out;
}

qint64 CodeRepo::countActive(qint64 schoolId) const
{
    return Query(m_db, QStringLiteral("SELECT COUNT(*) FROM collection_codes WHERE school_id = :s AND revoked_at IS NULL"))
        .bind(QStringLiteral(":s"), schoolId)
        .scalar()
        .toLongLong();
}

qint64 CodeRepo::countAll() const
{
    return Query(m_db, QStringLiteral("SELECT COUNT(*) FROM collection_codes")).scalar().toLongLong();
}

} // namespace tucai::db
