#pragma once
#include "model/records.h"

#include <QStringList>

namespace tucai::db {

class Database;
class Query;

// Filters of the audit log page and `tucai audit list/export`.
struct AuditFilter
{
    qint64 fromMs = 0;      // inclusive, 0 = open
    qint64 toMs = 0;        // exclusive, 0 = open
    QString staffName;      // exact user name
    QString action;         // exact action id, or a prefix ending in '.' ("student.")
    QString targetType;
    QString targetId;
    qint64 collegeId = 0;
    QString text;           // substring of reason / before / after
};

class AuditQueryRepo final
{
public:
    explicit AuditQueryRepo(const Database &db) : m_db(db) {}
    qint64 count(const AuditFilter &f) const;
    // Newest first.
    QList<AuditEntry> list(const AuditFilter &f, int offset, int limit) const;
    QStringList actions() const;
    QStringList staffNames() const;

private:
    QString where(const AuditFilter &f) const;
    void bind(Query &q, const AuditFilter &f) const;
    const Database &m_db;
};

} // namespace tucai::db
