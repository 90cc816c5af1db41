#pragma once
// Helpers shared by the tests: throwaway databases on SQLite files and on the
// PostgreSQL cluster that the ctest fixture starts (tests/integration/pg_fixture.sh).
#include "accounts/auth_service.h"
#include "db/database.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

namespace tucai::test {

// URL of the test cluster's maintenance database, or empty when no cluster runs
// (the test then skips with a message).
QString pgAdminUrl();
// A new, empty database on the test cluster, or on the server of `adminUrl` (dropped first if it exists).
std::unique_ptr<db::Database> freshPgDatabase(const QString &name, const QString &adminUrl = pgAdminUrl());
// A new, empty SQLite database file inside `dir`.
std::unique_ptr<db::Database> freshSqliteDatabase(const QTemporaryDir &dir, const QString &name);
// "sqlite" or "postgres": a fresh database of that engine (PostgreSQL: null when no cluster).
std::unique_ptr<db::Database> freshDatabase(const QString &engine, const QTemporaryDir &dir, const QString &name);
// ../shared/faces (empty when absent).
QString facesDir();

// A program's exit code and output; a program that does not finish within `timeoutMs` or
// crashes stops the test run (qFatal) with its command line.
struct Run { int code; QString out; QString err; };
Run runProgram(const QString &program, const QStringList &args, int timeoutMs);

// Gives the test program a per-user cache folder of its own, empty at the start: under `dir` on
// Linux (XDG_CACHE_HOME), and on Windows - where Qt asks the system for the folder and ignores the
// XDG variables - its CacheLocation (AppData/Local/<organisation>/<test>/cache) emptied. Call after
// setting the organisation and application names. Without it a photo cached by an earlier run is
// served from the disk cache instead of being fetched again.
void freshCacheFolder(const QTemporaryDir &dir);

// Copies the five face and eye cascades the check engine loads (as found by findDataFile) into the
// data folder `dir`, keeping their sub-folders. Empty when all were copied, else the first one that
// was missing or could not be copied.
QString copyCascades(const QString &dir);

// The session a log-in as `username` (an existing staff account) would give.
accounts::Session sessionOf(const db::Database &db, const QString &username);

} // namespace tucai::test

// For data-driven tests with an "engine" column: adds a sqlite and a postgres row.
#define TUCAI_ENGINE_ROWS()                                  \
    do {                                                     \
        QTest::addColumn<QString>("engine");                 \
        QTest::newRow("sqlite") << QStringLiteral("sqlite"); \
        QTest::newRow("postgres") << QStringLiteral("postgres"); \
    } while (0)

#define TUCAI_REQUIRE_PG()                                                                           \
    do {                                                                                             \
        if (tucai::test::pgAdminUrl().isEmpty())                                                     \
            QSKIP("No PostgreSQL test cluster (run through ctest, which starts tests/integration/pg_fixture.sh)"); \
    } while (0)

#define TUCAI_REQUIRE_FACES()                                                                        \
    do {                                                                                             \
        if (tucai::test::facesDir().isEmpty())                                                       \
            QSKIP("../shared/faces not found next to the project: face-photo test skipped");        \
    } while (0)
