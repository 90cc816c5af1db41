#include "db/misc_repos.h"

#include "db/database.h"
#include "db/dialect.h"

namespace tucai::db {
namespace {
QVariant orNull(qint64 v) { return v ? QVariant(v) : QVariant(); }
} // namespace

qint64 OutboxRepo::enqueue(OutboxMessage &m)
{
    if (!m.createdAt)
        m.createdAt = nowMs();
    if (m_db.dialect().hasDatabaseRoles()) {
        // The server queues it (tucai_notify, core/db/server_audit.cpp): from a staff login only
        // after a change of that student or photo in this transaction, with the payload and key
        // it builds from the row.
        Query q(m_db, QStringLiteral("SELECT tucai_notify(:k, :s, :p, :key, :t)"));
        q.bind(QStringLiteral(":k"), m.kind)
            .bind(QStringLiteral(":s"), orNull(m.studentId))
            .bind(QStringLiteral(":p"), m.payloadJson)
            .bind(QStringLiteral(":key"), m.idempotencyKey)
            .bind(QStringLiteral(":t"), m.createdAt);
        m.id = q.scalar().toLongLong();
        return m.id;
    }
    Query q(m_db, QStringLiteral("INSERT INTO notification_outbox (created_at, student_id, kind, payload_json, idempotency_key, "
                                 "status, attempts, next_attempt_at) VALUES (:t, :s, :k, :p, :key, 'pending', 0, :t2) RETURNING id"));
    q.bind(QStringLiteral(":t"), m.createdAt)
        .bind(QStringLiteral(":s"), orNull(m.studentId))
        .bind(QStringLiteral(":k"), m.kind)
        .bind(QStringLiteral(":p"), m.payloadJson)
        .bind(QStringLiteral(":key"), m.idempotencyKey)
        .bind(QStringLiteral(":t2"), m.createdAt);
    m.id = q.scalar().toLongLong();
    return m.id;
}

QList<OutboxMessage> OutboxRepo::pending(int limit) const
{
    Query q(m_db, QStringLiteral("SELECT id, created_at, student_id, kind, payload_json, idempotency_key, status, attempts "
                                 "FROM notification_outbox WHERE status = 'pending' ORDER BY id LIMIT :n"));
    q.bind(QStringLiteral(":n"), limit).exec();
    QList<OutboxMessage> out;
    while (q.next())
        out.append({q.toLongLong(0), q.toLongLong(1), q.value(2).isNull() ? 0 : q.toLongLong(2), q.toString(3), q.toString(4),
                    q.toString(5), q.toString(6), q.value(7).toInt()});
    return out;
}

bool OutboxRepo::withdraw(qint64 outboxId)
{
    // Marked, not deleted: the row stays as a record, no staff login needs DELETE on the
    // outbox, and delivery only ever picks up pending rows.
    if (m_db.dialect().hasDatabaseRoles())
        return Query(m_db, QStringLiteral("SELECT tucai_withdraw_notification(:id)")).bind(QStringLiteral(":id"), outboxId).scalar().toBool();
    Query q(m_db, QStringLiteral("UPDATE notification_outbox SET status = 'withdrawn' WHERE id = :id AND status = 'pending'"));
    q.bind(QStringLiteral(":id"), outboxId).exec();
    return q.numRowsAffected() == 1;
}

qint64 OutboxRepo::count() const
{
    return Query(m_db, QStringLiteral("SELECT COUNT(*) FROM notification_outbox")).scalar().toLongLong();
}

} // namespace tucai::db
