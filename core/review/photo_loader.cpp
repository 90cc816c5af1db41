#include "review/photo_loader.h"

#include "net/photo_store.h"

#include "db/database.h"
#include "db/photo_repo.h"
#include "db/review_repo.h"
#include "db/student_repo.h"

#include "checks/untrusted_image.h"

#include <QJsonDocument>
#include <QtConcurrent>

namespace tucai::review {
namespace {
constexpr int kCacheSize = 12;
constexpr int kThumbBacklog = 64;
const QSize kThumbSize(36, 48);
} // namespace

QImage decodeScaled(const QByteArray &bytes, QSize box)
{
    // Student bytes: JPEG/PNG only, pixel cap checked from the header (checks/untrusted_image.h).
    return checks::decodeUntrustedImage(bytes, box);
}

PhotoLoader::PhotoLoader(std::shared_ptr<db::Database> db, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_store(std::make_unique<net::PhotoStore>(m_db))
{
    m_pool.setMaxThreadCount(2);
    m_pool.setExpiryTimeout(-1);
    m_thumbPool.setMaxThreadCount(1);
    m_thumbPool.setExpiryTimeout(-1);
}

PhotoLoader::~PhotoLoader()
{
    m_thumbQueue.clear();
    m_pool.waitForDone();
    m_thumbPool.waitForDone();
}

namespace {
// The bytes in the database, or fetched from the photo's URL; `error` set when neither works.
QByteArray photoBytes(db::PhotoRepo &photos, net::PhotoStore *store, const QString &sha, QString *error)
{
    QByteArray bytes = photos.blobBytes(sha);
    if (!bytes.isEmpty() || !store)
        return bytes;
    const net::PhotoFetchResult r = store->fetchNow(sha);
    if (!r.ok() && error)
        *error = r.message;
    return r.bytes;
}
} // namespace

PhotoDetail PhotoLoader::loadNow(const db::Database &db, qint64 photoId, net::PhotoStore *store)
{
    PhotoDetail d;
    d.photoId = photoId;
    try {
        db::PhotoRepo photos(db);
        db::ReviewRepo review(db);
        const auto p = photos.get(photoId);
        if (!p) {
            d.error = QCoreApplication::translate("Review", "The photo no longer exists.");
            return d;
        }
        d.photo = *p;
        QString fetchError;
        d.bytes = photoBytes(photos, store, p->sha256, &fetchError);
        if (d.bytes.isEmpty())
            d.error = !fetchError.isEmpty()
                ? fetchError
                : QCoreApplication::translate("Review", "The photo's bytes are not in the database (%1).").arg(photos.blobUrl(p->sha256));
        else
            d.image = checks::decodeUntrustedImage(d.bytes, {}, &d.error);
        if (!d.bytes.isEmpty() && d.image.isNull() && d.error.isEmpty())
            d.error = QCoreApplication::translate("Review", "The photo could not be decoded.");
        if (!p->checkReport.isEmpty()) {
            bool ok = false;
            d.report = checks::CheckReport::fromJson(QJsonDocument::fromJson(p->checkReport.toUtf8()).object(), &ok);
            d.hasReport = ok;
        }
        db::StudentRepo students(db);
        if (const auto s = students.get(p->studentId))
            d.student = *s;
        d.attempts = students.attempts(p->studentId);
        const auto colleges = review.collegeNames();
        const auto classes = review.classNames();
        d.collegeName = colleges.value(p->collegeId);
        d.className = classes.value(p->classId);
        d.reviewerName = review.staffName(p->reviewerId);
        for (Photo &other : photos.forStudent(p->studentId)) {
            if (other.id == photoId || other.status == QLatin1String("deleted"))
                continue;
            OtherPhoto o;
            o.thumbnail = decodeScaled(photoBytes(photos, store, other.sha256, nullptr), QSize(150, 200));
            o.reviewerName = review.staffName(other.reviewerId);
            other.checkReport.clear(); // the side panel does not draw overlays: keep the cache small
            o.photo = other;
            d.others.append(o);
        }
    } catch (const db::DbError &e) {
        d.error = e.message();
    }
    return d;
}

PhotoDetailPtr PhotoLoader::cached(qint64 photoId) const { return m_cache.value(photoId); }

void PhotoLoader::load(qint64 photoId)
{
    if (!photoId || m_cache.contains(photoId) || m_inFlight.contains(photoId))
        return;
    const quint64 token = ++m_tokens;
    m_inFlight.insert(photoId, token);
    auto db = m_db;
    net::PhotoStore *store = m_store.get();
    m_pool.start([this, db, store, photoId, token] {
        auto detail = std::make_shared<const PhotoDetail>(loadNow(*db, photoId, store));
        QMetaObject::invokeMethod(this, [this, detail, photoId, token] {
            if (m_inFlight.value(photoId) != token)
                return; // invalidated meanwhile (a newer load is on its way): these bytes may be stale
            m_inFlight.remove(photoId);
            m_cache.insert(photoId, detail);
            m_order.removeAll(photoId);
            m_order.append(photoId);
            while (m_order.size() > kCacheSize)
                m_cache.remove(m_order.takeFirst());
            Q_EMIT loaded(photoId);
        }, Qt::QueuedConnection);
    });
}

void PhotoLoader::invalidate(qint64 photoId)
{
    m_cache.remove(photoId);
    m_order.removeAll(photoId);
    m_inFlight.remove(photoId);
}

void PhotoLoader::clear()
{
    m_cache.clear();
    m_order.clear();
    m_inFlight.clear();
}

void PhotoLoader::waitForIdle()
{
    m_pool.waitForDone();
    m_thumbPool.waitForDone();
}

QImage PhotoLoader::thumbnail(qint64 photoId)
{
    if (const QImage *img = m_thumbs.object(photoId))
        return *img;
    if (!m_thumbInFlight.contains(photoId)) {
        m_thumbQueue.removeAll(photoId);
        m_thumbQueue.append(photoId);
        // Only the latest requests matter while scrolling fast.
        while (m_thumbQueue.size() > kThumbBacklog)
            m_thumbQueue.removeFirst();
        pumpThumbnails();
    }
    return {};
}

void PhotoLoader::pumpThumbnails()
{
    if (!m_thumbInFlight.isEmpty() || m_thumbQueue.isEmpty())
        return;
    const qint64 id = m_thumbQueue.takeLast();
    m_thumbInFlight.insert(id);
    auto db = m_db;
    net::PhotoStore *store = m_store.get();
    m_thumbPool.start([this, db, store, id] {
        QImage img;
        try {
            db::PhotoRepo photos(*db);
            if (const auto p = photos.get(id))
                img = decodeScaled(photoBytes(photos, store, p->sha256, nullptr), kThumbSize);
        } catch (const db::DbError &) {
        }
        QMetaObject::invokeMethod(this, [this, id, img] {
            m_thumbInFlight.remove(id);
            m_thumbs.insert(id, new QImage(img.isNull() ? QImage(1, 1, QImage::Format_RGB32) : img));
            Q_EMIT thumbnailReady(id);
            pumpThumbnails();
        }, Qt::QueuedConnection);
    });
}

} // namespace tucai::review
