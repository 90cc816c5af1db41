#pragma once
#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QTimer>
#include <memory>

namespace tucai::db {

class Database;

// Watches whether the database can be reached and, when it cannot, tries again by itself with
// growing pauses until it can (the main window shows a banner meanwhile, never a dialog).
// A loss is noticed when any thread's statement found its connection broken
// (Database::lossCount()), and by a probe every few seconds (a server that died while nobody
// asked; a SQLite file that was deleted or moved away, which open handles would not notice).
// Probes run one at a time on the monitor's own thread, outside any transaction (Database refuses
// to reopen a connection inside one anyway), so that long work filling the global thread pool (an
// export, a batch of checks) never delays them. While lost, Database::reachable() is false.
class ConnectionMonitor final : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionMonitor(std::shared_ptr<Database> db, QObject *parent = nullptr);
    ~ConnectionMonitor() override;

    bool isLost() const { return m_lost; }
    // Reconnection attempts made since the loss (0 right after it).
    int attempts() const { return m_attempts; }
    // SQLite: the database file is missing (deleted, moved, its drive gone).
    bool fileMissing() const { return m_fileMissing; }
    // Why, in plain words (the last failure's message).
    QString message() const { return m_message; }
    // Milliseconds until the next attempt (0 when none is planned).
    int msUntilNextAttempt() const;

    // While connected: how often the probe runs (default 10 s). While lost: the first pause and
    // the longest pause between attempts (default 1 s doubling up to 30 s).
    void setProbeInterval(int ms);
    void setRetryDelays(int firstMs, int maxMs);
    // Tries again at once (the banner's button); a probe already running is not doubled.
    void retryNow();

Q_SIGNALS:
    void lost();
    void attemptFailed(int attempt);
    void restored();

private:
    struct Probe
    {
        bool ok = false;
        bool missing = false;
        QString message;
    };
    void startProbe();
    void probeDone();
    void scheduleRetry();
    std::shared_ptr<Database> m_db;
    QTimer m_probe;      // connected: the regular probe
    QTimer m_lossPoll;   // connected: a statement elsewhere found its connection broken?
    QTimer m_retry;      // lost: the next attempt
    QThreadPool m_pool;  // one thread, the probe's own (destroyed after m_running)
    QFutureWatcher<Probe> m_running;
    quint64 m_lossesSeen = 0;
    bool m_lost = false;
    bool m_fileMissing = false;
    int m_attempts = 0;
    int m_firstDelay = 1000;
    int m_maxDelay = 30000;
    QString m_message;
};

} // namespace tucai::db
