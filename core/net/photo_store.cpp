#include "net/photo_store.h"

#include "db/database.h"
#include "db/photo_repo.h"
#include "db/settings_repo.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QElapsedTimer>
#include <QPromise>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <optional>

namespace tucai::net {
namespace {

bool validHash(const QString &h)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{64}$"));
    return re.match(h).hasMatch();
}

QString hashOf(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString shortHash(const QString &h) { return h.left(12); }

} // namespace

// ---------------------------------------------------------------- disk cache

PhotoDiskCache::PhotoDiskCache(QString dir, qint64 maxBytes) : m_dir(std::move(dir)), m_maxBytes(maxBytes) {}

QString PhotoDiskCache::pathFor(const QString &sha256) const
{
    return m_dir + QLatin1Char('/') + sha256.left(2) + QLatin1Char('/') + sha256;
}

QByteArray PhotoDiskCache::get(const QString &sha256) const
{
    if (!validHash(sha256))
        return {};
    QFile f(pathFor(sha256));
    if (!f.open(QIODevice::ReadWrite))
        return {};
    QByteArray bytes = f.readAll();
    if (hashOf(bytes) != sha256) {
        // A torn or tampered file: never serve it.
        f.close();
        f.remove();
        m_knownSize = -1;
        return {};
    }
    // "Recently used" for the eviction order.
    f.setFileTime(QDateTime::currentDateTimeUtc(), QFileDevice::FileModificationTime);
    return bytes;
}

void PhotoDiskCache::put(const QString &sha256, const QByteArray &bytes)
{
    if (!validHash(sha256) || m_maxBytes <= 0 || bytes.size() > m_maxBytes)
        return;
    const QString path = pathFor(sha256);
    if (QFileInfo::exists(path))
        return;
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile f(path);  // atomic: readers never see half a file
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return;  // a cache that cannot be written is only slower
    if (m_knownSize >= 0)
        m_knownSize += bytes.size();
    if (totalSize() > m_maxBytes)
        evict();
}

qint64 PhotoDiskCache::totalSize() const
{
    if (m_knownSize >= 0)
        return m_knownSize;
    qint64 total = 0;
    QDirIterator it(m_dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    m_knownSize = total;
    return total;
}

void PhotoDiskCache::evict()
{
    struct Entry { QString path; qint64 size; QDateTime used; };
    QList<Entry> entries;
    qint64 total = 0;
    QDirIterator it(m_dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo fi = it.fileInfo();
        entries.append({fi.absoluteFilePath(), fi.size(), fi.lastModified()});
        total += fi.size();
    }
    // Down to 90 % of the cap so that every put does not evict again.
    const qint64 target = m_maxBytes - m_maxBytes / 10;
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.used < b.used; });
    for (const Entry &e : std::as_const(entries)) {
        if (total <= target)
            break;
        if (QFile::remove(e.path))
            total -= e.size;
    }
    m_knownSize = total;
}

// ---------------------------------------------------------------- worker

using PromisePtr = std::shared_ptr<QPromise<PhotoFetchResult>>;

// Lives on the store's thread: owns the network manager, the cache and the
// requests in flight.
class PhotoStoreWorker final : public QObject
{
    Q_DECLARE_TR_FUNCTIONS(PhotoStore)
public:
    PhotoStoreWorker(std::shared_ptr<db::Database> db, const PhotoStoreOptions &o, const QString &cacheDir)
        : m_db(std::move(db)), m_options(o), m_cache(cacheDir, o.cacheMaxBytes)
    {
    }

    void start(const QString &sha256, const PromisePtr &promise);
    void shutdown();

private:
    struct Job
    {
        QString sha256;
        QString url;
        QList<PromisePtr> promises;
        int attempts = 0;
        QNetworkReply *reply = nullptr;
        QByteArray data;
        bool tooLarge = false;
        qint64 announced = -1;
        QElapsedTimer started;    // the first attempt's start: deadlineMs counts from it
        QString refusedRedirect;  // a redirect to another host, not followed
        bool overDeadline = false;
    };
    using JobPtr = std::shared_ptr<Job>;

    void download(const JobPtr &job);
    void onFinished(const JobPtr &job, QNetworkReply *reply);
    void retryOrFail(const JobPtr &job, PhotoError e, const QString &message, int status);
    void complete(const JobPtr &job, PhotoFetchResult r);
    static void deliver(const PromisePtr &p, const PhotoFetchResult &r)
    {
        p->addResult(r);
        p->finish();
    }

    std::shared_ptr<db::Database> m_db;
    PhotoStoreOptions m_options;
    PhotoDiskCache m_cache;
    QNetworkAccessManager *m_nam = nullptr;
    QHash<QString, JobPtr> m_jobs;
    bool m_shutdown = false;
    std::optional<QStringList> m_allowedHosts;  // read once from the options or the settings

    bool hostAllowed(const QString &host);
};

bool PhotoStoreWorker::hostAllowed(const QString &host)
{
    if (!m_allowedHosts) {
        QStringList hosts = m_options.allowedHosts;
        if (hosts.isEmpty()) {
            try {
                for (const QString &v : db::SettingsRepo(*m_db).valuesNamed(QStringLiteral("photo_hosts")))
                    for (const QString &h : v.split(QLatin1Char(','), Qt::SkipEmptyParts))
                        hosts << h.trimmed().toLower();
            } catch (const db::DbError &) {
                // No settings readable: the options alone decide.
            }
        }
        m_allowedHosts = hosts;
    }
    if (m_allowedHosts->isEmpty())
        return true;
    const QString h = host.toLower();
    for (const QString &a : std::as_const(*m_allowedHosts)) {
        if (a.startsWith(QLatin1String("*.")) ? h.endsWith(a.mid(1)) : h == a)
            return true;
    }
    return false;
}

void PhotoStoreWorker::start(const QString &sha256, const PromisePtr &promise)
{
    PhotoFetchResult r;
    r.sha256 = sha256;
    if (m_shutdown) {
        r.error = PhotoError::Cancelled;
        r.message = tr("Photo %1: the photo store was closed.").arg(shortHash(sha256));
        return deliver(promise, r);
    }
    if (!validHash(sha256)) {
        r.error = PhotoError::BadHash;
        r.message = tr("\"%1\" is not a SHA-256 photo hash.").arg(sha256.left(80));
        return deliver(promise, r);
    }
    if (const auto it = m_jobs.constFind(sha256); it != m_jobs.constEnd()) {
        (*it)->promises.append(promise);  // same photo already on its way
        return;
    }
    QByteArray bytes;
    QString url;
    try {
        const db::PhotoRepo repo(*m_db);
        bytes = repo.blobBytes(sha256);
        if (bytes.isEmpty())
            url = repo.blobUrl(sha256);
    } catch (const db::DbError &e) {
        r.error = PhotoError::Database;
        r.message = tr("Photo %1 could not be read from the database: %2").arg(shortHash(sha256), e.message());
        return deliver(promise, r);
    }
    if (!bytes.isEmpty()) {
        if (hashOf(bytes) != sha256) {
            r.error = PhotoError::HashMismatch;
            r.message = tr("Photo %1: the bytes stored in the database do not match their SHA-256; not shown.")
                            .arg(shortHash(sha256));
        } else {
            r.bytes = bytes;
            r.source = PhotoFetchResult::Source::Database;
        }
        return deliver(promise, r);
    }
    if (url.isEmpty()) {
        r.error = PhotoError::NotFound;
        r.message = tr("Photo %1 is not in the database (no bytes and no URL).").arg(shortHash(sha256));
        return deliver(promise, r);
    }
    const QUrl u(url);
    if (!u.isValid() || (u.scheme() != QLatin1String("http") && u.scheme() != QLatin1String("https")) || u.host().isEmpty()) {
        r.error = PhotoError::BadUrl;
        r.message = tr("Photo %1 has an unusable address (only http and https are fetched): %2")
                        .arg(shortHash(sha256), url.left(200));
        return deliver(promise, r);
    }
    if (!hostAllowed(u.host())) {
        r.error = PhotoError::BadUrl;
        r.message = tr("Photo %1 is at %2, which is not one of the photo servers allowed (setting photo_hosts); not fetched.")
                        .arg(shortHash(sha256), u.host());
        return deliver(promise, r);
    }
    if (m_options.useCache) {
        const QByteArray cached = m_cache.get(sha256);
        if (!cached.isEmpty()) {
            r.bytes = cached;
            r.source = PhotoFetchResult::Source::Cache;
            return deliver(promise, r);
        }
    }
    auto job = std::make_shared<Job>();
    job->sha256 = sha256;
    job->url = url;
    job->promises.append(promise);
    m_jobs.insert(sha256, job);
    download(job);
}

void PhotoStoreWorker::download(const JobPtr &job)
{
    if (m_shutdown)
        return;
    if (!m_nam)
        m_nam = new QNetworkAccessManager(this);
    ++job->attempts;
    job->data.clear();
    job->tooLarge = false;
    job->announced = -1;
    QNetworkRequest req{QUrl(job->url)};
    req.setTransferTimeout(m_options.transferTimeoutMs);
    // Each redirect is checked here: same host, never from https down to http.
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::UserVerifiedRedirectPolicy);
    req.setMaximumRedirectsAllowed(5);
    QNetworkReply *reply = m_nam->get(req);
    job->reply = reply;
    if (job->attempts == 1)
        job->started.start();
    const qint64 left = m_options.deadlineMs - job->started.elapsed();
    QTimer::singleShot(std::max<qint64>(left, 0), reply, [job, reply] {
        job->overDeadline = true;
        reply->abort();
    });
    const QUrl origin(job->url);
    connect(reply, &QNetworkReply::redirected, this, [job, reply, origin](const QUrl &to) {
        const QUrl target = origin.resolved(to);
        const bool sameHost = target.host().compare(origin.host(), Qt::CaseInsensitive) == 0;
        const bool scheme = target.scheme() == QLatin1String("https") || origin.scheme() == QLatin1String("http");
        if (sameHost && scheme && target.scheme().startsWith(QLatin1String("http"))) {
            Q_EMIT reply->redirectAllowed();
        } else {
            job->refusedRedirect = target.toString(QUrl::RemoveUserInfo);
            reply->abort();
        }
    });
    const qint64 limit = m_options.maxBytes;
    connect(reply, &QNetworkReply::metaDataChanged, this, [job, reply, limit] {
        const QVariant len = reply->header(QNetworkRequest::ContentLengthHeader);
        if (len.isValid()) {
            job->announced = len.toLongLong();
            if (job->announced > limit) {
                job->tooLarge = true;
                reply->abort();
            }
        }
    });
    connect(reply, &QNetworkReply::readyRead, this, [job, reply, limit] {
        if (job->tooLarge)
            return;
        job->data += reply->readAll();
        if (job->data.size() > limit) {
            job->tooLarge = true;
            job->data.clear();
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, job, reply] { onFinished(job, reply); });
}

void PhotoStoreWorker::onFinished(const JobPtr &job, QNetworkReply *reply)
{
    reply->deleteLater();
    if (job->reply != reply || m_shutdown)
        return;
    job->reply = nullptr;
    const QString sh = shortHash(job->sha256);
    if (!job->refusedRedirect.isEmpty()) {
        PhotoFetchResult r;
        r.error = PhotoError::BadUrl;
        r.message = tr("Photo %1: the photo server redirected to %2, another host; not followed.").arg(sh, job->refusedRedirect.left(200));
        return complete(job, r);
    }
    if (job->overDeadline) {
        PhotoFetchResult r;
        r.error = PhotoError::Timeout;
        r.message = tr("Photo %1: the download did not finish within %2 s; given up.").arg(sh).arg(m_options.deadlineMs / 1000.0);
        return complete(job, r);
    }
    if (job->tooLarge) {
        PhotoFetchResult r;
        r.error = PhotoError::TooLarge;
        r.message = job->announced > m_options.maxBytes
                        ? tr("Photo %1 is too large (%2 bytes announced, the limit is %3).")
                              .arg(sh).arg(job->announced).arg(m_options.maxBytes)
                        : tr("Photo %1 is too large (more than %2 bytes received).").arg(sh).arg(m_options.maxBytes);
        return complete(job, r);
    }
    if (reply->isOpen() && (reply->error() == QNetworkReply::NoError || reply->error() >= QNetworkReply::ContentAccessDenied)) {
        // Content errors (4xx/5xx) still come with readable bytes; only the body limit matters.
        const QByteArray rest = reply->readAll();
        if (job->data.size() + rest.size() > m_options.maxBytes)
            job->tooLarge = true;
        else
            job->data += rest;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError err = reply->error();
    if (status >= 200 && status < 300 && err == QNetworkReply::NoError && !job->tooLarge) {
        PhotoFetchResult r;
        r.httpStatus = status;
        if (hashOf(job->data) != job->sha256) {
            r.error = PhotoError::HashMismatch;
            r.message = tr("Photo %1: the server sent %2 bytes that do not match the stored SHA-256; they are not used.")
                            .arg(sh)
                            .arg(job->data.size());
        } else {
            r.bytes = job->data;
            r.source = PhotoFetchResult::Source::Network;
            if (m_options.useCache)
                m_cache.put(job->sha256, r.bytes);
        }
        return complete(job, r);
    }
    if (job->tooLarge) {
        PhotoFetchResult r;
        r.error = PhotoError::TooLarge;
        r.message = tr("Photo %1 is too large (more than %2 bytes received).").arg(sh).arg(m_options.maxBytes);
        return complete(job, r);
    }
    if (status >= 400 || (status > 0 && status < 200) || (status >= 300 && status < 400)) {
        const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        retryOrFail(job, PhotoError::Http,
                    tr("Photo %1: the photo server answered HTTP %2 %3.").arg(sh).arg(status).arg(reason).trimmed(), status);
        return;
    }
    // No HTTP status: the transfer itself failed. A transfer timeout shows up as
    // OperationCanceledError (we never cancel a live reply ourselves).
    if (err == QNetworkReply::OperationCanceledError || err == QNetworkReply::TimeoutError) {
        retryOrFail(job, PhotoError::Timeout,
                    tr("Photo %1: the photo server sent nothing for %2 s.").arg(sh).arg(m_options.transferTimeoutMs / 1000.0),
                    0);
        return;
    }
    retryOrFail(job, PhotoError::Network, tr("Photo %1 could not be downloaded: %2").arg(sh, reply->errorString()), 0);
}

void PhotoStoreWorker::retryOrFail(const JobPtr &job, PhotoError e, const QString &message, int status)
{
    // Retry what may pass by itself: 5xx, 408, 429, timeouts, dropped connections.
    const bool transient = e == PhotoError::Timeout || (e == PhotoError::Network) ||
                           (e == PhotoError::Http && (status >= 500 || status == 408 || status == 429));
    if (transient && job->attempts < m_options.maxAttempts) {
        const qint64 delay = std::min<qint64>(qint64(m_options.backoffBaseMs) << (job->attempts - 1), m_options.backoffMaxMs);
        QTimer::singleShot(int(delay), this, [this, job] {
            if (m_jobs.value(job->sha256) == job)
                download(job);
        });
        return;
    }
    PhotoFetchResult r;
    r.error = e;
    r.httpStatus = status;
    r.message = job->attempts > 1 ? tr("%1 (after %2 attempts)").arg(message).arg(job->attempts) : message;
    complete(job, r);
}

void PhotoStoreWorker::complete(const JobPtr &job, PhotoFetchResult r)
{
    r.sha256 = job->sha256;
    r.attempts = job->attempts;
    m_jobs.remove(job->sha256);
    for (const PromisePtr &p : std::as_const(job->promises))
        deliver(p, r);
}

void PhotoStoreWorker::shutdown()
{
    m_shutdown = true;
    const auto jobs = m_jobs;
    m_jobs.clear();
    for (const JobPtr &job : jobs) {
        if (job->reply) {
            QNetworkReply *reply = job->reply;
            job->reply = nullptr;
            reply->abort();
            reply->deleteLater();
        }
        PhotoFetchResult r;
        r.sha256 = job->sha256;
        r.attempts = job->attempts;
        r.error = PhotoError::Cancelled;
        r.message = tr("Photo %1: the photo store was closed.").arg(shortHash(job->sha256));
        for (const PromisePtr &p : std::as_const(job->promises))
            deliver(p, r);
    }
    delete m_nam;
    m_nam = nullptr;
    m_db->closeThisThread();
}

// ---------------------------------------------------------------- store

PhotoStore::PhotoStore(std::shared_ptr<db::Database> db, PhotoStoreOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options))
{
    if (m_options.cacheDir.isEmpty())
        m_options.cacheDir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/photos");
    m_options.maxAttempts = std::max(1, m_options.maxAttempts);
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("tucai-photo-store"));
    m_worker = new PhotoStoreWorker(std::move(db), m_options, m_options.cacheDir);
    m_worker->moveToThread(m_thread);
    m_thread->start();
}

PhotoStore::~PhotoStore()
{
    PhotoStoreWorker *w = m_worker;
    QMetaObject::invokeMethod(w, [w] { w->shutdown(); }, Qt::BlockingQueuedConnection);
    connect(m_thread, &QThread::finished, w, &QObject::deleteLater);
    m_thread->quit();
    m_thread->wait();
}

QFuture<PhotoFetchResult> PhotoStore::fetch(const QString &sha256)
{
    auto promise = std::make_shared<QPromise<PhotoFetchResult>>();
    QFuture<PhotoFetchResult> future = promise->future();
    promise->start();
    PhotoStoreWorker *w = m_worker;
    const QString h = sha256.trimmed().toLower();
    QMetaObject::invokeMethod(w, [w, h, promise] { w->start(h, promise); }, Qt::QueuedConnection);
    return future;
}

QString PhotoStore::cacheDir() const { return m_options.cacheDir; }

qint64 PhotoStore::cacheSize() const
{
    qint64 total = 0;
    QDirIterator it(m_options.cacheDir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

QString PhotoStore::errorName(PhotoError e)
{
    switch (e) {
    case PhotoError::None: return QStringLiteral("none");
    case PhotoError::BadHash: return QStringLiteral("bad-hash");
    case PhotoError::NotFound: return QStringLiteral("not-found");
    case PhotoError::Database: return QStringLiteral("database");
    case PhotoError::BadUrl: return QStringLiteral("bad-url");
    case PhotoError::Timeout: return QStringLiteral("timeout");
    case PhotoError::Http: return QStringLiteral("http");
    case PhotoError::Network: return QStringLiteral("network");
    case PhotoError::TooLarge: return QStringLiteral("too-large");
    case PhotoError::HashMismatch: return QStringLiteral("hash-mismatch");
    case PhotoError::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

} // namespace tucai::net
