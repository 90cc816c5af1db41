// Schema migrations on a real SQLite file and a real PostgreSQL server.
#include "db/database.h"
#include "db/dialect.h"
#include "db/migrations.h"
#include "test_support.h"
#include "util/version.h"

#include <QSqlQuery>
#include <QtTest>

using namespace tucai;

class TestMigrations : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<db::Database> make(const QString &name)
    {
        QFETCH(QString, engine);
        auto database = test::freshDatabase(engine, m_dir, name);
        if (!database)
            return nullptr;
        database->open(db::Database::OpenMode::CreateIfMissing);
        return database;
    }
    QStringList tables(const db::Database &d)
    {
        QSqlQuery q(d.connection());
        q.exec(d.dialect().listTablesSql());
        QStringList out;
        while (q.next())
            out << q.value(0).toString();
        out.sort();
        return out;
    }

private Q_SLOTS:
    void fromEmpty_data() { TUCAI_ENGINE_ROWS(); }
    void fromEmpty()
    {
        auto d = make(QStringLiteral("mig_empty"));
        if (!d)
            QSKIP("no PostgreSQL test cluster");
        QCOMPARE(d->schemaVersionInDatabase(), 0);
        d->migrate();
        QCOMPARE(d->schemaVersionInDatabase(), schemaVersion());
        const QStringList t = tables(*d);
        for (const char *name : {"schools", "colleges", "classes", "students", "capture_attempts", "photos", "photo_blobs",
                                 "photo_violations", "notices", "notice_versions", "notice_attachments", "code_batches",
                                 "collection_codes", "staff", "staff_scopes", "settings", "audit_log", "notification_outbox",
                                 "tucai_schema"})
            QVERIFY2(t.contains(QString::fromLatin1(name)), name);
        // Migrating again is a no-op.
        d->migrate();
        QCOMPARE(db::Query(*d, QStringLiteral("SELECT COUNT(*) FROM tucai_schema")).scalar().toInt(), schemaVersion());
    }

    void upgradePath_data() { TUCAI_ENGINE_ROWS(); }
    void upgradePath()
    {
        auto d = make(QStringLiteral("mig_upgrade"));
        if (!d)
            QSKIP("no PostgreSQL test cluster");
        d->migrate();
        db::Query(*d, QStringLiteral("INSERT INTO schools (code, name, created_at) VALUES ('x', 'Old school', 1)")).exec();
        // A later release adds a column and fills it: data survives the step.
        QList<db::Migrations::Step> steps = db::Migrations::steps();
        steps.append({schemaVersion() + 1, QStringLiteral("test step"),
                      {QStringLiteral("ALTER TABLE schools ADD COLUMN motto TEXT NOT NULL DEFAULT ''"),
                       QStringLiteral("UPDATE schools SET motto = 'kept'")},
                      {}});
        db::Migrations::migrate(*d, steps);
        QCOMPARE(d->schemaVersionInDatabase(), schemaVersion() + 1);
        QSqlQuery q(d->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT name, motto FROM schools")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("Old school"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("kept"));

        // This build's steps now see a newer database and refuse it, changing nothing.
        try {
            d->migrate();
            QFAIL("a newer database was accepted");
        } catch (const db::DbError &e) {
            QCOMPARE(e.kind(), db::DbError::Kind::TooNew);
            QVERIFY2(e.message().contains(QString::number(schemaVersion() + 1)), qPrintable(e.message()));
        }
        QCOMPARE(d->schemaVersionInDatabase(), schemaVersion() + 1);
    }

    void failingStepRollsBack_data() { TUCAI_ENGINE_ROWS(); }
    void failingStepRollsBack()
    {
        auto d = make(QStringLiteral("mig_fail"));
        if (!d)
            QSKIP("no PostgreSQL test cluster");
        d->migrate();
        QList<db::Migrations::Step> steps = db::Migrations::steps();
        steps.append({schemaVersion() + 1, QStringLiteral("broken step"),
                      {QStringLiteral("CREATE TABLE half_done (id INTEGER)"), QStringLiteral("THIS IS NOT SQL")},
                      {}});
        QVERIFY_THROWS_EXCEPTION(db::DbError, db::Migrations::migrate(*d, steps));
        QCOMPARE(d->schemaVersionInDatabase(), schemaVersion());
        QVERIFY(!tables(*d).contains(QStringLiteral("half_done")));
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "test_migrations.moc"
