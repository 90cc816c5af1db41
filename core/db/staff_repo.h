#pragma once
#include "model/records.h"

#include <optional>

namespace tucai::db {

class Database;

class StaffRepo final
{
public:
    explicit StaffRepo(const Database &db) : m_db(db) {}
    qint64 insert(Staff &s);
    void addScope(qint64 staffId, qint64 collegeId, qint64 classId = 0);
    void clearScopes(qint64 staffId);
    // Claims the row for a change: false when someone changed it since `expectedVersion`.
    bool bumpVersion(qint64 id, int expectedVersion);
    std::optional<Staff> findByUsername(const QString &username) const;
    std::optional<Staff> get(qint64 id) const;
    QList<Staff> all() const;
    // Counts one failed log-in in a single UPDATE (two at once both count); a lock that has run
    // out starts a fresh count, and the count reaching maxFailures locks until lockUntil.
    // Returns the new count and lock (0: none), read back in the caller's transaction.
    std::pair<int, qint64> recordFailedLogin(qint64 id, qint64 now, int maxFailures, qint64 lockUntil);
    void recordSuccessfulLogin(qint64 id);
    void setPasswordHash(qint64 id, const QString &hash);

private:
    const Database &m_db;
};

} // namespace tucai::db
