#pragma once
#include "review/queue_query.h"

#include <QObject>
#include <QThreadPool>
#include <memory>

namespace tucai::db { class Database; }

namespace tucai::review {

// Fetches pages of the review queue off the GUI thread (each worker thread has
// its own connection). Every reset() starts a new generation: replies of an
// older query are dropped, so a quick change of filter never shows stale rows.
class QueueLoader final : public QObject
{
    Q_OBJECT
public:
    QueueLoader(std::shared_ptr<db::Database> db, ReviewScope scope, QObject *parent = nullptr);
    ~QueueLoader() override;

    quint64 reset(const QueueQuery &query);
    quint64 generation() const { return m_generation; }
    const QueueQuery &query() const { return m_query; }
    const ReviewScope &scope() const { return m_scope; }
    // Asks for the page after `after` (an invalid key: the first page).
    void fetch(const QueueKey &after, int limit);
    void fetchCount();
    // Waits for the workers (tests and shutdown).
    void waitForIdle();

Q_SIGNALS:
    void pageReady(const tucai::review::QueuePage &page);
    void countReady(quint64 generation, qint64 count);

private:
    std::shared_ptr<db::Database> m_db;
    ReviewScope m_scope;
    QueueQuery m_query;
    quint64 m_generation = 0;
    QThreadPool m_pool;
};

} // namespace tucai::review
