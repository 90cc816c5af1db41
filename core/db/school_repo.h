#pragma once
#include "model/records.h"

#include <optional>

namespace tucai::db {

class Database;

// Schools, colleges and classes.
class SchoolRepo final
{
public:
    explicit SchoolRepo(const Database &db) : m_db(db) {}
    qint64 insertSchool(const QString &code, const QString &name);
    qint64 insertCollege(qint64 schoolId, const QString &code, const QString &name);
    qint64 insertClass(qint64 collegeId, const QString &code, const QString &name, int grade);
    std::optional<School> firstSchool() const;
    QList<College> colleges(qint64 schoolId) const;
    // All classes, or those of one college when collegeId != 0.
    QList<ClassInfo> classes(qint64 collegeId = 0) const;

private:
    const Database &m_db;
};

} // namespace tucai::db
