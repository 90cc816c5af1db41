#include "db/change_watch.h"

#include "db/database.h"
#include "db/dialect.h"

#include <QSqlDriver>

namespace tucai::db {

ChangeWatch::ChangeWatch(std::shared_ptr<Database> db, Topics topics, int intervalMs, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_topics(topics)
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(200);
    connect(&m_coalesce, &QTimer::timeout, this, [this] {
        const Topics t = m_pending & m_topics;
        m_pending = {};
        if (t)
            Q_EMIT changed(t);
    });
    m_check.setInterval(intervalMs);
    connect(&m_check, &QTimer::timeout, this, &ChangeWatch::check);
    m_check.start();
    check();
}

ChangeWatch::~ChangeWatch()
{
    if (m_driver)
        for (const QString &channel : std::as_const(m_subscribed))
            m_driver->unsubscribeFromNotification(channel);
}

QStringList ChangeWatch::channels() const
{
    QStringList c;
    const Dialect &d = m_db->dialect();
    if (m_topics & QueueArrivals)
        c << d.queueArrivalChannel();
    if (m_topics & (Students | Photos))
        c << d.liveChangeChannel();
    c.removeAll(QString());
    return c;
}

bool ChangeWatch::listening() const
{
    const QStringList wanted = channels();
    if (!m_driver || wanted.isEmpty())
        return false;
    const QStringList have = m_driver->subscribedToNotifications();
    for (const QString &c : wanted)
        if (!have.contains(c))
            return false;
    return true;
}

void ChangeWatch::note(Topics topics)
{
    m_pending |= topics;
    if (!m_coalesce.isActive())
        m_coalesce.start();
}

void ChangeWatch::subscribe()
{
    QSqlDriver *driver = m_db->connection().driver();
    if (driver != m_driver) {
        if (m_driver)
            disconnect(m_driver, nullptr, this, nullptr);
        m_driver = driver;
        m_subscribed.clear();
        connect(driver, &QSqlDriver::notification, this,
                [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) {
                    const Dialect &d = m_db->dialect();
                    if (name == d.queueArrivalChannel())
                        note(QueueArrivals);
                    else if (name == d.liveChangeChannel())
                        note(payload.toString() == QLatin1String("students") ? Students : Photos);
                });
    }
    for (const QString &channel : channels()) {
        if (driver->subscribedToNotifications().contains(channel))
            continue;
        // Another watch of this thread may have it already; only ours are unsubscribed later.
        if (driver->subscribeToNotification(channel) && !m_subscribed.contains(channel))
            m_subscribed << channel;
    }
}

void ChangeWatch::caughtUp()
{
    // A connection was lost since the last check (here or on another thread): what changed
    // meanwhile may not have been heard (a dead LISTEN session hears nothing).
    const quint64 losses = m_db->lossCount();
    if (m_heardBefore && losses != m_lossesSeen)
        note(m_topics);
    m_lossesSeen = losses;
    m_heardBefore = true;
}

void ChangeWatch::check()
{
    if (!m_db->reachable())
        return;
    try {
        if (!channels().isEmpty()) {
            // Asking for the connection reopens one that a loss elsewhere made stale (which
            // drops its subscriptions: listening() turns false and we subscribe again).
            m_db->connection();
            if (!listening())
                subscribe();
            caughtUp();
            return;
        }
        Query q(*m_db, m_db->dialect().liveChangeCountersSql());
        q.exec();
        if (!q.next())
            return;
        QList<qint64> now;
        for (int i = 0; i < 3; ++i)
            now << q.value(i).toLongLong();
        if (m_last.size() == now.size()) {
            Topics t;
            if (now.at(0) != m_last.at(0))
                t |= QueueArrivals;
            if (now.at(1) != m_last.at(1))
                t |= Students;
            if (now.at(2) != m_last.at(2))
                t |= Photos;
            if (t & m_topics)
                note(t);
        } else if (m_heardBefore) {
            note(m_topics);  // back after the counters could not be read
        }
        m_last = now;
        caughtUp();
    } catch (const DbError &) {
        // The database is away for the moment; the next check tries again.
        m_last.clear();
    }
}

} // namespace tucai::db
