#pragma once
#include "model/records.h"

#include <QMap>
#include <optional>

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

// Collection settings (key/value per school) that the student side reads.
class SettingsRepo final
{
public:
    explicit SettingsRepo(const Database &db) : m_db(db) {}
    QString value(qint64 schoolId, const QString &name, const QString &fallback = {}) const;
    QMap<QString, QString> all(qint64 schoolId) const;
    void set(qint64 schoolId, const QString &name, const QString &value, qint64 staffId);

private:
    const Database &m_db;
};

// Collection notices with their version history.
class NoticeRepo final
{
public:
    explicit NoticeRepo(const Database &db) : m_db(db) {}
    qint64 insert(Notice &n);
    std::optional<Notice> get(qint64 id) const;
    QList<Notice> all(qint64 schoolId) const;
    int versionCount(qint64 noticeId) const;

private:
    void addVersion(const Notice &n, int version);
    const Database &m_db;
};

} // namespace tucai::db
