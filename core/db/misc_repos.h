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
    QList<OutboxMessage> pending(int limit) const;
    qint64 count() const;

private:
    const Database &m_db;
};

} // namespace tucai::db
