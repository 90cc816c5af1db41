#pragma once
#include "checks/check_report.h"
#include "model/records.h"

#include <QCache>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QSet>
#include <QThreadPool>
#include <memory>

namespace tucai::db { class Database; }

namespace tucai::net { class PhotoStore; }

namespace tucai::review {

// Another photo of the same student, for the side-by-side view.
struct OtherPhoto
{
    Photo photo;
    QImage thumbnail;
    QString reviewerName;
};

// Everything the viewer and the side panel show for one photo, loaded in one go off the GUI thread.
struct PhotoDetail
{
    qint64 photoId = 0;
    QString error;
    Photo photo;
    QByteArray bytes;
    QImage image;
    bool hasReport = false;
    checks::CheckReport report;
    Student student;
    QString collegeName, className, reviewerName;
    QList<CaptureAttempt> attempts;
    QList<OtherPhoto> others;
};
using PhotoDetailPtr = std::shared_ptr<const PhotoDetail>;

// Loads and keeps the last few photos (bytes + decoded image + report + student
// context). The page asks for the next few in advance, so "next" shows at once.
class PhotoLoader final : public QObject
{
    Q_OBJECT
public:
    explicit PhotoLoader(std::shared_ptr<db::Database> db, QObject *parent = nullptr);
    ~PhotoLoader() override;

    PhotoDetailPtr cached(qint64 photoId) const;
    // Starts loading unless cached or already on the way; `loaded` follows.
    void load(qint64 photoId);
    void invalidate(qint64 photoId);
    void clear();
    void waitForIdle();
    // Synchronous load (used by the workers and by tests). Photos kept at an http(s) URL are
    // fetched (and checked against their SHA-256) through `store` when one is given.
    static PhotoDetail loadNow(const db::Database &db, qint64 photoId, net::PhotoStore *store = nullptr);

    // Small images for the queue: loaded most-recent-first, stale requests dropped.
    QImage thumbnail(qint64 photoId);

Q_SIGNALS:
    void loaded(qint64 photoId);
    void thumbnailReady(qint64 photoId);

private:
    void pumpThumbnails();
    std::shared_ptr<db::Database> m_db;
    std::unique_ptr<net::PhotoStore> m_store;  // outlives the pools below (destroyed after them)
    QHash<qint64, PhotoDetailPtr> m_cache;
    QList<qint64> m_order;  // least recently loaded first
    QHash<qint64, quint64> m_inFlight;   // photo id -> token of the load whose reply counts
    quint64 m_tokens = 0;
    QCache<qint64, QImage> m_thumbs{2000};
    QList<qint64> m_thumbQueue;
    QSet<qint64> m_thumbInFlight;
    QThreadPool m_pool;
    QThreadPool m_thumbPool;
};

QImage decodeScaled(const QByteArray &bytes, QSize box);

} // namespace tucai::review
