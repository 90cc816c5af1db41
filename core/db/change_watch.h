#pragma once
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <memory>

class QSqlDriver;

namespace tucai::db {

class Database;

// Tells pages that data they show changed, from any connection or program: photos entering the
// review queue (schema step 5), student changes and photo status changes (schema step 8).
// PostgreSQL: LISTEN on the channels the server NOTIFYs at commit, on the connection of the thread
// that creates the watch (the GUI thread: its event loop reads the notifications); a connection
// reopened after a loss is subscribed again at the next check, which also reports every topic as
// changed (what happened meanwhile was not heard).
// SQLite: one row of counters is read every `interval` ms (a one-row read, microseconds).
// Changes close together make one changed() signal with the union of their topics. While the
// database is known to be unreachable (Database::reachable()) the watch does not touch it.
class ChangeWatch final : public QObject
{
    Q_OBJECT
public:
    enum Topic { QueueArrivals = 0x1, Students = 0x2, Photos = 0x4 };
    Q_DECLARE_FLAGS(Topics, Topic)
    Q_FLAG(Topics)

    ChangeWatch(std::shared_ptr<Database> db, Topics topics, int intervalMs = 2000, QObject *parent = nullptr);
    ~ChangeWatch() override;

    Topics topics() const { return m_topics; }
    // True once PostgreSQL notifications are subscribed (false on SQLite, which polls).
    bool listening() const;
    // How long a burst of changes is gathered into one signal (default 200 ms).
    void setCoalesceInterval(int ms) { m_coalesce.setInterval(ms); }

Q_SIGNALS:
    void changed(tucai::db::ChangeWatch::Topics topics);

private:
    void check();
    void subscribe();
    void note(Topics topics);
    void caughtUp();
    QStringList channels() const;
    std::shared_ptr<Database> m_db;
    Topics m_topics;
    Topics m_pending;
    QTimer m_check;     // SQLite: read the counters; PostgreSQL: still subscribed?
    QTimer m_coalesce;  // one signal for a burst of changes
    QPointer<QSqlDriver> m_driver;
    QStringList m_subscribed;  // channels this watch subscribed (and unsubscribes)
    QList<qint64> m_last;      // SQLite: the counters last read
    bool m_heardBefore = false;
    quint64 m_lossesSeen = 0;
};

} // namespace tucai::db

Q_DECLARE_OPERATORS_FOR_FLAGS(tucai::db::ChangeWatch::Topics)
