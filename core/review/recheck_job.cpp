#include "review/recheck_job.h"

#include "checks/check_engine.h"
#include "db/database.h"
#include "db/photo_repo.h"
#include "db/review_repo.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QtConcurrent>

namespace tucai::review {

RecheckJob::RecheckJob(std::shared_ptr<db::Database> db, checks::CheckProfile profile, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_profile(std::move(profile))
{
    m_pool.setMaxThreadCount(1);
}

RecheckJob::~RecheckJob()
{
    m_cancel = true;
    m_pool.waitForDone();
}

bool RecheckJob::recheckOne(const db::Database &db, const checks::CheckEngine &engine, qint64 photoId, QString *why)
{
    db::PhotoRepo photos(db);
    const auto p = photos.get(photoId);
    if (!p) {
        if (why)
            *why = QCoreApplication::translate("Review", "The photo no longer exists.");
        return false;
    }
    const QByteArray bytes = photos.blobBytes(p->sha256);
    if (bytes.isEmpty()) {
        if (why)
            *why = QCoreApplication::translate("Review", "The photo's bytes are not in the database.");
        return false;
    }
    checks::CheckReport report = engine.check(bytes);
    QStringList violated;
    for (const checks::RuleResult &r : report.violations())
        violated.append(r.rule);
    // Compact JSON: the queue's "passes every rule" filter reads it as text.
    const QString json = QString::fromUtf8(QJsonDocument(report.toJson()).toJson(QJsonDocument::Compact));
    db::Transaction tx(db);
    photos.storeCheck(photoId, json, report.passed, checks::CheckEngine::version(),
                      engine.profile().id() + QLatin1Char(' ') + engine.profile().version(), violated);
    tx.commit();
    return true;
}

void RecheckJob::start(const QList<qint64> &photoIds) { run(photoIds, nullptr, nullptr); }

void RecheckJob::startForQuery(const ReviewScope &scope, const QueueQuery &query) { run({}, &scope, &query); }

void RecheckJob::run(const QList<qint64> &ids, const ReviewScope *scopeIn, const QueueQuery *queryIn)
{
    if (m_running)
        return;
    m_running = true;
    m_cancel = false;
    const bool byQuery = scopeIn && queryIn;
    const ReviewScope scope = byQuery ? *scopeIn : ReviewScope{};
    const QueueQuery query = byQuery ? *queryIn : QueueQuery{};
    auto db = m_db;
    const checks::CheckProfile profile = m_profile;
    m_pool.start([this, db, profile, ids, byQuery, scope, query] {
        QList<qint64> todo = ids;
        int done = 0, failed = 0;
        try {
            if (byQuery)
                todo = db::ReviewRepo(*db).matchingIds(scope, query, std::numeric_limits<int>::max());
        } catch (const db::DbError &) {
            failed = 1;
        }
        const checks::CheckEngine engine(profile);
        // Signals are emitted on the job's own thread, so receivers (and QSignalSpy) see them in order there.
        auto post = [this](auto f) { QMetaObject::invokeMethod(this, f, Qt::QueuedConnection); };
        const int total = int(todo.size());
        post([this, total] { Q_EMIT progress(0, total); });
        for (qint64 id : std::as_const(todo)) {
            if (m_cancel)
                break;
            try {
                if (recheckOne(*db, engine, id))
                    post([this, id] { Q_EMIT photoChecked(id); });
                else
                    ++failed;
            } catch (const db::DbError &) {
                ++failed;
            }
            ++done;
            post([this, done, total] { Q_EMIT progress(done, total); });
        }
        const bool cancelled = m_cancel;
        post([this, done, failed, cancelled] {
            m_running = false;
            Q_EMIT finished(done, failed, cancelled);
        });
    });
}

} // namespace tucai::review
