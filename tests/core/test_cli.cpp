// The `tucai` executable end to end: versions, demo creation, summary, clear errors, audit verify.
#include "test_support.h"
#include "util/version.h"

#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QtTest>

using namespace tucai;

namespace {
using test::Run;
// Generous: `demo create` prepares the real faces of ../shared first (minutes under Wine).
Run tucaiCli(const QStringList &args, int timeoutMs = 600000) { return test::runProgram(QStringLiteral(TUCAI_CLI_PATH), args, timeoutMs); }
} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void version()
    {
        const Run r = tucaiCli({QStringLiteral("--version")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("tucai 0.")));
        QVERIFY(r.out.contains(QLatin1String("Qt 6.")));
        QVERIFY(r.out.contains(QLatin1String("OpenCV 4.")));
        QVERIFY(r.out.contains(QStringLiteral("schema %1").arg(schemaVersion())));
    }

    void demoSummaryAndAudit()
    {
        const QString db = m_dir.filePath(QStringLiteral("cli.sqlite"));
        Run r = tucaiCli({QStringLiteral("demo"), QStringLiteral("create"), QStringLiteral("--db"), db, QStringLiteral("--students"),
                          QStringLiteral("120"), QStringLiteral("--quiet")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("120 students")));
        r = tucaiCli({QStringLiteral("summary"), QStringLiteral("--db"), db});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("Total: 120 students")));
        // A second demo school into the same database is refused, the first kept.
        r = tucaiCli({QStringLiteral("demo"), QStringLiteral("create"), QStringLiteral("--db"), db, QStringLiteral("--quiet")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("already holds a school")));

        r = tucaiCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"), db});
        QCOMPARE(r.code, 0);
        {
            db::Database d(db::DbTarget::sqlite(db));
            d.open();
            QSqlQuery q(d.connection());
            QVERIFY(q.exec(QStringLiteral("UPDATE audit_log SET reason = 'forged' WHERE id = 1")));
        }
        r = tucaiCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"), db});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains(QLatin1String("entry 1")), qPrintable(r.out));
    }

    void clearErrors()
    {
        Run r = tucaiCli({QStringLiteral("summary"), QStringLiteral("--db"), m_dir.filePath(QStringLiteral("missing.sqlite"))});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("does not exist")), qPrintable(r.err));
        const QString junk = m_dir.filePath(QStringLiteral("junk.sqlite"));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        r = tucaiCli({QStringLiteral("summary"), QStringLiteral("--db"), junk});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("not a Tucai database")), qPrintable(r.err));
        r = tucaiCli({QStringLiteral("summary"), QStringLiteral("--db"), QStringLiteral("postgresql://postgres@127.0.0.1:1/tucai")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("Cannot reach")), qPrintable(r.err));
        r = tucaiCli({QStringLiteral("demo"), QStringLiteral("create"), QStringLiteral("--db"), junk, QStringLiteral("--students"),
                      QStringLiteral("many")});
        QCOMPARE(r.code, 2);
        r = tucaiCli({QStringLiteral("frobnicate")});
        QCOMPARE(r.code, 2);
    }

    void postgresDemo()
    {
        TUCAI_REQUIRE_PG();
        test::freshPgDatabase(QStringLiteral("cli_pg"));
        auto url = *db::DbTarget::parse(test::pgAdminUrl());
        url.database = QStringLiteral("cli_pg");
        const Run r = tucaiCli({QStringLiteral("demo"), QStringLiteral("create"), QStringLiteral("--db"), url.url(true),
                                QStringLiteral("--students"), QStringLiteral("60"), QStringLiteral("--quiet"),
                                QStringLiteral("--no-checks")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const Run s = tucaiCli({QStringLiteral("summary"), QStringLiteral("--db"), url.url(true)});
        QCOMPARE(s.code, 0);
        QVERIFY(s.out.contains(QLatin1String("Total: 60 students")));
        QVERIFY(!s.out.contains(QLatin1String("tucai-test"))); // never prints the password
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
