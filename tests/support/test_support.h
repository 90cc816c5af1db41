#pragma once
// Helpers shared by the tests: throwaway databases on SQLite files and on the
// PostgreSQL cluster that the ctest fixture starts (tests/integration/pg_fixture.sh).
#include "db/database.h"

#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace tucai::test {

// URL of the test cluster's maintenance database, or empty when no cluster runs
// (the test then skips with a message).
QString pgAdminUrl();
// A new, empty database on the test cluster (dropped first if it exists).
std::unique_ptr<db::Database> freshPgDatabase(const QString &name);
// A new, empty SQLite database file inside `dir`.
std::unique_ptr<db::Database> freshSqliteDatabase(const QTemporaryDir &dir, const QString &name);
// "sqlite" or "postgres": a fresh database of that engine (PostgreSQL: null when no cluster).
std::unique_ptr<db::Database> freshDatabase(const QString &engine, const QTemporaryDir &dir, const QString &name);
// ../shared/faces (empty when absent).
QString facesDir();

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
