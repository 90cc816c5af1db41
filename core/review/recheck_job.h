#pragma once
#include "checks/check_profile.h"
#include "review/queue_query.h"

#include <QObject>
#include <QThreadPool>
#include <atomic>
#include <memory>

namespace tucai::db { class Database; }
namespace tucai::checks { class CheckEngine; }

namespace tucai::review {

// Runs the check engine again on photos in the background and stores each
// report with the engine and profile versions (PhotoRepo::storeCheck).
// Progress and the end are signals; cancel() stops after the current photo.
class RecheckJob final : public QObject
{
    Q_OBJECT
public:
    RecheckJob(std::shared_ptr<db::Database> db, checks::CheckProfile profile, QObject *parent = nullptr);
    ~RecheckJob() override;

    void start(const QList<qint64> &photoIds);
    // Everything the filter matches (ids read in the worker).
    void startForQuery(const ReviewScope &scope, const QueueQuery &query);
    void cancel() { m_cancel = true; }
    bool isRunning() const { return m_running; }
    void waitForDone() { m_pool.waitForDone(); }

    // Checks one photo now and stores the report; false (with why) when it could not be read.
    static bool recheckOne(const db::Database &db, const checks::CheckEngine &engine, qint64 photoId, QString *why = nullptr);

Q_SIGNALS:
    void progress(int done, int total);
    void photoChecked(qint64 photoId);
    void finished(int done, int failed, bool cancelled);

private:
    void run(const QList<qint64> &ids, const ReviewScope *scope, const QueueQuery *query);
    std::shared_ptr<db::Database> m_db;
    checks::CheckProfile m_profile;
    std::atomic_bool m_cancel{false};
    std::atomic_bool m_running{false};
    QThreadPool m_pool;
};

} // namespace tucai::review
