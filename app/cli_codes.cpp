// tucai codes generate / verify: collection codes without the GUI.
#include "cli_common.h"

#include "codes/code_service.h"
#include "codes/code_sheet.h"
#include "db/database.h"
#include "db/school_repo.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>

using namespace tucai;

namespace {


const char *kUsage =
    "usage: tucai codes generate --db DB (--college C | --class K | --all) [--pdf FILE] [--csv FILE] [--expires ISO-DATE]\n"
    "       tucai codes verify --db DB CODE\n"
    "C and K are a college/class code, name or id. Generating revokes the students' earlier codes.\n"
    "verify exits 0 for a valid code, 1 for an invalid, mistyped, expired or revoked one (with the reason).";

int usage()
{
    cli::err() << QString::fromLatin1(kUsage) << Qt::endl;
    return cli::Usage;
}

template <typename T>
const T *findByKey(const QList<T> &list, const QString &key)
{
    for (const T &x : list)
        if (x.code == key || x.name == key || QString::number(x.id) == key)
            return &x;
    return nullptr;
}

int generate(QStringList args)
{
    const QString dbArg = cli::takeOption(args, QStringLiteral("--db"));
    const QString college = cli::takeOption(args, QStringLiteral("--college"));
    const QString klass = cli::takeOption(args, QStringLiteral("--class"));
    const bool all = cli::takeFlag(args, QStringLiteral("--all"));
    const QString pdf = cli::takeOption(args, QStringLiteral("--pdf"));
    const QString csv = cli::takeOption(args, QStringLiteral("--csv"));
    const QString expires = cli::takeOption(args, QStringLiteral("--expires"));
    if (dbArg.isEmpty() || !args.isEmpty() || (int(!college.isEmpty()) + int(!klass.isEmpty()) + int(all)) != 1)
        return usage();
    if (pdf.isEmpty() && csv.isEmpty()) {
        cli::err() << QCoreApplication::translate("cli", "error: give --pdf and/or --csv: codes are shown only once, when generated") << Qt::endl;
        return cli::Usage;
    }
    qint64 expiresAt = 0;
    if (!expires.isEmpty()) {
        // A bare date means the end of that day (local time).
        const QDate day = QDate::fromString(expires, Qt::ISODate);
        const QDateTime dt = day.isValid() && expires.size() == 10 ? QDateTime(day, QTime(23, 59, 59))
                                                                   : QDateTime::fromString(expires, Qt::ISODate);
        if (!dt.isValid()) {
            cli::err() << QCoreApplication::translate("cli", "error: --expires must be an ISO date, e.g. 2026-06-30") << Qt::endl;
            return cli::Usage;
        }
        expiresAt = dt.toMSecsSinceEpoch();
    }
    auto database = cli::openDatabase(dbArg, false);
    if (!database)
        return cli::Failed;
    try {
        db::SchoolRepo schools(*database);
        const auto school = schools.firstSchool();
        if (!school) {
            cli::err() << QCoreApplication::translate("cli", "error: the database has no school yet") << Qt::endl;
            return cli::Failed;
        }
        codes::CodeSelection sel;
        sel.schoolId = school->id;
        if (!college.isEmpty()) {
            const QList<College> colleges = schools.colleges(school->id);
            const College *c = findByKey(colleges, college);
            if (!c) {
                cli::err() << QCoreApplication::translate("cli", "error: no college '%1'").arg(college) << Qt::endl;
                return cli::Failed;
            }
            sel.collegeId = c->id;
        }
        if (!klass.isEmpty()) {
            const QList<ClassInfo> classes = schools.classes();
            const ClassInfo *k = findByKey(classes, klass);
            if (!k) {
                cli::err() << QCoreApplication::translate("cli", "error: no class '%1'").arg(klass) << Qt::endl;
                return cli::Failed;
            }
            sel.classId = k->id;
            sel.collegeId = k->collegeId;
        }
        QElapsedTimer timer;
        timer.start();
        codes::CodeService service(*database, {0, QStringLiteral("cli")});
        // Files are written before the codes are committed: a file that cannot be written changes nothing.
        auto deliver = [&](const QList<codes::IssuedCode> &issued, QString *error) {
            return (csv.isEmpty() || codes::CodeSheet::writeCsv(csv, issued, error))
                && (pdf.isEmpty() || codes::CodeSheet::writePdf(pdf, issued, {school->name, {}}, error));
        };
        QString error;
        const QList<codes::IssuedCode> issued = service.generateForStudents(sel, expiresAt, {}, nullptr, deliver, &error);
        if (!error.isEmpty()) {
            cli::err() << QCoreApplication::translate("cli", "error: ") << error << Qt::endl << QCoreApplication::translate("cli", "no codes were changed") << Qt::endl;
            return cli::Failed;
        }
        if (issued.isEmpty()) {
            cli::err() << QCoreApplication::translate("cli", "error: no students in that selection") << Qt::endl;
            return cli::Failed;
        }
        cli::out() << QCoreApplication::translate("cli", "%1 codes generated in %2 ms (earlier codes of these students no longer work)")
                          .arg(issued.size())
                          .arg(timer.elapsed())
                   << Qt::endl;
        if (!pdf.isEmpty())
            cli::out() << QCoreApplication::translate("cli", "PDF: %1").arg(pdf) << Qt::endl;
        if (!csv.isEmpty())
            cli::out() << QCoreApplication::translate("cli", "CSV: %1").arg(csv) << Qt::endl;
        return cli::Ok;
    } catch (const db::DbError &e) {
        cli::err() << QCoreApplication::translate("cli", "error: ") << e.message() << Qt::endl;
    } catch (const std::exception &e) {
        cli::err() << QCoreApplication::translate("cli", "error: ") << QString::fromUtf8(e.what()) << Qt::endl;
    }
    return cli::Failed;
}

int verify(QStringList args)
{
    const QString dbArg = cli::takeOption(args, QStringLiteral("--db"));
    if (dbArg.isEmpty() || args.size() != 1)
        return usage();
    auto database = cli::openDatabase(dbArg, false);
    if (!database)
        return cli::Failed;
    try {
        codes::CodeService service(*database, {});
        const codes::VerifyResult r = service.verify(args.first());
        (r.ok() ? cli::out() : cli::err()) << r.message() << Qt::endl;
        return r.ok() ? cli::Ok : cli::Failed;
    } catch (const db::DbError &e) {
        cli::err() << QCoreApplication::translate("cli", "error: ") << e.message() << Qt::endl;
    } catch (const std::exception &e) {
        cli::err() << QCoreApplication::translate("cli", "error: ") << QString::fromUtf8(e.what()) << Qt::endl;
    }
    return cli::Failed;
}

} // namespace

int runCodesCommand(const QStringList &argsIn)
{
    QStringList args = argsIn;
    if (args.isEmpty())
        return usage();
    const QString sub = args.takeFirst();
    if (sub == QLatin1String("generate"))
        return generate(args);
    if (sub == QLatin1String("verify"))
        return verify(args);
    return usage();
}
