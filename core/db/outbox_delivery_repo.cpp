#include "db/outbox_delivery_repo.h"

#include "db/database.h"

namespace tucai::db {
namespace {

const QString kColumns = QStringLiteral("id, created_at, student_id, kind, payload_json, idempotency_key, status, attempts, "
                                        "next_attempt_at, last_error, delivered_at");

OutboxRow readRow(const Query &q)
{
    OutboxRow r;
    r.id = q.toLongLong(0);
    r.createdAt = q.toLongLong(1);
    r.studentId = q.value(2).isNull() ? 0 : q.toLongLong(2);
    r.kind = q.toString(3);
    r.payloadJson = q.toString(4);
    r.idempotencyKey = q.toString(5);
    r.status = q.toString(6);
    r.attempts = q.value(7).toInt();
    r.nextAttemptAt = q.value(8).isNull() ? 0 : q.toLongLong(8);
    r.lastError = q.toString(9);
    r.deliveredAt = q.value(10).isNull() ? 0 : q.toLongLong(10);
    return r;
}

// Due: pending, or a claim whose lease ran out (its sender died).
const QString kDue = QStringLiteral("status IN ('pending', 'sending') AND (next_attempt_at IS NULL OR next_attempt_at <= :now)");

} // namespace

QList<qint64> OutboxDeliveryRepo::dueIds(qint64 now, int limit) const
{
    Query q(m_db, QStringLiteral("SELECT id FROM notification_outbox WHERE ") + kDue +
                      QStringLiteral(" ORDER BY next_attempt_at, id LIMIT :n"));
    q.bind(QStringLiteral(":now"), now).bind(QStringLiteral(":n"), limit).exec();
    QList<qint64> ids;
    while (q.next())
        ids.append(q.toLongLong(0));
    return ids;
}

std::optional<OutboxRow> OutboxDeliveryRepo::claim(qint64 id, qint64 now, qint64 leaseUntil)
{
    // One conditional UPDATE: of two senders racing for a row only one sees a changed row.
    Query u(m_db, QStringLiteral("UPDATE notification_outbox SET status = 'sending', next_attempt_at = :lease WHERE id = :id AND ") +
                      kDue);
    u.bind(QStringLiteral(":lease"), leaseUntil).bind(QStringLiteral(":id"), id).bind(QStringLiteral(":now"), now).exec();
    if (u.numRowsAffected() != 1)
        return std::nullopt;
    return get(id);
}

bool OutboxDeliveryRepo::markDelivered(qint64 id, qint64 now)
{
    Query q(m_db, QStringLiteral("UPDATE notification_outbox SET status = 'delivered', delivered_at = :t, attempts = attempts + 1, "
                                 "last_error = '', next_attempt_at = NULL WHERE id = :id AND status = 'sending'"));
    q.bind(QStringLiteral(":t"), now).bind(QStringLiteral(":id"), id).exec();
    return q.numRowsAffected() == 1;
}

bool OutboxDeliveryRepo::markAttemptFailed(qint64 id, const QString &error, bool final, qint64 retryAt)
{
    Query q(m_db, QStringLiteral("UPDATE notification_outbox SET status = :s, attempts = attempts + 1, last_error = :e, "
                                 "next_attempt_at = :next WHERE id = :id AND status = 'sending'"));
    q.bind(QStringLiteral(":s"), final ? QStringLiteral("failed") : QStringLiteral("pending"))
        .bind(QStringLiteral(":e"), sqlValue(error.left(1000)))
        .bind(QStringLiteral(":next"), final ? QVariant() : QVariant(retryAt))
        .bind(QStringLiteral(":id"), id)
        .exec();
    return q.numRowsAffected() == 1;
}

bool OutboxDeliveryRepo::release(qint64 id)
{
    // Due again at once and ahead of newer rows: it keeps its place in the order.
    Query q(m_db, QStringLiteral("UPDATE notification_outbox SET status = 'pending', next_attempt_at = created_at "
                                 "WHERE id = :id AND status = 'sending'"));
    q.bind(QStringLiteral(":id"), id).exec();
    return q.numRowsAffected() == 1;
}

bool OutboxDeliveryRepo::retry(qint64 id, qint64 now)
{
    Query q(m_db, QStringLiteral("UPDATE notification_outbox SET status = 'pending', attempts = 0, next_attempt_at = :t "
                                 "WHERE id = :id AND status = 'failed'"));
    q.bind(QStringLiteral(":t"), now).bind(QStringLiteral(":id"), id).exec();
    return q.numRowsAffected() == 1;
}

qint64 OutboxDeliveryRepo::nextDueAt() const
{
    const QVariant v = Query(m_db, QStringLiteral("SELECT MIN(COALESCE(next_attempt_at, 0)) FROM notification_outbox "
                                                  "WHERE status IN ('pending', 'sending')"))
                           .scalar();
    return v.isNull() ? 0 : v.toLongLong();
}

std::optional<OutboxRow> OutboxDeliveryRepo::get(qint64 id) const
{
    Query q(m_db, QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM notification_outbox WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id).exec();
    if (!q.next())
        return std::nullopt;
    return readRow(q);
}

QList<OutboxRow> OutboxDeliveryRepo::list(const QString &status, int limit) const
{
    QString sql = QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM notification_outbox");
    if (!status.isEmpty())
        sql += QStringLiteral(" WHERE status = :s");
    sql += QStringLiteral(" ORDER BY id DESC LIMIT :n");
    Query q(m_db, sql);
    if (!status.isEmpty())
        q.bind(QStringLiteral(":s"), status);
    q.bind(QStringLiteral(":n"), limit).exec();
    QList<OutboxRow> out;
    while (q.next())
        out.append(readRow(q));
    return out;
}

QMap<QString, qint64> OutboxDeliveryRepo::countsByStatus() const
{
    Query q(m_db, QStringLiteral("SELECT status, COUNT(*) FROM notification_outbox GROUP BY status"));
    q.exec();
    QMap<QString, qint64> out;
    while (q.next())
        out.insert(q.toString(0), q.toLongLong(1));
    return out;
}

} // namespace tucai::db
