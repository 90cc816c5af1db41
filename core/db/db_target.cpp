#include "db/db_target.h"

#include <QCoreApplication>
#include <QDir>
#include <QHostAddress>
#include <QUrl>
#include <QUrlQuery>

namespace tucai::db {

DbTarget DbTarget::sqlite(const QString &path)
{
    DbTarget t;
    t.kind = Kind::Sqlite;
    t.path = path;
    return t;
}

std::optional<DbTarget> DbTarget::parse(const QString &text, QString *error)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("DbTarget", "No database given.");
        return std::nullopt;
    }
    if (trimmed.startsWith(QLatin1String("postgresql://")) || trimmed.startsWith(QLatin1String("postgres://"))) {
        const QUrl url(trimmed, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty()) {
            if (error)
                *error = QCoreApplication::translate("DbTarget", "Not a valid PostgreSQL address: %1 (expected postgresql://user@host:port/database)")
                             .arg(QUrl(trimmed).toDisplayString(QUrl::RemovePassword));
            return std::nullopt;
        }
        DbTarget t;
        t.kind = Kind::Postgres;
        t.host = url.host();
        t.port = url.port(5432);
        t.database = url.path().mid(1);
        t.user = url.userName();
        t.password = url.password();
        if (t.database.isEmpty())
            t.database = QStringLiteral("tucai");
        if (t.user.isEmpty())
            t.user = QStringLiteral("postgres");
        const QUrlQuery query(url);
        for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded)) {
            if (name == QLatin1String("sslmode")) {
                t.sslMode = value;
            } else if (name == QLatin1String("sslrootcert")) {
                t.sslRootCert = value;
            } else {
                if (error)
                    *error = QCoreApplication::translate("DbTarget", "Unknown connection setting %1 (known: sslmode, sslrootcert).").arg(name);
                return std::nullopt;
            }
        }
        if (!t.sslMode.isEmpty() && !sslModes().contains(t.sslMode)) {
            if (error)
                *error = QCoreApplication::translate("DbTarget", "sslmode must be one of %1.").arg(sslModes().join(QStringLiteral(", ")));
            return std::nullopt;
        }
        // The Qt driver splits its options at ';'.
        if (t.sslRootCert.contains(QLatin1Char(';'))) {
            if (error)
                *error = QCoreApplication::translate("DbTarget", "The certificate file name must not contain ';'.");
            return std::nullopt;
        }
        return t;
    }
    QString path = trimmed;
    if (path.startsWith(QLatin1String("sqlite:")))
        path = path.mid(7);
    return sqlite(path.startsWith(QLatin1String("file:")) ? path : QDir::cleanPath(path));
}

QString DbTarget::url(bool withPassword) const
{
    if (kind == Kind::Sqlite)
        return path;
    QUrl u;
    u.setScheme(QStringLiteral("postgresql"));
    u.setHost(host);
    u.setPort(port);
    u.setUserName(user);
    if (withPassword && !password.isEmpty())
        u.setPassword(password);
    u.setPath(QLatin1Char('/') + database);
    QUrlQuery q;
    if (!sslMode.isEmpty())
        q.addQueryItem(QStringLiteral("sslmode"), sslMode);
    if (!sslRootCert.isEmpty())
        q.addQueryItem(QStringLiteral("sslrootcert"), QString::fromLatin1(QUrl::toPercentEncoding(sslRootCert, "/:\\")));
    if (!q.isEmpty())
        u.setQuery(q);
    // Fully encoded: parse() reads it back strictly (spaces and Chinese characters in a path).
    return u.toString(QUrl::FullyEncoded);
}

const QStringList &DbTarget::sslModes()
{
    static const QStringList modes{QStringLiteral("disable"), QStringLiteral("allow"), QStringLiteral("prefer"),
                                   QStringLiteral("require"), QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
    return modes;
}

bool DbTarget::isLocalHost() const
{
    if (host.isEmpty() || host.startsWith(QLatin1Char('/')) || host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress a(host);
    return !a.isNull() && a.isLoopback();
}

QString DbTarget::effectiveSslMode() const
{
    if (!sslMode.isEmpty())
        return sslMode;
    // Nothing to intercept on this machine; anywhere else the server must prove who it is.
    return isLocalHost() ? QStringLiteral("prefer") : QStringLiteral("verify-full");
}

QString DbTarget::displayName() const
{
    if (kind == Kind::Sqlite)
        return QStringLiteral("SQLite: %1").arg(QDir::toNativeSeparators(path));
    return QStringLiteral("PostgreSQL: %1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

} // namespace tucai::db
