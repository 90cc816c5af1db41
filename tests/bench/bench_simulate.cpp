// The student simulator against PostgreSQL through a server crash: students handled and decisions
// per minute, p50/p95 of a decision's latency, before, during and after a restart.
//
//   ninja -C build bench_simulate tucai
//   build/tests/bench/bench_simulate [--seconds 120] [--kill-at 45] [--down 3] [--students 1000] [--rate 240]
//                                    [--reviewers 3] [--speed 40] [--sqlite]
//
// Starts its own throwaway cluster (tests/integration/pg_fixture.sh in a temporary folder), makes a demo
// school (--students, no stored checks) open around the clock, runs core/sim/simulator.h for --seconds
// with --reviewers, kills the postmaster with SIGKILL at --kill-at and starts it again --down seconds
// later. --sqlite runs the same on a SQLite file without the crash (a baseline). The figures are per
// window: "before" (from 10 s to the kill), "down" (the kill until the server runs again), "after"
// (from then to the end), and how long after the restart the first student action and decision came. A decision's latency is DecisionService::decide() as the reviewer
// waits for it (a decision lost with the server counts until it is found committed or sent again).
#include "db/database.h"
#include "demo/demo_faces.h"
#include "demo/demo_generator.h"
#include "settings/collection_settings.h"
#include "sim/simulator.h"
#include "test_support.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <atomic>

using namespace tucai;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

bool fixture(const QString &command, const QString &dir)
{
    QProcess p;
    // Commits on disk before they are acknowledged: the fixture's asynchronous commit may lose
    // acknowledged commits when the server is killed.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PG_FIXTURE_OPTIONS"), QStringLiteral("-c synchronous_commit=on"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("bash"), {QStringLiteral(TUCAI_PG_FIXTURE), command, dir});
    p.waitForFinished(120000);
    if (p.exitCode() != 0)
        out() << "pg_fixture " << command << " failed: " << QString::fromUtf8(p.readAllStandardError()) << Qt::endl;
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.at(std::min<qsizetype>(v.size() - 1, qsizetype(p * double(v.size() - 1) + 0.5)));
}

void window(const QString &name, const QList<sim::SimEvent> &events, qint64 from, qint64 to)
{
    if (to <= from)
        return;
    QSet<qint64> students;
    qint64 actions = 0, submissions = 0;
    QList<double> latencies;
    for (const sim::SimEvent &e : events) {
        if (e.atMs < from || e.atMs >= to)
            continue;
        if (e.kind == sim::SimEvent::Kind::StudentAction) {
            ++actions;
            students.insert(e.studentId);
        } else if (e.kind == sim::SimEvent::Kind::Submission)
            ++submissions;
        else
            latencies.append(e.latencyMs);
    }
    const double minutes = double(to - from) / 60000.0;
    out() << QStringLiteral("%1 %2-%3 s: students handled %4/min, student actions %5/min, submissions %6/min, decisions %7/min, "
                            "decision latency p50 %8 ms p95 %9 ms max %11 ms (n=%10)")
                 .arg(name, -7)
                 .arg(from / 1000)
                 .arg(to / 1000)
                 .arg(double(students.size()) / minutes, 0, 'f', 1)
                 .arg(double(actions) / minutes, 0, 'f', 1)
                 .arg(double(submissions) / minutes, 0, 'f', 1)
                 .arg(double(latencies.size()) / minutes, 0, 'f', 1)
                 .arg(percentile(latencies, 0.5), 0, 'f', 1)
                 .arg(percentile(latencies, 0.95), 0, 'f', 1)
                 .arg(latencies.size())
                 .arg(latencies.isEmpty() ? 0.0 : *std::max_element(latencies.begin(), latencies.end()), 0, 'f', 1)
          << Qt::endl;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto option = [&](const char *name, double fallback) {
        const qsizetype i = args.indexOf(QString::fromLatin1(name));
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toDouble() : fallback;
    };
    const bool sqlite = args.contains(QStringLiteral("--sqlite"));
    const int seconds = int(option("--seconds", 120));
    const int killAt = int(option("--kill-at", 45));
    const int down = int(option("--down", 3));
    sim::SimOptions opt;
    opt.students = 0;
    opt.ratePerMinute = option("--rate", 240);
    opt.reviewers = int(option("--reviewers", 3));
    opt.speed = option("--speed", 40);
    opt.seed = 11;
    opt.facesDir = demo::DemoFaces::findDir();
    const int schoolSize = int(option("--students", 1000));

    QTemporaryDir tmp;
    const QString cluster = tmp.path() + QStringLiteral("/pg");
    QFile::setPermissions(tmp.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadOther
                                          | QFileDevice::ExeOther | QFileDevice::ReadGroup | QFileDevice::ExeGroup);
    std::unique_ptr<db::Database> database;
    if (sqlite) {
        database = test::freshSqliteDatabase(tmp, QStringLiteral("bench_simulate"));
        database->migrate();
    } else {
        if (!fixture(QStringLiteral("start"), cluster))
            return 1;
        QFile urlFile(cluster + QStringLiteral("/url"));
        urlFile.open(QIODevice::ReadOnly);
        const QString admin = QString::fromUtf8(urlFile.readAll()).trimmed();
        {
            db::Database maintenance(*db::DbTarget::parse(admin));
            QSqlQuery q(maintenance.connection());
            if (!q.exec(QStringLiteral("CREATE DATABASE tucai_bench_sim"))) {
                out() << "cannot create the database: " << q.lastError().text() << Qt::endl;
                fixture(QStringLiteral("stop"), cluster);
                return 1;
            }
        }
        database = std::make_unique<db::Database>(*db::DbTarget::parse(admin.section(QLatin1Char('/'), 0, -2) + QStringLiteral("/tucai_bench_sim")));
        database->openAndMigrate();
    }
    int rc = 0;
    try {
        QElapsedTimer t;
        t.start();
        demo::DemoOptions demo;
        demo.students = schoolSize;
        demo.runChecks = false;
        demo.facesDir = opt.facesDir;
        demo::createDemoSchool(*database, demo);
        const qint64 schoolId = db::Query(*database, QStringLiteral("SELECT id FROM schools")).scalar().toLongLong();
        settings::CollectionSettings cs = settings::CollectionSettings::load(*database, schoolId);
        cs.windowStart = 0;
        cs.windowEnd = 0;
        cs.dailyHours = QStringLiteral("00:00-24:00");
        cs.save(*database, schoolId, 1, QStringLiteral("admin"), QStringLiteral("bench"));
        out() << QStringLiteral("%1: demo school of %2 students in %3 s; faces: %4; %5 reviewers, %6 arrivals/min, pauses / %7")
                     .arg(sqlite ? QStringLiteral("SQLite") : QStringLiteral("PostgreSQL"))
                     .arg(schoolSize)
                     .arg(t.elapsed() / 1000.0, 0, 'f', 1)
                     .arg(opt.facesDir.isEmpty() ? QStringLiteral("placeholders") : opt.facesDir)
                     .arg(opt.reviewers)
                     .arg(opt.ratePerMinute)
                     .arg(opt.speed)
              << Qt::endl;

        sim::Simulator simulator(*database, opt);
        simulator.prepare();
        std::atomic_bool stop{false};
        QThread *runner = QThread::create([&] { simulator.run(stop); });
        QElapsedTimer clock;
        clock.start();
        runner->start();
        qint64 killedAt = -1, restartedAt = -1;
        while (clock.elapsed() < qint64(seconds) * 1000) {
            QThread::msleep(100);
            if (!sqlite && killedAt < 0 && clock.elapsed() >= qint64(killAt) * 1000) {
                killedAt = simulator.counts().elapsedSeconds * 1000;
                fixture(QStringLiteral("kill"), cluster);
                QThread::msleep(ulong(down) * 1000);
                fixture(QStringLiteral("restart"), cluster);
                restartedAt = qint64(simulator.counts().elapsedSeconds * 1000);
            }
        }
        stop.store(true);
        runner->wait();
        delete runner;
        const sim::SimCounts c = simulator.counts();
        const QList<sim::SimEvent> events = simulator.events();
        const qint64 end = qint64(c.elapsedSeconds * 1000);
        out() << QStringLiteral("totals: %1 arrived, %2 verified, %3 shots, %4 submitted, %5 decisions (%6 conflicts), "
                                "connection lost %7 times in flight: %8 found committed, %9 sent again, %10 given up")
                     .arg(c.arrived)
                     .arg(c.verified)
                     .arg(c.shots)
                     .arg(c.submitted)
                     .arg(c.decisions)
                     .arg(c.decisionConflicts)
                     .arg(c.connectionLosses)
                     .arg(c.foundCommitted)
                     .arg(c.retried)
                     .arg(c.abandoned)
              << Qt::endl;
        if (sqlite || killedAt < 0) {
            window(QStringLiteral("steady"), events, 10000, end);
        } else {
            qint64 firstDecisionAfter = end, firstActionAfter = end;
            for (const sim::SimEvent &e : events) {
                if (e.atMs >= restartedAt && e.kind == sim::SimEvent::Kind::Decision)
                    firstDecisionAfter = std::min(firstDecisionAfter, e.atMs);
                if (e.atMs >= restartedAt && e.kind == sim::SimEvent::Kind::StudentAction)
                    firstActionAfter = std::min(firstActionAfter, e.atMs);
            }
            out() << QStringLiteral("server killed at %1 s, running again at %2 s; first student action after it at %3 s, "
                                    "first decision at %4 s")
                         .arg(killedAt / 1000.0, 0, 'f', 1)
                         .arg(restartedAt / 1000.0, 0, 'f', 1)
                         .arg(firstActionAfter / 1000.0, 0, 'f', 1)
                         .arg(firstDecisionAfter / 1000.0, 0, 'f', 1)
                  << Qt::endl;
            window(QStringLiteral("before"), events, 10000, killedAt);
            window(QStringLiteral("down"), events, killedAt, restartedAt);
            window(QStringLiteral("after"), events, restartedAt, end);
        }
    } catch (const db::DbError &e) {
        out() << "error: " << e.message() << Qt::endl;
        rc = 1;
    }
    database.reset();
    if (!sqlite)
        fixture(QStringLiteral("stop"), cluster);
    return rc;
}
