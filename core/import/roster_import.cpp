#include "import/roster_import.h"

#include "export/table_file.h"

#include "accounts/permissions.h"
#include "db/audit_repo.h"
#include "db/database.h"
#include "db/import_repo.h"
#include "db/school_repo.h"
#include "model/id_number.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>

namespace tucai::import {
namespace {


QString norm(const QString &s) { return s.trimmed().toCaseFolded(); }

// Cells a spreadsheet would run as a formula (CSV injection) or that smuggle control characters.
bool looksLikeFormula(const QString &v)
{
    if (v.isEmpty())
        return false;
    const QChar c = v.at(0);
    if (c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('@'))
        return true;
    if (c == QLatin1Char('-') && v.size() > 1 && !v.at(1).isDigit())
        return true;
    return false;
}

bool hasControl(const QString &v)
{
    for (QChar c : v)
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return true;
    return false;
}

} // namespace

QStringList ColumnMapping::fieldNames()
{
    return {QCoreApplication::translate("RosterImport", "Student number"), QCoreApplication::translate("RosterImport", "Name"), QCoreApplication::translate("RosterImport", "ID number"), QCoreApplication::translate("RosterImport", "Phone"), QCoreApplication::translate("RosterImport", "College"), QCoreApplication::translate("RosterImport", "Class")};
}

int &ColumnMapping::field(int i)
{
    int *f[] = {&studentNo, &name, &idNumber, &phone, &college, &className};
    return *f[qBound(0, i, 5)];
}

int ColumnMapping::field(int i) const { return const_cast<ColumnMapping *>(this)->field(i); }

ColumnMapping ColumnMapping::guess(const QStringList &header)
{
    static const QList<QStringList> synonyms = {
        {QStringLiteral("学号"), QStringLiteral("student no"), QStringLiteral("student number"), QStringLiteral("student_no"), QStringLiteral("number")},
        {QStringLiteral("姓名"), QStringLiteral("name"), QStringLiteral("student name")},
        {QStringLiteral("身份证号"), QStringLiteral("身份证号码"), QStringLiteral("身份证"), QStringLiteral("证件号码"), QStringLiteral("id number"),
         QStringLiteral("id_number"), QStringLiteral("id")},
        {QStringLiteral("手机"), QStringLiteral("手机号"), QStringLiteral("手机号码"), QStringLiteral("联系电话"), QStringLiteral("phone"),
         QStringLiteral("mobile")},
        {QStringLiteral("学院"), QStringLiteral("院系"), QStringLiteral("college"), QStringLiteral("faculty")},
        {QStringLiteral("班级"), QStringLiteral("班级名称"), QStringLiteral("class"), QStringLiteral("class name")},
    };
    ColumnMapping m;
    for (int f = 0; f < synonyms.size(); ++f)
        for (int c = 0; c < header.size() && m.field(f) < 0; ++c) {
            const QString h = norm(header.at(c)).remove(QLatin1Char('.'));
            if (synonyms.at(f).contains(h))
                m.field(f) = c;
        }
    return m;
}

QList<int> ImportPlan::problemLines() const
{
    QList<int> out;
    for (const RosterRow &r : rows)
        if (r.outcome == RosterRow::Outcome::Problem)
            out << r.line;
    return out;
}

ImportPlan RosterImporter::plan(const TableData &table, const ColumnMapping &m, bool firstRowIsHeader) const
{
    if (!m.isComplete())
        throw ImportError(QCoreApplication::translate("RosterImport", "Choose the columns for student number, name, ID number and class."));
    ImportPlan plan;
    plan.format = table.format;
    plan.encoding = table.encoding;
    if (firstRowIsHeader && !table.rows.isEmpty())
        plan.header = table.rows.constFirst();

    db::SchoolRepo schools(m_db);
    qint64 schoolId = m_session.schoolId;
    if (!schoolId) {
        const auto s = schools.firstSchool();
        schoolId = s ? s->id : 0;
    }
    QHash<QString, qint64> collegeByKey;
    for (const College &c : schools.colleges(schoolId)) {
        collegeByKey.insert(norm(c.name), c.id);
        collegeByKey.insert(norm(c.code), c.id);
    }
    QHash<QPair<qint64, QString>, qint64> classByKey;   // (college, name/code)
    QMultiHash<QString, ClassInfo> classByName;          // without a college column
    for (const ClassInfo &k : schools.classes()) {
        for (const QString &key : {norm(k.name), norm(k.code)}) {
            classByKey.insert({k.collegeId, key}, k.id);
            classByName.insert(key, k);
        }
    }
    const QHash<QString, db::ImportRepo::Existing> existing = db::ImportRepo(m_db).existingStudents(schoolId);
    QHash<QString, int> seenNumbers, seenIds;
    static const QRegularExpression numberRe(QStringLiteral("^[A-Za-z0-9-]{1,32}$"));
    static const QRegularExpression phoneRe(QStringLiteral("^1[3-9][0-9]{9}$"));

    for (int i = firstRowIsHeader ? 1 : 0; i < table.rows.size(); ++i) {
        const QStringList &cells = table.rows.at(i);
        if (cells.join(QString()).trimmed().isEmpty())
            continue;
        RosterRow r;
        r.line = i + 1;
        r.cells = cells;
        auto cell = [&](int col) { return col >= 0 ? cells.value(col).trimmed() : QString(); };
        r.studentNo = cell(m.studentNo);
        r.name = cell(m.name);
        r.idNumber = cell(m.idNumber).toUpper();
        r.phone = cell(m.phone);
        const QString collegeText = cell(m.college);
        const QString classText = cell(m.className);
        QStringList &p = r.problems;

        const QStringList names = ColumnMapping::fieldNames();
        for (int f = 0; f < 6; ++f)
            if (looksLikeFormula(cell(m.field(f))))
                p << QCoreApplication::translate("RosterImport", "%1 looks like a spreadsheet formula (%2)").arg(names.at(f), cell(m.field(f)));
        // Student number
        if (r.studentNo.isEmpty())
            p << QCoreApplication::translate("RosterImport", "student number is empty");
        else if (!numberRe.match(r.studentNo).hasMatch())
            p << QCoreApplication::translate("RosterImport", "student number may only contain letters, digits and '-' (at most 32)");
        else if (seenNumbers.contains(r.studentNo))
            p << QCoreApplication::translate("RosterImport", "student number %1 also on row %2").arg(r.studentNo).arg(seenNumbers.value(r.studentNo));
        else
            seenNumbers.insert(r.studentNo, r.line);
        // Name
        if (r.name.isEmpty())
            p << QCoreApplication::translate("RosterImport", "name is empty");
        else if (r.name.contains(QLatin1Char('"')) || r.name.contains(QLatin1Char('\'')) || r.name.contains(QLatin1Char('/'))
                 || r.name.contains(QLatin1Char('\\')) || r.name.contains(QLatin1String("..")) || r.name.contains(QLatin1Char('<'))
                 || r.name.contains(QLatin1Char('>')) || hasControl(r.name))
            p << QCoreApplication::translate("RosterImport", "name contains characters a name cannot have (quotes, slashes, '..', control characters)");
        else if (r.name.size() > 50)
            p << QCoreApplication::translate("RosterImport", "name is longer than 50 characters");
        // ID number
        if (r.idNumber.isEmpty())
            p << QCoreApplication::translate("RosterImport", "ID number is empty");
        else if (r.idNumber.size() != 18)
            p << QCoreApplication::translate("RosterImport", "ID number must have 18 characters (it has %1)").arg(r.idNumber.size());
        else if (!isValidIdNumber(r.idNumber))
            p << QCoreApplication::translate("RosterImport", "ID number %1: wrong check digit or not a valid ID number").arg(maskIdNumber(r.idNumber));
        else if (seenIds.contains(r.idNumber))
            p << QCoreApplication::translate("RosterImport", "the same ID number is also on row %1").arg(seenIds.value(r.idNumber));
        else
            seenIds.insert(r.idNumber, r.line);
        // Phone (optional)
        if (!r.phone.isEmpty() && !phoneRe.match(r.phone).hasMatch())
            p << QCoreApplication::translate("RosterImport", "phone %1 is not an 11-digit mobile number").arg(r.phone);
        // College and class
        if (m.college >= 0 && !collegeText.isEmpty()) {
            r.collegeId = collegeByKey.value(norm(collegeText));
            if (!r.collegeId)
                p << QCoreApplication::translate("RosterImport", "unknown college \"%1\"").arg(collegeText);
        }
        if (classText.isEmpty()) {
            p << QCoreApplication::translate("RosterImport", "class is empty");
        } else if (r.collegeId) {
            r.classId = classByKey.value({r.collegeId, norm(classText)});
            if (!r.classId)
                p << QCoreApplication::translate("RosterImport", "unknown class \"%1\" in this college").arg(classText);
        } else if (collegeText.isEmpty()) {
            const QList<ClassInfo> matches = classByName.values(norm(classText));
            if (matches.isEmpty())
                p << QCoreApplication::translate("RosterImport", "unknown class \"%1\"").arg(classText);
            else if (matches.size() > 1 && matches.at(0).id != matches.at(1).id)
                p << QCoreApplication::translate("RosterImport", "class \"%1\" exists in several colleges: add the college column").arg(classText);
            else {
                r.classId = matches.at(0).id;
                r.collegeId = matches.at(0).collegeId;
            }
        }
        if (r.collegeId && !accounts::mayManageStudents(m_session, r.collegeId))
            p << QCoreApplication::translate("RosterImport", "this student belongs to a college you do not manage");

        if (p.isEmpty()) {
            const auto it = existing.constFind(r.studentNo);
            if (it == existing.constEnd()) {
                r.outcome = RosterRow::Outcome::New;
            } else {
                r.existingId = it->id;
                r.existingVersion = it->rowVersion;
                if (!accounts::mayManageStudents(m_session, it->collegeId))
                    p << QCoreApplication::translate("RosterImport", "student number %1 already belongs to a student of another college").arg(r.studentNo);
                else if (it->name == r.name && it->idNumber == r.idNumber && it->phone == r.phone && it->collegeId == r.collegeId
                         && it->classId == r.classId)
                    r.outcome = RosterRow::Outcome::Unchanged;
                else
                    r.outcome = RosterRow::Outcome::Update;
            }
        }
        if (!p.isEmpty())
            r.outcome = RosterRow::Outcome::Problem;
        switch (r.outcome) {
        case RosterRow::Outcome::New: ++plan.newRows; break;
        case RosterRow::Outcome::Update: ++plan.updates; break;
        case RosterRow::Outcome::Unchanged: ++plan.unchanged; break;
        case RosterRow::Outcome::Problem: ++plan.problemRows; break;
        }
        plan.rows.append(r);
    }
    return plan;
}

ImportResult RosterImporter::apply(const ImportPlan &plan, const QString &fileName, const std::function<void(int, int)> &progress,
                                   const std::atomic_bool *cancel)
{
    if (m_session.role == StaffRole::Reviewer)
        throw db::DbError(db::DbError::Kind::Permission, QCoreApplication::translate("RosterImport", "Reviewers cannot import rosters."));
    ImportResult result;
    QList<db::ImportRepo::NewStudent> fresh;
    QList<db::ImportRepo::Existing> changed;
    for (const RosterRow &r : plan.rows) {
        switch (r.outcome) {
        case RosterRow::Outcome::New: fresh.append({r.collegeId, r.classId, r.studentNo, r.name, r.idNumber, r.phone}); break;
        case RosterRow::Outcome::Update:
            changed.append({r.existingId, r.collegeId, r.classId, r.name, r.idNumber, r.phone, r.existingVersion});
            break;
        case RosterRow::Outcome::Unchanged: ++result.unchanged; break;
        case RosterRow::Outcome::Problem: ++result.skipped; break;
        }
    }
    if (fresh.isEmpty() && changed.isEmpty())
        return result; // the same file again: nothing to write, nothing to audit
    qint64 schoolId = m_session.schoolId;
    if (!schoolId) {
        const auto s = db::SchoolRepo(m_db).firstSchool();
        schoolId = s ? s->id : 0;
    }
    const int total = int(fresh.size() + changed.size());
    const qint64 now = db::nowMs();
    auto checkCancel = [&] {
        if (cancel && cancel->load())
            throw db::DbError(db::DbError::Kind::Invalid, QCoreApplication::translate("RosterImport", "Import cancelled: nothing was changed."));
    };
    db::Transaction tx(m_db);
    db::ImportRepo repo(m_db);
    repo.insertStudents(schoolId, fresh, now, [&](int done) {
        checkCancel();
        if (progress)
            progress(done, total);
    });
    result.inserted = int(fresh.size());
    int done = result.inserted;
    for (const auto &e : changed) {
        if (!repo.updateStudent(e, now))
            throw db::DbError(db::DbError::Kind::Conflict,
                              QCoreApplication::translate("RosterImport", "Student %1 was changed by someone else after the dry run; nothing was imported. Run the import again.")
                                  .arg(e.name));
        ++result.updated;
        if (++done % 500 == 0) {
            checkCancel();
            if (progress)
                progress(done, total);
        }
    }
    checkCancel();
    AuditEntry a;
    a.occurredAt = now;
    a.staffId = m_session.staffId;
    a.staffName = m_session.username;
    a.action = QStringLiteral("students.import");
    a.targetType = QStringLiteral("roster");
    a.targetId = fileName;
    a.collegeId = m_session.role == StaffRole::CollegeAdmin ? m_session.collegeId : 0;
    a.reason = QCoreApplication::translate("RosterImport", "roster import");
    a.afterJson = QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("inserted"), result.inserted},
                                                               {QStringLiteral("updated"), result.updated},
                                                               {QStringLiteral("unchanged"), result.unchanged},
                                                               {QStringLiteral("problem_rows"), result.skipped},
                                                               {QStringLiteral("format"), plan.format},
                                                               {QStringLiteral("encoding"), plan.encoding}})
                                        .toJson(QJsonDocument::Compact));
    result.auditId = db::AuditRepo(m_db).append(a);
    tx.commit();
    if (progress)
        progress(total, total);
    return result;
}

void RosterImporter::writeProblemRows(const ImportPlan &plan, const QString &path)
{
    // The one CSV rule of the app: formulas neutralised for whoever opens it in a spreadsheet.
    const auto quote = [](const QString &v) { return exporting::csvField(v); };
    QString text;
    int width = int(plan.header.size());
    for (const RosterRow &r : plan.rows)
        width = std::max(width, int(r.cells.size()));
    QStringList head;
    head << QCoreApplication::translate("RosterImport", "row");
    for (int c = 0; c < width; ++c)
        head << quote(plan.header.value(c));
    head << QCoreApplication::translate("RosterImport", "problems");
    text += head.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    for (const RosterRow &r : plan.rows) {
        if (r.outcome != RosterRow::Outcome::Problem)
            continue;
        QStringList line;
        line << QString::number(r.line);
        for (int c = 0; c < width; ++c)
            line << quote(r.cells.value(c));
        line << quote(r.problems.join(QStringLiteral("; ")));
        text += line.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        throw ImportError(QCoreApplication::translate("RosterImport", "Cannot write %1: %2").arg(path, f.errorString()));
    f.write("\xEF\xBB\xBF");
    f.write(text.toUtf8());
    if (!f.commit())
        throw ImportError(QCoreApplication::translate("RosterImport", "Cannot write %1: %2").arg(path, f.errorString()));
}

} // namespace tucai::import
