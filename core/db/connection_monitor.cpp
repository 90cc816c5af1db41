#include "db/connection_monitor.h"

#include "db/database.h"
#include "db/dialect.h"

#include <QCoreApplication>
#include <QDir>
#include <QtConcurrent/QtConcurrentRun>

namespace tucai::db {

ConnectionMonitor::ConnectionMonitor(std::shared_ptr<Database> db, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_lossesSeen(m_db->lossCount())
{
    m_pool.setMaxThreadCount(1);
    m_probe.setInterval(10000);
    connect(&m_probe, &QTimer::timeout, this, &ConnectionMonitor::startProbe);
    m_probe.start();
    // An atomic read: costs nothing, and a loss seen by a page's statement shows at once.
    m_lossPoll.setInterval(250);
    connect(&m_lossPoll, &QTimer::timeout, this, [this] {
        const quint64 n = m_db->lossCount();
        if (n != m_lossesSeen && !m_lost) {
            m_lossesSeen = n;
            startProbe();
        }
    });
    m_lossPoll.start();
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, [this] {
        ++m_attempts;
        startProbe();
    });
    connect(&m_running, &QFutureWatcherBase::finished, this, &ConnectionMonitor::probeDone);
}

ConnectionMonitor::~ConnectionMonitor()
{
    // The probe only touches the database (its continuation dies with us).
    m_running.waitForFinished();
    m_db->setReachable(true);
}

int ConnectionMonitor::msUntilNextAttempt() const { return m_retry.isActive() ? m_retry.remainingTime() : 0; }

void ConnectionMonitor::setProbeInterval(int ms) { m_probe.setInterval(ms); }

void ConnectionMonitor::setRetryDelays(int firstMs, int maxMs)
{
    m_firstDelay = std::max(1, firstMs);
    m_maxDelay = std::max(m_firstDelay, maxMs);
}

void ConnectionMonitor::retryNow()
{
    if (!m_lost || m_running.isRunning())
        return;
    m_retry.stop();
    ++m_attempts;
    startProbe();
}

void ConnectionMonitor::startProbe()
{
    if (m_running.isRunning())
        return;
    auto db = m_db;
    const bool wasMissing = m_fileMissing;
    m_running.setFuture(QtConcurrent::run(&m_pool, [db, wasMissing]() -> Probe {
        Probe p;
        if (!db->dialect().stillPresent(db->target())) {
            // The open handles still read the deleted file: make every thread open it afresh
            // once it is back (and not create an empty one meanwhile, see Database::connection).
            if (!wasMissing)
                db->markLost();
            db->setReachable(false);
            p.missing = true;
            p.message = QCoreApplication::translate("ConnectionMonitor", "The database file %1 is missing.")
                            .arg(QDir::toNativeSeparators(db->target().path));
            return p;
        }
        try {
            // A pool thread between two tasks: never inside a transaction.
            Query(*db, QStringLiteral("SELECT 1")).scalar();
            p.ok = true;
        } catch (const DbError &e) {
            db->setReachable(false);  // before the GUI thread hears it: its timers leave the database alone
            p.message = e.message();
        }
        return p;
    }));
}

void ConnectionMonitor::probeDone()
{
    const Probe p = m_running.result();
    m_lossesSeen = m_db->lossCount();
    if (p.ok) {
        m_db->setReachable(true);
        if (m_lost) {
            m_lost = false;
            m_fileMissing = false;
            m_attempts = 0;
            m_message.clear();
            m_retry.stop();
            m_probe.start();
            m_lossPoll.start();
            Q_EMIT restored();
        }
        return;
    }
    m_fileMissing = p.missing;
    m_message = p.message;
    if (!m_lost) {
        m_lost = true;
        m_attempts = 0;
        m_probe.stop();
        m_lossPoll.stop();
        Q_EMIT lost();
    } else {
        Q_EMIT attemptFailed(m_attempts);
    }
    scheduleRetry();
}

void ConnectionMonitor::scheduleRetry()
{
    // 1 s, 2 s, 4 s ... up to the longest pause.
    qint64 delay = m_firstDelay;
    for (int i = 0; i < m_attempts && delay < m_maxDelay; ++i)
        delay *= 2;
    m_retry.start(int(std::min<qint64>(delay, m_maxDelay)));
}

} // namespace tucai::db
