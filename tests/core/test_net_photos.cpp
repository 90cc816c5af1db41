// Photo store over HTTP against a real loopback server: bytes from the
// database, downloads verified against the SHA-256, wrong bytes rejected,
// hanging servers timed out, 5xx retried, size limits, the disk cache.
#include "db/photo_repo.h"
#include "db/school_repo.h"
#include "db/settings_repo.h"
#include "http_test_server.h"
#include "net/photo_store.h"
#include "test_support.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>
#include <QTimer>

using namespace tucai;
using test::HttpTestServer;

namespace {

QByteArray randomBytes(int n, quint32 seed)
{
    QRandomGenerator g(seed);
    QByteArray b(n, Qt::Uninitialized);
    for (int i = 0; i < n; ++i)
        b[i] = char(g.bounded(256));
    return b;
}

QString sha(const QByteArray &b) { return QString::fromLatin1(QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex()); }

// Waits (spinning the event loop, so the test server keeps answering) for a future.
template <typename T>
bool waitFor(const QFuture<T> &f, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!f.isFinished() && t.elapsed() < ms)
        QTest::qWait(5);
    return f.isFinished();
}

} // namespace

class TestNetPhotos final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    std::shared_ptr<db::Database> m_db;
    std::unique_ptr<HttpTestServer> m_server;
    int m_case = 0;

    net::PhotoStoreOptions options(int timeoutMs = 2000)
    {
        net::PhotoStoreOptions o;
        o.transferTimeoutMs = timeoutMs;
        o.maxAttempts = 3;
        o.backoffBaseMs = 50;
        o.backoffMaxMs = 200;
        o.cacheDir = m_tmp.filePath(QStringLiteral("cache%1").arg(m_case));
        return o;
    }
    QString addUrlPhoto(const QByteArray &bytes, const QString &path)
    {
        const QString h = sha(bytes);
        db::PhotoRepo(*m_db).putUrlBlob(h, m_server->url(path).toString(), bytes.size());
        return h;
    }
    net::PhotoFetchResult fetch(net::PhotoStore &store, const QString &h, int waitMs = 10000)
    {
        const QFuture<net::PhotoFetchResult> f = store.fetch(h);
        if (!waitFor(f, waitMs))
            return {};
        return f.result();
    }

private Q_SLOTS:
    void init()
    {
        ++m_case;
        m_db = test::freshSqliteDatabase(m_tmp, QStringLiteral("photos%1").arg(m_case));
        m_db->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        m_server = std::make_unique<HttpTestServer>();
        QVERIFY(m_server->isListening());
    }
    void cleanup()
    {
        m_server.reset();
        m_db.reset();
    }

    void bytesFromTheDatabase()
    {
        const QByteArray bytes = randomBytes(5000, 1);
        const QString h = db::PhotoRepo(*m_db).putBlob(bytes);
        net::PhotoStore store(m_db, options());
        const net::PhotoFetchResult r = fetch(store, h);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.bytes, bytes);
        QCOMPARE(r.source, net::PhotoFetchResult::Source::Database);
        QCOMPARE(m_server->requestCount(), 0);
    }

    void downloadedVerifiedAndCached()
    {
        const QByteArray bytes = randomBytes(300 * 1024, 2);
        m_server->setHandler([&](const HttpTestServer::Request &) { return HttpTestServer::Response{200, bytes}; });
        const QString h = addUrlPhoto(bytes, QStringLiteral("/photos/a.jpg"));
        net::PhotoStore store(m_db, options());
        const net::PhotoFetchResult r = fetch(store, h);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.bytes, bytes);
        QCOMPARE(r.source, net::PhotoFetchResult::Source::Network);
        QCOMPARE(m_server->requestCount(), 1);
        QCOMPARE(m_server->requests().first().path, QByteArray("/photos/a.jpg"));
        // Content-addressed cache file, identical bytes.
        QFile cached(store.cacheDir() + QLatin1Char('/') + h.left(2) + QLatin1Char('/') + h);
        QVERIFY(cached.open(QIODevice::ReadOnly));
        QCOMPARE(cached.readAll(), bytes);
        // Second time: from the cache, no request.
        const net::PhotoFetchResult again = fetch(store, h);
        QVERIFY(again.ok());
        QCOMPARE(again.source, net::PhotoFetchResult::Source::Cache);
        QCOMPARE(again.bytes, bytes);
        QCOMPARE(m_server->requestCount(), 1);
        // A fresh store (new process) still uses the cache on disk.
        net::PhotoStore second(m_db, options());
        QCOMPARE(fetch(second, h).source, net::PhotoFetchResult::Source::Cache);
        QCOMPARE(m_server->requestCount(), 1);
    }

    void concurrentRequestsShareOneDownload()
    {
        const QByteArray bytes = randomBytes(20000, 3);
        m_server->setHandler([&](const HttpTestServer::Request &) { return HttpTestServer::Response{200, bytes}; });
        const QString h = addUrlPhoto(bytes, QStringLiteral("/b"));
        net::PhotoStoreOptions o = options();
        o.useCache = false;
        net::PhotoStore store(m_db, o);
        QList<QFuture<net::PhotoFetchResult>> futures;
        for (int i = 0; i < 5; ++i)
            futures.append(store.fetch(h));
        for (const auto &f : futures) {
            QVERIFY(waitFor(f, 10000));
            QVERIFY(f.result().ok());
            QCOMPARE(f.result().bytes, bytes);
        }
        QCOMPARE(m_server->requestCount(), 1);
    }

    void wrongBytesRejected()
    {
        const QByteArray bytes = randomBytes(8000, 4);
        QByteArray tampered = bytes;
        tampered[100] = char(tampered[100] ^ 0x55);
        m_server->setHandler([&](const HttpTestServer::Request &) { return HttpTestServer::Response{200, tampered}; });
        const QString h = addUrlPhoto(bytes, QStringLiteral("/c"));
        net::PhotoStore store(m_db, options());
        const net::PhotoFetchResult r = fetch(store, h);
        QCOMPARE(r.error, net::PhotoError::HashMismatch);
        QVERIFY(r.bytes.isEmpty());
        QVERIFY2(r.message.contains(QLatin1String("SHA-256")), qPrintable(r.message));
        QVERIFY(r.message.contains(h.left(12)));
        QCOMPARE(m_server->requestCount(), 1);  // not retried: the server answered, wrongly
        QCOMPARE(store.cacheSize(), 0);           // and nothing cached
    }

    void hangingServerTimesOut()
    {
        m_server->setHandler([](const HttpTestServer::Request &) { return HttpTestServer::Response{200, {}, true}; });
        const QString h = addUrlPhoto(randomBytes(100, 5), QStringLiteral("/slow"));
        net::PhotoStoreOptions o = options(300);
        o.maxAttempts = 2;
        net::PhotoStore store(m_db, o);
        // The caller's thread keeps running while the store waits.
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });
        ticker.start(20);
        QElapsedTimer t;
        t.start();
        const net::PhotoFetchResult r = fetch(store, h);
        const qint64 ms = t.elapsed();
        QCOMPARE(r.error, net::PhotoError::Timeout);
        QCOMPARE(r.attempts, 2);
        QCOMPARE(m_server->requestCount(), 2);
        QVERIFY2(ms >= 600 && ms < 5000, qPrintable(QString::number(ms)));
        QVERIFY2(ticks >= 10, qPrintable(QString::number(ticks)));
        QVERIFY(r.message.contains(QLatin1String("2 attempts")));
    }

    // Photo URLs only to the allowed hosts: from the options, else the photo_hosts setting.
    void onlyAllowedHosts()
    {
        const QByteArray bytes = randomBytes(2000, 21);
        m_server->setHandler([&](const HttpTestServer::Request &) { return HttpTestServer::Response{200, bytes}; });
        const QString h = addUrlPhoto(bytes, QStringLiteral("/p.jpg"));
        net::PhotoStoreOptions o = options();
        o.allowedHosts = {QStringLiteral("photos.school.example"), QStringLiteral("*.cdn.example")};
        {
            net::PhotoStore store(m_db, o);
            const net::PhotoFetchResult r = fetch(store, h);
            QCOMPARE(r.error, net::PhotoError::BadUrl);
            QVERIFY2(r.message.contains(QLatin1String("127.0.0.1")), qPrintable(r.message));
            QCOMPARE(m_server->requestCount(), 0);
        }
        {
            const qint64 school = db::SchoolRepo(*m_db).insertSchool(QStringLiteral("1"), QStringLiteral("S"));
            db::SettingsRepo(*m_db).set(school, QStringLiteral("photo_hosts"), QStringLiteral("photos.school.example"), 0);
            net::PhotoStore store(m_db, options());
            QCOMPARE(fetch(store, h).error, net::PhotoError::BadUrl);
            QCOMPARE(m_server->requestCount(), 0);
            db::SettingsRepo(*m_db).set(school, QStringLiteral("photo_hosts"), QStringLiteral("photos.school.example, 127.0.0.1"), 0);
        }
        net::PhotoStore store(m_db, options());
        const net::PhotoFetchResult r = fetch(store, h);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(m_server->requestCount(), 1);
    }

    // A redirect on the photo's host is followed; one to another host is not.
    void redirectsStayOnTheHost()
    {
        const QByteArray bytes = randomBytes(3000, 22);
        const quint16 port = quint16(m_server->url(QStringLiteral("/")).port());
        m_server->setHandler([&](const HttpTestServer::Request &r) {
            if (r.path == "/moved")
                return HttpTestServer::Response{302, {}, false, false, -1, "/real.jpg"};
            if (r.path == "/away")
                return HttpTestServer::Response{302, {}, false, false, -1, "http://localhost:" + QByteArray::number(port) + "/real.jpg"};
            return HttpTestServer::Response{200, bytes};
        });
        const QString same = addUrlPhoto(bytes, QStringLiteral("/moved"));
        net::PhotoStore store(m_db, options());
        const net::PhotoFetchResult ok = fetch(store, same);
        QVERIFY2(ok.ok(), qPrintable(ok.message));
        const auto fetchedReal = [this] {
            return std::count_if(m_server->requests().cbegin(), m_server->requests().cend(),
                                 [](const HttpTestServer::Request &r) { return r.path == "/real.jpg"; });
        };
        QCOMPARE(fetchedReal(), 1);

        const QByteArray other = randomBytes(3000, 23);
        const QString away = addUrlPhoto(other, QStringLiteral("/away"));
        const net::PhotoFetchResult r = fetch(store, away);
        QCOMPARE(r.error, net::PhotoError::BadUrl);
        QVERIFY2(r.message.contains(QLatin1String("localhost")), qPrintable(r.message));
        // "localhost" is this same test server: had the redirect been followed, it would have
        // been asked for /real.jpg again.
        QCOMPARE(fetchedReal(), 1);
        QCOMPARE(m_server->requests().constLast().path, QByteArray("/away"));
    }

    // One deadline for the whole download, however the server stalls or drips.
    void overallDeadline()
    {
        m_server->setHandler([](const HttpTestServer::Request &) { return HttpTestServer::Response{200, {}, true}; });
        const QString h = addUrlPhoto(randomBytes(100, 24), QStringLiteral("/stall"));
        net::PhotoStoreOptions o = options(5000);
        o.deadlineMs = 400;
        net::PhotoStore store(m_db, o);
        QElapsedTimer t;
        t.start();
        const net::PhotoFetchResult r = fetch(store, h);
        QCOMPARE(r.error, net::PhotoError::Timeout);
        QVERIFY2(r.message.contains(QLatin1String("did not finish")), qPrintable(r.message));
        QVERIFY2(t.elapsed() < 4000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(m_server->requestCount(), 1);
    }

    void serverErrorRetriedThenSucceeds()
    {
        const QByteArray bytes = randomBytes(4000, 6);
        int calls = 0;
        m_server->setHandler([&](const HttpTestServer::Request &) {
            return ++calls <= 2 ? HttpTestServer::Response{500, "busy"} : HttpTestServer::Response{200, bytes};
        });
        const QString h = addUrlPhoto(bytes, QStringLiteral("/d"));
        net::PhotoStore store(m_db, options());
        const net::PhotoFetchResult r = fetch(store, h);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.bytes, bytes);
        QCOMPARE(r.attempts, 3);
        QCOMPARE(m_server->requestCount(), 3);
    }

    void serverErrorGivesUpAfterTheLimit()
    {
        m_server->setHandler([](const HttpTestServer::Request &) { return HttpTestServer::Response{503, "down"}; });
        const QString h = addUrlPhoto(randomBytes(100, 7), QStringLiteral("/e"));
        net::PhotoStore store(m_db, options());
        const net::PhotoFetchResult r = fetch(store, h);
        QCOMPARE(r.error, net::PhotoError::Http);
        QCOMPARE(r.httpStatus, 503);
        QCOMPARE(m_server->requestCount(), 3);
        QVERIFY2(r.message.contains(QLatin1String("503")), qPrintable(r.message));
    }

    void notFoundIsNotRetried()
    {
        m_server->setHandler([](const HttpTestServer::Request &) { return HttpTestServer::Response{404, "no"}; });
        const QString h = addUrlPhoto(randomBytes(100, 8), QStringLiteral("/f"));
        net::PhotoStore store(m_db, options());
        const net::PhotoFetchResult r = fetch(store, h);
        QCOMPARE(r.error, net::PhotoError::Http);
        QCOMPARE(r.httpStatus, 404);
        QCOMPARE(m_server->requestCount(), 1);
    }

    void sizeLimit_data()
    {
        QTest::addColumn<bool>("chunked");
        QTest::newRow("Content-Length") << false;
        QTest::newRow("chunked") << true;
    }
    void sizeLimit()
    {
        QFETCH(bool, chunked);
        const QByteArray bytes = randomBytes(200 * 1024, 9);
        m_server->setHandler([&](const HttpTestServer::Request &) {
            HttpTestServer::Response a{200, bytes};
            a.chunked = chunked;
            return a;
        });
        const QString h = addUrlPhoto(bytes, QStringLiteral("/big"));
        net::PhotoStoreOptions o = options();
        o.maxBytes = 64 * 1024;
        net::PhotoStore store(m_db, o);
        const net::PhotoFetchResult r = fetch(store, h);
        QCOMPARE(r.error, net::PhotoError::TooLarge);
        QVERIFY(r.bytes.isEmpty());
        QCOMPARE(m_server->requestCount(), 1);
    }

    void namedErrorsWithoutNetwork()
    {
        net::PhotoStore store(m_db, options());
        QCOMPARE(fetch(store, QStringLiteral("xyz")).error, net::PhotoError::BadHash);
        QCOMPARE(fetch(store, sha("absent")).error, net::PhotoError::NotFound);
        const QByteArray bytes = randomBytes(50, 10);
        db::PhotoRepo(*m_db).putUrlBlob(sha(bytes), QStringLiteral("ftp://example.org/x.jpg"), bytes.size());
        const net::PhotoFetchResult r = fetch(store, sha(bytes));
        QCOMPARE(r.error, net::PhotoError::BadUrl);
        QVERIFY(r.message.contains(QLatin1String("ftp://example.org/x.jpg")));
        QCOMPARE(net::PhotoStore::errorName(net::PhotoError::HashMismatch), QStringLiteral("hash-mismatch"));
    }

    void refusedConnectionIsANetworkError()
    {
        // A port nobody listens on: bind, note it, close.
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        const QByteArray bytes = randomBytes(50, 11);
        db::PhotoRepo(*m_db).putUrlBlob(sha(bytes), QStringLiteral("http://127.0.0.1:%1/x").arg(port), bytes.size());
        net::PhotoStore store(m_db, options());
        const net::PhotoFetchResult r = fetch(store, sha(bytes));
        QCOMPARE(r.error, net::PhotoError::Network);
        QCOMPARE(r.attempts, 3);
    }

    void diskCacheEvictsLeastRecentlyUsed()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("lru"));
        net::PhotoDiskCache cache(dir, 5000);
        QList<QByteArray> blobs;
        for (int i = 0; i < 4; ++i) {
            blobs.append(randomBytes(1000, 100 + i));
            cache.put(sha(blobs.last()), blobs.last());
            QTest::qWait(20);  // distinct modification times
        }
        QCOMPARE(cache.totalSize(), 4000);
        QCOMPARE(cache.get(sha(blobs.at(0))), blobs.at(0));  // 0 is now the most recently used
        QTest::qWait(20);
        blobs.append(randomBytes(1000, 104));
        blobs.append(randomBytes(1000, 105));
        cache.put(sha(blobs.at(4)), blobs.at(4));
        QTest::qWait(20);
        cache.put(sha(blobs.at(5)), blobs.at(5));  // 6000 > 5000: evict down to 4500
        QVERIFY(cache.totalSize() <= 4500);
        QCOMPARE(cache.get(sha(blobs.at(0))), blobs.at(0));  // kept: recently read
        QVERIFY(cache.get(sha(blobs.at(1))).isEmpty());      // oldest untouched: gone
        QCOMPARE(cache.get(sha(blobs.at(5))), blobs.at(5));
        // A corrupted file is never served and is removed.
        const QString path = dir + QLatin1Char('/') + sha(blobs.at(5)).left(2) + QLatin1Char('/') + sha(blobs.at(5));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("garbage");
        f.close();
        QVERIFY(cache.get(sha(blobs.at(5))).isEmpty());
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_GUILESS_MAIN(TestNetPhotos)
#include "test_net_photos.moc"
