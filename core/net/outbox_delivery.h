#pragma once
#include <QByteArray>
#include <QObject>
#include <QString>
#include <QUrl>
#include <memory>

class QThread;

namespace tucai::db {
class Database;
struct OutboxRow;
} // namespace tucai::db

namespace tucai::net {

// Where and how notifications are posted.
//
// The webhook URL is not secret: it lives in the settings table (name
// kWebhookUrlSetting) next to the other school settings. The shared secret
// must not: every staff member can read the settings table. It is read on the
// machine that runs the delivery, from an environment variable
// (default TUCAI_WEBHOOK_SECRET; `tucai outbox deliver --secret-env VAR`) or
// from a key file readable only by that account (`--secret-file PATH`, or the
// local QSettings key "notify/webhookSecretFile" for the desktop app).
struct WebhookConfig
{
    QUrl url;
    QByteArray secret;
    int timeoutMs = 15000;          // QNetworkRequest transfer timeout per POST
    int maxAttempts = 10;           // then the row is "failed" (the page can retry it)
    int backoffBaseMs = 5000;       // 5 s, 10 s, 20 s ... capped
    int backoffMaxMs = 60 * 60 * 1000;
    int leaseMs = 2 * 60 * 1000;    // a claim older than this is taken as its sender's crash
    int pollMs = 5000;              // how often to look for new rows when idle
};

inline constexpr char kWebhookUrlSetting[] = "webhook_url";
inline constexpr char kDefaultSecretEnv[] = "TUCAI_WEBHOOK_SECRET";
inline constexpr char kSignatureHeader[] = "X-Tucai-Signature";

// The kSignatureHeader value: "t=<unix seconds>,sha256=<64 lower-case hex>", the HMAC-SHA256
// with the shared secret of "<t>." followed by the raw body. The time makes a captured
// request useless later: the receiver refuses one older than a few minutes (and keeps the
// idempotency keys it has seen for that long).
QByteArray webhookSignature(const QByteArray &secret, const QByteArray &body, qint64 timestampSecs);
// Checks the header against the body and that its time is within toleranceSecs of nowSecs
// (-1: the current time). Constant-time comparison.
bool verifyWebhookSignature(const QByteArray &secret, const QByteArray &body, const QByteArray &header, qint64 nowSecs = -1,
                            int toleranceSecs = 300);
// Why a webhook URL is refused (translated), or empty: https only, except to this computer.
QString webhookUrlProblem(const QUrl &url);
// The JSON document posted for one row (attempt = 1 for the first try).
QByteArray webhookBody(const db::OutboxRow &row, int attempt);
// The secret from an environment variable or a key file (whitespace trimmed).
// Empty + *error on failure; a key file readable by others is refused.
QByteArray loadWebhookSecret(const QString &envVar, const QString &keyFile, QString *error);
// Delay before attempt n+1 after n failed attempts: base * 2^(n-1), capped.
qint64 webhookBackoffMs(const WebhookConfig &c, int failedAttempts);

class OutboxWorker;

// Delivers notification_outbox rows to the webhook in the background: a worker
// on its own thread with its own database connection claims one due row at a
// time, POSTs it (Idempotency-Key = the row's key, signature header), and marks
// it delivered, or pending again with a backed-off next_attempt_at, or failed
// with the reason. All state is in the database: destroying this object (or the
// process dying) loses nothing; a new sender on the same database carries on.
class OutboxDelivery final : public QObject
{
    Q_OBJECT
public:
    OutboxDelivery(std::shared_ptr<db::Database> db, WebhookConfig config, QObject *parent = nullptr);
    // Stops: an in-flight POST is aborted and its row given back (pending).
    ~OutboxDelivery() override;

    void start();
    // Look for due rows now (e.g. after a decision or a "retry").
    void wakeUp();
    const WebhookConfig &config() const { return m_config; }

Q_SIGNALS:
    void delivered(qint64 outboxId);
    // final = the row is now "failed" and waits for a manual retry.
    void attemptFailed(qint64 outboxId, const QString &error, bool final);
    // Nothing due right now.
    void idle();
    // The database could not be used (the worker retries after pollMs).
    void problem(const QString &message);

private:
    WebhookConfig m_config;
    QThread *m_thread = nullptr;
    OutboxWorker *m_worker = nullptr;
};

} // namespace tucai::net
