#include "db/photo_repo.h"

#include "db/database.h"

#include <QCryptographicHash>

namespace tucai::db {
namespace {

const QString kColumns = QStringLiteral(
    "id, student_id, college_id, class_id, kind, status, sha256, stored_at, submitted_at, check_report, check_passed, "
    "engine_version, profile_version, checked_at, decision, reasons, reason_note, reviewer_id, decided_at, row_version");

Photo readPhoto(const Query &q)
{
    Photo p;
    p.id = q.toLongLong(0);
    p.studentId = q.toLongLong(1);
    p.collegeId = q.toLongLong(2);
    p.classId = q.toLongLong(3);
    p.kind = q.toString(4);
    p.status = q.toString(5);
    p.sha256 = q.toString(6);
    p.storedAt = q.toLongLong(7);
    p.submittedAt = q.value(8).isNull() ? 0 : q.toLongLong(8);
    p.checkReport = q.toString(9);
    p.checkPassed = q.value(10).isNull() ? -1 : q.value(10).toInt();
    p.engineVersion = q.toString(11);
    p.profileVersion = q.toString(12);
    p.checkedAt = q.value(13).isNull() ? 0 : q.toLongLong(13);
    p.decision = q.toString(14);
    p.reasons = q.toString(15);
    p.reasonNote = q.toString(16);
    p.reviewerId = q.value(17).isNull() ? 0 : q.toLongLong(17);
    p.decidedAt = q.value(18).isNull() ? 0 : q.toLongLong(18);
    p.rowVersion = q.value(19).toInt();
    return p;
}

QVariant orNull(qint64 v) { return v ? QVariant(v) : QVariant(); }
QVariant orNull(const QString &v) { return v.isEmpty() ? QVariant() : QVariant(v); }

} // namespace

QString PhotoRepo::sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString PhotoRepo::putBlob(const QByteArray &bytes, const QString &mime)
{
    const QString sha = sha256Hex(bytes);
    Query(m_db, QStringLiteral("INSERT INTO photo_blobs (sha256, bytes, url, byte_size, mime, created_at) "
                               "VALUES (:h, :b, NULL, :n, :m, :t) ON CONFLICT (sha256) DO NOTHING"))
        .bind(QStringLiteral(":h"), sha)
        .bind(QStringLiteral(":b"), bytes)
        .bind(QStringLiteral(":n"), bytes.size())
        .bind(QStringLiteral(":m"), mime)
        .bind(QStringLiteral(":t"), nowMs())
        .exec();
    return sha;
}

void PhotoRepo::putUrlBlob(const QString &sha256, const QString &url, qint64 byteSize, const QString &mime)
{
    Query(m_db, QStringLiteral("INSERT INTO photo_blobs (sha256, bytes, url, byte_size, mime, created_at) "
                               "VALUES (:h, NULL, :u, :n, :m, :t) ON CONFLICT (sha256) DO NOTHING"))
        .bind(QStringLiteral(":h"), sha256.toLower())
        .bind(QStringLiteral(":u"), url)
        .bind(QStringLiteral(":n"), byteSize)
        .bind(QStringLiteral(":m"), mime)
        .bind(QStringLiteral(":t"), nowMs())
        .exec();
}

QByteArray PhotoRepo::blobBytes(const QString &sha256) const
{
    Query q(m_db, QStringLiteral("SELECT bytes FROM photo_blobs WHERE sha256 = :h"));
    q.bind(QStringLiteral(":h"), sha256).exec();
    return q.next() ? q.value(0).toByteArray() : QByteArray();
}

QString PhotoRepo::blobUrl(const QString &sha256) const
{
    Query q(m_db, QStringLiteral("SELECT url FROM photo_blobs WHERE sha256 = :h"));
    q.bind(QStringLiteral(":h"), sha256).exec();
    return q.next() ? q.toString(0) : QString();
}

qint64 PhotoRepo::blobCount() const
{
    return Query(m_db, QStringLiteral("SELECT COUNT(*) FROM photo_blobs")).scalar().toLongLong();
}

qint64 PhotoRepo::insert(Photo &p)
{
    if (!p.storedAt)
        p.storedAt = nowMs();
    Query q(m_db, QStringLiteral(
        "INSERT INTO photos (student_id, college_id, class_id, kind, status, sha256, stored_at, submitted_at, check_report, "
        "check_passed, engine_version, profile_version, checked_at, decision, reasons, reason_note, reviewer_id, decided_at, "
        "row_version) VALUES (:st, :co, :cl, :k, :s, :h, :sa, :sub, :rep, :cp, :ev, :pv, :ca, :d, :r, :rn, :rev, :da, 1) "
        "RETURNING id"));
    q.bind(QStringLiteral(":st"), p.studentId)
        .bind(QStringLiteral(":co"), p.collegeId)
        .bind(QStringLiteral(":cl"), p.classId)
        .bind(QStringLiteral(":k"), p.kind)
        .bind(QStringLiteral(":s"), p.status)
        .bind(QStringLiteral(":h"), p.sha256)
        .bind(QStringLiteral(":sa"), p.storedAt)
        .bind(QStringLiteral(":sub"), orNull(p.submittedAt))
        .bind(QStringLiteral(":rep"), orNull(p.checkReport))
        .bind(QStringLiteral(":cp"), p.checkPassed < 0 ? QVariant() : QVariant(p.checkPassed))
        .bind(QStringLiteral(":ev"), orNull(p.engineVersion))
        .bind(QStringLiteral(":pv"), orNull(p.profileVersion))
        .bind(QStringLiteral(":ca"), orNull(p.checkedAt))
        .bind(QStringLiteral(":d"), orNull(p.decision))
        .bind(QStringLiteral(":r"), p.reasons)
        .bind(QStringLiteral(":rn"), p.reasonNote)
        .bind(QStringLiteral(":rev"), orNull(p.reviewerId))
        .bind(QStringLiteral(":da"), orNull(p.decidedAt));
    p.id = q.scalar().toLongLong();
    p.rowVersion = 1;
    return p.id;
}

std::optional<Photo> PhotoRepo::get(qint64 id) const
{
    Query q(m_db, QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM photos WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id).exec();
    if (!q.next())
        return std::nullopt;
    return readPhoto(q);
}

QList<Photo> PhotoRepo::forStudent(qint64 studentId) const
{
    Query q(m_db, QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM photos WHERE student_id = :s ORDER BY stored_at, id"));
    q.bind(QStringLiteral(":s"), studentId).exec();
    QList<Photo> out;
    while (q.next())
        out.append(readPhoto(q));
    return out;
}

qint64 PhotoRepo::count() const { return Query(m_db, QStringLiteral("SELECT COUNT(*) FROM photos")).scalar().toLongLong(); }

void PhotoRepo::storeCheck(qint64 photoId, const QString &reportJson, bool passed, const QString &engineVersion,
                           const QString &profileVersion, const QStringList &violatedRules)
{
    Query(m_db, QStringLiteral("UPDATE photos SET check_report = :r, check_passed = :p, engine_version = :e, "
                               "profile_version = :v, checked_at = :t WHERE id = :id"))
        .bind(QStringLiteral(":r"), reportJson)
        .bind(QStringLiteral(":p"), passed ? 1 : 0)
        .bind(QStringLiteral(":e"), engineVersion)
        .bind(QStringLiteral(":v"), profileVersion)
        .bind(QStringLiteral(":t"), nowMs())
        .bind(QStringLiteral(":id"), photoId)
        .exec();
    Query(m_db, QStringLiteral("DELETE FROM photo_violations WHERE photo_id = :id")).bind(QStringLiteral(":id"), photoId).exec();
    for (const QString &rule : violatedRules)
        Query(m_db, QStringLiteral("INSERT INTO photo_violations (photo_id, rule) VALUES (:id, :r) ON CONFLICT DO NOTHING"))
            .bind(QStringLiteral(":id"), photoId)
            .bind(QStringLiteral(":r"), rule)
            .exec();
}

} // namespace tucai::db
