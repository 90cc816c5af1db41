#pragma once
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <memory>

class QSqlDriver;

namespace tucai::db {

class Database;

// Tells a review page that a photo entered the review queue, from any connection or program.
// PostgreSQL: LISTEN on the channel the server NOTIFYs at commit (schema step 5), on the
// connection of the thread that creates the watch (the GUI thread: its event loop reads the
// notifications); a connection reopened after a loss is subscribed again at the next check.
// SQLite: the arrivals counter is read every `interval` ms (a one-row read, microseconds).
// Several arrivals close together make one arrived() signal.
class QueueArrivalWatch final : public QObject
{
    Q_OBJECT
public:
    explicit QueueArrivalWatch(std::shared_ptr<Database> db, int intervalMs = 2000, QObject *parent = nullptr);
    ~QueueArrivalWatch() override;

    // True once PostgreSQL notifications are subscribed (false on SQLite, which polls).
    bool listening() const;

Q_SIGNALS:
    void arrived();

private:
    void check();
    void subscribe();
    std::shared_ptr<Database> m_db;
    QTimer m_check;     // SQLite: read the counter; PostgreSQL: still subscribed?
    QTimer m_coalesce;  // one signal for a burst of arrivals
    QPointer<QSqlDriver> m_driver;
    QString m_channel;
    qint64 m_last = -1;
};

} // namespace tucai::db
