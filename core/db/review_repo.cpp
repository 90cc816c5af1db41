#include "db/review_repo.h"

#include "db/database.h"
#include "db/dialect.h"
#include "db/misc_repos.h"

namespace tucai::db {

std::atomic<int> ReviewRepo::s_classSortAtMost{5000};

using review::QueueKey;
using review::QueueQuery;
using review::QueueRow;
using review::ReviewScope;

struct ReviewRepo::Where
{
    QStringList parts;
    QList<QPair<QString, QVariant>> binds;
    QString timeColumn;

    QString sql() const { return parts.isEmpty() ? QString() : QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND ")); }
    void apply(Query &q) const
    {
        for (const auto &b : binds)
            q.bind(b.first, b.second);
    }
};

namespace {

QString escapeLike(QString s)
{
    s.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    s.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    s.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return s;
}

// The row of the queue; the violation count is a cheap indexed sub-select per row of a page.
const QString kRowColumns = QStringLiteral(
    "p.id, p.student_id, %1, p.college_id, p.class_id, p.row_version, p.check_passed, p.status, s.student_no, s.name, "
    "(SELECT COUNT(*) FROM photo_violations v WHERE v.photo_id = p.id)");

} // namespace

ReviewRepo::Where ReviewRepo::where(const ReviewScope &scope, const QueueQuery &query) const
{
    Where w;
    w.timeColumn = query.sortsByStoredAt() ? QStringLiteral("p.stored_at") : QStringLiteral("p.submitted_at");
    if (query.status.isEmpty()) {
        w.parts << QStringLiteral("p.status <> 'deleted'");
    } else {
        w.parts << QStringLiteral("p.status = :status");
        w.binds.append({QStringLiteral(":status"), query.status});
    }
    switch (scope.role) {
    case StaffRole::SchoolAdmin:
        w.parts << QStringLiteral("p.college_id IN (SELECT id FROM colleges WHERE school_id = :scope_school)");
        w.binds.append({QStringLiteral(":scope_school"), scope.schoolId});
        break;
    case StaffRole::CollegeAdmin:
        w.parts << QStringLiteral("p.college_id = :scope_college");
        w.binds.append({QStringLiteral(":scope_college"), scope.collegeId});
        break;
    case StaffRole::Reviewer:
        w.parts << QStringLiteral("EXISTS (SELECT 1 FROM staff_scopes sc WHERE sc.staff_id = :scope_staff AND "
                                  "sc.college_id = p.college_id AND (sc.class_id IS NULL OR sc.class_id = p.class_id))");
        w.binds.append({QStringLiteral(":scope_staff"), scope.staffId});
        break;
    }
    if (query.collegeId) {
        w.parts << QStringLiteral("p.college_id = :college");
        w.binds.append({QStringLiteral(":college"), query.collegeId});
    }
    if (query.classId) {
        w.parts << QStringLiteral("p.class_id = :class");
        w.binds.append({QStringLiteral(":class"), query.classId});
    }
    if (!query.rule.isEmpty()) {
        w.parts << QStringLiteral("EXISTS (SELECT 1 FROM photo_violations v2 WHERE v2.photo_id = p.id AND v2.rule = :rule)");
        w.binds.append({QStringLiteral(":rule"), query.rule});
    }
    if (query.fromMs) {
        w.parts << w.timeColumn + QStringLiteral(" >= :from_ms");
        w.binds.append({QStringLiteral(":from_ms"), query.fromMs});
    }
    if (query.toMs) {
        w.parts << w.timeColumn + QStringLiteral(" < :to_ms");
        w.binds.append({QStringLiteral(":to_ms"), query.toMs});
    }
    if (query.onlyUnchecked)
        w.parts << QStringLiteral("p.check_report IS NULL");
    const QString search = query.search.trimmed();
    bool digits = !search.isEmpty();
    for (QChar c : search)
        digits = digits && c >= QLatin1Char('0') && c <= QLatin1Char('9');
    if (digits) {
        // A student number (or its beginning): a range on the (school_id, student_no) index,
        // where a LIKE would scan a million students.
        QString upper = search;
        int i = int(upper.size()) - 1;
        while (i >= 0 && upper[i] == QLatin1Char('9'))
            upper[i--] = QLatin1Char('0');
        w.parts << QStringLiteral("p.student_id IN (SELECT st.id FROM students st WHERE st.school_id = :search_school "
                                  "AND st.student_no >= :search_low%1)")
                       .arg(i >= 0 ? QStringLiteral(" AND st.student_no < :search_high") : QString());
        w.binds.append({QStringLiteral(":search_school"), scope.schoolId});
        w.binds.append({QStringLiteral(":search_low"), search});
        if (i >= 0) {
            upper[i] = QChar(upper[i].unicode() + 1);
            w.binds.append({QStringLiteral(":search_high"), upper.left(i + 1)});
        }
    } else if (!search.isEmpty()) {
        const QString like = m_db.dialect().likeOperator();
        w.parts << QStringLiteral("p.student_id IN (SELECT st.id FROM students st WHERE st.student_no %1 :search_prefix ESCAPE '\\' "
                                  "OR st.name %1 :search_any ESCAPE '\\')")
                       .arg(like);
        w.binds.append({QStringLiteral(":search_prefix"), QString(escapeLike(search) + QLatin1Char('%'))});
        w.binds.append({QStringLiteral(":search_any"), QString(QLatin1Char('%') + escapeLike(search) + QLatin1Char('%'))});
    }
    // Sort times are never NULL inside the keyset (drafts sort by stored_at).
    w.parts << w.timeColumn + QStringLiteral(" IS NOT NULL");
    return w;
}

namespace {

// The column a sort key reads. Text keys page with an explicit "key > k OR (key = k AND
// id > i)" plus a redundant "key >= k", which lets the server start an index range scan at
// the key (a row value across two tables cannot). The class order is paged class by class
// (pageByClass): no index orders photos by their class's name.
struct SortColumn
{
    QString expr;
    bool numeric = false;
};

SortColumn sortColumn(const QueueQuery &query, const QString &timeColumn)
{
    switch (query.sort) {
    case review::QueueSort::StudentNo: return {QStringLiteral("s.student_no"), false};
    case review::QueueSort::Name: return {QStringLiteral("s.name"), false};
    case review::QueueSort::Status: return {QStringLiteral("p.status"), false};
    case review::QueueSort::Class:
    case review::QueueSort::Time: break;
    }
    return {timeColumn, true};
}

QueueRow rowFrom(const Query &q)
{
    QueueRow r;
    r.id = q.toLongLong(0);
    r.studentId = q.toLongLong(1);
    r.sortTime = q.toLongLong(2);
    r.collegeId = qint32(q.toLongLong(3));
    r.classId = qint32(q.toLongLong(4));
    r.rowVersion = q.value(5).toInt();
    r.checkPassed = q.value(6).isNull() ? -1 : qint8(q.value(6).toInt());
    r.status = review::statusCode(q.toString(7));
    r.setStudent(q.toString(8), q.toString(9));
    r.violations = qint16(q.value(10).toInt());
    return r;
}

// Runs a page query (everything bound but :limit) and reads its rows; `advance` moves the key
// onto each row read, so it ends on the last one.
template <typename Advance>
QList<QueueRow> readRows(Query &q, int limit, QueueKey &key, Advance advance)
{
    q.bind(QStringLiteral(":limit"), limit).exec();
    QList<QueueRow> rows;
    rows.reserve(limit);
    while (q.next()) {
        rows.append(rowFrom(q));
        advance(key, rows.constLast(), q);
    }
    return rows;
}

} // namespace

QList<QueueRow> ReviewRepo::page(const ReviewScope &scope, const QueueQuery &query, const QueueKey &after, int limit,
                                 QueueKey *next) const
{
    if (query.sort == review::QueueSort::Class)
        return pageByClass(scope, query, after, limit, next);
    Where w = where(scope, query);
    // The school's students only (true of every photo in scope): with it the student-number
    // order reads the (school_id, student_no) index instead of sorting every row.
    w.parts << QStringLiteral("s.school_id = :student_school");
    w.binds.append({QStringLiteral(":student_school"), scope.schoolId});
    const SortColumn key = sortColumn(query, w.timeColumn);
    const QString dir = query.descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    const QString beyond = query.descending ? QStringLiteral("<") : QStringLiteral(">");
    if (after.valid() && key.numeric) {
        // Row-value comparison: both engines walk the (status, time, id) index from the key.
        w.parts << QStringLiteral("(%1, p.id) %2 (:after_time, :after_id)").arg(key.expr, beyond);
        w.binds.append({QStringLiteral(":after_time"), after.time});
        w.binds.append({QStringLiteral(":after_id"), after.id});
    } else if (after.valid()) {
        w.parts << QStringLiteral("%1 %2= :after_from").arg(key.expr, beyond)
                << QStringLiteral("(%1 %2 :after_text OR (%1 = :after_same AND p.id %2 :after_id))").arg(key.expr, beyond);
        w.binds.append({QStringLiteral(":after_from"), after.text});
        w.binds.append({QStringLiteral(":after_text"), after.text});
        w.binds.append({QStringLiteral(":after_same"), after.text});
        w.binds.append({QStringLiteral(":after_id"), after.id});
    }
    Query q(m_db, QStringLiteral("SELECT ") + kRowColumns.arg(w.timeColumn) + QStringLiteral(", ") + key.expr
                      + QStringLiteral(" FROM photos p JOIN students s ON s.id = p.student_id") + w.sql()
                      + QStringLiteral(" ORDER BY %1 %2, p.id %2 LIMIT :limit").arg(key.expr, dir));
    w.apply(q);
    QueueKey last = after;
    const QList<QueueRow> rows = readRows(q, limit, last, [&key](QueueKey &k, const QueueRow &r, const Query &row) {
        k.id = r.id;
        k.time = r.sortTime;
        if (!key.numeric)
            k.text = row.toString(11);
    });
    if (next)
        *next = last;
    return rows;
}

QList<QueueRow> ReviewRepo::pageByClass(const ReviewScope &scope, const QueueQuery &query, const QueueKey &after, int limit,
                                        QueueKey *next) const
{
    // Order: class name, class id, photo id; the key holds the class's name (text), its id
    // (time) and the photo id. Two ways to read it, chosen by how many photos match:
    // - few (a violated rule, a search): one query that sorts just those photos;
    // - many: the classes in name order (a small table), then photos class by class on the
    //   (class_id, status, id) index, which never sorts the whole queue.
    const int kSortAtMost = s_classSortAtMost.load();
    const Where base = where(scope, query);
    {
        Query probe(m_db, QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM photos p") + base.sql() + QStringLiteral(" LIMIT :most) x"));
        base.apply(probe);
        if (probe.bind(QStringLiteral(":most"), kSortAtMost).scalar().toLongLong() < kSortAtMost)
            return pageByClassSorted(scope, query, after, limit, next);
    }
    const QString dir = query.descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    QString classSql = QStringLiteral("SELECT cl.id, cl.name FROM classes cl JOIN colleges c ON c.id = cl.college_id WHERE c.school_id = :school");
    if (query.collegeId)
        classSql += QStringLiteral(" AND cl.college_id = :college");
    if (query.classId)
        classSql += QStringLiteral(" AND cl.id = :class");
    // Only the classes the staff member may see: a class outside the scope would be read in full
    // for nothing.
    if (scope.role == StaffRole::CollegeAdmin)
        classSql += QStringLiteral(" AND cl.college_id = :own_college");
    else if (scope.role == StaffRole::Reviewer)
        classSql += QStringLiteral(" AND EXISTS (SELECT 1 FROM staff_scopes sc WHERE sc.staff_id = :staff AND sc.college_id = cl.college_id "
                                   "AND (sc.class_id IS NULL OR sc.class_id = cl.id))");
    Query classes(m_db, classSql + QStringLiteral(" ORDER BY cl.name %1, cl.id %1").arg(dir));
    classes.bind(QStringLiteral(":school"), scope.schoolId);
    if (scope.role == StaffRole::CollegeAdmin)
        classes.bind(QStringLiteral(":own_college"), scope.collegeId);
    else if (scope.role == StaffRole::Reviewer)
        classes.bind(QStringLiteral(":staff"), scope.staffId);
    if (query.collegeId)
        classes.bind(QStringLiteral(":college"), query.collegeId);
    if (query.classId)
        classes.bind(QStringLiteral(":class"), query.classId);
    classes.exec();
    QList<QPair<qint64, QString>> order;
    while (classes.next())
        order.append({classes.toLongLong(0), classes.toString(1)});

    // Where the key's class is in that order (found by id: the server's collation decides the
    // order, not ours). A class gone since the last page: continue after its name as we compare it.
    qsizetype from = 0;
    if (after.valid()) {
        from = order.size();
        for (qsizetype i = 0; i < order.size(); ++i) {
            if (order[i].first == after.time) {
                from = i;
                break;
            }
        }
        if (from == order.size())
            for (qsizetype i = 0; i < order.size(); ++i)
                if (query.descending ? order[i].second < after.text : order[i].second > after.text) {
                    from = i;
                    break;
                }
    }
    QList<QueueRow> rows;
    rows.reserve(limit);
    QueueKey last = after;
    for (qsizetype i = from; i < order.size() && rows.size() < limit; ++i) {
        const auto &c = order[i];
        Where w = base;
        w.parts << QStringLiteral("p.class_id = :in_class");
        w.binds.append({QStringLiteral(":in_class"), c.first});
        if (after.valid() && c.first == after.time) {
            w.parts << QStringLiteral("p.id %1 :after_id").arg(query.descending ? QStringLiteral("<") : QStringLiteral(">"));
            w.binds.append({QStringLiteral(":after_id"), after.id});
        }
        Query q(m_db, QStringLiteral("SELECT ") + kRowColumns.arg(w.timeColumn)
                          + QStringLiteral(" FROM photos p JOIN students s ON s.id = p.student_id") + w.sql()
                          + QStringLiteral(" ORDER BY p.id %1 LIMIT :limit").arg(dir));
        w.apply(q);
        rows += readRows(q, limit - int(rows.size()), last, [&c](QueueKey &k, const QueueRow &r, const Query &) {
            k = {c.first, r.id, c.second};
        });
    }
    if (next)
        *next = last;
    return rows;
}

qint64 ReviewRepo::count(const ReviewScope &scope, const QueueQuery &query) const
{
    const Where w = where(scope, query);
    Query q(m_db, QStringLiteral("SELECT COUNT(*) FROM photos p") + w.sql());
    w.apply(q);
    return q.scalar().toLongLong();
}

QList<ReviewRepo::Candidate> ReviewRepo::passingCandidates(const ReviewScope &scope, const QueueQuery &query) const
{
    Where w = where(scope, query);
    // Reports are stored as compact JSON: an undecided rule reads "status":"uncertain".
    w.parts << QStringLiteral("p.check_passed = 1")
            << QStringLiteral("NOT EXISTS (SELECT 1 FROM photo_violations v3 WHERE v3.photo_id = p.id)")
            << QStringLiteral("p.check_report NOT LIKE :uncertain");
    w.binds.append({QStringLiteral(":uncertain"), QStringLiteral("%\"status\":\"uncertain\"%")});
    Query q(m_db, QStringLiteral("SELECT p.id, p.row_version FROM photos p") + w.sql() + QStringLiteral(" ORDER BY p.id"));
    w.apply(q);
    q.exec();
    QList<Candidate> out;
    while (q.next())
        out.append({q.toLongLong(0), q.value(1).toInt()});
    return out;
}

QList<qint64> ReviewRepo::matchingIds(const ReviewScope &scope, const QueueQuery &query, int limit) const
{
    const Where w = where(scope, query);
    Query q(m_db, QStringLiteral("SELECT p.id FROM photos p") + w.sql() + QStringLiteral(" ORDER BY p.id LIMIT :limit"));
    w.apply(q);
    q.bind(QStringLiteral(":limit"), limit).exec();
    QList<qint64> out;
    while (q.next())
        out.append(q.toLongLong(0));
    return out;
}

qint64 ReviewRepo::uncheckedCount(const ReviewScope &scope, const QueueQuery &query) const
{
    QueueQuery unchecked = query;
    unchecked.onlyUnchecked = true;
    return count(scope, unchecked);
}

bool ReviewRepo::inScope(const ReviewScope &scope, qint64 photoId) const
{
    QueueQuery any;
    any.status.clear();
    Where w = where(scope, any);
    w.parts.removeLast(); // the sort-time guard does not matter for one photo
    w.parts << QStringLiteral("p.id = :photo");
    w.binds.append({QStringLiteral(":photo"), photoId});
    Query q(m_db, QStringLiteral("SELECT COUNT(*) FROM photos p") + w.sql());
    w.apply(q);
    return q.scalar().toLongLong() > 0;
}

bool ReviewRepo::applyDecision(qint64 photoId, int expectedVersion, const QString &status, const QString &decision,
                               const QString &reasons, const QString &note, qint64 reviewerId, qint64 decidedAt)
{
    Query q(m_db, QStringLiteral("UPDATE photos SET status = :s, decision = :d, reasons = :r, reason_note = :n, reviewer_id = :rev, "
                                 "decided_at = :t, row_version = row_version + 1 WHERE id = :id AND row_version = :v"));
    q.bind(QStringLiteral(":s"), status)
        .bind(QStringLiteral(":d"), decision.isEmpty() ? QVariant() : QVariant(decision))
        .bind(QStringLiteral(":r"), sqlValue(reasons))
        .bind(QStringLiteral(":n"), sqlValue(note))
        .bind(QStringLiteral(":rev"), reviewerId ? QVariant(reviewerId) : QVariant())
        .bind(QStringLiteral(":t"), decidedAt ? QVariant(decidedAt) : QVariant())
        .bind(QStringLiteral(":id"), photoId)
        .bind(QStringLiteral(":v"), expectedVersion)
        .exec();
    return q.numRowsAffected() == 1;
}

std::optional<ReviewRepo::Decided> ReviewRepo::decidedState(qint64 photoId) const
{
    Query q(m_db, QStringLiteral("SELECT p.status, p.decision, p.reviewer_id, st.display_name, p.decided_at, p.row_version "
                                 "FROM photos p LEFT JOIN staff st ON st.id = p.reviewer_id WHERE p.id = :id"));
    q.bind(QStringLiteral(":id"), photoId).exec();
    if (!q.next())
        return std::nullopt;
    Decided d;
    d.status = q.toString(0);
    d.decision = q.toString(1);
    d.reviewerId = q.value(2).isNull() ? 0 : q.toLongLong(2);
    d.reviewerName = q.toString(3);
    d.decidedAt = q.value(4).isNull() ? 0 : q.toLongLong(4);
    d.rowVersion = q.value(5).toInt();
    return d;
}

int ReviewRepo::setStudentReviewState(qint64 studentId, const QString &state, const QString &returnReasons)
{
    Query(m_db, QStringLiteral("UPDATE students SET state = :s, return_reasons = :r, updated_at = :t, row_version = row_version + 1 "
                               "WHERE id = :id"))
        .bind(QStringLiteral(":s"), state)
        .bind(QStringLiteral(":r"), sqlValue(returnReasons))
        .bind(QStringLiteral(":t"), nowMs())
        .bind(QStringLiteral(":id"), studentId)
        .exec();
    return studentRowVersion(studentId);
}

int ReviewRepo::studentRowVersion(qint64 studentId) const
{
    return Query(m_db, QStringLiteral("SELECT row_version FROM students WHERE id = :id")).bind(QStringLiteral(":id"), studentId).scalar().toInt();
}

bool ReviewRepo::studentStoredPhotoSince(qint64 studentId, qint64 sinceMs) const
{
    return Query(m_db, QStringLiteral("SELECT COUNT(*) FROM photos WHERE student_id = :s AND stored_at > :t"))
               .bind(QStringLiteral(":s"), studentId)
               .bind(QStringLiteral(":t"), sinceMs)
               .scalar()
               .toLongLong()
        > 0;
}

bool ReviewRepo::cancelPendingOutbox(qint64 outboxId) { return OutboxRepo(m_db).withdraw(outboxId); }

QHash<qint64, QString> ReviewRepo::collegeNames() const
{
    Query q(m_db, QStringLiteral("SELECT id, name FROM colleges"));
    q.exec();
    QHash<qint64, QString> out;
    while (q.next())
        out.insert(q.toLongLong(0), q.toString(1));
    return out;
}

QList<QPair<qint64, QString>> ReviewRepo::scopedColleges(const ReviewScope &scope) const
{
    QString sql = QStringLiteral("SELECT c.id, c.name FROM colleges c WHERE c.school_id = :school");
    if (scope.role == StaffRole::CollegeAdmin)
        sql += QStringLiteral(" AND c.id = :college");
    else if (scope.role == StaffRole::Reviewer)
        sql += QStringLiteral(" AND c.id IN (SELECT college_id FROM staff_scopes WHERE staff_id = :staff)");
    Query q(m_db, sql + QStringLiteral(" ORDER BY c.code"));
    q.bind(QStringLiteral(":school"), scope.schoolId);
    if (scope.role == StaffRole::CollegeAdmin)
        q.bind(QStringLiteral(":college"), scope.collegeId);
    else if (scope.role == StaffRole::Reviewer)
        q.bind(QStringLiteral(":staff"), scope.staffId);
    q.exec();
    QList<QPair<qint64, QString>> out;
    while (q.next())
        out.append({q.toLongLong(0), q.toString(1)});
    return out;
}

QHash<qint64, QString> ReviewRepo::classNames() const
{
    Query q(m_db, QStringLiteral("SELECT id, name FROM classes"));
    q.exec();
    QHash<qint64, QString> out;
    while (q.next())
        out.insert(q.toLongLong(0), q.toString(1));
    return out;
}

QString ReviewRepo::staffName(qint64 staffId) const
{
    if (!staffId)
        return {};
    return Query(m_db, QStringLiteral("SELECT display_name FROM staff WHERE id = :id")).bind(QStringLiteral(":id"), staffId).scalar().toString();
}

QHash<QString, int> ReviewRepo::reasonUsage() const
{
    // Reasons are stored comma-separated: group by the whole list (few distinct lists), split here.
    Query q(m_db, QStringLiteral("SELECT reasons, COUNT(*) FROM photos WHERE decision = 'returned' AND reasons <> '' GROUP BY reasons"));
    q.exec();
    QHash<QString, int> out;
    while (q.next())
        for (const QString &code : q.toString(0).split(QLatin1Char(','), Qt::SkipEmptyParts))
            out[code.trimmed()] += int(q.toLongLong(1));
    return out;
}

QList<QueueRow> ReviewRepo::pageByClassSorted(const ReviewScope &scope, const QueueQuery &query, const QueueKey &after, int limit,
                                              QueueKey *next) const
{
    Where w = where(scope, query);
    const QString dir = query.descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    const QString beyond = query.descending ? QStringLiteral("<") : QStringLiteral(">");
    if (after.valid()) {
        w.parts << QStringLiteral("(cl.name %1 :after_name OR (cl.name = :same_name AND (cl.id %1 :after_class "
                                  "OR (cl.id = :same_class AND p.id %1 :after_id))))").arg(beyond);
        w.binds.append({QStringLiteral(":after_name"), after.text});
        w.binds.append({QStringLiteral(":same_name"), after.text});
        w.binds.append({QStringLiteral(":after_class"), after.time});
        w.binds.append({QStringLiteral(":same_class"), after.time});
        w.binds.append({QStringLiteral(":after_id"), after.id});
    }
    Query q(m_db, QStringLiteral("SELECT ") + kRowColumns.arg(w.timeColumn) + QStringLiteral(", cl.name")
                      + QStringLiteral(" FROM photos p JOIN students s ON s.id = p.student_id JOIN classes cl ON cl.id = p.class_id")
                      + w.sql() + QStringLiteral(" ORDER BY cl.name %1, cl.id %1, p.id %1 LIMIT :limit").arg(dir));
    w.apply(q);
    QueueKey last = after;
    const QList<QueueRow> rows = readRows(q, limit, last, [](QueueKey &k, const QueueRow &r, const Query &row) {
        k = {r.classId, r.id, row.toString(11)};
    });
    if (next)
        *next = last;
    return rows;
}

} // namespace tucai::db
