#pragma once
#include "db/db_error.h"
#include "db/db_target.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <memory>

namespace tucai::db {

class Dialect;

// A handle on one collection database. Cheap to copy around by pointer; every
// thread that uses it gets its own QSqlDatabase connection (Qt connections
// must not cross threads), opened on first use and closed when the thread ends.
class Database
{
public:
    enum class OpenMode { MustExist, CreateIfMissing };
    explicit Database(DbTarget target);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    const DbTarget &target() const { return m_target; }
    const Dialect &dialect() const { return *m_dialect; }

    // Opens the calling thread's connection and checks it. Throws DbError with
    // a readable message for a missing file, a non-database file, a refused
    // server, a wrong password.
    void open(OpenMode mode = OpenMode::MustExist);
    // Brings the schema up to date (creates it on an empty database). Throws
    // DbError::TooNew when the database was written by a newer build.
    void migrate();
    // open() + migrate() after checking the schema version.
    void openAndMigrate(OpenMode mode = OpenMode::MustExist);

    // This thread's connection (opened if needed).
    QSqlDatabase connection() const;
    // Closes this thread's connection (others close when their thread ends).
    void closeThisThread() const;

    int schemaVersionInDatabase() const;
    // Whether this database user may read `table` (or its `column`): false for
    // a reviewer's login and students.id_number, for staff and code_keys.
    // Asked once per table/column and remembered (privileges are per user).
    bool canRead(const QString &table, const QString &column = {}) const;
    DbError errorFrom(const QSqlError &error, const QString &context = {}) const;

    // Connection health, shared by every thread (db/connection_monitor.h). A connection found
    // broken on any thread (DbError::Lost) counts as a loss; every connection opened before the
    // last loss is reopened at its next use on its own thread (never inside an open Transaction),
    // so the other threads do not each fail once more on a dead session. markLost() counts one
    // from outside (a SQLite file that vanished: the open handles still read the deleted file).
    quint64 lossCount() const;
    void markLost() const;
    // Set by whoever watches the connection: false while the database is known to be away, so
    // that timers (ChangeWatch) leave it alone instead of blocking on a reconnect.
    bool reachable() const;
    void setReachable(bool yes) const;

private:
    friend class Transaction;
    DbTarget m_target;
    const Dialect *m_dialect;
    QString m_id;
    struct ReadCache;
    std::shared_ptr<ReadCache> m_canRead;
    struct Health;
    std::shared_ptr<Health> m_health;
};

// A prepared statement that throws DbError on failure. SQL with named
// placeholders (:name); values always bound, never concatenated.
class Query
{
public:
    Query(const Database &db, const QString &sql);
    Query &bind(const QString &placeholder, const QVariant &value);
    Query &bindNull(const QString &placeholder);
    Query &exec();
    bool next() { return m_query.next(); }
    QVariant value(int column) const { return m_query.value(column); }
    QVariant value(const QString &column) const { return m_query.value(column); }
    qint64 toLongLong(int column) const { return m_query.value(column).toLongLong(); }
    QString toString(int column) const { return m_query.value(column).toString(); }
    int numRowsAffected() const { return m_query.numRowsAffected(); }
    // The first column of the first row, for RETURNING id / COUNT(*).
    QVariant scalar();
    QSqlQuery &raw() { return m_query; }

private:
    // Counts this thread's live queries: a connection made stale by a loss elsewhere is reopened
    // only when no query of this thread may still be reading from it (a nested repository call).
    struct Live
    {
        Live();
        Live(const Live &);
        Live &operator=(const Live &) { return *this; }
        ~Live();
    };
    const Database &m_db;
    QSqlQuery m_query;
    QString m_sql;
    Live m_live;
};

// RAII transaction on this thread's connection: rolls back unless commit() ran.
// While it is open a lost connection is not reopened: every further statement
// fails (DbError::Lost) instead of running in autocommit on a new session.
class Transaction
{
public:
    explicit Transaction(const Database &db);
    ~Transaction();
    void commit();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

private:
    void finished();
    const Database &m_db;
    QString m_name;
    bool m_done = false;
};

// A null QString would be bound as SQL NULL; text columns want '' instead.
// Pass QVariant() for a real NULL.
inline QVariant sqlValue(const QVariant &v)
{
    if (v.typeId() == QMetaType::QString && v.toString().isNull())
        return QVariant(QString::fromLatin1(""));
    return v;
}

// Milliseconds since the epoch (UTC): the one time type stored in the schema.
qint64 nowMs();
// Tests and the demo generator may pin "now"; 0 unpins.
void setFixedNowMs(qint64 ms);

} // namespace tucai::db
