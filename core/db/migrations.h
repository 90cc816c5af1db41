#pragma once
#include <QList>
#include <QString>
#include <QStringList>

namespace tucai::db {

class Database;

// Stepwise schema migrations. Each step runs inside one transaction together
// with the row that records its version, so a failed step leaves the database
// exactly as it was. SQL is written once with dialect placeholders ({PK},
// {BLOB}, {BIGINT}) that the Dialect expands.
class Migrations
{
public:
    struct Step
    {
        int version;
        QString description;
        QStringList statements;
        // Statements only for servers with row-level security (PostgreSQL).
        QStringList serverStatements;
        // Statements only for the embedded SQLite file (what the server does its own way).
        QStringList localStatements;
    };
    static const QList<Step> &steps();
    static int latestVersion();
    // 0 for an empty database.
    static int currentVersion(const Database &db);
    // Applies every missing step of `steps` in order. Throws DbError::TooNew
    // when the database is ahead of the given steps.
    static void migrate(const Database &db, const QList<Step> &steps = Migrations::steps());
};

} // namespace tucai::db
