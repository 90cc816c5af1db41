#include "db/import_repo.h"

#include "db/batch_insert.h"
#include "db/database.h"

namespace tucai::db {

QHash<QString, ImportRepo::Existing> ImportRepo::existingStudents(qint64 schoolId) const
{
    Query q(m_db, QStringLiteral("SELECT id, college_id, class_id, student_no, name, id_number, phone, row_version FROM students "
                                 "WHERE school_id = :s"));
    q.bind(QStringLiteral(":s"), schoolId).exec();
    QHash<QString, Existing> out;
    while (q.next())
        out.insert(q.toString(3), {q.toLongLong(0), q.toLongLong(1), q.toLongLong(2), q.toString(4), q.toString(5), q.toString(6),
                                   q.value(7).toInt()});
    return out;
}

void ImportRepo::insertStudents(qint64 schoolId, const QList<NewStudent> &rows, qint64 now, const std::function<void(int)> &progress)
{
    BatchInsert batch(m_db, QStringLiteral("students"),
                      {QStringLiteral("school_id"), QStringLiteral("college_id"), QStringLiteral("class_id"), QStringLiteral("student_no"),
                       QStringLiteral("name"), QStringLiteral("id_number"), QStringLiteral("phone"), QStringLiteral("state"),
                       QStringLiteral("created_at"), QStringLiteral("updated_at")});
    int done = 0;
    for (const NewStudent &r : rows) {
        batch.add({schoolId, r.collegeId, r.classId, r.studentNo, r.name, r.idNumber, sqlValue(r.phone), QStringLiteral("not_started"),
                   now, now});
        if (progress && ++done % 1000 == 0)
            progress(done);
    }
    batch.flush();
}

bool ImportRepo::updateStudent(const Existing &e, qint64 timestamp)
{
    Query q(m_db, QStringLiteral("UPDATE students SET college_id = :c, class_id = :k, name = :n, id_number = :i, phone = :p, "
                                 "updated_at = :t, row_version = row_version + 1 WHERE id = :id AND row_version = :v"));
    q.bind(QStringLiteral(":c"), e.collegeId)
        .bind(QStringLiteral(":k"), e.classId)
        .bind(QStringLiteral(":n"), e.name)
        .bind(QStringLiteral(":i"), e.idNumber)
        .bind(QStringLiteral(":p"), sqlValue(e.phone))
        .bind(QStringLiteral(":t"), timestamp)
        .bind(QStringLiteral(":id"), e.id)
        .bind(QStringLiteral(":v"), e.rowVersion)
        .exec();
    return q.numRowsAffected() == 1;
}

} // namespace tucai::db
