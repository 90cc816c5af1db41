#pragma once
#include "model/records.h"

#include <QMap>
#include <optional>

namespace tucai::db {

class Database;
class Query;

// Students and their capture attempts.
class StudentRepo final
{
public:
    explicit StudentRepo(const Database &db) : m_db(db) {}
    // Inserts and sets s.id. Call inside a Transaction for batches.
    qint64 insert(Student &s);
    std::optional<Student> get(qint64 id) const;
    std::optional<Student> findByNumber(qint64 schoolId, const QString &studentNo) const;
    qint64 count() const;
    // Students per state (database strings), optionally for one college.
    QMap<QString, qint64> countByState(qint64 collegeId = 0) const;

    // The students columns, each prefixed with `alias.` when given, in the order fromRow() reads.
    // A login that may not read ID numbers and phones (a reviewer on PostgreSQL) gets the
    // masked copies the server keeps in their place.
    static QString columns(const Database &db, const QString &alias = {});
    // The ID number column this login may read, `alias.` prefixed when given.
    static QString idNumberColumn(const Database &db, const QString &alias = {});
    // Reads the columns() of the current row, starting at column `first`.
    static Student fromRow(const Query &q, int first = 0);

    qint64 insertAttempt(CaptureAttempt &a);
    QList<CaptureAttempt> attempts(qint64 studentId) const;

private:
    const Database &m_db;
};

} // namespace tucai::db
