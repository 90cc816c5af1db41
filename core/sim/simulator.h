#pragma once
// Plays the student side of a collection against a real database while K simulated reviewers
// decide through DecisionService: arrivals at a rate, human pauses, the collection settings
// re-read while it runs, and a server that goes away and comes back (every action in flight is
// either found committed under its idempotency key or sent once more, never applied twice).
// The calling thread plays the students; each reviewer has its own thread and connection.
#include <QList>
#include <QMap>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>

namespace tucai::db { class Database; }

namespace tucai::sim {

struct SimOptions
{
    int students = 0;            // arrivals; 0 = no limit
    double ratePerMinute = 30;   // arrivals per minute
    int durationSeconds = 0;     // 0 = no limit
    int reviewers = 2;
    quint64 seed = 1;
    double speed = 1;            // every human pause (students, reviewers) divided by this
    QString facesDir;            // ../shared/faces; empty: labelled placeholder drawings
    int settingsEveryMs = 3000;  // how often the collection settings are read again
};

struct SimCounts
{
    qint64 arrived = 0, verified = 0, noticesShown = 0;
    qint64 shots = 0, draftsStored = 0, qualityFailures = 0, livenessFailures = 0;
    qint64 livenessLocks = 0, coolingOffs = 0, draftBoxFull = 0, draftsDeleted = 0, outsideWindow = 0;
    qint64 submitted = 0, awaitingPayment = 0, paid = 0, reshoots = 0, approvedStudents = 0;
    qint64 decisions = 0, approved = 0, returned = 0, decisionConflicts = 0;
    // A connection lost with an action in flight (or another database failure, e.g. SQLite busy);
    // how those actions ended.
    qint64 connectionLosses = 0, otherFailures = 0, foundCommitted = 0, retried = 0, abandoned = 0;
    qint64 settingsChanges = 0;
    // Committed student actions per kind (verify shot submit pay delete_draft), each exactly once.
    QMap<QString, qint64> actions;
    double elapsedSeconds = 0;
    bool realFaces = false;
};

// One timed event, for rates and latencies over a time window (ms since the run started).
struct SimEvent
{
    enum class Kind : quint8 { StudentAction, Submission, Decision };
    Kind kind = Kind::StudentAction;
    qint64 atMs = 0;
    double latencyMs = 0;
    qint64 studentId = 0;   // student actions and submissions
};

class Simulator final
{
public:
    Simulator(const db::Database &db, SimOptions options);
    ~Simulator();
    Simulator(const Simulator &) = delete;
    Simulator &operator=(const Simulator &) = delete;

    // Finds the school, reads the settings, makes (or finds) the simulated reviewers' accounts.
    // Throws db::DbError.
    void prepare();
    // Runs until the duration is over, the students are all through, or `stop` is set.
    // `progress` is called on this thread about twice a second.
    void run(const std::atomic_bool &stop, const std::function<void(const SimCounts &)> &progress = {});

    SimCounts counts() const;
    QList<SimEvent> events() const;
    // Every idempotency key of this run starts with it.
    QString keyPrefix() const;
    QList<qint64> reviewerStaffIds() const;
    QString schoolName() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace tucai::sim
