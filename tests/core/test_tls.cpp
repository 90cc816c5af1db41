// TLS to the PostgreSQL server (issue 14): a throwaway cluster with ssl=on and a
// certificate made with openssl (tests/integration/tls_fixture.sh). verify-full refuses a server whose certificate
// does not chain to the given root, works with the right root (kept at a path with
// spaces and Chinese characters), and require refuses a server without TLS.
#include "db/database.h"
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

using namespace tucai;

namespace {

bool run(const QString &program, const QStringList &args, const QString &dir, QString *output = nullptr)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(120000))
        return false;
    if (output)
        *output = QString::fromUtf8(p.readAll());
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

} // namespace

class TestTls : public QObject
{
    Q_OBJECT
    // The TLS cluster and its certificates (tests/integration/tls_fixture.sh): made here, or made
    // by the caller and named by TUCAI_TEST_TLS_DIR (the Windows build under Wine cannot run
    // openssl or pg_ctl; scripts/windows/test.sh prepares it on the Linux side).
    QString m_dir;
    bool m_ownCluster = false;
    QString m_root, m_otherRoot;
    db::DbTarget m_server;

    db::DbError::Kind connectKind(const db::DbTarget &t, QString *message = nullptr)
    {
        db::Database d(t);
        try {
            d.open();
            const QString ssl = db::Query(d, QStringLiteral("SELECT ssl::TEXT FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).scalar().toString();
            if (message)
                *message = ssl;
            d.closeThisThread();
            return db::DbError::Kind::Other;  // connected
        } catch (const db::DbError &e) {
            if (message)
                *message = e.message() + QStringLiteral(" | ") + e.detail();
            return e.kind();
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        TUCAI_REQUIRE_PG();
        m_dir = qEnvironmentVariable("TUCAI_TEST_TLS_DIR");
        if (m_dir.isEmpty()) {
            if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
                QSKIP("openssl is not installed");
            if (QStandardPaths::findExecutable(QStringLiteral("bash")).isEmpty())
                QSKIP("bash is not installed (set TUCAI_TEST_TLS_DIR to a cluster made by tests/integration/tls_fixture.sh)");
            // Under /tmp, not a private temporary folder: the server runs as the postgres user.
            m_dir = QStringLiteral("/tmp/tucai-tls-%1").arg(QCoreApplication::applicationPid());
            m_ownCluster = true;
            QString out;
            QVERIFY2(run(QStringLiteral("bash"), {QStringLiteral(TUCAI_TLS_FIXTURE), QStringLiteral("start"), m_dir}, QDir::tempPath(), &out),
                     qPrintable(out));
        }
        QFile url(m_dir + QStringLiteral("/url"));
        QVERIFY2(url.open(QIODevice::ReadOnly), qPrintable(url.fileName()));
        m_server = *db::DbTarget::parse(QString::fromUtf8(url.readAll()).trimmed());
        m_root = m_dir + QStringLiteral("/学校 证书/根 证书.crt");  // spaces and Chinese characters
        m_otherRoot = m_dir + QStringLiteral("/学校 证书/other.crt");
        QVERIFY2(QFileInfo::exists(m_root), qPrintable(m_root));
        QVERIFY2(QFileInfo::exists(m_otherRoot), qPrintable(m_otherRoot));
    }

    void verifyFullRefusesAnUnknownCertificate()
    {
        db::DbTarget t = m_server;
        t.sslMode = QStringLiteral("verify-full");
        t.sslRootCert = m_otherRoot;
        QString message;
        QCOMPARE(connectKind(t, &message), db::DbError::Kind::Untrusted);
        QVERIFY2(message.contains(QStringLiteral("certificate")), qPrintable(message));
        // No root certificate at all: refused too (libpq's default file does not exist here).
        t.sslRootCert = m_dir + QStringLiteral("/学校 证书/missing.crt");
        QCOMPARE(connectKind(t, &message), db::DbError::Kind::Untrusted);
    }

    void verifyFullWorksWithTheRightRoot()
    {
        db::DbTarget t = m_server;
        t.sslMode = QStringLiteral("verify-full");
        t.sslRootCert = m_root;  // spaces and Chinese characters in the path
        QString ssl;
        QCOMPARE(connectKind(t, &ssl), db::DbError::Kind::Other);
        QCOMPARE(ssl, QStringLiteral("true"));
        // The same through a URL, as `tucai --db` takes it.
        const auto parsed = db::DbTarget::parse(t.url(true));
        QVERIFY(parsed);
        QCOMPARE(parsed->sslRootCert, m_root);
        QCOMPARE(parsed->sslMode, QStringLiteral("verify-full"));
        QCOMPARE(connectKind(*parsed, &ssl), db::DbError::Kind::Other);
    }

    void requireRefusesAServerWithoutTls()
    {
        db::DbTarget t = *db::DbTarget::parse(test::pgAdminUrl());  // the suite's cluster: ssl off
        t.sslMode = QStringLiteral("require");
        QString message;
        QCOMPARE(connectKind(t, &message), db::DbError::Kind::Untrusted);
    }

    void cleanupTestCase()
    {
        if (m_ownCluster)  // stops it and removes its 40 MB
            run(QStringLiteral("bash"), {QStringLiteral(TUCAI_TLS_FIXTURE), QStringLiteral("stop"), m_dir}, QDir::tempPath());
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "test_tls.moc"
