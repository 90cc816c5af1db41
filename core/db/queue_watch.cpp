#include "db/queue_watch.h"

#include "db/database.h"
#include "db/dialect.h"

#include <QSqlDriver>

namespace tucai::db {

QueueArrivalWatch::QueueArrivalWatch(std::shared_ptr<Database> db, int intervalMs, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_channel(m_db->dialect().queueArrivalChannel())
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(200);
    connect(&m_coalesce, &QTimer::timeout, this, &QueueArrivalWatch::arrived);
    m_check.setInterval(intervalMs);
    connect(&m_check, &QTimer::timeout, this, &QueueArrivalWatch::check);
    m_check.start();
    check();
}

QueueArrivalWatch::~QueueArrivalWatch()
{
    if (m_driver && !m_channel.isEmpty())
        m_driver->unsubscribeFromNotification(m_channel);
}

bool QueueArrivalWatch::listening() const
{
    return m_driver && m_driver->subscribedToNotifications().contains(m_channel);
}

void QueueArrivalWatch::subscribe()
{
    QSqlDriver *driver = m_db->connection().driver();
    if (driver != m_driver) {
        if (m_driver)
            disconnect(m_driver, nullptr, this, nullptr);
        m_driver = driver;
        connect(driver, &QSqlDriver::notification, this, [this](const QString &name) {
            if (name == m_channel && !m_coalesce.isActive())
                m_coalesce.start();
        });
    }
    if (!driver->subscribedToNotifications().contains(m_channel) && driver->subscribeToNotification(m_channel) && m_last >= 0) {
        // Subscribed again after the connection was lost: what arrived meanwhile was not heard.
        m_coalesce.start();
    }
    m_last = 0;
}

void QueueArrivalWatch::check()
{
    try {
        if (!m_channel.isEmpty()) {
            if (!listening())
                subscribe();
            return;
        }
        const qint64 n = Query(*m_db, m_db->dialect().queueArrivalCounterSql()).scalar().toLongLong();
        if (m_last >= 0 && n != m_last && !m_coalesce.isActive())
            m_coalesce.start();
        m_last = n;
    } catch (const DbError &) {
        // The database is away for the moment; the next check tries again.
    }
}

} // namespace tucai::db
