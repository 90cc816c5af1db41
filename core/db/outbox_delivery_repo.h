#pragma once
#include <QList>
#include <QMap>
#include <QString>
#include <optional>

namespace tucai::db {

class Database;

// One notification_outbox row with its delivery state.
struct OutboxRow
{
    qint64 id = 0;
    qint64 createdAt = 0;
    qint64 studentId = 0;
    QString kind;
    QString payloadJson;
    QString idempotencyKey;
    QString status;  // pending sending delivered failed
    int attempts = 0;
    qint64 nextAttemptAt = 0;
    QString lastError;
    qint64 deliveredAt = 0;
};

// Delivery side of the outbox (writers use OutboxRepo in misc_repos.h).
// At-least-once: a sender claims a due row ("sending" with a lease in
// next_attempt_at), posts it, then marks it. A sender that dies between posting
// and marking leaves a "sending" row whose lease runs out; the next sender
// claims and posts it again (the receiver drops the duplicate by its key).
class OutboxDeliveryRepo final
{
public:
    explicit OutboxDeliveryRepo(const Database &db) : m_db(db) {}

    // Ids of rows due at `now` (pending, or sending with an expired lease), oldest first.
    QList<qint64> dueIds(qint64 now, int limit) const;
    // Claims one due row until `leaseUntil`; nullopt when another sender (or an
    // undo) got there first.
    std::optional<OutboxRow> claim(qint64 id, qint64 now, qint64 leaseUntil);
    // Outcome of one attempt of a claimed row; false when the row was no longer ours.
    bool markDelivered(qint64 id, qint64 now);
    // A failed attempt: back to pending at `retryAt`, or "failed" for good when final.
    bool markAttemptFailed(qint64 id, const QString &error, bool final, qint64 retryAt);
    // Gives a claimed row back without counting an attempt (orderly shutdown).
    bool release(qint64 id);
    // Re-queues a failed row (the "retry" action): pending now, attempts from 0.
    bool retry(qint64 id, qint64 now);
    // Earliest next_attempt_at among pending/sending rows (0 when none).
    qint64 nextDueAt() const;

    std::optional<OutboxRow> get(qint64 id) const;
    // Newest first; empty status = all.
    QList<OutboxRow> list(const QString &status, int limit) const;
    QMap<QString, qint64> countsByStatus() const;

private:
    const Database &m_db;
};

} // namespace tucai::db
