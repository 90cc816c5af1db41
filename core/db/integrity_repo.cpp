#include "db/integrity_repo.h"

#include "db/database.h"

#include <QCoreApplication>
#include <QSqlRecord>

namespace tucai::db {
namespace {

// Per student: the photos in each place of the student's path.
const QString kPhotoCounts = QStringLiteral(
    "(SELECT student_id, "
    "SUM(CASE WHEN kind = 'draft' AND status = 'draft' THEN 1 ELSE 0 END) AS drafts, "
    "SUM(CASE WHEN kind = 'submitted' THEN 1 ELSE 0 END) AS submitted_total, "
    "SUM(CASE WHEN kind = 'submitted' AND status = 'submitted' THEN 1 ELSE 0 END) AS in_review, "
    "SUM(CASE WHEN kind = 'submitted' AND status = 'awaiting_payment' THEN 1 ELSE 0 END) AS unpaid, "
    "SUM(CASE WHEN kind = 'submitted' AND status = 'approved' THEN 1 ELSE 0 END) AS approved, "
    "SUM(CASE WHEN kind = 'submitted' AND status = 'returned' THEN 1 ELSE 0 END) AS returned, "
    "COUNT(*) AS total FROM photos GROUP BY student_id) ps");
// Per student: the recorded capture attempts.
const QString kAttemptCounts = QStringLiteral(
    "(SELECT student_id, "
    "SUM(CASE WHEN kind = 'liveness' AND passed = 0 THEN 1 ELSE 0 END) AS liveness_failed, "
    "SUM(CASE WHEN kind = 'quality' AND passed = 0 THEN 1 ELSE 0 END) AS quality_failed, "
    "COUNT(*) AS total FROM capture_attempts GROUP BY student_id) att");

QString withPhotos(const QString &columns, const QString &where)
{
    return QStringLiteral("SELECT 'students', s.id, %1 FROM students s LEFT JOIN %2 ON ps.student_id = s.id WHERE %3 ORDER BY s.id")
        .arg(columns, kPhotoCounts, where);
}

QString withAttempts(const QString &columns, const QString &where)
{
    return QStringLiteral("SELECT 'students', s.id, %1 FROM students s LEFT JOIN %2 ON att.student_id = s.id WHERE %3 ORDER BY s.id")
        .arg(columns, kAttemptCounts, where);
}

QString photoOfStudent(const QString &columns, const QString &where)
{
    return QStringLiteral("SELECT 'photos', p.id, %1 FROM photos p JOIN students s ON s.id = p.student_id WHERE %2 ORDER BY p.id")
        .arg(columns, where);
}

struct Rule
{
    const char *name;
    QString sql; // columns: table, id, values...
};

const QList<Rule> &rules()
{
    static const QList<Rule> all{
        // Values the schema allows but the application never writes.
        {"student_state",
         QStringLiteral("SELECT 'students', id, state FROM students WHERE state NOT IN ('not_started', 'verified', 'drafting', "
                        "'cooling_off', 'locked_liveness', 'awaiting_payment', 'awaiting_review', 'approved', 'returned', 'exported') "
                        "ORDER BY id")},
        {"photo_kind_status",
         QStringLiteral("SELECT 'photos', id, kind, status FROM photos WHERE (kind = 'draft' AND status NOT IN ('draft', 'deleted')) "
                        "OR (kind = 'submitted' AND status NOT IN ('awaiting_payment', 'submitted', 'approved', 'returned', 'deleted')) "
                        "ORDER BY id")},
        {"photo_decision",
         QStringLiteral("SELECT 'photos', id, status, COALESCE(decision, ''), CASE WHEN decided_at IS NULL THEN 0 ELSE 1 END FROM photos "
                        "WHERE (status IN ('approved', 'returned') AND (decision IS NULL OR decision <> status OR decided_at IS NULL)) "
                        "OR (status IN ('draft', 'submitted', 'awaiting_payment') AND decision IS NOT NULL) ORDER BY id")},
        {"photo_submitted_at",
         QStringLiteral("SELECT 'photos', id FROM photos WHERE kind = 'submitted' AND submitted_at IS NULL ORDER BY id")},

        // The student's state against their photos.
        {"approved_photos",
         withPhotos(QStringLiteral("s.state, COALESCE(ps.approved, 0)"),
                    QStringLiteral("s.state IN ('approved', 'exported') AND COALESCE(ps.approved, 0) <> 1"))},
        {"approved_photo_student",
         photoOfStudent(QStringLiteral("s.id, s.state"),
                        QStringLiteral("p.kind = 'submitted' AND p.status = 'approved' AND s.state NOT IN ('approved', 'exported')"))},
        {"review_without_photo",
         withPhotos(QStringLiteral("s.state"), QStringLiteral("s.state = 'awaiting_review' AND COALESCE(ps.in_review, 0) = 0"))},
        {"several_in_review", withPhotos(QStringLiteral("ps.in_review"), QStringLiteral("COALESCE(ps.in_review, 0) > 1"))},
        {"review_photo_student",
         photoOfStudent(QStringLiteral("s.id, s.state"),
                        QStringLiteral("p.kind = 'submitted' AND p.status = 'submitted' AND s.state <> 'awaiting_review'"))},
        {"payment_without_photo",
         withPhotos(QStringLiteral("s.state"), QStringLiteral("s.state = 'awaiting_payment' AND COALESCE(ps.unpaid, 0) = 0"))},
        {"payment_photo_student",
         photoOfStudent(QStringLiteral("s.id, s.state"),
                        QStringLiteral("p.kind = 'submitted' AND p.status = 'awaiting_payment' AND s.state <> 'awaiting_payment'"))},
        {"payment_but_paid",
         QStringLiteral("SELECT 'students', id FROM students WHERE state = 'awaiting_payment' AND paid <> 0 ORDER BY id")},
        {"returned_without_photo",
         withPhotos(QStringLiteral("s.state"), QStringLiteral("s.state = 'returned' AND COALESCE(ps.returned, 0) = 0"))},
        {"not_started_activity",
         QStringLiteral("SELECT 'students', s.id, COALESCE(ps.total, 0), COALESCE(att.total, 0) FROM students s LEFT JOIN %1 "
                        "ON ps.student_id = s.id LEFT JOIN %2 ON att.student_id = s.id WHERE s.state = 'not_started' "
                        "AND (COALESCE(ps.total, 0) > 0 OR COALESCE(att.total, 0) > 0) ORDER BY s.id")
             .arg(kPhotoCounts, kAttemptCounts)},
        {"drafting_without_draft",
         withPhotos(QStringLiteral("s.state"), QStringLiteral("s.state = 'drafting' AND COALESCE(ps.drafts, 0) = 0"))},
        {"verified_with_drafts",
         withPhotos(QStringLiteral("ps.drafts"), QStringLiteral("s.state = 'verified' AND COALESCE(ps.drafts, 0) > 0"))},

        // Counters against the recorded submissions, attempts and locks.
        {"submission_counter",
         withPhotos(QStringLiteral("s.submissions, COALESCE(ps.submitted_total, 0)"),
                    QStringLiteral("s.submissions <> COALESCE(ps.submitted_total, 0)"))},
        {"negative_counter",
         QStringLiteral("SELECT 'students', id, liveness_failures, other_failures, submissions, extra_attempts FROM students "
                        "WHERE liveness_failures < 0 OR other_failures < 0 OR submissions < 0 OR extra_attempts < 0 ORDER BY id")},
        {"liveness_counter",
         withAttempts(QStringLiteral("s.liveness_failures, COALESCE(att.liveness_failed, 0)"),
                      QStringLiteral("s.liveness_failures > COALESCE(att.liveness_failed, 0)"))},
        {"quality_counter",
         withAttempts(QStringLiteral("s.other_failures, COALESCE(att.quality_failed, 0)"),
                      QStringLiteral("s.other_failures > COALESCE(att.quality_failed, 0)"))},
        {"liveness_lock_state",
         QStringLiteral("SELECT 'students', id, state, lock_kind FROM students WHERE (state = 'locked_liveness' AND lock_kind <> 'liveness') "
                        "OR (state <> 'locked_liveness' AND lock_kind = 'liveness') ORDER BY id")},
        {"cooling_state",
         QStringLiteral("SELECT 'students', id, lock_kind FROM students WHERE state = 'cooling_off' "
                        "AND (lock_kind <> 'cooling' OR locked_until IS NULL) ORDER BY id")},
        {"lock_until",
         QStringLiteral("SELECT 'students', id, lock_kind, CASE WHEN locked_until IS NULL THEN 0 ELSE 1 END FROM students "
                        "WHERE (lock_kind = 'cooling' AND locked_until IS NULL) OR (lock_kind IN ('none', 'liveness') "
                        "AND locked_until IS NOT NULL) OR lock_kind NOT IN ('none', 'liveness', 'cooling') ORDER BY id")},
        {"lock_without_failures",
         QStringLiteral("SELECT 'students', id, lock_kind FROM students WHERE (lock_kind = 'liveness' AND liveness_failures < 1) "
                        "OR (lock_kind = 'cooling' AND other_failures < 1) ORDER BY id")},

        // Row versions start at 1 and only grow; a notice's version is the last of its history.
        {"row_version",
         QStringLiteral("SELECT 'students', id, row_version FROM students WHERE row_version < 1 "
                        "UNION ALL SELECT 'photos', id, row_version FROM photos WHERE row_version < 1 "
                        "UNION ALL SELECT 'notices', id, row_version FROM notices WHERE row_version < 1 "
                        "UNION ALL SELECT 'staff', id, row_version FROM staff WHERE row_version < 1")},
        {"notice_history",
         QStringLiteral("SELECT 'notices', n.id, n.row_version, COALESCE(v.last_version, 0) FROM notices n LEFT JOIN "
                        "(SELECT notice_id, MAX(version) AS last_version FROM notice_versions GROUP BY notice_id) v "
                        "ON v.notice_id = n.id WHERE n.row_version >= 1 AND COALESCE(v.last_version, 0) <> n.row_version "
                        "ORDER BY n.id")},

        // Places: a class belongs to one college, a college to one school.
        {"student_class_college",
         QStringLiteral("SELECT 'students', s.id, s.class_id, cl.college_id, s.college_id FROM students s "
                        "JOIN classes cl ON cl.id = s.class_id WHERE cl.college_id <> s.college_id ORDER BY s.id")},
        {"student_college_school",
         QStringLiteral("SELECT 'students', s.id, s.college_id, c.school_id, s.school_id FROM students s "
                        "JOIN colleges c ON c.id = s.college_id WHERE c.school_id <> s.school_id ORDER BY s.id")},
        {"photo_place",
         photoOfStudent(QStringLiteral("p.class_id, p.college_id, s.id, s.class_id, s.college_id"),
                        QStringLiteral("p.class_id <> s.class_id OR p.college_id <> s.college_id"))},
        {"scope_class_college",
         QStringLiteral("SELECT 'staff_scopes', sc.staff_id, sc.class_id, cl.college_id, sc.college_id FROM staff_scopes sc "
                        "JOIN classes cl ON cl.id = sc.class_id WHERE cl.college_id <> sc.college_id ORDER BY sc.staff_id")},
    };
    return all;
}

void readRows(Query &q, const QString &rule, int limit, QList<IntegrityRow> &out)
{
    const int columns = q.raw().record().count();
    while (q.next() && out.size() < limit) {
        IntegrityRow r;
        r.rule = rule;
        r.table = q.toString(0);
        r.id = q.toLongLong(1);
        for (int c = 2; c < columns; ++c)
            r.values.append(q.value(c));
        out.append(r);
    }
}

} // namespace

QStringList IntegrityRepo::queryRules()
{
    QStringList names;
    for (const Rule &r : rules())
        names.append(QString::fromLatin1(r.name));
    return names;
}

QList<IntegrityRow> IntegrityRepo::violations(const QString &rule, int limit) const
{
    for (const Rule &r : rules()) {
        if (rule != QLatin1String(r.name))
            continue;
        Query q(m_db, r.sql);
        q.exec();
        QList<IntegrityRow> out;
        readRows(q, rule, limit, out);
        return out;
    }
    throw DbError(DbError::Kind::Invalid, QCoreApplication::translate("IntegrityRepo", "There is no check named %1.").arg(rule));
}

QList<qint64> IntegrityRepo::schoolIds() const
{
    Query q(m_db, QStringLiteral("SELECT id FROM schools ORDER BY id"));
    q.exec();
    QList<qint64> out;
    while (q.next())
        out.append(q.toLongLong(0));
    return out;
}

QList<IntegrityRow> IntegrityRepo::draftsOverCapacity(qint64 schoolId, int capacity, int limit) const
{
    Query q(m_db, QStringLiteral("SELECT 'students', s.id, ps.drafts FROM students s JOIN %1 ON ps.student_id = s.id "
                                 "WHERE s.school_id = :school AND ps.drafts > :cap ORDER BY s.id")
                      .arg(kPhotoCounts));
    q.bind(QStringLiteral(":school"), schoolId).bind(QStringLiteral(":cap"), capacity).exec();
    QList<IntegrityRow> out;
    readRows(q, QStringLiteral("drafts_over_capacity"), limit, out);
    return out;
}

void IntegrityRepo::forEachDecidedPhoto(const std::function<void(const DecidedPhoto &)> &visit) const
{
    Query q(m_db, QStringLiteral("SELECT id, student_id, decision, CASE WHEN reasons = 'reset' THEN 1 ELSE 0 END FROM photos "
                                 "WHERE decision IS NOT NULL ORDER BY id"));
    q.exec();
    while (q.next())
        visit({q.toLongLong(0), q.toLongLong(1), q.toString(2), q.value(3).toInt() == 1});
}

IntegrityRepo::Notified IntegrityRepo::notifications() const
{
    Query q(m_db, QStringLiteral("SELECT kind, idempotency_key, student_id FROM notification_outbox WHERE status <> 'withdrawn' "
                                 "AND kind IN ('photo.approved', 'photo.returned', 'account.account_reset')"));
    q.exec();
    Notified n;
    while (q.next()) {
        const QString kind = q.toString(0);
        if (kind == QLatin1String("account.account_reset")) {
            if (!q.value(2).isNull())
                n.resetStudents.insert(q.toLongLong(2));
            continue;
        }
        bool ok = false;
        const qint64 photo = q.toString(1).section(QLatin1Char(':'), 1, 1).toLongLong(&ok);
        if (ok)
            (kind == QLatin1String("photo.approved") ? n.approvedPhotos : n.returnedPhotos).insert(photo);
    }
    return n;
}

} // namespace tucai::db
