#include "db/db_target.h"

#include <QCoreApplication>
#include <QDir>
#include <QUrl>

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
    return u.toString();
}

QString DbTarget::displayName() const
{
    if (kind == Kind::Sqlite)
        return QStringLiteral("SQLite: %1").arg(QDir::toNativeSeparators(path));
    return QStringLiteral("PostgreSQL: %1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

} // namespace tucai::db
