#pragma once
#include <QByteArray>
#include <QFuture>
#include <QObject>
#include <QString>
#include <QStringList>
#include <memory>

class QThread;

namespace tucai::db { class Database; }

namespace tucai::net {

// Why a photo could not be produced. The review page shows message(); tests
// and callers branch on the kind.
enum class PhotoError {
    None,
    BadHash,       // the requested sha256 is not 64 hex digits
    NotFound,      // no photo_blobs row (or no bytes and no URL)
    Database,      // reading photo_blobs failed
    BadUrl,        // not an http(s) URL, a host not allowed, or a redirect to another host
    Timeout,       // no data for transferTimeoutMs (after the retries), or over deadlineMs
    Http,          // the server answered with an error status
    Network,       // refused, reset, DNS, TLS...
    TooLarge,      // Content-Length or received bytes over maxBytes
    HashMismatch,  // the bytes do not have the stored SHA-256: not used
    Cancelled,     // the store was shut down
};

struct PhotoFetchResult
{
    QString sha256;
    QByteArray bytes;  // empty unless ok()
    PhotoError error = PhotoError::None;
    QString message;   // translated, names the photo's problem (empty when ok)
    enum class Source { None, Database, Cache, Network } source = Source::None;
    int attempts = 0;  // HTTP requests made (0 when no network was needed)
    int httpStatus = 0;
    bool ok() const { return error == PhotoError::None; }
};

struct PhotoStoreOptions
{
    int transferTimeoutMs = 15000;    // QNetworkRequest::setTransferTimeout: no bytes for this long
    int maxAttempts = 3;              // first try + retries on 5xx / timeouts / network errors
    int backoffBaseMs = 500;          // 500, 1000, 2000... between attempts
    int backoffMaxMs = 8000;
    qint64 maxBytes = 20 * 1024 * 1024;
    QString cacheDir;                 // empty: QStandardPaths::CacheLocation + "/photos"
    qint64 cacheMaxBytes = 512LL * 1024 * 1024;
    bool useCache = true;
    // The whole download (all attempts and redirects) must end within this, however slowly a
    // server drips its bytes.
    int deadlineMs = 60000;
    // Hosts photos may be fetched from ("photos.school.edu", or "*.school.edu" for its
    // subdomains). Empty: the `photo_hosts` setting (comma-separated) of the schools this
    // login sees; still empty: any host. Redirects never leave the photo's host.
    QStringList allowedHosts;
};

class PhotoStoreWorker;

// One place that turns a photo's SHA-256 into its bytes: from photo_blobs.bytes,
// else from the on-disk cache, else downloaded from photo_blobs.url and checked
// against the hash before it is used or cached. Everything runs on the store's
// own thread (its QNetworkAccessManager and its database connection live
// there), so a slow server never blocks the caller; results arrive as QFutures.
// fetch() may be called from any thread; concurrent requests for the same hash
// share one download.
class PhotoStore final : public QObject
{
    Q_OBJECT
public:
    explicit PhotoStore(std::shared_ptr<db::Database> db, PhotoStoreOptions options = {}, QObject *parent = nullptr);
    ~PhotoStore() override;

    QFuture<PhotoFetchResult> fetch(const QString &sha256);
    // Blocking convenience for worker threads (never call it on the GUI thread).
    PhotoFetchResult fetchNow(const QString &sha256) { return fetch(sha256).result(); }

    const PhotoStoreOptions &options() const { return m_options; }
    QString cacheDir() const;
    // Bytes currently in the disk cache (walks the directory).
    qint64 cacheSize() const;

    static QString errorName(PhotoError e);

private:
    PhotoStoreOptions m_options;
    QThread *m_thread = nullptr;
    PhotoStoreWorker *m_worker = nullptr;
};

// Content-addressed disk cache: <dir>/<first 2 hex>/<sha256>. Reads touch the
// file's modification time; when the total goes over the cap the least recently
// used files are removed. Used from the store's thread only; several processes
// may share the directory (files are written atomically, sizes are re-counted).
class PhotoDiskCache final
{
public:
    PhotoDiskCache(QString dir, qint64 maxBytes);
    QString dir() const { return m_dir; }
    // Bytes if present and still matching the hash (a corrupt file is removed).
    QByteArray get(const QString &sha256) const;
    void put(const QString &sha256, const QByteArray &bytes);
    qint64 totalSize() const;
    void evict();

private:
    QString pathFor(const QString &sha256) const;
    QString m_dir;
    qint64 m_maxBytes;
    mutable qint64 m_knownSize = -1;  // running total, counted on first need
};

} // namespace tucai::net
