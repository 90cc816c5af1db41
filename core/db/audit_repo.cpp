#include "db/audit_repo.h"

#include "db/database.h"
#include "db/dialect.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QCryptographicHash>

namespace tucai::db {
namespace {

// The entry's own fields, as both ways of appending take them.
Query &bindEntry(Query &q, const AuditEntry &e)
{
    return q.bind(QStringLiteral(":t"), e.occurredAt)
        .bind(QStringLiteral(":s"), e.staffId ? QVariant(e.staffId) : QVariant())
        .bind(QStringLiteral(":sn"), e.staffName)
        .bind(QStringLiteral(":a"), e.action)
        .bind(QStringLiteral(":tt"), e.targetType)
        .bind(QStringLiteral(":ti"), e.targetId)
        .bind(QStringLiteral(":c"), e.collegeId ? QVariant(e.collegeId) : QVariant())
        .bind(QStringLiteral(":r"), e.reason)
        .bind(QStringLiteral(":b"), e.beforeJson)
        .bind(QStringLiteral(":af"), e.afterJson);
}

const QString kSelect = QStringLiteral(
    "SELECT id, occurred_at, staff_id, staff_name, action, target_type, target_id, college_id, reason, before_json, "
    "after_json, prev_hash, hash, changes FROM audit_log");

} // namespace

QString AuditRepo::selectSql() { return kSelect; }

AuditEntry AuditRepo::fromRow(const Query &q)
{
    AuditEntry e;
    e.id = q.toLongLong(0);
    e.occurredAt = q.toLongLong(1);
    e.staffId = q.value(2).isNull() ? 0 : q.toLongLong(2);
    e.staffName = q.toString(3);
    e.action = q.toString(4);
    e.targetType = q.toString(5);
    e.targetId = q.toString(6);
    e.collegeId = q.value(7).isNull() ? 0 : q.toLongLong(7);
    e.reason = q.toString(8);
    e.beforeJson = q.toString(9);
    e.afterJson = q.toString(10);
    e.prevHash = q.toString(11);
    e.hash = q.toString(12);
    e.changes = q.toString(13);
    return e;
}

QString AuditRepo::computeHash(const AuditEntry &e)
{
    // Unit separator between fields: no field value can fake a boundary.
    const QChar sep(0x1f);
    const QString canonical = QString::number(e.id) + sep + QString::number(e.occurredAt) + sep + QString::number(e.staffId)
        + sep + e.staffName + sep + e.action + sep + e.targetType + sep + e.targetId + sep + QString::number(e.collegeId)
        + sep + e.reason + sep + e.beforeJson + sep + e.afterJson + sep + e.prevHash
        + (e.changes.isEmpty() ? QString() : sep + e.changes);
    return QString::fromLatin1(QCryptographicHash::hash(canonical.toUtf8(), QCryptographicHash::Sha256).toHex());
}

qint64 AuditRepo::append(AuditEntry &e)
{
    if (!e.occurredAt)
        e.occurredAt = nowMs();
    if (m_db.dialect().hasDatabaseRoles()) {
        // The server appends (tucai_audit_append, core/db/server_audit.cpp): for a staff login it
        // sets who and when itself, and hashes the entry onto the chain when the transaction
        // commits. Until then e.hash stays empty.
        Query q(m_db, QStringLiteral("SELECT tucai_audit_append(:t, :s, :sn, :a, :tt, :ti, :c, :r, :b, :af)"));
        bindEntry(q, e);
        e.id = q.scalar().toLongLong();
        return e.id;
    }
    // Take the chain's write lock first (row lock on PostgreSQL, write lock on SQLite).
    Query(m_db, QStringLiteral("UPDATE audit_chain_head SET last_id = last_id WHERE id = 1")).exec();
    // The previous hash comes from the head row, not from audit_log: on
    // PostgreSQL a staff login only sees part of the log (row-level security).
    Query head(m_db, QStringLiteral("SELECT last_hash FROM audit_chain_head WHERE id = 1"));
    head.exec();
    e.prevHash = head.next() ? head.toString(0) : QString();
    Query ins(m_db, QStringLiteral("INSERT INTO audit_log (occurred_at, staff_id, staff_name, action, target_type, target_id, "
                                   "college_id, reason, before_json, after_json, prev_hash, hash) VALUES (:t, :s, :sn, :a, :tt, "
                                   ":ti, :c, :r, :b, :af, :p, '') RETURNING id"));
    bindEntry(ins, e).bind(QStringLiteral(":p"), e.prevHash);
    e.id = ins.scalar().toLongLong();
    e.hash = computeHash(e);
    Query(m_db, QStringLiteral("UPDATE audit_log SET hash = :h WHERE id = :id"))
        .bind(QStringLiteral(":h"), e.hash)
        .bind(QStringLiteral(":id"), e.id)
        .exec();
    Query(m_db, QStringLiteral("UPDATE audit_chain_head SET last_id = :id, last_hash = :h WHERE id = 1"))
        .bind(QStringLiteral(":id"), e.id)
        .bind(QStringLiteral(":h"), e.hash)
        .exec();
    return e.id;
}

QList<AuditEntry> AuditRepo::recent(int limit) const
{
    Query q(m_db, kSelect + QStringLiteral(" ORDER BY id DESC LIMIT :n"));
    q.bind(QStringLiteral(":n"), limit).exec();
    QList<AuditEntry> out;
    while (q.next())
        out.append(fromRow(q));
    return out;
}

qint64 AuditRepo::count() const { return Query(m_db, QStringLiteral("SELECT COUNT(*) FROM audit_log")).scalar().toLongLong(); }

qint64 AuditRepo::verify(QString *why) const
{
    Query q(m_db, kSelect + QStringLiteral(" ORDER BY id"));
    q.exec();
    QString prev;
    qint64 lastId = 0;
    while (q.next()) {
        const AuditEntry e = fromRow(q);
        if (e.prevHash != prev) {
            if (why)
                *why = QCoreApplication::translate("AuditRepo", "entry %1 does not follow entry %2 (an entry was removed or reordered)")
                           .arg(e.id)
                           .arg(lastId);
            return e.id;
        }
        if (computeHash(e) != e.hash) {
            if (why)
                *why = QCoreApplication::translate("AuditRepo", "entry %1 was changed after it was written").arg(e.id);
            return e.id;
        }
        prev = e.hash;
        lastId = e.id;
    }
    Query head(m_db, QStringLiteral("SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1"));
    head.exec();
    if (head.next() && (head.toLongLong(0) != lastId || head.toString(1) != prev)) {
        if (why)
            *why = QCoreApplication::translate("AuditRepo", "the newest entries after %1 were removed").arg(lastId);
        return lastId + 1;
    }
    return 0;
}

QString AuditRepo::json(const QJsonObject &state)
{
    return QString::fromUtf8(QJsonDocument(state).toJson(QJsonDocument::Compact));
}

} // namespace tucai::db
