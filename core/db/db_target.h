#pragma once
#include <QString>
#include <optional>

namespace tucai::db {

// Where the collection database lives: a SQLite file or a PostgreSQL server.
// Parsed from the `--db` argument: a file path, `sqlite:PATH`, or
// `postgresql://user[:password]@host[:port]/database`.
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

    static std::optional<DbTarget> parse(const QString &text, QString *error = nullptr);
    static DbTarget sqlite(const QString &path);
    // Without the password: safe for logs, status bars and settings.
    QString displayName() const;
    QString url(bool withPassword = false) const;
    bool isPostgres() const { return kind == Kind::Postgres; }
};

} // namespace tucai::db
