#pragma once
#include "model/records.h"

#include "db/notice_repo.h"
#include "db/settings_repo.h"

namespace tucai::db {

class Database;

// Notification outbox: rows written in the same transaction as the action
// they announce; delivered later by the notification sender.
class OutboxRepo final
{
public:
    explicit OutboxRepo(const Database &db) : m_db(db) {}
    qint64 enqueue(OutboxMessage &m);
    // Withdraws a notification that is still pending (an undone decision); false when it
    // has gone out (or, from a staff login, when its student was not changed in this transaction).
    bool withdraw(qint64 outboxId);
    QList<OutboxMessage> pending(int limit) const;
    qint64 count() const;

private:
    const Database &m_db;
};

} // namespace tucai::db
