#include "db/export_repo.h"

#include "db/database.h"
#include "db/student_repo.h"

namespace tucai::db {
namespace {

// "col IN (:p0, :p1, ...)" with one bound placeholder per id; empty list = no condition.
QString inList(const QString &column, const QString &prefix, const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return {};
    QStringList names;
    for (int i = 0; i < ids.size(); ++i)
        names << QStringLiteral(":%1%2").arg(prefix).arg(i);
    return QStringLiteral(" AND %1 IN (%2)").arg(column, names.join(QStringLiteral(", ")));
}

void bindList(Query &q, const QString &prefix, const QList<qint64> &ids)
{
    for (int i = 0; i < ids.size(); ++i)
        q.bind(QStringLiteral(":%1%2").arg(prefix).arg(i), ids.at(i));
}

} // namespace

ExportRepo::ExportRepo(const Database &db) : m_db(db) {}
ExportRepo::~ExportRepo() = default;

QList<ExportRow> ExportRepo::approvedPhotos(const ExportSelection &sel) const
{
    QString sql = QStringLiteral(
        "SELECT p.id, p.student_id, p.college_id, p.class_id, p.sha256, p.decided_at, COALESCE(st.display_name, ''), "
        "s.student_no, s.name, %1, s.paid, co.code, co.name, cl.code, cl.name "
        "FROM photos p "
        "JOIN students s ON s.id = p.student_id "
        "JOIN colleges co ON co.id = p.college_id "
        "JOIN classes cl ON cl.id = p.class_id "
        "LEFT JOIN staff st ON st.id = p.reviewer_id "
        "WHERE p.status = 'approved' AND p.kind = 'submitted'").arg(StudentRepo::idNumberColumn(m_db, QStringLiteral("s")));
    if (sel.schoolId)
        sql += QStringLiteral(" AND s.school_id = :school");
    sql += inList(QStringLiteral("p.college_id"), QStringLiteral("co"), sel.collegeIds);
    sql += inList(QStringLiteral("p.class_id"), QStringLiteral("cl"), sel.classIds);
    if (sel.paidOnly)
        sql += QStringLiteral(" AND s.paid = 1");
    if (sel.decidedFrom)
        sql += QStringLiteral(" AND p.decided_at >= :from");
    if (sel.decidedTo)
        sql += QStringLiteral(" AND p.decided_at < :to");
    sql += QStringLiteral(" ORDER BY co.code, co.id, cl.code, cl.id, s.student_no, s.id, p.decided_at DESC, p.id DESC");
    Query q(m_db, sql);
    if (sel.schoolId)
        q.bind(QStringLiteral(":school"), sel.schoolId);
    bindList(q, QStringLiteral("co"), sel.collegeIds);
    bindList(q, QStringLiteral("cl"), sel.classIds);
    if (sel.decidedFrom)
        q.bind(QStringLiteral(":from"), sel.decidedFrom);
    if (sel.decidedTo)
        q.bind(QStringLiteral(":to"), sel.decidedTo);
    q.exec();
    QList<ExportRow> out;
    qint64 lastStudent = 0;
    while (q.next()) {
        ExportRow r;
        r.studentId = q.toLongLong(1);
        if (r.studentId == lastStudent)
            continue; // an older approved photo of the same student: the latest wins
        lastStudent = r.studentId;
        r.photoId = q.toLongLong(0);
        r.collegeId = q.toLongLong(2);
        r.classId = q.toLongLong(3);
        r.sha256 = q.toString(4);
        r.decidedAt = q.value(5).isNull() ? 0 : q.toLongLong(5);
        r.reviewer = q.toString(6);
        r.studentNo = q.toString(7);
        r.name = q.toString(8);
        r.idNumber = q.toString(9);
        r.paid = q.value(10).toInt() != 0;
        r.collegeCode = q.toString(11);
        r.collegeName = q.toString(12);
        r.classCode = q.toString(13);
        r.className = q.toString(14);
        out.append(r);
    }
    return out;
}

QByteArray ExportRepo::blobBytes(const QString &sha256, QString *url)
{
    if (!m_blob)
        m_blob = std::make_unique<Query>(m_db, QStringLiteral("SELECT bytes, url FROM photo_blobs WHERE sha256 = :h"));
    m_blob->bind(QStringLiteral(":h"), sha256).exec();
    QByteArray bytes;
    if (m_blob->next()) {
        bytes = m_blob->value(0).toByteArray();
        if (url)
            *url = m_blob->toString(1);
    }
    m_blob->raw().finish();
    return bytes;
}

QHash<QString, QByteArray> ExportRepo::blobBatch(const QStringList &shas, QHash<QString, QString> *urls) const
{
    QHash<QString, QByteArray> out;
    if (shas.isEmpty())
        return out;
    QStringList names;
    for (int i = 0; i < shas.size(); ++i)
        names << QStringLiteral(":h%1").arg(i);
    Query q(m_db, QStringLiteral("SELECT sha256, bytes, url FROM photo_blobs WHERE sha256 IN (%1)").arg(names.join(QStringLiteral(", "))));
    for (int i = 0; i < shas.size(); ++i)
        q.bind(names.at(i), shas.at(i));
    q.exec();
    while (q.next()) {
        out.insert(q.toString(0), q.value(1).toByteArray());
        if (urls && !q.value(2).isNull())
            urls->insert(q.toString(0), q.toString(2));
    }
    return out;
}

int ExportRepo::markExported(const QList<qint64> &studentIds, qint64 now)
{
    int changed = 0;
    constexpr int kBatch = 500; // bound parameters per statement stay well under SQLite's limit
    for (qsizetype i = 0; i < studentIds.size(); i += kBatch) {
        const QList<qint64> batch = studentIds.mid(i, kBatch);
        Query q(m_db, QStringLiteral("UPDATE students SET state = 'exported', updated_at = :t, row_version = row_version + 1 "
                                     "WHERE state = 'approved'") + inList(QStringLiteral("id"), QStringLiteral("s"), batch));
        q.bind(QStringLiteral(":t"), now);
        bindList(q, QStringLiteral("s"), batch);
        q.exec();
        changed += q.numRowsAffected();
    }
    return changed;
}

QList<MissingRow> ExportRepo::stillMissing(const ExportSelection &sel) const
{
    QString sql = QStringLiteral(
        "SELECT s.id, co.name, cl.name, s.student_no, s.name, s.state, s.paid "
        "FROM students s "
        "JOIN colleges co ON co.id = s.college_id "
        "JOIN classes cl ON cl.id = s.class_id "
        "WHERE s.state NOT IN ('approved', 'exported')");
    if (sel.schoolId)
        sql += QStringLiteral(" AND s.school_id = :school");
    sql += inList(QStringLiteral("s.college_id"), QStringLiteral("co"), sel.collegeIds);
    sql += inList(QStringLiteral("s.class_id"), QStringLiteral("cl"), sel.classIds);
    sql += QStringLiteral(" ORDER BY co.code, co.id, cl.code, cl.id, s.student_no, s.id");
    Query q(m_db, sql);
    if (sel.schoolId)
        q.bind(QStringLiteral(":school"), sel.schoolId);
    bindList(q, QStringLiteral("co"), sel.collegeIds);
    bindList(q, QStringLiteral("cl"), sel.classIds);
    q.exec();
    QList<MissingRow> out;
    while (q.next()) {
        MissingRow r;
        r.studentId = q.toLongLong(0);
        r.collegeName = q.toString(1);
        r.className = q.toString(2);
        r.studentNo = q.toString(3);
        r.name = q.toString(4);
        r.state = q.toString(5);
        r.paid = q.value(6).toInt() != 0;
        out.append(r);
    }
    return out;
}

} // namespace tucai::db
