#pragma once
#include "model/records.h"

class QJsonObject;

namespace tucai::db {

class Database;
class Query;

// The tamper-evident audit log: every entry's hash covers its content and the
// previous entry's hash, so editing or deleting a row breaks the chain.
class AuditRepo final
{
public:
    explicit AuditRepo(const Database &db) : m_db(db) {}
    // Appends inside the caller's transaction (the caller commits). Sets id and hashes.
    qint64 append(AuditEntry &e);
    QList<AuditEntry> recent(int limit) const;
    qint64 count() const;
    // 0 when the chain holds; otherwise the id of the first entry that no longer matches.
    qint64 verify(QString *why = nullptr) const;
    static QString computeHash(const AuditEntry &e);
    // "SELECT <every audit_log column> FROM audit_log", in the order fromRow() reads.
    static QString selectSql();
    static AuditEntry fromRow(const Query &q);
    // The compact JSON text of an entry's before/after state.
    static QString json(const QJsonObject &state);

private:
    const Database &m_db;
};

} // namespace tucai::db
