#pragma once
#include "accounts/auth_service.h"
#include "import/table_reader.h"

#include <QHash>
#include <atomic>
#include <functional>

namespace tucai::import {

// Which column of the file holds which roster field (-1 = not in the file).
struct ColumnMapping
{
    int studentNo = -1;
    int name = -1;
    int idNumber = -1;
    int phone = -1;
    int college = -1;
    int className = -1;
    // Student number, name, ID number and class are required.
    bool isComplete() const { return studentNo >= 0 && name >= 0 && idNumber >= 0 && className >= 0; }
    // Guesses from a header row (学号/Student No., 姓名/Name, 身份证号/ID number,
    // 手机/Phone, 学院/College, 班级/Class).
    static ColumnMapping guess(const QStringList &header);
    static QStringList fieldNames();   // translated, in the order above
    int &field(int i);
    int field(int i) const;
};

struct RosterRow
{
    enum class Outcome { New, Update, Unchanged, Problem };
    int line = 0;            // 1-based row of the file
    QStringList cells;       // as read
    QString studentNo, name, idNumber, phone;
    qint64 collegeId = 0, classId = 0;
    qint64 existingId = 0;
    int existingVersion = 0;
    Outcome outcome = Outcome::Problem;
    QStringList problems;    // translated
};

// The result of a dry run: every row with its outcome and problems.
struct ImportPlan
{
    QStringList header;
    QList<RosterRow> rows;
    QString format, encoding;
    int newRows = 0, updates = 0, unchanged = 0, problemRows = 0;
    QList<int> problemLines() const;
};

struct ImportResult
{
    int inserted = 0, updated = 0, unchanged = 0, skipped = 0;
    qint64 auditId = 0;
};

// Roster import: read -> map columns -> validate every row against the
// database (dry run) -> write all good rows in one transaction. Importing the
// same file again finds every row unchanged and writes nothing.
class RosterImporter final
{
public:
    RosterImporter(const db::Database &db, accounts::Session session) : m_db(db), m_session(std::move(session)) {}
    // Dry run. `firstRowIsHeader`: skip row 1.
    ImportPlan plan(const TableData &table, const ColumnMapping &mapping, bool firstRowIsHeader = true) const;
    // Writes the New/Update rows of a plan (problem rows are left out) in one
    // transaction with one audit entry. Throws db::DbError (e.g. Conflict when
    // a student changed since the dry run, Permission on PostgreSQL) and
    // rolls everything back; cancel also rolls back (Kind::Invalid).
    ImportResult apply(const ImportPlan &plan, const QString &fileName, const std::function<void(int, int)> &progress = {},
                       const std::atomic_bool *cancel = nullptr);
    // Problem rows as a UTF-8 (BOM) CSV for correction: the original columns plus "problems".
    static void writeProblemRows(const ImportPlan &plan, const QString &path);

private:
    const db::Database &m_db;
    accounts::Session m_session;
};

} // namespace tucai::import
