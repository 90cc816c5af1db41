#include "sim/simulator.h"

#include "accounts/staff_service.h"
#include "checks/check_engine.h"
#include "checks/check_report.h"
#include "codes/code_service.h"
#include "db/database.h"
#include "db/photo_repo.h"
#include "db/review_repo.h"
#include "db/school_repo.h"
#include "db/staff_repo.h"
#include "db/student_flow_repo.h"
#include "db/student_repo.h"
#include "demo/demo_faces.h"
#include "demo/demo_random.h"
#include "review/decision_service.h"
#include "review/reason_catalog.h"
#include "settings/collection_settings.h"
#include "sim/student_flow.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <map>

namespace tucai::sim {
namespace {

using Outcome = StepResult::Outcome;
using Status = StepResult::Status;
constexpr qint64 kDay = 24 * 3600 * 1000LL;

// Share of shots per photo variant: most students hold the phone right; the rest smile, stand
// in poor light, shake or stand off centre (the check engine then decides, not this table).
struct VariantShare { demo::DemoFaces::Variant variant; double share; };
const VariantShare kVariants[] = {
    {demo::DemoFaces::Variant::Compliant, 0.62}, {demo::DemoFaces::Variant::Smiling, 0.10}, {demo::DemoFaces::Variant::Dark, 0.10},
    {demo::DemoFaces::Variant::Blurred, 0.10},   {demo::DemoFaces::Variant::OffCentre, 0.08},
};

// Each shot's bytes are its own (as two phone shots are): a JPEG comment names the shot.
QByteArray distinctJpeg(const QByteArray &jpeg, const QByteArray &tag)
{
    if (jpeg.size() < 2 || quint8(jpeg[0]) != 0xFF || quint8(jpeg[1]) != 0xD8)
        return jpeg;
    const QByteArray text = tag.left(60000);
    QByteArray out;
    out.reserve(jpeg.size() + text.size() + 4);
    out.append(jpeg.left(2));
    out.append(char(0xFF)).append(char(0xFE));
    const int len = int(text.size()) + 2;
    out.append(char(len >> 8)).append(char(len & 0xFF));
    out.append(text);
    out.append(jpeg.mid(2));
    return out;
}

// A student of the run and where the simulation has them.
struct SimStudent
{
    qint64 id = 0;
    int person = 0;
    double livenessRisk = 0.02;   // chance that one shot fails the liveness check
    demo::DemoRandom rnd{1};
    int seq = 0;                  // actions sent (the idempotency key's counter)
    qint64 nextAtMs = 0;          // run time of the next step
    QString code;                 // the collection code handed to the student
    bool settled = false;         // waiting on something slow (a lock, a full draft box, the window)
    bool finished = false;        // approved (or gone)
    bool waitingForReview = false;
    bool wasReturned = false;
    int shotsSinceSubmit = 0;
};

} // namespace

struct Simulator::Impl
{
    const db::Database &db;
    SimOptions opt;
    qint64 schoolId = 0;
    QString schoolName;
    accounts::Session office;                 // the school administrator who hands out codes
    QList<QPair<qint64, QString>> reviewers;  // staff id, display name
    QString keyPrefix;

    mutable QMutex mutex;
    SimCounts counts;
    QList<SimEvent> events;
    QElapsedTimer clock;

    settings::CollectionSettings settings;
    qint64 settingsReadAtMs = -1;

    Impl(const db::Database &d, SimOptions o) : db(d), opt(std::move(o)) {}

    qint64 pause(demo::DemoRandom &r, int fromMs, int toMs) const
    {
        return qint64(r.between(fromMs, toMs) / std::max(0.01, opt.speed));
    }
    template <typename F> void count(F f)
    {
        QMutexLocker lock(&mutex);
        f(counts);
    }
    void event(SimEvent::Kind kind, double latencyMs, qint64 studentId = 0)
    {
        QMutexLocker lock(&mutex);
        events.append({kind, clock.elapsed(), latencyMs, studentId});
    }

    // Waits until the database answers again (backoff 100 ms .. 2 s); false when stopped first.
    bool waitForDatabase(const std::atomic_bool &stop, const std::function<void()> &tick = {}) const
    {
        int backoff = 100;
        while (!stop.load()) {
            try {
                db::Query(db, QStringLiteral("SELECT 1")).scalar();
                return true;
            } catch (const db::DbError &) {
            }
            for (int waited = 0; waited < backoff && !stop.load(); waited += 50) {
                QThread::msleep(50);
                if (tick)
                    tick();
            }
            backoff = std::min(2000, backoff * 2);
        }
        return false;
    }

    void readSettings(bool force)
    {
        const qint64 now = clock.elapsed();
        if (!force && settingsReadAtMs >= 0 && now - settingsReadAtMs < opt.settingsEveryMs)
            return;
        settingsReadAtMs = now;
        try {
            const settings::CollectionSettings fresh = settings::CollectionSettings::load(db, schoolId);
            if (force)
                settings = fresh;
            else if (!(fresh == settings)) {
                settings = fresh;
                count([](SimCounts &c) { ++c.settingsChanges; });
            }
        } catch (const db::DbError &) {
            // Kept as they were; read again on the next turn.
        }
    }

    void reviewerLoop(int index, const std::atomic_bool &stop);
    // The one resend policy for an action that failed, a student's step or a reviewer's decision:
    // counted once as a lost connection or another failure; after the database answers again,
    // `committed` asks whether the server kept the action (a DbError: gone again, wait once more);
    // if not, `resend` sends it again, once after a lost connection, up to five times (with a short
    // pause) after another failure. `failed` and `lost` read the latest result. True when the action
    // was found committed.
    bool settle(const std::atomic_bool &stop, const std::function<bool()> &failed, const std::function<bool()> &lost,
                const std::function<bool()> &committed, const std::function<void()> &resend,
                const std::function<void()> &tick = {});
    // One student action with its idempotency key: on a lost connection, waits for the server,
    // then either finds the key committed or sends the action once more.
    StepResult act(SimStudent &s, const QString &kind, const std::atomic_bool &stop, const std::function<StepResult(const QString &)> &send,
                   const std::function<void()> &tick);
    void step(SimStudent &s, StudentFlow &flow, const checks::CheckEngine &engine, demo::DemoFaces &faces, const std::atomic_bool &stop,
              const std::function<void()> &tick);
};

Simulator::Simulator(const db::Database &db, SimOptions options) : d(std::make_unique<Impl>(db, std::move(options))) {}

Simulator::~Simulator() = default;

void Simulator::prepare()
{
    const auto school = db::SchoolRepo(d->db).firstSchool();
    if (!school)
        throw db::DbError(db::DbError::Kind::Invalid,
                          QCoreApplication::translate("Simulator", "The database holds no school: create one first (tucai demo create or tucai import)."));
    d->schoolId = school->id;
    d->schoolName = school->name;
    d->settings = settings::CollectionSettings::load(d->db, d->schoolId);

    db::StaffRepo staff(d->db);
    std::optional<Staff> admin;
    for (const Staff &s : staff.all())
        if (s.schoolId == d->schoolId && s.role == StaffRole::SchoolAdmin && s.active) {
            admin = s;
            break;
        }
    if (!admin)
        throw db::DbError(db::DbError::Kind::Invalid,
                          QCoreApplication::translate("Simulator", "The school has no active school administrator to hand out collection codes."));
    d->office.staffId = admin->id;
    d->office.schoolId = admin->schoolId;
    d->office.username = admin->username;
    d->office.displayName = admin->displayName;
    d->office.role = admin->role;

    // The simulated reviewers: accounts of their own (made once, audited as staff.create),
    // assigned to every college.
    QList<QPair<qint64, qint64>> scopes;
    for (const College &c : db::SchoolRepo(d->db).colleges(d->schoolId))
        scopes.append({c.id, 0});
    for (int i = 1; i <= d->opt.reviewers; ++i) {
        const QString username = QStringLiteral("sim-reviewer-%1").arg(i);
        auto found = staff.findByUsername(username);
        if (!found) {
            accounts::StaffService::NewStaff n;
            n.username = username;
            n.displayName = QStringLiteral("模拟审核员%1").arg(i);
            n.role = StaffRole::Reviewer;
            n.scopes = scopes;
            n.password = codes::CodeService::newCode(codes::CodeService::kStudentDataChars) + QStringLiteral("a@1");
            accounts::StaffService(d->db, d->office).create(n);
            found = staff.findByUsername(username);
        }
        if (!found)
            throw db::DbError(db::DbError::Kind::Other, QCoreApplication::translate("Simulator", "Could not make the account %1.").arg(username));
        d->reviewers.append({found->id, found->displayName});
    }
    // Unique per run and never reused: the start time and the seed.
    d->keyPrefix = QStringLiteral("sim-%1-%2:").arg(QString::number(QDateTime::currentMSecsSinceEpoch(), 36)).arg(d->opt.seed);
}

QString Simulator::keyPrefix() const { return d->keyPrefix; }
QString Simulator::schoolName() const { return d->schoolName; }

QList<qint64> Simulator::reviewerStaffIds() const
{
    QList<qint64> out;
    for (const auto &r : d->reviewers)
        out.append(r.first);
    return out;
}

SimCounts Simulator::counts() const
{
    QMutexLocker lock(&d->mutex);
    SimCounts c = d->counts;
    c.elapsedSeconds = d->clock.isValid() ? d->clock.elapsed() / 1000.0 : 0;
    return c;
}

QList<SimEvent> Simulator::events() const
{
    QMutexLocker lock(&d->mutex);
    return d->events;
}

bool Simulator::Impl::settle(const std::atomic_bool &stop, const std::function<bool()> &failed, const std::function<bool()> &lost,
                             const std::function<bool()> &committed, const std::function<void()> &resend,
                             const std::function<void()> &tick)
{
    int resends = 0;
    bool lostOnce = false;
    while (failed() && !stop.load()) {
        const bool wasLost = lost();
        if (resends == 0)
            count([&](SimCounts &c) { ++(wasLost ? c.connectionLosses : c.otherFailures); });
        lostOnce = lostOnce || wasLost;
        if (!waitForDatabase(stop, tick))
            break;
        bool done = false;
        try {
            done = committed();
        } catch (const db::DbError &) {
            continue; // lost again: wait once more, then ask again
        }
        if (done) {
            count([](SimCounts &c) { ++c.foundCommitted; });
            return true;
        }
        if (resends >= (lostOnce ? 1 : 5))
            break;
        ++resends;
        count([](SimCounts &c) { ++c.retried; });
        if (!wasLost)
            QThread::msleep(ulong(20 * resends));
        resend();
    }
    return false;
}

StepResult Simulator::Impl::act(SimStudent &s, const QString &kind, const std::atomic_bool &stop,
                                const std::function<StepResult(const QString &)> &send, const std::function<void()> &tick)
{
    const QString key = keyPrefix + QStringLiteral("%1:%2").arg(s.id).arg(++s.seq);
    QElapsedTimer t;
    t.start();
    StepResult r = send(key);
    // Sent once more after a lost connection (the server may have committed: the journal says),
    // up to five times after another failure (SQLite busy), which never commits.
    if (settle(
            stop, [&] { return r.status == Status::Failed; },
            [&] { return r.errorKind == db::DbError::Kind::Lost || r.errorKind == db::DbError::Kind::Unreachable; },
            [&] { return db::StudentFlowRepo(db).requestDone(key); }, [&] { r = send(key); }, tick))
        r.status = Status::AlreadyDone;
    if (r.status == Status::Failed)
        count([](SimCounts &c) { ++c.abandoned; });
    if (r.ok()) {
        count([&](SimCounts &c) { ++c.actions[kind]; });
        event(SimEvent::Kind::StudentAction, double(t.nsecsElapsed()) / 1e6, s.id);
    }
    return r;
}

void Simulator::Impl::step(SimStudent &s, StudentFlow &flow, const checks::CheckEngine &engine, demo::DemoFaces &faces,
                           const std::atomic_bool &stop, const std::function<void()> &tick)
{
    const qint64 now = clock.elapsed();
    s.settled = false;
    std::optional<Student> st;
    try {
        st = db::StudentRepo(db).get(s.id);
    } catch (const db::DbError &) {
        waitForDatabase(stop, tick);
        s.nextAtMs = clock.elapsed();
        return;
    }
    if (!st) {
        s.finished = true;
        return;
    }
    auto later = [&](int fromMs, int toMs) { s.nextAtMs = clock.elapsed() + pause(s.rnd, fromMs, toMs); };
    // A slow wait: checked again every few seconds (a staff unlock or a decision shows up then).
    auto poll = [&](bool settled) {
        s.settled = settled;
        s.nextAtMs = now + std::max<qint64>(300, qint64(3000 / std::max(0.01, opt.speed)));
    };

    switch (st->state) {
    case StudentState::Approved:
    case StudentState::Exported:
        if (!s.finished)
            count([](SimCounts &c) { ++c.approvedStudents; });
        s.finished = true;
        s.waitingForReview = false;
        return;
    case StudentState::AwaitingReview:
        s.waitingForReview = true;
        poll(reviewers.isEmpty());
        return;
    case StudentState::LockedLiveness:
        poll(true);
        return;
    case StudentState::AwaitingPayment: {
        const StepResult r = act(s, QStringLiteral("pay"), stop, [&](const QString &key) { return flow.pay(s.id, key); }, tick);
        if (r.ok()) {
            s.waitingForReview = true;
            count([](SimCounts &c) { ++c.paid; });
        }
        later(2000, 8000);
        return;
    }
    case StudentState::NotStarted: {
        const StepResult r = act(s, QStringLiteral("verify"), stop, [&](const QString &key) {
            const QString phone = QStringLiteral("1%1").arg(qint64(13800000000LL + s.id % 100000000), 10, 10, QLatin1Char('0')).right(11);
            return flow.verify(s.id, s.code, st->name, st->studentNo, phone, s.rnd.chance(0.45), key);
        }, tick);
        if (r.ok())
            count([&](SimCounts &c) {
                ++c.verified;
                c.noticesShown += r.notices > 0;
            });
        if (r.status == Status::Refused)
            s.finished = true; // a code that does not verify: the student asks the school (not simulated)
        later(20000, 60000);   // reads the notice and the requirements, watches the video
        return;
    }
    default:
        break;
    }

    // Verified, drafting, returned or cooling off: the draft box, then submit or shoot.
    if (st->state == StudentState::Returned && s.waitingForReview) {
        s.waitingForReview = false;
        s.wasReturned = true;
        count([](SimCounts &c) { ++c.reshoots; });
        later(10000, 40000); // reads the reason, gets ready to shoot again
        return;
    }
    s.waitingForReview = false;
    if (st->lockKind == QLatin1String("cooling") && st->lockedUntil > db::nowMs()) {
        s.settled = true;
        s.nextAtMs = now + std::max<qint64>(500, st->lockedUntil - db::nowMs() + 200);
        return;
    }
    QList<Photo> drafts;
    QList<Photo> fresh; // drafts not submitted yet (a draft stays in the box after it was submitted)
    try {
        drafts = flow.drafts(s.id);
        fresh = flow.unsubmittedDrafts(s.id);
    } catch (const db::DbError &) {
        waitForDatabase(stop, tick);
        s.nextAtMs = clock.elapsed();
        return;
    }
    const bool canSubmit = !fresh.isEmpty() && (st->state == StudentState::Drafting || st->state == StudentState::Returned)
        && st->lockKind == QLatin1String("none");
    // After a pass the student mostly submits at once, sometimes tries for a better one first.
    const bool submitNow = canSubmit
        && (s.shotsSinceSubmit >= 3 || drafts.size() >= settings.draftCapacity || s.rnd.chance(0.7));
    if (submitNow) {
        const qint64 draftId = fresh.constLast().id;
        const StepResult r = act(s, QStringLiteral("submit"), stop, [&](const QString &key) { return flow.submit(s.id, draftId, key, settings); }, tick);
        if (r.ok()) {
            s.shotsSinceSubmit = 0;
            s.waitingForReview = true;
            count([&](SimCounts &c) {
                ++c.submitted;
                c.awaitingPayment += r.outcome == Outcome::AwaitingPayment;
            });
            event(SimEvent::Kind::Submission, 0, s.id);
            later(3000, 15000);
        } else if (r.outcome == Outcome::OutsideWindow) {
            count([](SimCounts &c) { ++c.outsideWindow; });
            poll(true);
        } else {
            later(3000, 10000);
        }
        return;
    }
    if (drafts.size() >= settings.draftCapacity) {
        // A full draft box blocks shooting: delete the oldest draft once it may be deleted.
        const Photo &oldest = drafts.constFirst();
        const qint64 deletableAt = oldest.storedAt + qint64(settings.draftRetentionHours) * 3600 * 1000;
        if (deletableAt <= db::nowMs()) {
            const StepResult r = act(s, QStringLiteral("delete_draft"), stop,
                                     [&](const QString &key) { return flow.deleteDraft(s.id, oldest.id, key, settings); }, tick);
            if (r.ok())
                count([](SimCounts &c) { ++c.draftsDeleted; });
            later(2000, 6000);
        } else {
            count([](SimCounts &c) { ++c.draftBoxFull; });
            s.settled = true;
            s.nextAtMs = now + std::min<qint64>(deletableAt - db::nowMs() + 200, 60000);
        }
        return;
    }
    if (!StudentFlow::windowOpen(settings, db::nowMs())) {
        count([](SimCounts &c) { ++c.outsideWindow; });
        poll(true);
        return;
    }

    // A shot: the photo the phone made (a defect at the usual rate), liveness, the checks.
    double x = s.rnd.unit();
    demo::DemoFaces::Variant variant = demo::DemoFaces::Variant::Compliant;
    for (const VariantShare &v : kVariants) {
        if (x < v.share) {
            variant = v.variant;
            break;
        }
        x -= v.share;
    }
    const bool liveness = !s.rnd.chance(s.livenessRisk);
    const QByteArray tag = QStringLiteral("tucai-sim %1 student %2 shot %3").arg(keyPrefix).arg(s.id).arg(s.seq + 1).toUtf8();
    const Shot shot = checkShot(engine, distinctJpeg(faces.photo(variant, s.person), tag), liveness);
    const StepResult r = act(s, QStringLiteral("shot"), stop, [&](const QString &key) { return flow.shoot(s.id, shot, key, settings); }, tick);
    ++s.shotsSinceSubmit;
    if (r.status == Status::Done) {
        count([&](SimCounts &c) {
            ++c.shots;
            switch (r.outcome) {
            case Outcome::DraftStored: ++c.draftsStored; break;
            case Outcome::QualityFailed: ++c.qualityFailures; break;
            case Outcome::CoolingStarted: ++c.qualityFailures; ++c.coolingOffs; break;
            case Outcome::LivenessFailed: ++c.livenessFailures; break;
            case Outcome::LockedLiveness: ++c.livenessFailures; ++c.livenessLocks; break;
            default: break;
            }
        });
    } else if (r.status == Status::AlreadyDone) {
        count([](SimCounts &c) { ++c.shots; });
    } else if (r.outcome == Outcome::OutsideWindow) {
        count([](SimCounts &c) { ++c.outsideWindow; });
        poll(true);
        return;
    } else if (r.outcome == Outcome::DraftBoxFull) {
        later(1000, 3000);
        return;
    }
    if (r.outcome == Outcome::QualityFailed || r.outcome == Outcome::LivenessFailed)
        later(15000, 40000); // reads the hint, tries again
    else
        later(8000, 25000);
}

void Simulator::Impl::reviewerLoop(int index, const std::atomic_bool &stop)
{
    const auto &me = reviewers.at(index);
    review::ReviewScope scope;
    scope.staffId = me.first;
    scope.schoolId = schoolId;
    scope.role = StaffRole::Reviewer;
    scope.staffName = me.second;
    const review::DecisionService service(db, scope);
    demo::DemoRandom rnd(opt.seed * 7919 + quint64(index) + 1);
    const auto &catalog = review::ReasonCatalog::instance();
    auto sleepFor = [&](qint64 ms) {
        for (qint64 slept = 0; slept < ms && !stop.load(); slept += 50)
            QThread::msleep(ulong(std::min<qint64>(50, ms - slept)));
    };
    while (!stop.load()) {
        QList<review::QueueRow> rows;
        try {
            rows = db::ReviewRepo(db).page(scope, review::QueueQuery{}, {}, 16);
        } catch (const db::DbError &) {
            waitForDatabase(stop);
            continue;
        }
        if (rows.isEmpty()) {
            sleepFor(std::max<qint64>(200, qint64(2000 / std::max(0.01, opt.speed))));
            continue;
        }
        // The team splits the queue (here by photo number), yet now and then two take the same
        // photo: the second is told, nothing is lost.
        QList<review::QueueRow> mine;
        for (const review::QueueRow &r : std::as_const(rows))
            if (r.id % reviewers.size() == index)
                mine.append(r);
        if (mine.isEmpty() && !rnd.chance(0.3)) {
            sleepFor(pause(rnd, 1000, 3000)); // nothing of one's own share: look again shortly
            continue;
        }
        const review::QueueRow row = !mine.isEmpty() && rnd.chance(0.9) ? mine.constFirst() : rows.at(rnd.below(int(rows.size())));
        std::optional<Photo> photo;
        try {
            photo = db::PhotoRepo(db).get(row.id);
        } catch (const db::DbError &) {
            waitForDatabase(stop);
            continue;
        }
        if (!photo || photo->status != QLatin1String("submitted"))
            continue; // decided meanwhile
        sleepFor(pause(rnd, 3000, 12000)); // looks at the photo and its overlay
        if (stop.load())
            break;
        review::Decision decision;
        decision.photoId = photo->id;
        decision.rowVersion = row.rowVersion; // the version the reviewer saw in the queue
        QStringList failedRules;
        if (!photo->checkReport.isEmpty())
            for (const checks::RuleResult &v : checks::CheckReport::fromJson(QJsonDocument::fromJson(photo->checkReport.toUtf8()).object()).violations())
                failedRules.append(v.rule);
        // Mostly as the checks say; a photo nobody checked is looked at on its own merits.
        decision.approve = rnd.chance(photo->checkPassed == 1 ? 0.9 : photo->checkPassed == 0 ? 0.2 : 0.7);
        if (!decision.approve) {
            decision.reasons = catalog.codesForRules(failedRules).mid(0, 2);
            if (decision.reasons.isEmpty() && !catalog.reasons().isEmpty())
                decision.reasons = QStringList{catalog.reasons().at(rnd.below(int(catalog.reasons().size()))).code};
        }
        QElapsedTimer t;
        t.start();
        review::DecisionResult result = service.decide(decision);
        // A failure here is the database going away: find out whether the decision was
        // committed (the photo moved one version, by this reviewer), else send it once more
        // with the same row version (the same notification key).
        const auto committed = [&] {
            const std::optional<db::ReviewRepo::Decided> now = db::ReviewRepo(db).decidedState(decision.photoId);
            return now && now->rowVersion == decision.rowVersion + 1 && now->reviewerId == me.first
                   && now->decision == (decision.approve ? QLatin1String("approved") : QLatin1String("returned"));
        };
        if (settle(
                stop, [&] { return result.status == review::DecisionResult::Status::Failed; },
                [&] { return result.connectionLost; }, committed, [&] { result = service.decide(decision); }))
            result.status = review::DecisionResult::Status::Ok;
        const double ms = double(t.nsecsElapsed()) / 1e6;
        switch (result.status) {
        case review::DecisionResult::Status::Ok:
            count([&](SimCounts &c) {
                ++c.decisions;
                ++(decision.approve ? c.approved : c.returned);
            });
            event(SimEvent::Kind::Decision, ms);
            break;
        case review::DecisionResult::Status::Conflict:
            count([](SimCounts &c) { ++c.decisionConflicts; });
            break;
        case review::DecisionResult::Status::Failed:
            count([](SimCounts &c) { ++c.abandoned; });
            break;
        default:
            break;
        }
    }
}

void Simulator::run(const std::atomic_bool &stopFlag, const std::function<void(const SimCounts &)> &progress)
{
    Impl &m = *d;
    m.clock.start();
    // Stops the reviewers when the students are through, and on the caller's stop.
    std::atomic_bool stop{false};
    auto stopped = [&] { return stop.load() || stopFlag.load(); };

    demo::DemoFaces faces(m.opt.facesDir);
    m.count([&](SimCounts &c) { c.realFaces = faces.realFaces(); });
    const checks::CheckEngine engine(checks::CheckProfile::loadDefault());
    StudentFlow flow(m.db);

    // The students who may come: not started yet, or verified and not done (in a shuffled order).
    QList<qint64> ids = db::StudentFlowRepo(m.db).studentsInStates(
        m.schoolId, {QStringLiteral("not_started"), QStringLiteral("verified"), QStringLiteral("drafting"), QStringLiteral("returned")});
    demo::DemoRandom order(m.opt.seed);
    for (qsizetype i = ids.size() - 1; i > 0; --i)
        ids.swapItemsAt(i, order.below(int(i + 1)));
    if (m.opt.students > 0 && ids.size() > m.opt.students)
        ids.resize(m.opt.students);

    QList<QThread *> threads;
    for (int i = 0; i < m.reviewers.size(); ++i) {
        QThread *t = QThread::create([&m, i, &stop] { m.reviewerLoop(i, stop); });
        t->start();
        threads.append(t);
    }

    std::map<qint64, SimStudent> active;   // by student id
    QHash<qint64, QString> codes;          // clear codes handed out, not yet used
    qsizetype nextArrival = 0;
    const double perArrivalMs = 60000.0 / std::max(0.001, m.opt.ratePerMinute);
    qint64 lastProgress = -1000;
    const std::function<void()> tick = [&] {
        if (progress && m.clock.elapsed() - lastProgress >= 500) {
            lastProgress = m.clock.elapsed();
            progress(counts());
        }
        if (m.opt.durationSeconds > 0 && m.clock.elapsed() >= qint64(m.opt.durationSeconds) * 1000)
            stop.store(true);
        if (stopFlag.load())
            stop.store(true);
    };

    while (!stopped()) {
        tick();
        if (stopped())
            break;
        m.readSettings(false);
        const qint64 now = m.clock.elapsed();
        // Arrivals due now; collection codes are handed out a few dozen at a time (audited).
        while (nextArrival < ids.size() && now >= qint64(double(nextArrival) * perArrivalMs)) {
            const qint64 id = ids.at(nextArrival);
            if (!codes.contains(id)) {
                QList<qint64> batch;
                for (qsizetype k = nextArrival; k < ids.size() && batch.size() < 25; ++k)
                    batch.append(ids.at(k));
                try {
                    codes::CodeSelection sel;
                    sel.schoolId = m.schoolId;
                    sel.studentIds = batch;
                    const auto issued = codes::CodeService(m.db, {m.office.staffId, m.office.displayName})
                                            .generateForStudents(sel, db::nowMs() + 30 * kDay);
                    for (const codes::IssuedCode &c : issued)
                        codes.insert(c.target.studentId, c.code);
                } catch (const db::DbError &) {
                    m.waitForDatabase(stop, tick);
                    break;
                }
                if (!codes.contains(id))
                    break;
            }
            SimStudent s;
            s.id = id;
            s.rnd = demo::DemoRandom(m.opt.seed ^ (quint64(id) * 0x9E3779B97F4A7C15ull));
            s.person = s.rnd.below(1 << 20);
            // Most pass liveness almost always; a few keep failing it (a dark room, a photo held up).
            s.livenessRisk = s.rnd.chance(0.08) ? 0.6 : 0.02;
            s.code = codes.take(id);
            s.nextAtMs = now + m.pause(s.rnd, 0, 5000);
            active.emplace(id, std::move(s));
            ++nextArrival;
            m.count([](SimCounts &c) { ++c.arrived; });
        }
        // The student whose next step is due first.
        SimStudent *due = nullptr;
        bool allSettled = true;
        for (auto &[id, s] : active) {
            if (s.finished)
                continue;
            if (!s.settled && !(s.waitingForReview && m.reviewers.isEmpty()))
                allSettled = false;
            if (!due || s.nextAtMs < due->nextAtMs)
                due = &s;
        }
        const bool allArrived = nextArrival >= ids.size();
        if (allArrived && allSettled && (m.opt.students > 0 || ids.isEmpty()))
            break;
        if (due && due->nextAtMs <= now) {
            m.step(*due, flow, engine, faces, stop, tick);
            continue;
        }
        const qint64 nextArrivalAt = allArrived ? std::numeric_limits<qint64>::max() : qint64(double(nextArrival) * perArrivalMs);
        const qint64 wake = std::min(due ? due->nextAtMs : std::numeric_limits<qint64>::max(), nextArrivalAt);
        QThread::msleep(ulong(std::clamp<qint64>(wake - m.clock.elapsed(), 1, 100)));
    }
    stop.store(true);
    for (QThread *t : threads) {
        t->wait();
        delete t;
    }
    if (progress)
        progress(counts());
}

} // namespace tucai::sim
