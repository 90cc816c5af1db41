#pragma once
#include "db/db_target.h"
#include "db/db_error.h"

#include <QString>
#include <QStringList>

#include <memory>

class QSqlDatabase;
class QSqlError;

namespace tucai::db {

// Every difference between SQLite and PostgreSQL lives in the two subclasses
// of this interface (dialect.cpp). Nothing else in the code base asks which
// driver it is talking to.
class Dialect
{
public:
    virtual ~Dialect() = default;
    static const Dialect &forKind(DbTarget::Kind kind);

    virtual DbTarget::Kind kind() const = 0;
    virtual QString driverName() const = 0;
    // Configure a QSqlDatabase for the target (file name / host, options). The returned handle
    // (may be null) is kept until QSqlDatabase::open() has returned: it owns whatever the driver
    // reads while connecting (a password file on Windows). Throws DbError for a setting the
    // driver cannot be given.
    virtual std::shared_ptr<void> configure(QSqlDatabase &db, const DbTarget &target) const = 0;
    // Statements run once on every new connection (pragmas, session settings).
    virtual QStringList sessionStatements() const = 0;
    // Expand the schema placeholders {PK}, {BLOB}, {BIGINT}, {BIGPK_REF}.
    virtual QString expand(const QString &sqlTemplate) const = 0;
    // Case-insensitive substring match operator for searches.
    virtual QString likeOperator() const = 0;
    // SQL that lists the user tables of the database (one column: name).
    virtual QString listTablesSql() const = 0;
    // Turns a driver error into one of our error kinds with a readable message.
    virtual DbError classify(const QSqlError &error, const DbTarget &target, const QString &context) const = 0;
    // False when the database has vanished under us (SQLite file deleted).
    virtual bool stillPresent(const DbTarget &target) const = 0;
    // Statement to run after rows were inserted with explicit ids, so that the
    // next generated id follows them (empty when the engine does it itself).
    virtual QString syncIdSequenceSql(const QString &table) const = 0;
    // Largest number of bound parameters in one statement.
    virtual int maxBoundParameters() const = 0;
    // True when staff log in as their own database roles and row-level
    // security enforces their scope (db/server_security.h).
    virtual bool hasDatabaseRoles() const { return false; }
    // One row, one column: 1 when this connection's user may SELECT `column` of
    // `table` (the whole table when `column` is empty). SQLite has no privileges.
    virtual QString canReadSql(const QString &table, const QString &column) const = 0;
    // How a page learns that a photo entered the review queue (schema step 5): the channel the
    // server NOTIFYs (empty: none), or else a query of one number that grows with each arrival.
    virtual QString queueArrivalChannel() const = 0;
    virtual QString queueArrivalCounterSql() const = 0;
    // How the students page and the dashboard learn that students or photos changed (schema
    // step 8): the channel the server NOTIFYs with the table's name as payload (empty: none), or
    // else one row of three numbers that grow with review-queue arrivals, student changes and
    // photo changes.
    virtual QString liveChangeChannel() const = 0;
    virtual QString liveChangeCountersSql() const = 0;
};

} // namespace tucai::db
