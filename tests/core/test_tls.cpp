// TLS to the PostgreSQL server (issue 14): a throwaway cluster with ssl=on and a
// certificate made here with openssl. verify-full refuses a server whose certificate
// does not chain to the given root, works with the right root (kept at a path with
// spaces and Chinese characters), and require refuses a server without TLS.
#include "db/database.h"
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
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
    QString m_clusterDir;      // the TLS cluster (under /tmp: its server runs as the postgres user)
    QTemporaryDir m_certs;     // certificates, in a folder named with spaces and Chinese characters
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
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QSKIP("openssl is not installed");
        QVERIFY(m_certs.isValid());
        const QString dir = m_certs.filePath(QStringLiteral("学校 证书"));
        QVERIFY(QDir().mkpath(dir));
        const QString ossl = QStringLiteral("openssl");
        QString out;
        QVERIFY2(run(ossl, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                            QStringLiteral("-nodes"), QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
                            QStringLiteral("根 证书.crt"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                            QStringLiteral("/CN=Tucai Test Root")}, dir, &out), qPrintable(out));
        QVERIFY2(run(ossl, {QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                            QStringLiteral("-keyout"), QStringLiteral("server.key"), QStringLiteral("-out"), QStringLiteral("server.csr"),
                            QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")}, dir, &out), qPrintable(out));
        QFile ext(dir + QStringLiteral("/ext.cnf"));
        QVERIFY(ext.open(QIODevice::WriteOnly));
        ext.write("subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        ext.close();
        QVERIFY2(run(ossl, {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("server.csr"),
                            QStringLiteral("-CA"), QStringLiteral("根 证书.crt"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                            QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), QStringLiteral("server.crt"), QStringLiteral("-days"),
                            QStringLiteral("2"), QStringLiteral("-extfile"), QStringLiteral("ext.cnf")}, dir, &out), qPrintable(out));
        // A root that did not sign the server's certificate.
        QVERIFY2(run(ossl, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                            QStringLiteral("-nodes"), QStringLiteral("-keyout"), QStringLiteral("other.key"), QStringLiteral("-out"),
                            QStringLiteral("other.crt"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                            QStringLiteral("/CN=127.0.0.1")}, dir, &out), qPrintable(out));
        m_root = dir + QStringLiteral("/根 证书.crt");
        m_otherRoot = dir + QStringLiteral("/other.crt");

        // A second throwaway cluster, then TLS switched on with that certificate.
        m_clusterDir = QStringLiteral("/tmp/tucai-tls-%1").arg(QCoreApplication::applicationPid());
        QVERIFY2(run(QStringLiteral("bash"), {QStringLiteral(TUCAI_PG_FIXTURE), QStringLiteral("start"), m_clusterDir}, QDir::tempPath(), &out),
                 qPrintable(out));
        QFile url(m_clusterDir + QStringLiteral("/url"));
        QVERIFY(url.open(QIODevice::ReadOnly));
        m_server = *db::DbTarget::parse(QString::fromUtf8(url.readAll()).trimmed());
        const QString data = m_clusterDir + QStringLiteral("/data/");
        QVERIFY(QFile::copy(dir + QStringLiteral("/server.crt"), data + QStringLiteral("server.crt")));
        QVERIFY(QFile::copy(dir + QStringLiteral("/server.key"), data + QStringLiteral("server.key")));
        QFile::setPermissions(data + QStringLiteral("server.key"), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        if (QFileInfo(data).ownerId() != QFileInfo(data + QStringLiteral("server.key")).ownerId())
            QVERIFY(run(QStringLiteral("chown"), {QFileInfo(data).owner(), data + QStringLiteral("server.crt"), data + QStringLiteral("server.key")},
                        data));
        db::DbTarget admin = m_server;
        admin.sslMode = QStringLiteral("disable");
        db::Database d(admin);
        QSqlQuery q(d.connection());
        QVERIFY(q.exec(QStringLiteral("ALTER SYSTEM SET ssl = on")));
        QVERIFY(q.exec(QStringLiteral("SELECT pg_reload_conf()")));
        d.closeThisThread();
        QTest::qWait(500);
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
        t.sslRootCert = m_certs.filePath(QStringLiteral("missing.crt"));
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
        if (!m_clusterDir.isEmpty()) {
            run(QStringLiteral("bash"), {QStringLiteral(TUCAI_PG_FIXTURE), QStringLiteral("stop"), m_clusterDir}, QDir::tempPath());
            QDir(m_clusterDir).removeRecursively();  // 40 MB per run otherwise
        }
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "test_tls.moc"
