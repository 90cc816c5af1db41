// tucai simulate: plays the students' side of a collection (and K reviewers) against a database.
#include "cli_common.h"

#include "db/database.h"
#include "sim/simulator.h"
#include "util/platform.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <atomic>
#include <csignal>

using namespace tucai;

namespace {

const char *kUsage =
    "tucai simulate --db DB [--students N] [--rate PER_MIN] [--duration SECONDS] [--reviewers K] [--seed S]\n"
    "                       [--speed F] [--faces DIR] [--json]\n"
    "Plays the student side of the collection against the database: students verify with a collection\n"
    "code, read the notice, shoot (photos made from ../shared/faces, or labelled placeholders, with\n"
    "defects at the usual rates; liveness failures at random), the check engine decides, passes go to\n"
    "the draft box, failures count towards the liveness lock and the cooling-off, drafts are submitted\n"
    "and paid when the school requires it. K simulated reviewers (accounts sim-reviewer-1..K, made once)\n"
    "approve or return the queue with human pauses; returned students shoot again. The collection\n"
    "settings are read again every few seconds. A lost server is waited for; an action in flight is\n"
    "found committed under its idempotency key or sent once more.\n"
    "  --students N      students who come (default 0: every student not done yet)\n"
    "  --rate PER_MIN    arrivals per minute (default 30)\n"
    "  --duration S      stop after S seconds (default 0: no limit; with neither limit, Ctrl+C stops)\n"
    "  --reviewers K     simulated reviewers (default 2; 0: nobody reviews)\n"
    "  --seed S          the students' choices and defects (default 1)\n"
    "  --speed F         human pauses divided by F (default 1: minutes per student)\n"
    "  --json            totals as one JSON document on stdout (the live line goes to stderr)\n"
    "The run ends when the duration is over, when all N students are approved or waiting on something\n"
    "slow (a lock, a cooling-off, a full draft box, the closed window), or on Ctrl+C; then the totals.\n"
    "exit status: 0 done, 1 the database cannot be used, 2 bad usage";

std::atomic_bool g_stop{false};

extern "C" void onInterrupt(int) { g_stop.store(true); }

QString liveLine(const sim::SimCounts &c)
{
    return QCoreApplication::translate("cli", "%1 s  arrived %2  verified %3  shots %4 (drafts %5, failed %6, liveness %7)  "
                                              "submitted %8  paid %9  decisions %10 (%11 approved, %12 returned)  "
                                              "locked %13  cooling %14  lost %15")
        .arg(qint64(c.elapsedSeconds))
        .arg(c.arrived)
        .arg(c.verified)
        .arg(c.shots)
        .arg(c.draftsStored)
        .arg(c.qualityFailures)
        .arg(c.livenessFailures)
        .arg(c.submitted)
        .arg(c.paid)
        .arg(c.decisions)
        .arg(c.approved)
        .arg(c.returned)
        .arg(c.livenessLocks)
        .arg(c.coolingOffs)
        .arg(c.connectionLosses);
}

QJsonObject toJson(const sim::SimCounts &c)
{
    QJsonObject actions;
    for (auto it = c.actions.begin(); it != c.actions.end(); ++it)
        actions.insert(it.key(), it.value());
    return {
        {QStringLiteral("seconds"), c.elapsedSeconds},
        {QStringLiteral("real_faces"), c.realFaces},
        {QStringLiteral("arrived"), c.arrived},
        {QStringLiteral("verified"), c.verified},
        {QStringLiteral("notices_shown"), c.noticesShown},
        {QStringLiteral("shots"), c.shots},
        {QStringLiteral("drafts_stored"), c.draftsStored},
        {QStringLiteral("quality_failures"), c.qualityFailures},
        {QStringLiteral("liveness_failures"), c.livenessFailures},
        {QStringLiteral("liveness_locks"), c.livenessLocks},
        {QStringLiteral("cooling_offs"), c.coolingOffs},
        {QStringLiteral("draft_box_full"), c.draftBoxFull},
        {QStringLiteral("drafts_deleted"), c.draftsDeleted},
        {QStringLiteral("outside_window"), c.outsideWindow},
        {QStringLiteral("submitted"), c.submitted},
        {QStringLiteral("awaiting_payment"), c.awaitingPayment},
        {QStringLiteral("paid"), c.paid},
        {QStringLiteral("reshoots"), c.reshoots},
        {QStringLiteral("approved_students"), c.approvedStudents},
        {QStringLiteral("decisions"), c.decisions},
        {QStringLiteral("approved"), c.approved},
        {QStringLiteral("returned"), c.returned},
        {QStringLiteral("decision_conflicts"), c.decisionConflicts},
        {QStringLiteral("connection_losses"), c.connectionLosses},
        {QStringLiteral("other_failures"), c.otherFailures},
        {QStringLiteral("found_committed"), c.foundCommitted},
        {QStringLiteral("retried"), c.retried},
        {QStringLiteral("abandoned"), c.abandoned},
        {QStringLiteral("settings_changes"), c.settingsChanges},
        {QStringLiteral("actions"), actions},
    };
}

} // namespace

int runSimulateCommand(const QStringList &argsIn)
{
    QStringList args = argsIn;
    if (cli::takeFlag(args, QStringLiteral("--help")) || cli::takeFlag(args, QStringLiteral("-h"))) {
        cli::out() << QStringLiteral("usage: ") << QString::fromLatin1(kUsage) << Qt::endl;
        return cli::Ok;
    }
    const auto usageError = [](const QString &message) {
        cli::err() << QCoreApplication::translate("cli", "error: %1").arg(message) << Qt::endl
                   << QStringLiteral("usage: ") << QString::fromLatin1(kUsage) << Qt::endl;
        return int(cli::Usage);
    };
    const QString dbArg = cli::takeOption(args, QStringLiteral("--db"));
    sim::SimOptions opt;
    bool ok = true;
    opt.students = cli::takeOption(args, QStringLiteral("--students"), QStringLiteral("0")).toInt(&ok);
    if (!ok || opt.students < 0)
        return usageError(QCoreApplication::translate("cli", "--students must be a whole number, 0 or more"));
    opt.ratePerMinute = cli::takeOption(args, QStringLiteral("--rate"), QStringLiteral("30")).toDouble(&ok);
    if (!ok || !(opt.ratePerMinute > 0) || opt.ratePerMinute > 1e6)
        return usageError(QCoreApplication::translate("cli", "--rate must be a number of arrivals per minute above 0"));
    opt.durationSeconds = cli::takeOption(args, QStringLiteral("--duration"), QStringLiteral("0")).toInt(&ok);
    if (!ok || opt.durationSeconds < 0)
        return usageError(QCoreApplication::translate("cli", "--duration must be a whole number of seconds, 0 or more"));
    opt.reviewers = cli::takeOption(args, QStringLiteral("--reviewers"), QStringLiteral("2")).toInt(&ok);
    if (!ok || opt.reviewers < 0 || opt.reviewers > 64)
        return usageError(QCoreApplication::translate("cli", "--reviewers must be a number from 0 to 64"));
    opt.seed = cli::takeOption(args, QStringLiteral("--seed"), QStringLiteral("1")).toULongLong(&ok);
    if (!ok)
        return usageError(QCoreApplication::translate("cli", "--seed must be a whole number"));
    opt.speed = cli::takeOption(args, QStringLiteral("--speed"), QStringLiteral("1")).toDouble(&ok);
    if (!ok || !(opt.speed >= 0.01) || opt.speed > 10000)
        return usageError(QCoreApplication::translate("cli", "--speed must be a number from 0.01 to 10000"));
    opt.facesDir = cli::findFacesDir(cli::takeOption(args, QStringLiteral("--faces")));
    const bool json = cli::takeFlag(args, QStringLiteral("--json"));
    if (!args.isEmpty())
        return usageError(QCoreApplication::translate("cli", "unknown arguments: %1").arg(args.join(QLatin1Char(' '))));
    if (dbArg.isEmpty())
        return usageError(QCoreApplication::translate("cli", "--db is required"));

    auto database = cli::openDatabase(dbArg, /*create=*/false);
    if (!database)
        return cli::Failed;
    sim::Simulator simulator(*database, opt);
    try {
        simulator.prepare();
    } catch (const db::DbError &e) {
        cli::err() << QCoreApplication::translate("cli", "error: %1").arg(e.message()) << Qt::endl;
        return cli::Failed;
    }

    // The live line: redrawn in place on a terminal, a plain line every few seconds otherwise.
    QTextStream &live = json ? cli::err() : cli::out();
    const bool terminal = platform::isTerminal(json ? 2 : 1);
    qint64 lastPlain = -1;
    int lastWidth = 0;
    const auto progress = [&](const sim::SimCounts &c) {
        const QString line = liveLine(c);
        if (terminal) {
            live << QLatin1Char('\r') << line << QString(std::max(0, lastWidth - int(line.size())), QLatin1Char(' ')) << Qt::flush;
            lastWidth = int(line.size());
        } else if (lastPlain < 0 || qint64(c.elapsedSeconds) - lastPlain >= 5) {
            lastPlain = qint64(c.elapsedSeconds);
            live << line << Qt::endl;
        }
    };
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    live << QCoreApplication::translate("cli", "Simulating the students of %1 on %2 (%3 reviewers, keys %4*); Ctrl+C stops.")
                .arg(simulator.schoolName(), database->target().displayName())
                .arg(opt.reviewers)
                .arg(simulator.keyPrefix())
         << Qt::endl;
    simulator.run(g_stop, progress);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (terminal)
        live << Qt::endl;

    const sim::SimCounts c = simulator.counts();
    if (json) {
        QJsonObject doc = toJson(c);
        doc.insert(QStringLiteral("database"), database->target().displayName());
        doc.insert(QStringLiteral("key_prefix"), simulator.keyPrefix());
        doc.insert(QStringLiteral("interrupted"), g_stop.load());
        QJsonArray reviewers;
        for (qint64 id : simulator.reviewerStaffIds())
            reviewers.append(id);
        doc.insert(QStringLiteral("reviewer_staff_ids"), reviewers);
        cli::out() << QString::fromUtf8(QJsonDocument(doc).toJson(QJsonDocument::Indented)) << Qt::flush;
        return cli::Ok;
    }
    QTextStream &o = cli::out();
    o << (g_stop.load() ? QCoreApplication::translate("cli", "Stopped after %1 s.") : QCoreApplication::translate("cli", "Done after %1 s."))
             .arg(c.elapsedSeconds, 0, 'f', 1)
      << Qt::endl;
    o << QCoreApplication::translate("cli", "students: %1 came, %2 verified (%3 were shown a notice), %4 approved").arg(c.arrived).arg(c.verified).arg(c.noticesShown).arg(c.approvedStudents)
      << Qt::endl;
    o << QCoreApplication::translate("cli", "shots: %1 (%2 to the draft box, %3 failed the checks, %4 failed liveness); %5 liveness locks, %6 cooling-offs")
             .arg(c.shots)
             .arg(c.draftsStored)
             .arg(c.qualityFailures)
             .arg(c.livenessFailures)
             .arg(c.livenessLocks)
             .arg(c.coolingOffs)
      << Qt::endl;
    o << QCoreApplication::translate("cli", "draft box: %1 times full, %2 drafts deleted; %3 times outside the collection hours")
             .arg(c.draftBoxFull)
             .arg(c.draftsDeleted)
             .arg(c.outsideWindow)
      << Qt::endl;
    o << QCoreApplication::translate("cli", "submitted: %1 (%2 had to pay first, %3 paid); %4 shot again after a return")
             .arg(c.submitted)
             .arg(c.awaitingPayment)
             .arg(c.paid)
             .arg(c.reshoots)
      << Qt::endl;
    o << QCoreApplication::translate("cli", "decisions: %1 (%2 approved, %3 returned); %4 lost to another reviewer")
             .arg(c.decisions)
             .arg(c.approved)
             .arg(c.returned)
             .arg(c.decisionConflicts)
      << Qt::endl;
    o << QCoreApplication::translate("cli", "connection lost %1 times with an action in flight (%6 other database failures): %2 found committed, %3 sent again, %4 given up; settings changed %5 times")
             .arg(c.connectionLosses)
             .arg(c.foundCommitted)
             .arg(c.retried)
             .arg(c.abandoned)
             .arg(c.settingsChanges)
             .arg(c.otherFailures)
      << Qt::endl;
    return cli::Ok;
}
