// `tucai export`: the photo export without the GUI, for scripts and the end of a collection.
#include "cli_common.h"

#include "db/database.h"
#include "db/school_repo.h"
#include "export/file_names.h"
#include "export/photo_exporter.h"
#include "net/photo_store.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QTimeZone>

using namespace tucai;

namespace {


const char *kUsage =
    "usage: tucai export --db DB --out DIR [--college C[,C...]] [--class K[,K...]] [--paid-only]\n"
    "                    [--name-template T] [--single-zip] [--decided-from YYYY-MM-DD] [--decided-to YYYY-MM-DD] [--quiet]\n"
    "  C: college code, name or id; K: class code, name or id.\n"
    "  T: file name template, default {学号}.jpg; fields {学号} {身份证号} {学院} {班级} {姓名}.\n"
    "  Exit status 0 only when every approved photo of the selection was exported.\n";

// Start of a China-time day (UTC+8) in ms; 0 when empty, -1 when not a date.
qint64 chinaDayStart(const QString &text)
{
    if (text.isEmpty())
        return 0;
    const QDate d = QDate::fromString(text, Qt::ISODate);
    if (!d.isValid())
        return -1;
    return QDateTime(d, QTime(0, 0), QTimeZone(8 * 3600)).toMSecsSinceEpoch();
}

} // namespace

int runExportCommand(const QStringList &argsIn)
{
    QStringList args = argsIn;
    const QString dbArg = cli::takeOption(args, QStringLiteral("--db"));
    const QString outDir = cli::takeOption(args, QStringLiteral("--out"));
    const QString collegeArg = cli::takeOption(args, QStringLiteral("--college"));
    const QString classArg = cli::takeOption(args, QStringLiteral("--class"));
    const QString nameTemplate = cli::takeOption(args, QStringLiteral("--name-template"), exporting::defaultNameTemplate());
    const QString fromArg = cli::takeOption(args, QStringLiteral("--decided-from"));
    const QString toArg = cli::takeOption(args, QStringLiteral("--decided-to"));
    const bool paidOnly = cli::takeFlag(args, QStringLiteral("--paid-only"));
    const bool singleZip = cli::takeFlag(args, QStringLiteral("--single-zip"));
    const bool quiet = cli::takeFlag(args, QStringLiteral("--quiet"));
    if (dbArg.isEmpty() || outDir.isEmpty() || !args.isEmpty()) {
        if (!args.isEmpty())
            cli::err() << QCoreApplication::translate("CliExport", "tucai export: unexpected argument '%1'").arg(args.first()) << Qt::endl;
        cli::err() << QString::fromUtf8(kUsage);
        return cli::Usage;
    }
    const QString templateProblem = exporting::validateNameTemplate(nameTemplate);
    if (!templateProblem.isEmpty()) {
        cli::err() << QCoreApplication::translate("CliExport", "tucai export: %1").arg(templateProblem) << Qt::endl;
        return cli::Usage;
    }
    const qint64 from = chinaDayStart(fromArg);
    const qint64 toDay = chinaDayStart(toArg);
    if (from < 0 || toDay < 0) {
        cli::err() << QCoreApplication::translate("CliExport", "tucai export: dates are written YYYY-MM-DD") << Qt::endl;
        return cli::Usage;
    }
    auto database = cli::openDatabase(dbArg, false);
    if (!database)
        return cli::Failed;
    try {
        db::SchoolRepo schools(*database);
        const auto school = schools.firstSchool();
        if (!school) {
            cli::err() << QCoreApplication::translate("CliExport", "The database holds no school: nothing to export.") << Qt::endl;
            return cli::Failed;
        }
        exporting::ExportOptions opt;
        opt.selection.schoolId = school->id;
        opt.selection.paidOnly = paidOnly;
        opt.selection.decidedFrom = from;
        opt.selection.decidedTo = toDay ? toDay + 24LL * 3600 * 1000 : 0; // the whole last day
        opt.layout = singleZip ? exporting::ExportOptions::Layout::SingleZip : exporting::ExportOptions::Layout::ZipPerCollege;
        opt.nameTemplate = nameTemplate;
        opt.outDir = outDir;
        const QList<College> colleges = schools.colleges(school->id);
        for (const QString &c : collegeArg.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            auto it = std::find_if(colleges.cbegin(), colleges.cend(), [&](const College &x) {
                return x.code == c || x.name == c || QString::number(x.id) == c;
            });
            if (it == colleges.cend()) {
                cli::err() << QCoreApplication::translate("CliExport", "tucai export: no college '%1'").arg(c) << Qt::endl;
                return cli::Usage;
            }
            opt.selection.collegeIds << it->id;
        }
        const QList<ClassInfo> classes = schools.classes();
        for (const QString &k : classArg.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool found = false;
            for (const ClassInfo &x : classes)
                if ((x.code == k || x.name == k || QString::number(x.id) == k)
                    && (opt.selection.collegeIds.isEmpty() || opt.selection.collegeIds.contains(x.collegeId))) {
                    opt.selection.classIds << x.id;
                    found = true;
                }
            if (!found) {
                cli::err() << QCoreApplication::translate("CliExport", "tucai export: no class '%1'").arg(k) << Qt::endl;
                return cli::Usage;
            }
        }
        // Photos kept at a URL are downloaded (and verified) through the photo store.
        std::shared_ptr<db::Database> shared(std::move(database));
        net::PhotoStore store(shared);
        opt.photoStore = &store;
        opt.staffName = QStringLiteral("tucai cli");
        exporting::PhotoExporter exporter(*shared, opt);
        int lastPercent = -1;
        const exporting::ExportResult r = exporter.run([&](int done, int total) {
            const int percent = total ? done * 100 / total : 100;
            if (!quiet && percent / 10 != lastPercent / 10)
                cli::err() << QCoreApplication::translate("CliExport", "  %1/%2 photos").arg(done).arg(total) << Qt::endl;
            lastPercent = percent;
        });
        if (!r.error.isEmpty()) {
            cli::err() << QCoreApplication::translate("CliExport", "Export failed: %1").arg(r.error) << Qt::endl;
            return cli::Failed;
        }
        for (const QString &p : r.packages)
            cli::out() << QDir::toNativeSeparators(p) << Qt::endl;
        for (const QString &line : r.renamed)
            cli::out() << QCoreApplication::translate("CliExport", "renamed (duplicate name): %1").arg(line) << Qt::endl;
        for (const exporting::ExportFailure &f : r.failures)
            cli::err() << QCoreApplication::translate("CliExport", "FAILED %1 %2: %3").arg(f.row.studentNo, f.row.name, f.reason) << Qt::endl;
        if (!r.warning.isEmpty())
            cli::err() << r.warning << Qt::endl;
        cli::out() << QCoreApplication::translate("CliExport", "%1 approved photos selected, %2 exported (%3 re-encoded), %4 failed. Manifest: %5")
                          .arg(r.selected)
                          .arg(r.files.size())
                          .arg(r.reencodedCount())
                          .arg(r.failures.size())
                          .arg(QDir::toNativeSeparators(r.manifestCsv))
                   << Qt::endl;
        return r.complete() ? cli::Ok : cli::Failed;
    } catch (const db::DbError &e) {
        cli::err() << QCoreApplication::translate("CliExport", "Export failed: %1").arg(e.message()) << Qt::endl;
        return cli::Failed;
    }
}
