#include "net/outbox_delivery.h"

#include "db/database.h"
#include "db/outbox_delivery_repo.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHostAddress>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <cstdlib>
#include <optional>

namespace tucai::net {
namespace {


// Constant-time comparison: the signature check must not leak how many leading bytes matched.
bool sameBytes(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

} // namespace

QByteArray webhookSignature(const QByteArray &secret, const QByteArray &body, qint64 timestampSecs)
{
    const QByteArray t = QByteArray::number(timestampSecs);
    return "t=" + t + ",sha256=" + QMessageAuthenticationCode::hash(t + '.' + body, secret, QCryptographicHash::Sha256).toHex();
}

bool verifyWebhookSignature(const QByteArray &secret, const QByteArray &body, const QByteArray &header, qint64 nowSecs, int toleranceSecs)
{
    const QByteArray h = header.trimmed().toLower();
    if (secret.isEmpty() || !h.startsWith("t="))
        return false;
    bool ok = false;
    const qint64 t = h.mid(2, h.indexOf(',') - 2).toLongLong(&ok);
    if (!ok)
        return false;
    if (nowSecs < 0)
        nowSecs = QDateTime::currentSecsSinceEpoch();
    if (std::abs(nowSecs - t) > toleranceSecs)
        return false;  // a replay of an old request (or a clock far off)
    return sameBytes(webhookSignature(secret, body, t), h);
}

QString webhookUrlProblem(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return QCoreApplication::translate("OutboxDelivery", "not an https URL: %1").arg(url.toDisplayString(QUrl::RemoveUserInfo));
    const QHostAddress address(url.host());
    const bool local = url.host().compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 || (!address.isNull() && address.isLoopback());
    if (url.scheme() == QLatin1String("http") && !local)
        return QCoreApplication::translate("OutboxDelivery", "the webhook must use https (notifications carry student data): %1")
            .arg(url.toDisplayString(QUrl::RemoveUserInfo));
    return {};
}

QByteArray webhookBody(const db::OutboxRow &row, int attempt)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), row.id);
    o.insert(QStringLiteral("kind"), row.kind);
    o.insert(QStringLiteral("idempotency_key"), row.idempotencyKey);
    o.insert(QStringLiteral("created_at"), row.createdAt);
    o.insert(QStringLiteral("student_id"), row.studentId ? QJsonValue(row.studentId) : QJsonValue());
    o.insert(QStringLiteral("attempt"), attempt);
    // The payload is JSON written by the action; sent as an object, or as text if it is not.
    QJsonParseError pe;
    const QJsonDocument payload = QJsonDocument::fromJson(row.payloadJson.toUtf8(), &pe);
    if (pe.error == QJsonParseError::NoError && payload.isObject())
        o.insert(QStringLiteral("payload"), payload.object());
    else if (pe.error == QJsonParseError::NoError && payload.isArray())
        o.insert(QStringLiteral("payload"), payload.array());
    else
        o.insert(QStringLiteral("payload"), row.payloadJson);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray loadWebhookSecret(const QString &envVar, const QString &keyFile, QString *error)
{
    QByteArray secret;
    if (!keyFile.isEmpty()) {
        QFile f(keyFile);
        if (!f.open(QIODevice::ReadOnly)) {
            if (error)
                *error = QCoreApplication::translate("OutboxDelivery", "Cannot read the webhook key file %1: %2").arg(keyFile, f.errorString());
            return {};
        }
#ifndef Q_OS_WIN
        // Like ssh with private keys: a secret others can read is no secret.
        if (f.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)) {
            if (error)
                *error = QCoreApplication::translate("OutboxDelivery", "The webhook key file %1 is readable by other users; restrict it (chmod 600).").arg(keyFile);
            return {};
        }
#endif
        secret = f.readAll().trimmed();
    } else {
        const QString var = envVar.isEmpty() ? QString::fromLatin1(kDefaultSecretEnv) : envVar;
        secret = qgetenv(var.toLocal8Bit().constData()).trimmed();
        if (secret.isEmpty() && error)
            *error = QCoreApplication::translate("OutboxDelivery", "The environment variable %1 holding the webhook secret is not set or empty.").arg(var);
    }
    if (!secret.isEmpty() && secret.size() < 16) {
        if (error)
            *error = QCoreApplication::translate("OutboxDelivery", "The webhook secret is too short (at least 16 characters).");
        return {};
    }
    if (secret.isEmpty() && error && error->isEmpty())
        *error = QCoreApplication::translate("OutboxDelivery", "The webhook key file %1 is empty.").arg(keyFile);
    return secret;
}

qint64 webhookBackoffMs(const WebhookConfig &c, int failedAttempts)
{
    const int shift = std::clamp(failedAttempts - 1, 0, 30);
    return std::min<qint64>(qint64(c.backoffBaseMs) << shift, c.backoffMaxMs);
}

// ---------------------------------------------------------------- worker

class OutboxWorker final : public QObject
{
    Q_DECLARE_TR_FUNCTIONS(OutboxDelivery)
public:
    OutboxWorker(std::shared_ptr<db::Database> db, const WebhookConfig &c, OutboxDelivery *owner)
        : m_db(std::move(db)), m_config(c), m_owner(owner)
    {
    }
    void start();
    void tick();
    void stop();

private:
    void send(const db::OutboxRow &row);
    void onFinished(QNetworkReply *reply);
    void scheduleTick(qint64 ms);

    std::shared_ptr<db::Database> m_db;
    WebhookConfig m_config;
    OutboxDelivery *m_owner;
    QNetworkAccessManager *m_nam = nullptr;
    QTimer *m_timer = nullptr;
    QNetworkReply *m_reply = nullptr;
    std::optional<db::OutboxRow> m_row;  // the claimed row being posted
    bool m_stopping = false;
};

void OutboxWorker::start()
{
    m_nam = new QNetworkAccessManager(this);
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] { tick(); });
    tick();
}

void OutboxWorker::scheduleTick(qint64 ms)
{
    if (!m_stopping)
        m_timer->start(int(std::clamp<qint64>(ms, 0, m_config.pollMs)));
}

void OutboxWorker::tick()
{
    if (m_stopping || m_reply || !m_timer)
        return;
    try {
        const db::OutboxDeliveryRepo repo(*m_db);
        const qint64 now = db::nowMs();
        const QList<qint64> ids = repo.dueIds(now, 20);
        db::OutboxDeliveryRepo writer(*m_db);
        for (qint64 id : ids) {
            // Another sender may claim first: try the next one.
            if (auto row = writer.claim(id, now, now + m_config.leaseMs)) {
                send(*row);
                return;
            }
        }
        const qint64 next = repo.nextDueAt();
        Q_EMIT m_owner->idle();
        scheduleTick(next > 0 ? std::max<qint64>(next - db::nowMs(), 20) : m_config.pollMs);
    } catch (const db::DbError &e) {
        Q_EMIT m_owner->problem(e.message());
        scheduleTick(m_config.pollMs);
    }
}

void OutboxWorker::send(const db::OutboxRow &row)
{
    m_row = row;
    const QByteArray body = webhookBody(row, row.attempts + 1);
    QNetworkRequest req(m_config.url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    req.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("tucai-admin outbox"));
    req.setRawHeader(QByteArrayLiteral("Idempotency-Key"), row.idempotencyKey.toUtf8());
    req.setRawHeader(QByteArray(kSignatureHeader), webhookSignature(m_config.secret, body, QDateTime::currentSecsSinceEpoch()));
    req.setTransferTimeout(m_config.timeoutMs);
    // A redirected POST would turn into a GET: treat 3xx as a failure to look at.
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    m_reply = m_nam->post(req, body);
    QNetworkReply *reply = m_reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
}

void OutboxWorker::onFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_reply || !m_row)
        return;
    m_reply = nullptr;
    const db::OutboxRow row = *m_row;
    m_row.reset();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError err = reply->error();
    const QByteArray answer = reply->isOpen() ? reply->readAll().left(300) : QByteArray();
    try {
        db::OutboxDeliveryRepo repo(*m_db);
        if (status >= 200 && status < 300 && err == QNetworkReply::NoError) {
            repo.markDelivered(row.id, db::nowMs());
            Q_EMIT m_owner->delivered(row.id);
        } else {
            QString why;
            bool permanent = false;
            if (status > 0) {
                why = QCoreApplication::translate("OutboxDelivery", "HTTP %1 %2").arg(status).arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString()).trimmed();
                const QString text = QString::fromUtf8(answer).simplified();
                if (!text.isEmpty())
                    why += QStringLiteral(": ") + text;
                // The platform refused this message itself: retrying will not help.
                permanent = status >= 400 && status < 500 && status != 408 && status != 425 && status != 429;
            } else if (err == QNetworkReply::OperationCanceledError || err == QNetworkReply::TimeoutError) {
                why = QCoreApplication::translate("OutboxDelivery", "no answer within %1 s").arg(m_config.timeoutMs / 1000.0);
            } else {
                why = reply->errorString();
            }
            const int attempts = row.attempts + 1;
            const bool final = permanent || attempts >= m_config.maxAttempts;
            repo.markAttemptFailed(row.id, why, final, db::nowMs() + webhookBackoffMs(m_config, attempts));
            Q_EMIT m_owner->attemptFailed(row.id, why, final);
        }
    } catch (const db::DbError &e) {
        // The row stays "sending" until its lease runs out, then it is sent again.
        Q_EMIT m_owner->problem(e.message());
        scheduleTick(m_config.pollMs);
        return;
    }
    scheduleTick(0);
}

void OutboxWorker::stop()
{
    m_stopping = true;
    if (m_timer)
        m_timer->stop();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    if (m_row) {
        // Possibly already received: sending it again later is harmless (same key).
        try {
            db::OutboxDeliveryRepo(*m_db).release(m_row->id);
        } catch (const db::DbError &) {
            // The lease expires by itself.
        }
        m_row.reset();
    }
    delete m_nam;
    m_nam = nullptr;
    m_db->closeThisThread();
}

// ---------------------------------------------------------------- controller

OutboxDelivery::OutboxDelivery(std::shared_ptr<db::Database> db, WebhookConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config))
{
    m_config.maxAttempts = std::max(1, m_config.maxAttempts);
    m_config.pollMs = std::max(10, m_config.pollMs);
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("tucai-outbox"));
    m_worker = new OutboxWorker(std::move(db), m_config, this);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

OutboxDelivery::~OutboxDelivery()
{
    OutboxWorker *w = m_worker;
    QMetaObject::invokeMethod(w, [w] { w->stop(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void OutboxDelivery::start()
{
    OutboxWorker *w = m_worker;
    QMetaObject::invokeMethod(w, [w] { w->start(); }, Qt::QueuedConnection);
}

void OutboxDelivery::wakeUp()
{
    OutboxWorker *w = m_worker;
    QMetaObject::invokeMethod(w, [w] { w->tick(); }, Qt::QueuedConnection);
}

} // namespace tucai::net
