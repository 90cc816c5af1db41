#pragma once
#include <QString>
#include <QStringList>
#include <optional>

namespace tucai::db {

// Where the collection database lives: a SQLite file or a PostgreSQL server.
// Parsed from the `--db` argument: a file path, `sqlite:PATH`, or
// `postgresql://user[:password]@host[:port]/database[?sslmode=MODE&sslrootcert=FILE]`.
struct DbTarget
{
    enum class Kind { Sqlite, Postgres };
    Kind kind = Kind::Sqlite;
    QString path;          // SQLite
    QString host;          // PostgreSQL
    int port = 5432;
    QString database;
    QString user;
    QString password;      // never written to settings or logs
    // libpq's TLS settings. Empty sslMode: verify-full for a server on another machine
    // (the certificate must chain to sslRootCert, and name the host), prefer for this one.
    QString sslMode;
    QString sslRootCert;   // file of the trusted root certificate(s); empty: libpq's default

    static std::optional<DbTarget> parse(const QString &text, QString *error = nullptr);
    static DbTarget sqlite(const QString &path);
    // Without the password: safe for logs, status bars and settings.
    QString displayName() const;
    QString url(bool withPassword = false) const;
    bool isPostgres() const { return kind == Kind::Postgres; }
    // The mode actually used (sslMode, or the default for the host).
    QString effectiveSslMode() const;
    bool isLocalHost() const;
    static const QStringList &sslModes();
};

} // namespace tucai::db
