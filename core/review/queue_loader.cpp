#include "review/queue_loader.h"

#include "db/database.h"
#include "db/review_repo.h"

#include <QtConcurrent>

namespace tucai::review {

QueueLoader::QueueLoader(std::shared_ptr<db::Database> db, ReviewScope scope, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_scope(std::move(scope))
{
    qRegisterMetaType<QueuePage>();
    // Two workers: a slow COUNT(*) never holds up the next page. Threads stay alive, so
    // their database connections are reused.
    m_pool.setMaxThreadCount(2);
    m_pool.setExpiryTimeout(-1);
}

QueueLoader::~QueueLoader() { m_pool.waitForDone(); }

quint64 QueueLoader::reset(const QueueQuery &query)
{
    m_query = query;
    return ++m_generation;
}

void QueueLoader::fetch(const QueueKey &after, int limit)
{
    const quint64 gen = m_generation;
    auto db = m_db;
    const ReviewScope scope = m_scope;
    const QueueQuery query = m_query;
    QThreadPool *pool = &m_pool;
    pool->start([this, db, scope, query, after, limit, gen] {
        QueuePage page;
        page.generation = gen;
        page.after = after;
        try {
            page.rows = db::ReviewRepo(*db).page(scope, query, after, limit, &page.next);
        } catch (const db::DbError &e) {
            page.error = e.message();
        }
        page.atEnd = page.rows.size() < limit;
        if (page.rows.isEmpty())
            page.next = after;
        // Back on the loader's thread; a reply of an older generation is dropped there.
        QMetaObject::invokeMethod(this, [this, page] {
            if (page.generation == m_generation)
                Q_EMIT pageReady(page);
        }, Qt::QueuedConnection);
    });
}

void QueueLoader::fetchCount()
{
    const quint64 gen = m_generation;
    auto db = m_db;
    const ReviewScope scope = m_scope;
    const QueueQuery query = m_query;
    m_pool.start([this, db, scope, query, gen] {
        qint64 n = -1;
        try {
            n = db::ReviewRepo(*db).count(scope, query);
        } catch (const db::DbError &) {
        }
        QMetaObject::invokeMethod(this, [this, gen, n] {
            if (gen == m_generation)
                Q_EMIT countReady(gen, n);
        }, Qt::QueuedConnection);
    });
}

void QueueLoader::waitForIdle() { m_pool.waitForDone(); }

} // namespace tucai::review
