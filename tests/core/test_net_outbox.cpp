// Notification delivery against a real loopback webhook, on SQLite and on the
// PostgreSQL test cluster: every row posted with its idempotency key and a valid
// signature, failures retried with backoff, permanent refusals marked failed,
// "retry" re-queues, and a new sender on the same database finishes the work of
// a stopped or crashed one.
#include "accounts/staff_service.h"
#include "db/misc_repos.h"
#include "db/server_security.h"
#include "db/outbox_delivery_repo.h"
#include "http_test_server.h"
#include "net/outbox_delivery.h"
#include "test_accounts_fixture.h"
#include "test_support.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QDateTime>
#include <QTest>

using namespace tucai;
using test::HttpTestServer;

namespace {

const QByteArray kSecret = "test-secret-0123456789abcdef";

} // namespace

class TestNetOutbox final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    std::shared_ptr<db::Database> m_db;
    std::unique_ptr<HttpTestServer> m_server;
    int m_case = 0;

    bool useEngine()
    {
        QFETCH(QString, engine);
        ++m_case;
        m_db = test::freshDatabase(engine, m_tmp, QStringLiteral("tucai_net_outbox_%1").arg(m_case));
        if (!m_db)
            return false;
        m_db->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        return true;
    }
    QList<db::OutboxRow> enqueue(int n, const QString &prefix = QStringLiteral("photo.approved"))
    {
        db::OutboxRepo repo(*m_db);
        for (int i = 0; i < n; ++i) {
            OutboxMessage m;
            m.kind = prefix;
            m.payloadJson = QStringLiteral("{\"photo\":%1,\"reasons\":\"\"}").arg(1000 + i);
            m.idempotencyKey = QStringLiteral("%1:%2:1").arg(prefix).arg(1000 + i);
            repo.enqueue(m);
        }
        auto rows = db::OutboxDeliveryRepo(*m_db).list({}, 1000);
        std::reverse(rows.begin(), rows.end());
        return rows;
    }
    net::WebhookConfig config() const
    {
        net::WebhookConfig c;
        c.url = m_server->url(QStringLiteral("/hooks/tucai"));
        c.secret = kSecret;
        c.timeoutMs = 2000;
        c.maxAttempts = 4;
        c.backoffBaseMs = 50;
        c.backoffMaxMs = 200;
        c.pollMs = 100;
        c.leaseMs = 5000;
        return c;
    }
    QMap<QString, qint64> counts() const { return db::OutboxDeliveryRepo(*m_db).countsByStatus(); }
    bool waitUntil(const std::function<bool()> &done, int ms = 15000)
    {
        QElapsedTimer t;
        t.start();
        while (!done() && t.elapsed() < ms)
            QTest::qWait(10);
        return done();
    }
    // Keys of the requests the webhook answered with 2xx.
    QStringList acceptedKeys(const QSet<int> &acceptedIndexes) const
    {
        QStringList keys;
        for (int i = 0; i < m_server->requestCount(); ++i)
            if (acceptedIndexes.contains(i))
                keys.append(QString::fromUtf8(m_server->requests().at(i).header("Idempotency-Key")));
        return keys;
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<HttpTestServer>();
        QVERIFY(m_server->isListening());
    }
    void cleanup()
    {
        m_server.reset();
        m_db.reset();
    }

    void signatureHelpers()
    {
        const QByteArray body = "{\"a\":1}";
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QByteArray sig = net::webhookSignature(kSecret, body, now);
        QVERIFY(sig.startsWith(QByteArray("t=" + QByteArray::number(now) + ",sha256=")));
        QVERIFY(net::verifyWebhookSignature(kSecret, body, sig));
        QVERIFY(!net::verifyWebhookSignature(kSecret, body + " ", sig));
        QVERIFY(!net::verifyWebhookSignature("other-secret-0123456789", body, sig));
        // Replay: the same request, captured and sent again ten minutes later, is refused;
        // moving the time forward breaks the HMAC.
        QVERIFY(net::verifyWebhookSignature(kSecret, body, sig, now + 299));
        QVERIFY(!net::verifyWebhookSignature(kSecret, body, sig, now + 600));
        QByteArray moved = sig;
        moved.replace(QByteArray("t=" + QByteArray::number(now)), QByteArray("t=" + QByteArray::number(now + 600)));
        QVERIFY(!net::verifyWebhookSignature(kSecret, body, moved, now + 600));
        // The body-only signature of before is not accepted.
        QVERIFY(!net::verifyWebhookSignature(kSecret, body, sig.mid(sig.indexOf(",") + 1)));
        // Known answer, computed independently (Python: hmac.new(b"Jefe", b"1700000000.what do ya
        // want for nothing?", hashlib.sha256).hexdigest()).
        QCOMPARE(net::webhookSignature("Jefe", "what do ya want for nothing?", 1700000000),
                 QByteArray("t=1700000000,sha256=1cdd0650c8be1cb0974b1788d458b1e781206cfef59b85faafc582d2e182c57e"));
        // https only, except to this computer.
        QVERIFY(net::webhookUrlProblem(QUrl(QStringLiteral("https://hooks.school.example/x"))).isEmpty());
        QVERIFY(net::webhookUrlProblem(QUrl(QStringLiteral("http://127.0.0.1:8080/x"))).isEmpty());
        QVERIFY(net::webhookUrlProblem(QUrl(QStringLiteral("http://hooks.school.example/x"))).contains(QLatin1String("https")));
        QVERIFY(!net::webhookUrlProblem(QUrl(QStringLiteral("ftp://hooks.school.example/x"))).isEmpty());
    }

    void secretFromEnvironmentOrKeyFile()
    {
        QString error;
        qputenv("TUCAI_TEST_HOOK_SECRET", "  abcdefghijklmnopqrstuvwxyz\n");
        QCOMPARE(net::loadWebhookSecret(QStringLiteral("TUCAI_TEST_HOOK_SECRET"), {}, &error), QByteArray("abcdefghijklmnopqrstuvwxyz"));
        error.clear();
        QVERIFY(net::loadWebhookSecret(QStringLiteral("TUCAI_TEST_HOOK_UNSET"), {}, &error).isEmpty());
        QVERIFY(error.contains(QLatin1String("TUCAI_TEST_HOOK_UNSET")));
        const QString keyFile = m_tmp.filePath(QStringLiteral("hook.key"));
        QFile f(keyFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("0123456789abcdef0123\n");
        f.close();
#ifndef Q_OS_WIN
        // A key file others may read is refused. (Windows has no such mode bits: the file is
        // protected by the ACL of the user's profile folder, and Qt reports no group/other bits.)
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
        error.clear();
        QVERIFY(net::loadWebhookSecret({}, keyFile, &error).isEmpty());
        QVERIFY2(error.contains(QLatin1String("chmod 600")), qPrintable(error));
#endif
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        error.clear();
        QCOMPARE(net::loadWebhookSecret({}, keyFile, &error), QByteArray("0123456789abcdef0123"));
        QVERIFY(error.isEmpty());
    }

    void deliversEveryRowOnceSigned_data() { TUCAI_ENGINE_ROWS(); }
    void deliversEveryRowOnceSigned()
    {
        // Receives the sender's queued signals; destroyed last, it drops any still queued.
        QObject guard;
        if (!useEngine())
            QSKIP("no PostgreSQL test cluster");
        const QList<db::OutboxRow> rows = enqueue(6);
        m_server->setHandler([](const HttpTestServer::Request &) { return HttpTestServer::Response{200, "ok"}; });
        net::OutboxDelivery delivery(m_db, config());
        QList<qint64> delivered;
        connect(&delivery, &net::OutboxDelivery::delivered, &guard, [&](qint64 id) { delivered.append(id); });
        delivery.start();
        QVERIFY(waitUntil([&] { return counts().value(QStringLiteral("delivered")) == 6; }));
        QTRY_COMPARE(delivered.size(), 6);
        QTest::qWait(300);  // nothing more is sent afterwards
        QCOMPARE(m_server->requestCount(), 6);

        QSet<QString> keys;
        for (const HttpTestServer::Request &r : m_server->requests()) {
            QCOMPARE(r.method, QByteArray("POST"));
            QCOMPARE(r.path, QByteArray("/hooks/tucai"));
            QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
            QVERIFY2(net::verifyWebhookSignature(kSecret, r.body, r.header(net::kSignatureHeader)), r.body.constData());
            const QJsonObject o = QJsonDocument::fromJson(r.body).object();
            const QString key = QString::fromUtf8(r.header("Idempotency-Key"));
            QCOMPARE(o.value(QStringLiteral("idempotency_key")).toString(), key);
            QCOMPARE(o.value(QStringLiteral("kind")).toString(), QStringLiteral("photo.approved"));
            QCOMPARE(o.value(QStringLiteral("attempt")).toInt(), 1);
            QVERIFY(o.value(QStringLiteral("payload")).toObject().contains(QStringLiteral("photo")));
            keys.insert(key);
        }
        QCOMPARE(keys.size(), 6);
        for (const db::OutboxRow &r : rows) {
            QVERIFY(keys.contains(r.idempotencyKey));
            const auto now = db::OutboxDeliveryRepo(*m_db).get(r.id);
            QCOMPARE(now->status, QStringLiteral("delivered"));
            QCOMPARE(now->attempts, 1);
            QVERIFY(now->deliveredAt > 0);
            QVERIFY(now->lastError.isEmpty());
        }
        // Rows written later are picked up by the running sender.
        enqueue(1, QStringLiteral("student.unlocked"));
        delivery.wakeUp();
        QVERIFY(waitUntil([&] { return counts().value(QStringLiteral("delivered")) == 7; }));
        QCOMPARE(m_server->requestCount(), 7);
    }

    void failingWebhookIsRetried_data() { TUCAI_ENGINE_ROWS(); }
    void failingWebhookIsRetried()
    {
        // Receives the sender's queued signals; destroyed last, it drops any still queued.
        QObject guard;
        if (!useEngine())
            QSKIP("no PostgreSQL test cluster");
        const QList<db::OutboxRow> rows = enqueue(1);
        int calls = 0;
        m_server->setHandler([&](const HttpTestServer::Request &) {
            return ++calls <= 2 ? HttpTestServer::Response{500, "database on fire"} : HttpTestServer::Response{200, "ok"};
        });
        net::OutboxDelivery delivery(m_db, config());
        QStringList errors;
        connect(&delivery, &net::OutboxDelivery::attemptFailed, &guard,
                [&](qint64, const QString &e, bool final) { errors.append(e + (final ? QStringLiteral(" final") : QString())); });
        delivery.start();
        QVERIFY(waitUntil([&] { return counts().value(QStringLiteral("delivered")) == 1; }));
        QCOMPARE(m_server->requestCount(), 3);
        QTRY_COMPARE(errors.size(), 2);
        QVERIFY2(errors.at(0).contains(QLatin1String("HTTP 500")) && errors.at(0).contains(QLatin1String("database on fire")),
                 qPrintable(errors.at(0)));
        QVERIFY(!errors.at(0).endsWith(QLatin1String("final")));
        for (const HttpTestServer::Request &r : m_server->requests()) {
            QCOMPARE(QString::fromUtf8(r.header("Idempotency-Key")), rows.first().idempotencyKey);
            QVERIFY(net::verifyWebhookSignature(kSecret, r.body, r.header(net::kSignatureHeader)));
        }
        QCOMPARE(QJsonDocument::fromJson(m_server->requests().at(2).body).object().value(QStringLiteral("attempt")).toInt(), 3);
        const auto row = db::OutboxDeliveryRepo(*m_db).get(rows.first().id);
        QCOMPARE(row->status, QStringLiteral("delivered"));
        QCOMPARE(row->attempts, 3);
    }

    void backoffGrowsAndGivesUp_data() { TUCAI_ENGINE_ROWS(); }
    void backoffGrowsAndGivesUp()
    {
        // Receives the sender's queued signals; destroyed last, it drops any still queued.
        QObject guard;
        if (!useEngine())
            QSKIP("no PostgreSQL test cluster");
        const QList<db::OutboxRow> rows = enqueue(1);
        m_server->setHandler([](const HttpTestServer::Request &) { return HttpTestServer::Response{503, "maintenance"}; });
        net::WebhookConfig c = config();
        c.backoffBaseMs = 100;
        c.backoffMaxMs = 10000;
        net::OutboxDelivery delivery(m_db, c);
        QList<qint64> at;
        QElapsedTimer clock;
        clock.start();
        connect(&delivery, &net::OutboxDelivery::attemptFailed, &guard, [&](qint64, const QString &, bool) { at.append(clock.elapsed()); });
        delivery.start();
        QVERIFY(waitUntil([&] { return counts().value(QStringLiteral("failed")) == 1; }));
        QCOMPARE(m_server->requestCount(), 4);
        QTRY_COMPARE(at.size(), 4);
        // Gaps of at least 100, 200, 400 ms (a waiting sender is never early; the times are taken
        // on this thread, which may lag behind the sender), the last clearly longer than the first.
        // Neighbouring gaps are not compared: on a loaded machine (Wine, two test programs on two
        // cores) each attempt's own cost varied by more than the 200 ms between them (273, 459, 445).
        const qint64 g1 = at[1] - at[0], g2 = at[2] - at[1], g3 = at[3] - at[2];
        QVERIFY2(g1 >= 70 && g2 >= 170 && g3 >= 370 && g3 > g1,
                 qPrintable(QStringLiteral("%1 %2 %3 %4").arg(at[0]).arg(at[1]).arg(at[2]).arg(at[3])));
        auto row = db::OutboxDeliveryRepo(*m_db).get(rows.first().id);
        QCOMPARE(row->attempts, 4);
        QVERIFY(row->lastError.contains(QLatin1String("503")));

        // The page's "retry": pending again with a fresh budget, delivered once the platform is back.
        m_server->setHandler([](const HttpTestServer::Request &) { return HttpTestServer::Response{200, "ok"}; });
        QVERIFY(db::OutboxDeliveryRepo(*m_db).retry(rows.first().id, db::nowMs()));
        QVERIFY(!db::OutboxDeliveryRepo(*m_db).retry(rows.first().id, db::nowMs()));  // only failed rows
        delivery.wakeUp();
        QVERIFY(waitUntil([&] { return counts().value(QStringLiteral("delivered")) == 1; }));
        row = db::OutboxDeliveryRepo(*m_db).get(rows.first().id);
        QCOMPARE(row->attempts, 1);
        QCOMPARE(m_server->requestCount(), 5);
    }

    void refusedMessageFailsAtOnce()
    {
        ++m_case;
        m_db = test::freshSqliteDatabase(m_tmp, QStringLiteral("refused"));
        m_db->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        const QList<db::OutboxRow> rows = enqueue(2);
        m_server->setHandler([](const HttpTestServer::Request &) { return HttpTestServer::Response{400, "unknown kind"}; });
        net::OutboxDelivery delivery(m_db, config());
        delivery.start();
        QVERIFY(waitUntil([&] { return counts().value(QStringLiteral("failed")) == 2; }));
        QCOMPARE(m_server->requestCount(), 2);
        const auto row = db::OutboxDeliveryRepo(*m_db).get(rows.first().id);
        QCOMPARE(row->attempts, 1);
        QVERIFY2(row->lastError.contains(QLatin1String("HTTP 400")) && row->lastError.contains(QLatin1String("unknown kind")),
                 qPrintable(row->lastError));
    }

    void restartContinuesWithoutLosingRows_data() { TUCAI_ENGINE_ROWS(); }
    void restartContinuesWithoutLosingRows()
    {
        if (!useEngine())
            QSKIP("no PostgreSQL test cluster");
        const QList<db::OutboxRow> rows = enqueue(8);
        // The platform accepts two, then stops answering (the third POST hangs).
        QSet<int> accepted;
        int calls = 0;
        m_server->setHandler([&](const HttpTestServer::Request &) {
            const int i = calls++;
            if (i < 2) {
                accepted.insert(i);
                return HttpTestServer::Response{200, "ok"};
            }
            HttpTestServer::Response hang;
            hang.hang = true;
            return hang;
        });
        {
            net::OutboxDelivery first(m_db, config());
            first.start();
            QVERIFY(waitUntil([&] { return m_server->requestCount() == 3; }));
            QCOMPARE(counts().value(QStringLiteral("delivered")), 2);
            QCOMPARE(counts().value(QStringLiteral("sending")), 1);
        }  // the app quits while the third POST is in flight
        QCOMPARE(counts().value(QStringLiteral("sending")), 0);
        QCOMPARE(counts().value(QStringLiteral("pending")), 6);

        // A new sender (the app started again) finishes the rest.
        m_server->dropConnections();
        m_server->setHandler([&](const HttpTestServer::Request &) {
            accepted.insert(calls++);
            return HttpTestServer::Response{200, "ok"};
        });
        net::OutboxDelivery second(m_db, config());
        second.start();
        QVERIFY(waitUntil([&] { return counts().value(QStringLiteral("delivered")) == 8; }));
        QTest::qWait(200);
        // Every row accepted exactly once; the interrupted one was simply sent again.
        QStringList keys = acceptedKeys(accepted);
        QCOMPARE(keys.size(), 8);
        QCOMPARE(QSet<QString>(keys.begin(), keys.end()).size(), 8);
        for (const db::OutboxRow &r : rows)
            QVERIFY(keys.contains(r.idempotencyKey));
        QCOMPARE(m_server->requestCount(), 9);
        QCOMPARE(m_server->requests().at(2).header("Idempotency-Key"), m_server->requests().at(3).header("Idempotency-Key"));
    }

    void crashBetweenSendingAndMarkingResends_data() { TUCAI_ENGINE_ROWS(); }
    void crashBetweenSendingAndMarkingResends()
    {
        if (!useEngine())
            QSKIP("no PostgreSQL test cluster");
        const QList<db::OutboxRow> rows = enqueue(2);
        // A sender claimed row 1, posted it and died before marking it: the
        // row stays "sending" until its lease (1.5 s here) runs out.
        const qint64 now = db::nowMs();
        QVERIFY(db::OutboxDeliveryRepo(*m_db).claim(rows.at(0).id, now, now + 1500));
        QVERIFY(!db::OutboxDeliveryRepo(*m_db).claim(rows.at(0).id, now, now + 1500));  // claimed once only
        m_server->setHandler([](const HttpTestServer::Request &) { return HttpTestServer::Response{200, "ok"}; });
        net::OutboxDelivery delivery(m_db, config());
        delivery.start();
        QVERIFY(waitUntil([&] { return counts().value(QStringLiteral("delivered")) == 1; }));
        QCOMPARE(db::OutboxDeliveryRepo(*m_db).get(rows.at(0).id)->status, QStringLiteral("sending"));
        QVERIFY(waitUntil([&] { return counts().value(QStringLiteral("delivered")) == 2; }));
        QCOMPARE(m_server->requestCount(), 2);
        QCOMPARE(QString::fromUtf8(m_server->requests().at(1).header("Idempotency-Key")), rows.at(0).idempotencyKey);
    }

    void twoSendersNeverPostTheSameRow_data() { TUCAI_ENGINE_ROWS(); }
    void twoSendersNeverPostTheSameRow()
    {
        // Receives the sender's queued signals; destroyed last, it drops any still queued.
        QObject guard;
        if (!useEngine())
            QSKIP("no PostgreSQL test cluster");
        enqueue(30);
        m_server->setHandler([](const HttpTestServer::Request &) { return HttpTestServer::Response{200, "ok"}; });
        net::OutboxDelivery a(m_db, config());
        net::OutboxDelivery b(m_db, config());
        QString problems;
        for (auto *d : {&a, &b})
            connect(d, &net::OutboxDelivery::problem, &guard, [&](const QString &m) { problems += m + QLatin1Char('\n'); });
        a.start();
        b.start();
        QVERIFY(waitUntil([&] { return counts().value(QStringLiteral("delivered")) == 30; }, 30000));
        QTest::qWait(200);
        QSet<QByteArray> keys;
        for (const HttpTestServer::Request &r : m_server->requests())
            keys.insert(r.header("Idempotency-Key"));
        QCOMPARE(keys.size(), 30);
        QCOMPARE(m_server->requestCount(), 30);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }

    void commandLineSender()
    {
        ++m_case;
        m_db = test::freshSqliteDatabase(m_tmp, QStringLiteral("cli"));
        m_db->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        db::SchoolRepo(*m_db).insertSchool(QStringLiteral("10001"), QStringLiteral("Test University"));
        enqueue(3);
        m_server->setHandler([](const HttpTestServer::Request &) { return HttpTestServer::Response{200, "ok"}; });
        const QString dbPath = m_db->target().path;
        m_db->closeThisThread();
        // Runs tucai while this thread keeps serving HTTP.
        const auto run = [&](const QStringList &args, const QProcessEnvironment &env, QString *out) {
            QProcess p;
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(TUCAI_CLI_PATH), args);
            if (!waitUntil([&] { return p.state() == QProcess::NotRunning; }, 30000))
                p.kill();
            p.waitForFinished(1000);
            *out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
            return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        };
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QString::fromLatin1(net::kDefaultSecretEnv));
        QString out;
        QCOMPARE(run({QStringLiteral("outbox"), QStringLiteral("set-url"), QStringLiteral("--db"), dbPath,
                      m_server->url(QStringLiteral("/cli")).toString()}, env, &out), 0);
        // Without the secret nothing is sent and the reason is named.
        QCOMPARE(run({QStringLiteral("outbox"), QStringLiteral("deliver"), QStringLiteral("--db"), dbPath, QStringLiteral("--once")}, env,
                     &out), 1);
        QVERIFY2(out.contains(QLatin1String("TUCAI_WEBHOOK_SECRET")), qPrintable(out));
        QCOMPARE(m_server->requestCount(), 0);
        env.insert(QStringLiteral("HOOK_SECRET"), QString::fromLatin1(kSecret));
        QCOMPARE(run({QStringLiteral("outbox"), QStringLiteral("deliver"), QStringLiteral("--db"), dbPath, QStringLiteral("--secret-env"),
                      QStringLiteral("HOOK_SECRET"), QStringLiteral("--once")}, env, &out), 0);
        QVERIFY2(out.contains(QLatin1String("3 delivered")), qPrintable(out));
        QCOMPARE(m_server->requestCount(), 3);
        for (const HttpTestServer::Request &r : m_server->requests()) {
            QCOMPARE(r.path, QByteArray("/cli"));
            QVERIFY(net::verifyWebhookSignature(kSecret, r.body, r.header(net::kSignatureHeader)));
        }
        QCOMPARE(counts().value(QStringLiteral("delivered")), 3);
    }

    void postgresRolesMayRetryAndSend()
    {
        TUCAI_REQUIRE_PG();
        QObject guard;
        auto owner = test::freshPgDatabase(QStringLiteral("tucai_net_outbox_roles"));
        owner->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        const test::MiniSchool m = test::buildMiniSchool(*owner);
        accounts::StaffService::syncAllRoles(*owner);
        const QString password = QStringLiteral("Role-pass-2026");
        db::ServerSecurity security(*owner);
        const QString adminRole = security.syncStaffRole(m.admin, password);
        const QString reviewerRole = security.syncStaffRole(m.reviewer, password);
        m_db = std::move(owner);
        const QList<db::OutboxRow> rows = enqueue(2);
        const qint64 now = db::nowMs();
        QVERIFY(db::OutboxDeliveryRepo(*m_db).claim(rows.at(0).id, now, now + 1000));
        QVERIFY(db::OutboxDeliveryRepo(*m_db).markAttemptFailed(rows.at(0).id, QStringLiteral("HTTP 400"), true, 0));

        const auto connectAs = [&](const QString &role) {
            db::DbTarget t = m_db->target();
            t.user = role;
            t.password = password;
            auto d = std::make_shared<db::Database>(t);
            d->openAndMigrate();
            return d;
        };
        // A reviewer reads the outbox but cannot change delivery state.
        const auto reviewerDb = connectAs(reviewerRole);
        QCOMPARE(db::OutboxDeliveryRepo(*reviewerDb).list({}, 10).size(), 2);
        QVERIFY_THROWS_EXCEPTION(db::DbError, db::OutboxDeliveryRepo(*reviewerDb).retry(rows.at(0).id, db::nowMs()));
        // A school administrator retries, and the app's sender on that login delivers.
        const auto adminDb = connectAs(adminRole);
        QVERIFY(db::OutboxDeliveryRepo(*adminDb).retry(rows.at(0).id, db::nowMs()));
        m_server->setHandler([](const HttpTestServer::Request &) { return HttpTestServer::Response{200, "ok"}; });
        QString problems;
        {
            net::OutboxDelivery delivery(adminDb, config());
            connect(&delivery, &net::OutboxDelivery::problem, &guard, [&](const QString &p) { problems += p; });
            delivery.start();
            QVERIFY(waitUntil([&] { return counts().value(QStringLiteral("delivered")) == 2; }));
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        QCOMPARE(m_server->requestCount(), 2);
    }
};

QTEST_GUILESS_MAIN(TestNetOutbox)
#include "test_net_outbox.moc"
