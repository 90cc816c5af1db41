#pragma once
// A small HTTP/1.1 server on 127.0.0.1 for the network tests: real sockets,
// real requests parsed (method, path, headers, Content-Length body), answers
// decided by a handler per request: a status and body, a lying Content-Length,
// a chunked body, or no answer at all (hang). Lives on the test's thread; the
// clients under test run on their own threads.
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <functional>
#include <memory>

namespace tucai::test {

class HttpTestServer final
{
public:
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QHash<QByteArray, QByteArray> headers;  // lower-case names
        QByteArray body;
        QByteArray header(const char *name) const { return headers.value(QByteArray(name).toLower()); }
    };
    struct Response
    {
        int status = 200;
        QByteArray body;
        bool hang = false;       // read the request, never answer
        bool chunked = false;    // no Content-Length: the size is only known while reading
        qint64 announce = -1;    // Content-Length to claim (default: body size)
        QByteArray location;     // a Location header (redirects)
    };
    using Handler = std::function<Response(const Request &)>;

    HttpTestServer()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_context, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                m_sockets.append(s);
                auto buffer = std::make_shared<QByteArray>();
                QObject::connect(s, &QTcpSocket::readyRead, &m_context, [this, s, buffer] {
                    *buffer += s->readAll();
                    serve(s, *buffer);
                });
                QObject::connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
    ~HttpTestServer()
    {
        for (const QPointer<QTcpSocket> &s : std::as_const(m_sockets))
            if (s)
                s->abort();
    }

    bool isListening() const { return m_server.isListening(); }
    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
    }
    void setHandler(Handler h) { m_handler = std::move(h); }
    const QList<Request> &requests() const { return m_requests; }
    int requestCount() const { return int(m_requests.size()); }
    // Closes every open connection (e.g. the ones left hanging).
    void dropConnections()
    {
        for (const QPointer<QTcpSocket> &s : std::as_const(m_sockets))
            if (s)
                s->abort();
        m_sockets.clear();
    }

    static QByteArray reason(int status)
    {
        switch (status) {
        case 200: return "OK";
        case 400: return "Bad Request";
        case 404: return "Not Found";
        case 500: return "Internal Server Error";
        case 503: return "Service Unavailable";
        default: return "Status";
        }
    }

private:
    void serve(QTcpSocket *s, QByteArray &buffer)
    {
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            Request r;
            const QList<QByteArray> lines = buffer.left(end).split('\n');
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            r.method = first.value(0);
            r.path = first.value(1);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines.at(i).indexOf(':');
                if (colon > 0)
                    r.headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
            }
            const qsizetype length = r.headers.value("content-length", "0").toLongLong();
            if (buffer.size() < end + 4 + length)
                return;  // body not complete yet
            r.body = buffer.mid(end + 4, length);
            buffer.remove(0, end + 4 + length);
            m_requests.append(r);
            const Response a = m_handler ? m_handler(r) : Response{};
            if (a.hang)
                continue;
            QByteArray out = "HTTP/1.1 " + QByteArray::number(a.status) + ' ' + reason(a.status) + "\r\n";
            out += "Content-Type: application/octet-stream\r\n";
            if (!a.location.isEmpty())
                out += "Location: " + a.location + "\r\n";
            if (a.chunked) {
                out += "Transfer-Encoding: chunked\r\n\r\n";
                for (qsizetype at = 0; at < a.body.size(); at += 4096) {
                    const QByteArray part = a.body.mid(at, 4096);
                    out += QByteArray::number(part.size(), 16) + "\r\n" + part + "\r\n";
                }
                out += "0\r\n\r\n";
            } else {
                out += "Content-Length: " + QByteArray::number(a.announce >= 0 ? a.announce : a.body.size()) + "\r\n\r\n";
                out += a.body;
            }
            s->write(out);
        }
    }

    QObject m_context;
    QTcpServer m_server;
    Handler m_handler;
    QList<Request> m_requests;
    QList<QPointer<QTcpSocket>> m_sockets;
};

} // namespace tucai::test
