// The connection monitor notices a lost database even while long work fills the global thread pool
// (an export, a batch of decisions): its probe runs on a thread of its own. Before, the probe queued
// behind such work and the banner came late or never (seen as a flaky test_connection_banner).
#include "db/connection_monitor.h"
#include "db/database.h"
#include "db/dialect.h"
#include "test_support.h"

#include <QFile>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <QtTest>

using namespace tucai;

class TestConnectionMonitor : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void probeRunsWhileThePoolIsFull()
    {
        QVERIFY(m_dir.isValid());
        std::shared_ptr<db::Database> db(test::freshSqliteDatabase(m_dir, QStringLiteral("monitor 监视.sqlite")));
        QVERIFY(db);
        const QString path = db->target().path;
        db::Query(*db, QStringLiteral("SELECT 1")).scalar(); // the file exists once opened
        QVERIFY(QFile::exists(path));
        // Windows cannot move a file SQLite holds open: nothing holds it while it goes away.
        db->closeThisThread();

        // Every thread of the global pool is busy until the end of the test.
        auto release = std::make_shared<QSemaphore>();
        QList<QFuture<void>> busy;
        const int threads = QThreadPool::globalInstance()->maxThreadCount();
        for (int i = 0; i < threads; ++i)
            busy << QtConcurrent::run([release] { release->acquire(); });
        const auto done = qScopeGuard([&] {
            release->release(threads);
            for (QFuture<void> &f : busy)
                f.waitForFinished();
        });

        // The file goes away just before the monitor's first probe (it starts as connected).
        const QString aside = path + QStringLiteral(".aside");
        QVERIFY(QFile::rename(path, aside));
        db::ConnectionMonitor monitor(db);
        monitor.setProbeInterval(200);
        monitor.setRetryDelays(100, 400);
        QSignalSpy lost(&monitor, &db::ConnectionMonitor::lost);
        QSignalSpy restored(&monitor, &db::ConnectionMonitor::restored);
        QVERIFY(!monitor.isLost());
        QTRY_VERIFY_WITH_TIMEOUT(lost.count() == 1, 10000);
        QVERIFY(monitor.isLost());
        QVERIFY(monitor.fileMissing());
        QVERIFY(monitor.message().contains(QStringLiteral("监视")));
        QVERIFY(!db->reachable());
        QTRY_VERIFY_WITH_TIMEOUT(monitor.attempts() >= 2, 10000);
        // No empty database was made where the file was.
        QVERIFY(!QFile::exists(path));

        QVERIFY(QFile::rename(aside, path));
        QTRY_VERIFY_WITH_TIMEOUT(restored.count() == 1, 10000);
        QVERIFY(!monitor.isLost());
        QVERIFY(db->reachable());
        QCOMPARE(monitor.attempts(), 0);
    }
};

QTEST_GUILESS_MAIN(TestConnectionMonitor)
#include "test_connection_monitor.moc"
