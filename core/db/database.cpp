#include "db/database.h"

#include "db/dialect.h"
#include "db/migrations.h"

#include <QThreadStorage>
#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QSqlError>
#include <QThread>
#include <atomic>

namespace tucai::db {
namespace {


// Connections this thread opened; removed when the thread ends.
struct ThreadConnections
{
    QStringList names;
    ~ThreadConnections()
    {
        // A thread that ends after the application object is gone (process exit) must not
        // touch Qt SQL's registry, which may already be destroyed: the OS closes the sockets.
        if (!QCoreApplication::instance())
            return;
        for (const QString &name : std::as_const(names)) {
            {
                QSqlDatabase db = QSqlDatabase::database(name, false);
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
    }
};
// Per-thread state in QThreadStorage, not C++ thread_local: MinGW-w64 runs thread_local
// destructors of a DLL after the thread's emulated TLS is gone, which corrupted the heap of the
// Windows build when pool threads ended (crashes in free() under Wine).
QThreadStorage<ThreadConnections> g_connections;
// Connections of this thread with a Transaction open: never silently reopened (the
// statements that follow would run in autocommit on a new session).
QThreadStorage<QHash<QString, int>> g_openTransactions;
// The loss count each of this thread's connections was opened at (Database::lossCount).
QThreadStorage<QHash<QString, quint64>> g_openedAtLoss;
// Query objects alive on this thread (Query::Live).
QThreadStorage<int> g_liveQueries;

std::atomic<qint64> g_fixedNow{0};
QAtomicInteger<int> g_counter{0};

QString connectionName(const QString &id)
{
    return id + QLatin1Char('@') + QString::number(reinterpret_cast<quintptr>(QThread::currentThreadId()), 16);
}

} // namespace

qint64 nowMs()
{
    const qint64 fixed = g_fixedNow.load();
    return fixed ? fixed : QDateTime::currentMSecsSinceEpoch();
}

void setFixedNowMs(qint64 ms) { g_fixedNow.store(ms); }

struct Database::Health
{
    std::atomic<quint64> losses{0};
    std::atomic<bool> reachable{true};
    std::atomic<bool> openedOnce{false};
};

struct Database::ReadCache
{
    QMutex mutex;
    QHash<QString, bool> answers;
};

Database::Database(DbTarget target)
    : m_target(std::move(target))
    , m_dialect(&Dialect::forKind(m_target.kind))
    , m_id(QStringLiteral("tucai-%1").arg(g_counter.fetchAndAddRelaxed(1)))
    , m_canRead(std::make_shared<ReadCache>())
    , m_health(std::make_shared<Health>())
{
}

quint64 Database::lossCount() const { return m_health->losses.load(); }
void Database::markLost() const { m_health->losses.fetch_add(1); }
bool Database::reachable() const { return m_health->reachable.load(); }
void Database::setReachable(bool yes) const { m_health->reachable.store(yes); }

bool Database::canRead(const QString &table, const QString &column) const
{
    const QString key = table + QLatin1Char('.') + column;
    {
        QMutexLocker lock(&m_canRead->mutex);
        if (const auto it = m_canRead->answers.constFind(key); it != m_canRead->answers.constEnd())
            return *it;
    }
    const bool yes = Query(*this, m_dialect->canReadSql(table, column)).scalar().toInt() == 1;
    QMutexLocker lock(&m_canRead->mutex);
    m_canRead->answers.insert(key, yes);
    return yes;
}

Database::~Database() { closeThisThread(); }

QSqlDatabase Database::connection() const
{
    const QString name = connectionName(m_id);
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        const bool inTransaction = g_openTransactions.localData().value(name) > 0;
        if (db.isOpen()) {
            // Opened before a loss another thread saw: reconnect now rather than fail once more.
            if (inTransaction || g_liveQueries.localData() > 0 || g_openedAtLoss.localData().value(name) == m_health->losses.load())
                return db;
            db.close();
        }
        if (inTransaction)
            throw DbError(DbError::Kind::Lost,
                          QCoreApplication::translate("Database", "The connection to the database was lost in the middle of an action; "
                                                                  "nothing of it was saved."));
    }
    // A file that was there and vanished is not created again, empty, by a reconnect.
    if (m_health->openedOnce.load() && !m_dialect->stillPresent(m_target))
        throw DbError(DbError::Kind::Lost,
                      QCoreApplication::translate("Database", "The database file %1 is missing.").arg(m_target.path));
    QSqlDatabase db = QSqlDatabase::contains(name) ? QSqlDatabase::database(name, false)
                                                    : QSqlDatabase::addDatabase(m_dialect->driverName(), name);
    QStringList &opened = g_connections.localData().names;
    if (!opened.contains(name))
        opened.append(name);
    if (!db.isValid())
        throw DbError(DbError::Kind::Other,
                      QCoreApplication::translate("Database", "The Qt database driver %1 is not installed.").arg(m_dialect->driverName()));
    const quint64 losses = m_health->losses.load();
    {
        const std::shared_ptr<void> connecting = m_dialect->configure(db, m_target);
        if (!db.open())
            throw m_dialect->classify(db.lastError(), m_target, {});
    }
    g_openedAtLoss.localData().insert(name, losses);
    for (const QString &statement : m_dialect->sessionStatements()) {
        QSqlQuery q(db);
        if (!q.exec(statement)) {
            const DbError error = m_dialect->classify(q.lastError(), m_target, {});
            db.close();
            throw error;
        }
    }
    m_health->openedOnce.store(true);
    return db;
}

void Database::closeThisThread() const
{
    const QString name = connectionName(m_id);
    if (!QSqlDatabase::contains(name))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    g_connections.localData().names.removeAll(name);
}

void Database::open(OpenMode mode)
{
    if (m_target.kind == DbTarget::Kind::Sqlite) {
        QString path = m_target.path;
        if (path.startsWith(QLatin1String("file:")))
            path = path.mid(5).section(QLatin1Char('?'), 0, 0);
        const QFileInfo info(path);
        if (m_target.path.isEmpty())
            throw DbError(DbError::Kind::Invalid, QCoreApplication::translate("Database", "No database file given."));
        if (info.exists() && info.isDir())
            throw DbError(DbError::Kind::NotADatabase, QCoreApplication::translate("Database", "%1 is a folder, not a database file.").arg(m_target.path));
        if (!info.exists()) {
            if (mode == OpenMode::MustExist)
                throw DbError(DbError::Kind::NotFound, QCoreApplication::translate("Database", "The database file %1 does not exist.").arg(path));
            if (!QDir().mkpath(info.absolutePath()))
                throw DbError(DbError::Kind::ReadOnly, QCoreApplication::translate("Database", "Cannot create the folder %1.").arg(info.absolutePath()));
        }
    }
    const QSqlDatabase db = connection();
    // Touch the catalogue: a file that is not SQLite fails here, not later.
    QSqlQuery q(db);
    if (!q.exec(m_dialect->listTablesSql()))
        throw m_dialect->classify(q.lastError(), m_target, {});
}

int Database::schemaVersionInDatabase() const { return Migrations::currentVersion(*this); }

void Database::migrate() { Migrations::migrate(*this); }

void Database::openAndMigrate(OpenMode mode)
{
    open(mode);
    migrate();
}

DbError Database::errorFrom(const QSqlError &error, const QString &context) const
{
    if (!m_dialect->stillPresent(m_target)) {
        markLost();
        return {DbError::Kind::Lost, QCoreApplication::translate("Database", "The database file %1 has disappeared; the last action was not saved.").arg(m_target.path),
                error.text()};
    }
    DbError classified = m_dialect->classify(error, m_target, context);
    if (classified.kind() == DbError::Kind::Lost) {
        markLost();
        // Drop the broken connection: the next use reconnects.
        QSqlDatabase db = QSqlDatabase::database(connectionName(m_id), false);
        db.close();
    }
    return classified;
}

Query::Live::Live() { ++g_liveQueries.localData(); }
Query::Live::Live(const Live &) { ++g_liveQueries.localData(); }
Query::Live::~Live() { --g_liveQueries.localData(); }

Query::Query(const Database &db, const QString &sql)
    : m_db(db), m_query(db.connection()), m_sql(sql)
{
    m_query.setForwardOnly(true);
    if (!m_query.prepare(sql))
        throw db.errorFrom(m_query.lastError(), {});
}

Query &Query::bind(const QString &placeholder, const QVariant &value)
{
    m_query.bindValue(placeholder, sqlValue(value));
    return *this;
}

Query &Query::bindNull(const QString &placeholder)
{
    m_query.bindValue(placeholder, QVariant());
    return *this;
}

Query &Query::exec()
{
    if (!m_query.exec())
        throw m_db.errorFrom(m_query.lastError(), {});
    return *this;
}

QVariant Query::scalar()
{
    exec();
    return m_query.next() ? m_query.value(0) : QVariant();
}

Transaction::Transaction(const Database &db) : m_db(db), m_name(connectionName(db.m_id))
{
    QSqlDatabase c = db.connection();
    if (!c.transaction())
        throw db.errorFrom(c.lastError(), QCoreApplication::translate("Database", "starting a transaction"));
    ++g_openTransactions.localData()[m_name];
}

void Transaction::finished()
{
    if (m_done)
        return;
    m_done = true;
    QHash<QString, int> &open = g_openTransactions.localData();
    if (--open[m_name] <= 0)
        open.remove(m_name);
}

Transaction::~Transaction()
{
    if (m_done)
        return;
    try {
        QSqlDatabase c = m_db.connection();
        c.rollback();
    } catch (const DbError &) {
        // The connection is gone; the server or SQLite discards the transaction itself.
    }
    finished();
}

void Transaction::commit()
{
    QSqlDatabase c = m_db.connection();
    if (!m_db.dialect().stillPresent(m_db.target())) {
        m_db.markLost();
        c.rollback();
        finished();
        throw DbError(DbError::Kind::Lost,
                      QCoreApplication::translate("Database", "The database file %1 has disappeared; the last action was not saved.").arg(m_db.target().path));
    }
    if (!c.commit()) {
        const DbError error = m_db.errorFrom(c.lastError(), QCoreApplication::translate("Database", "saving"));
        c.rollback();
        finished();
        throw error;
    }
    finished();
}

} // namespace tucai::db
