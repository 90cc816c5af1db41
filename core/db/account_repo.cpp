#include "db/account_repo.h"

#include "db/database.h"
#include "db/student_repo.h"
#include "db/dialect.h"

namespace tucai::db {
namespace {


QVariant nullableTime(qint64 ms) { return ms ? QVariant(ms) : QVariant(); }

} // namespace

bool AccountRepo::updateAccountState(const Student &a, int expectedVersion)
{
    Query q(m_db, QStringLiteral(
        "UPDATE students SET state = :state, liveness_failures = :lf, other_failures = :of, extra_attempts = :extra, "
        "lock_kind = :lk, locked_until = :lu, return_reasons = :rr, updated_at = :ua, row_version = row_version + 1 "
        "WHERE id = :id AND row_version = :v"));
    q.bind(QStringLiteral(":state"), toDbString(a.state))
        .bind(QStringLiteral(":lf"), a.livenessFailures)
        .bind(QStringLiteral(":of"), a.otherFailures)
        .bind(QStringLiteral(":extra"), a.extraAttempts)
        .bind(QStringLiteral(":lk"), a.lockKind)
        .bind(QStringLiteral(":lu"), nullableTime(a.lockedUntil))
        .bind(QStringLiteral(":rr"), a.returnReasons)
        .bind(QStringLiteral(":ua"), a.updatedAt ? a.updatedAt : nowMs())
        .bind(QStringLiteral(":id"), a.id)
        .bind(QStringLiteral(":v"), expectedVersion)
        .exec();
    return q.numRowsAffected() == 1;
}

int AccountRepo::activeDraftCount(qint64 studentId) const
{
    return Query(m_db, QStringLiteral("SELECT COUNT(*) FROM photos WHERE student_id = :s AND kind = 'draft' AND status = 'draft'"))
        .bind(QStringLiteral(":s"), studentId)
        .scalar()
        .toInt();
}

int AccountRepo::retireDrafts(qint64 studentId)
{
    Query q(m_db, QStringLiteral("UPDATE photos SET status = 'deleted', row_version = row_version + 1 "
                                 "WHERE student_id = :s AND kind = 'draft' AND status = 'draft'"));
    q.bind(QStringLiteral(":s"), studentId).exec();
    return q.numRowsAffected();
}

int AccountRepo::returnActiveSubmissions(qint64 studentId, qint64 staffId, qint64 now)
{
    Query q(m_db, QStringLiteral(
        "UPDATE photos SET status = 'returned', decision = 'returned', reasons = 'reset', reviewer_id = :r, decided_at = :t, "
        "row_version = row_version + 1 WHERE student_id = :s AND kind = 'submitted' "
        "AND status IN ('submitted', 'awaiting_payment', 'approved')"));
    q.bind(QStringLiteral(":r"), staffId ? QVariant(staffId) : QVariant())
        .bind(QStringLiteral(":t"), now)
        .bind(QStringLiteral(":s"), studentId)
        .exec();
    return q.numRowsAffected();
}

QString AccountRepo::whereClause(const StudentFilter &f) const
{
    QStringList w;
    using S = StudentFilter::Status;
    switch (f.status) {
    case S::Any: break;
    case S::LockedLiveness: w << QStringLiteral("s.lock_kind = 'liveness'"); break;
    case S::CoolingOff: w << QStringLiteral("s.lock_kind = 'cooling' AND s.locked_until > :now"); break;
    case S::DraftBoxFull:
        w << QStringLiteral("(SELECT COUNT(*) FROM photos d WHERE d.student_id = s.id AND d.kind = 'draft' AND d.status = 'draft') >= :cap");
        break;
    case S::NotStarted: w << QStringLiteral("s.state = 'not_started'"); break;
    case S::AwaitingPayment: w << QStringLiteral("s.state = 'awaiting_payment'"); break;
    case S::AwaitingReview: w << QStringLiteral("s.state = 'awaiting_review'"); break;
    case S::Returned: w << QStringLiteral("s.state = 'returned'"); break;
    case S::Approved: w << QStringLiteral("s.state IN ('approved', 'exported')"); break;
    case S::Unpaid: w << QStringLiteral("s.paid = 0 AND s.submissions > 0"); break;
    case S::Drafting: w << QStringLiteral("s.state IN ('verified', 'drafting')"); break;
    case S::Submitted: w << QStringLiteral("s.state IN ('awaiting_payment', 'awaiting_review')"); break;
    case S::LockedAny:
        w << QStringLiteral("(s.lock_kind = 'liveness' OR (s.lock_kind = 'cooling' AND s.locked_until > :now))");
        break;
    }
    if (!f.search.trimmed().isEmpty()) {
        const QString like = m_db.dialect().likeOperator();
        // A login that may not read phones searches the masked copy (its visible digits).
        const QString phone = m_db.canRead(QStringLiteral("students"), QStringLiteral("phone")) ? QStringLiteral("s.phone")
                                                                                                : QStringLiteral("s.phone_masked");
        w << QStringLiteral("(s.student_no %1 :q1 OR s.name %1 :q2 OR %3 %1 :q3)").arg(like, phone);
    }
    if (f.collegeId)
        w << QStringLiteral("s.college_id = :college");
    if (f.classId)
        w << QStringLiteral("s.class_id = :class");
    if (f.scopeCollegeId)
        w << QStringLiteral("s.college_id = :scopecollege");
    if (f.scopeReviewerId)
        w << QStringLiteral("EXISTS (SELECT 1 FROM staff_scopes sc WHERE sc.staff_id = :scopestaff AND sc.college_id = s.college_id "
                            "AND (sc.class_id IS NULL OR sc.class_id = s.class_id))");
    return w.isEmpty() ? QString() : QStringLiteral(" WHERE ") + w.join(QStringLiteral(" AND "));
}

void AccountRepo::bindFilter(Query &q, const StudentFilter &f) const
{
    using S = StudentFilter::Status;
    if (f.status == S::CoolingOff || f.status == S::LockedAny)
        q.bind(QStringLiteral(":now"), nowMs());
    if (f.status == S::DraftBoxFull)
        q.bind(QStringLiteral(":cap"), f.draftCapacity);
    if (!f.search.trimmed().isEmpty()) {
        const QString pattern = QLatin1Char('%') + f.search.trimmed() + QLatin1Char('%');
        q.bind(QStringLiteral(":q1"), pattern).bind(QStringLiteral(":q2"), pattern).bind(QStringLiteral(":q3"), pattern);
    }
    if (f.collegeId)
        q.bind(QStringLiteral(":college"), f.collegeId);
    if (f.classId)
        q.bind(QStringLiteral(":class"), f.classId);
    if (f.scopeCollegeId)
        q.bind(QStringLiteral(":scopecollege"), f.scopeCollegeId);
    if (f.scopeReviewerId)
        q.bind(QStringLiteral(":scopestaff"), f.scopeReviewerId);
}

qint64 AccountRepo::countStudents(const StudentFilter &f) const
{
    Query q(m_db, QStringLiteral("SELECT COUNT(*) FROM students s") + whereClause(f));
    bindFilter(q, f);
    return q.scalar().toLongLong();
}

QList<StudentRow> AccountRepo::students(const StudentFilter &f, int offset, int limit) const
{
    Query q(m_db, QStringLiteral("SELECT ") + StudentRepo::columns(m_db, QStringLiteral("s"))
                      + QStringLiteral(", c.name, k.name, "
                                       "(SELECT COUNT(*) FROM photos d WHERE d.student_id = s.id AND d.kind = 'draft' AND d.status = 'draft'), "
                                       "(SELECT COUNT(*) FROM capture_attempts a WHERE a.student_id = s.id) "
                                       "FROM students s JOIN colleges c ON c.id = s.college_id JOIN classes k ON k.id = s.class_id")
                      + whereClause(f) + QStringLiteral(" ORDER BY s.college_id, s.class_id, s.student_no LIMIT :lim OFFSET :off"));
    bindFilter(q, f);
    q.bind(QStringLiteral(":lim"), limit).bind(QStringLiteral(":off"), offset).exec();
    QList<StudentRow> out;
    while (q.next()) {
        StudentRow r;
        r.student = StudentRepo::fromRow(q);
        r.collegeName = q.toString(21);
        r.className = q.toString(22);
        r.drafts = q.value(23).toInt();
        r.attempts = q.value(24).toInt();
        out.append(r);
    }
    return out;
}

QList<Photo> AccountRepo::photosOf(qint64 studentId) const
{
    Query q(m_db, QStringLiteral("SELECT id, kind, status, stored_at, submitted_at, check_passed, decision, reasons, decided_at, row_version "
                                 "FROM photos WHERE student_id = :s ORDER BY stored_at, id"));
    q.bind(QStringLiteral(":s"), studentId).exec();
    QList<Photo> out;
    while (q.next()) {
        Photo p;
        p.id = q.toLongLong(0);
        p.studentId = studentId;
        p.kind = q.toString(1);
        p.status = q.toString(2);
        p.storedAt = q.toLongLong(3);
        p.submittedAt = q.value(4).isNull() ? 0 : q.toLongLong(4);
        p.checkPassed = q.value(5).isNull() ? -1 : q.value(5).toInt();
        p.decision = q.toString(6);
        p.reasons = q.toString(7);
        p.decidedAt = q.value(8).isNull() ? 0 : q.toLongLong(8);
        p.rowVersion = q.value(9).toInt();
        out.append(p);
    }
    return out;
}

bool AccountRepo::setStaffActive(qint64 staffId, bool active, int expectedVersion)
{
    Query q(m_db, QStringLiteral("UPDATE staff SET active = :a, row_version = row_version + 1 WHERE id = :id AND row_version = :v"));
    q.bind(QStringLiteral(":a"), active ? 1 : 0).bind(QStringLiteral(":id"), staffId).bind(QStringLiteral(":v"), expectedVersion).exec();
    return q.numRowsAffected() == 1;
}

void AccountRepo::setStaffPasswordHash(qint64 staffId, const QString &hash)
{
    Query(m_db, QStringLiteral("UPDATE staff SET password_hash = :h, failed_logins = 0, locked_until = NULL, "
                               "row_version = row_version + 1 WHERE id = :id"))
        .bind(QStringLiteral(":h"), hash)
        .bind(QStringLiteral(":id"), staffId)
        .exec();
}

QList<AccountRepo::Scope> AccountRepo::staffScopes(qint64 staffId) const
{
    Query q(m_db, QStringLiteral("SELECT college_id, class_id FROM staff_scopes WHERE staff_id = :s ORDER BY college_id, class_id"));
    q.bind(QStringLiteral(":s"), staffId).exec();
    QList<Scope> out;
    while (q.next())
        out.append({q.toLongLong(0), q.value(1).isNull() ? 0 : q.toLongLong(1)});
    return out;
}

} // namespace tucai::db
