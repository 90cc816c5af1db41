#pragma once
#include <QHash>
#include <QList>
#include <QString>
#include <QVariantList>
#include <functional>

namespace tucai::db {

class Database;

// The SQL of the roster import.
class ImportRepo final
{
public:
    explicit ImportRepo(const Database &db) : m_db(db) {}
    struct Existing
    {
        qint64 id = 0;
        qint64 collegeId = 0;
        qint64 classId = 0;
        QString name;
        QString idNumber;
        QString phone;
        int rowVersion = 0;
    };
    // Students of the school by student number (what this login may see).
    QHash<QString, Existing> existingStudents(qint64 schoolId) const;
    struct NewStudent
    {
        qint64 collegeId = 0;
        qint64 classId = 0;
        QString studentNo, name, idNumber, phone;
    };
    // Inserts in multi-row batches (inside the caller's transaction).
    void insertStudents(qint64 schoolId, const QList<NewStudent> &rows, qint64 now,
                        const std::function<void(int)> &progress = {});
    // Row-version guarded update of the roster fields; false on a conflict.
    bool updateStudent(const Existing &now, qint64 timestamp);

private:
    const Database &m_db;
};

} // namespace tucai::db
