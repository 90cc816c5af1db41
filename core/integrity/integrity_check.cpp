#include "integrity/integrity_check.h"

#include "db/audit_repo.h"
#include "db/database.h"
#include "db/integrity_repo.h"
#include "settings/collection_settings.h"

#include <QCoreApplication>
#include <QElapsedTimer>

namespace tucai::integrity {
namespace {

const QString kDraftsOverCapacity = QStringLiteral("drafts_over_capacity");
const QString kDecisionNotification = QStringLiteral("decision_notification");
const QString kResetNotification = QStringLiteral("reset_notification");
const QString kAuditChain = QStringLiteral("audit_chain");

// The sentence for one violating row; the row's values come in the order of its rule's query
// (core/db/integrity_repo.cpp).
QString messageFor(const db::IntegrityRow &r)
{
    const auto v = [&r](int i) { return r.values.value(i).toString(); };
    const QString &rule = r.rule;
    if (rule == QLatin1String("student_state"))
        return QCoreApplication::translate("Integrity", "unknown state '%1'").arg(v(0));
    if (rule == QLatin1String("photo_kind_status"))
        return QCoreApplication::translate("Integrity", "a %1 photo with status '%2'").arg(v(0), v(1));
    if (rule == QLatin1String("photo_decision")) {
        if (v(0) == v(1))
            return QCoreApplication::translate("Integrity", "status '%1' without a decision time").arg(v(0));
        return QCoreApplication::translate("Integrity", "status '%1' but decision '%2'").arg(v(0), v(1).isEmpty() ? QCoreApplication::translate("Integrity", "none") : v(1));
    }
    if (rule == QLatin1String("photo_submitted_at"))
        return QCoreApplication::translate("Integrity", "submitted photo without a submission time");
    if (rule == QLatin1String("approved_photos"))
        return QCoreApplication::translate("Integrity", "state '%1' but %2 approved photos (exactly one expected)").arg(v(0), v(1));
    if (rule == QLatin1String("approved_photo_student"))
        return QCoreApplication::translate("Integrity", "approved photo, but its student %1 is '%2' (approved or exported expected)").arg(v(0), v(1));
    if (rule == QLatin1String("review_without_photo"))
        return QCoreApplication::translate("Integrity", "state 'awaiting_review' but no submitted photo awaits review");
    if (rule == QLatin1String("several_in_review"))
        return QCoreApplication::translate("Integrity", "%1 photos await review at once (at most one expected)").arg(v(0));
    if (rule == QLatin1String("review_photo_student"))
        return QCoreApplication::translate("Integrity", "photo awaits review, but its student %1 is '%2' (awaiting_review expected)").arg(v(0), v(1));
    if (rule == QLatin1String("payment_without_photo"))
        return QCoreApplication::translate("Integrity", "state 'awaiting_payment' but no photo awaits payment");
    if (rule == QLatin1String("payment_photo_student"))
        return QCoreApplication::translate("Integrity", "photo awaits payment, but its student %1 is '%2' (awaiting_payment expected)").arg(v(0), v(1));
    if (rule == QLatin1String("payment_but_paid"))
        return QCoreApplication::translate("Integrity", "state 'awaiting_payment' but marked as paid");
    if (rule == QLatin1String("returned_without_photo"))
        return QCoreApplication::translate("Integrity", "state 'returned' but no returned photo");
    if (rule == QLatin1String("not_started_activity"))
        return QCoreApplication::translate("Integrity", "state 'not_started' but %1 photos and %2 capture attempts recorded").arg(v(0), v(1));
    if (rule == QLatin1String("drafting_without_draft"))
        return QCoreApplication::translate("Integrity", "state 'drafting' but the draft box is empty");
    if (rule == QLatin1String("verified_with_drafts"))
        return QCoreApplication::translate("Integrity", "state 'verified' but %1 drafts in the draft box ('drafting' expected)").arg(v(0));
    if (rule == QLatin1String("submission_counter"))
        return QCoreApplication::translate("Integrity", "submission counter %1 but %2 submitted photos").arg(v(0), v(1));
    if (rule == QLatin1String("negative_counter"))
        return QCoreApplication::translate("Integrity", "negative counter: liveness failures %1, other failures %2, submissions %3, extra attempts %4").arg(v(0), v(1), v(2), v(3));
    if (rule == QLatin1String("liveness_counter"))
        return QCoreApplication::translate("Integrity", "liveness failure counter %1 exceeds the %2 failed liveness attempts recorded").arg(v(0), v(1));
    if (rule == QLatin1String("quality_counter"))
        return QCoreApplication::translate("Integrity", "other-failure counter %1 exceeds the %2 failed quality attempts recorded").arg(v(0), v(1));
    if (rule == QLatin1String("liveness_lock_state"))
        return QCoreApplication::translate("Integrity", "state '%1' with lock '%2' (the liveness lock and the state 'locked_liveness' go together)").arg(v(0), v(1));
    if (rule == QLatin1String("cooling_state"))
        return QCoreApplication::translate("Integrity", "state 'cooling_off' without a cooling lock and its end time (lock '%1')").arg(v(0));
    if (rule == QLatin1String("lock_until")) {
        if (v(0) != QLatin1String("none") && v(0) != QLatin1String("liveness") && v(0) != QLatin1String("cooling"))
            return QCoreApplication::translate("Integrity", "unknown lock '%1'").arg(v(0));
        if (r.values.value(1).toInt() == 1)
            return QCoreApplication::translate("Integrity", "lock '%1' with an end time (only a cooling lock has one)").arg(v(0));
        return QCoreApplication::translate("Integrity", "cooling lock without an end time");
    }
    if (rule == QLatin1String("lock_without_failures"))
        return QCoreApplication::translate("Integrity", "lock '%1' but no failure counted").arg(v(0));
    if (rule == QLatin1String("row_version"))
        return QCoreApplication::translate("Integrity", "row version %1 (versions start at 1)").arg(v(0));
    if (rule == QLatin1String("notice_history"))
        return QCoreApplication::translate("Integrity", "notice at version %1 but its history ends at version %2").arg(v(0), v(1));
    if (rule == QLatin1String("student_class_college"))
        return QCoreApplication::translate("Integrity", "class %1 belongs to college %2, not to the student's college %3").arg(v(0), v(1), v(2));
    if (rule == QLatin1String("student_college_school"))
        return QCoreApplication::translate("Integrity", "college %1 belongs to school %2, not to the student's school %3").arg(v(0), v(1), v(2));
    if (rule == QLatin1String("photo_place"))
        return QCoreApplication::translate("Integrity", "photo in class %1 of college %2, but its student %3 is in class %4 of college %5").arg(v(0), v(1), v(2), v(3), v(4));
    if (rule == QLatin1String("scope_class_college"))
        return QCoreApplication::translate("Integrity", "scope of class %1 (college %2) filed under college %3").arg(v(0), v(1), v(2));
    if (rule == kDraftsOverCapacity)
        return QCoreApplication::translate("Integrity", "%1 drafts in the draft box, more than the capacity %2").arg(v(0), v(1));
    return rule;
}

} // namespace

QStringList allRules()
{
    return db::IntegrityRepo::queryRules() << kDraftsOverCapacity << kDecisionNotification << kResetNotification << kAuditChain;
}

Report checkDatabase(const db::Database &database, const Options &options)
{
    QElapsedTimer timer;
    timer.start();
    Report report;
    const db::IntegrityRepo repo(database);
    const QStringList rules = allRules();
    const int limit = std::max(1, options.limitPerRule);
    int done = 0;
    // Adds a rule's rows: at most `limit` of them, the rule marked when there were more.
    auto take = [&](const QString &rule, const QList<Violation> &found) {
        report.rules.append(rule);
        for (qsizetype i = 0; i < found.size() && i < limit; ++i)
            report.violations.append(found.at(i));
        if (found.size() > limit)
            report.truncated.append(rule);
        if (options.progress)
            options.progress(++done, int(rules.size()), rule);
    };
    auto cancelled = [&] {
        report.cancelled = options.cancel && options.cancel->load();
        return report.cancelled;
    };
    auto toViolations = [](const QList<db::IntegrityRow> &rows) {
        QList<Violation> out;
        out.reserve(rows.size());
        for (const db::IntegrityRow &r : rows)
            out.append({r.rule, r.table, r.id, messageFor(r)});
        return out;
    };

    for (const QString &rule : db::IntegrityRepo::queryRules()) {
        if (cancelled())
            return report;
        take(rule, toViolations(repo.violations(rule, limit + 1)));
    }

    // Drafts within each school's capacity setting.
    if (cancelled())
        return report;
    QList<Violation> overCapacity;
    for (qint64 school : repo.schoolIds()) {
        const int capacity = settings::CollectionSettings::load(database, school).draftCapacity;
        QList<db::IntegrityRow> rows = repo.draftsOverCapacity(school, capacity, limit + 1);
        for (db::IntegrityRow &r : rows)
            r.values.append(capacity);
        overCapacity += toViolations(rows);
    }
    take(kDraftsOverCapacity, overCapacity);

    // A notification for every review decision (a reviewer's: photo.approved / photo.returned
    // naming the photo; a reset's: account.account_reset to the student), not withdrawn.
    if (cancelled())
        return report;
    const db::IntegrityRepo::Notified notified = repo.notifications();
    QList<Violation> decisions, resets;
    repo.forEachDecidedPhoto([&](const db::IntegrityRepo::DecidedPhoto &p) {
        if (p.byReset) {
            if (!notified.resetStudents.contains(p.studentId) && resets.size() <= limit)
                resets.append({kResetNotification, QStringLiteral("photos"), p.id,
                               QCoreApplication::translate("Integrity", "returned by a reset of student %1 without an account-reset notification").arg(p.studentId)});
            return;
        }
        const bool found = p.decision == QLatin1String("approved") ? notified.approvedPhotos.contains(p.id)
                         : p.decision == QLatin1String("returned") ? notified.returnedPhotos.contains(p.id)
                                                                    : true; // an unknown decision is photo_decision's
        if (!found && decisions.size() <= limit)
            decisions.append({kDecisionNotification, QStringLiteral("photos"), p.id,
                              QCoreApplication::translate("Integrity", "decision '%1' without a notification to the student").arg(p.decision)});
    });
    take(kDecisionNotification, decisions);
    take(kResetNotification, resets);

    // The audit chain, as `tucai audit verify` checks it.
    if (cancelled())
        return report;
    QString why;
    const qint64 broken = db::AuditRepo(database).verify(&why);
    QList<Violation> audit;
    if (broken)
        audit.append({kAuditChain, QStringLiteral("audit_log"), broken, why});
    take(kAuditChain, audit);

    report.ms = timer.elapsed();
    return report;
}

} // namespace tucai::integrity
