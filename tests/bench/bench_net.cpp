// Benchmark of the photo store over HTTP and of notification delivery, against
// the loopback test server (tests/core/http_test_server.h) and a SQLite file.
//
//   cmake -S . -B build-x -G Ninja -DTUCAI_BUILD_BENCH=ON && ninja -C build-x bench_net
//   build-x/tests/bench/bench_net [--photos 400] [--kb 120] [--rows 2000]
//
// Prints: photos downloaded + SHA-256 checked + cached per second (all requested
// at once), the same photos from the disk cache, and outbox rows delivered per
// second (POST, signature, mark in the database, one row at a time).
#include "../core/http_test_server.h"
#include "db/misc_repos.h"
#include "db/outbox_delivery_repo.h"
#include "db/photo_repo.h"
#include "net/outbox_delivery.h"
#include "net/photo_store.h"
#include "test_support.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHash>
#include <QRandomGenerator>
#include <QEventLoop>
#include <QTimer>
#include <algorithm>
#include <functional>
#include <cstdio>

using namespace tucai;

namespace {

int option(const QStringList &args, const char *name, int fallback)
{
    const int i = args.indexOf(QString::fromLatin1(name));
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toInt() : fallback;
}

// Runs the event loop (the test server lives on this thread) until done() holds.
// Not QTest::qWait: it sleeps up to 10 ms between passes, which would be measured.
void runUntil(const std::function<bool()> &done)
{
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    poll.start(2);
    if (!done())
        loop.exec();
}

double fetchAll(net::PhotoStore &store, const QStringList &hashes, int *failures)
{
    QElapsedTimer t;
    t.start();
    QList<QFuture<net::PhotoFetchResult>> futures;
    for (const QString &h : hashes)
        futures.append(store.fetch(h));
    *failures = 0;
    runUntil([&] { return futures.constLast().isFinished() && std::all_of(futures.cbegin(), futures.cend(), [](const auto &f) { return f.isFinished(); }); });
    for (const auto &f : futures)
        *failures += f.result().ok() ? 0 : 1;
    return t.nsecsElapsed() / 1e9;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int photos = option(args, "--photos", 400);
    const int kb = option(args, "--kb", 120);
    const int rows = option(args, "--rows", 2000);

    QTemporaryDir tmp;
    auto database = std::shared_ptr<db::Database>(test::freshSqliteDatabase(tmp, QStringLiteral("bench_net")));
    database->openAndMigrate(db::Database::OpenMode::CreateIfMissing);

    test::HttpTestServer server;
    QHash<QByteArray, QByteArray> files;
    server.setHandler([&](const test::HttpTestServer::Request &r) {
        if (r.method == "POST")
            return test::HttpTestServer::Response{200, "ok"};
        return test::HttpTestServer::Response{200, files.value(r.path)};
    });

    // Photos at URLs.
    QStringList hashes;
    {
        db::PhotoRepo repo(*database);
        db::Transaction tx(*database);
        QRandomGenerator g(7);
        for (int i = 0; i < photos; ++i) {
            QByteArray b(kb * 1024, Qt::Uninitialized);
            for (qsizetype k = 0; k < b.size(); k += 4) {
                const quint32 v = g.generate();
                memcpy(b.data() + k, &v, std::min<qsizetype>(4, b.size() - k));
            }
            const QString h = QString::fromLatin1(QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex());
            const QByteArray path = "/p/" + h.toLatin1();
            files.insert(path, b);
            repo.putUrlBlob(h, server.url(QString::fromLatin1(path)).toString(), b.size());
            hashes.append(h);
        }
        tx.commit();
    }
    net::PhotoStoreOptions o;
    o.cacheDir = tmp.filePath(QStringLiteral("cache"));
    int failures = 0;
    double downloaded = 0, cached = 0;
    {
        net::PhotoStore store(database, o);
        downloaded = fetchAll(store, hashes, &failures);
        std::printf("photo store: %d photos of %d KB over HTTP, checked and cached: %.2f s = %.0f photos/s (%.1f MB/s), %d failed\n",
                    photos, kb, downloaded, photos / downloaded, photos * kb / 1024.0 / downloaded, failures);
        cached = fetchAll(store, hashes, &failures);
        std::printf("photo store: same photos from the disk cache: %.2f s = %.0f photos/s, %d failed, %d HTTP requests in all\n", cached,
                    photos / cached, failures, server.requestCount());
    }

    // Outbox delivery.
    {
        db::OutboxRepo writer(*database);
        db::Transaction tx(*database);
        for (int i = 0; i < rows; ++i) {
            OutboxMessage m;
            m.kind = QStringLiteral("photo.approved");
            m.payloadJson = QStringLiteral("{\"photo\":%1,\"reasons\":\"\"}").arg(i);
            m.idempotencyKey = QStringLiteral("bench:%1").arg(i);
            writer.enqueue(m);
        }
        tx.commit();
    }
    net::WebhookConfig c;
    c.url = server.url(QStringLiteral("/hook"));
    c.secret = "bench-secret-0123456789abcdef";
    const int before = server.requestCount();
    QElapsedTimer t;
    t.start();
    {
        net::OutboxDelivery delivery(database, c);
        delivery.start();
        int delivered = 0;
        QObject::connect(&delivery, &net::OutboxDelivery::delivered, &delivery, [&] { ++delivered; });
        runUntil([&] { return delivered >= rows; });
    }
    const double s = t.nsecsElapsed() / 1e9;
    std::printf("outbox: %d rows delivered (POST + HMAC + mark) in %.2f s = %.0f rows/s, %d POSTs\n", rows, s, rows / s,
                server.requestCount() - before);
    return 0;
}
