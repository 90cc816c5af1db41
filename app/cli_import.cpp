// tucai import --db DB FILE [--dry-run] [--as USER] [--problems OUT.csv] [--no-header]
#include "cli_accounts_common.h"
#include "cli_common.h"

#include "db/database.h"
#include "import/roster_import.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>

using namespace tucai;

namespace {
const char *kUsage = "tucai import --db DB FILE [--dry-run] [--as USER] [--problems OUT.csv] [--no-header]";
} // namespace

int runImportCommand(const QStringList &argsIn)
{
    QStringList args = argsIn;
    const QString dbArg = cli::takeOption(args, QStringLiteral("--db"));
    const bool dryRun = cli::takeFlag(args, QStringLiteral("--dry-run"));
    const bool noHeader = cli::takeFlag(args, QStringLiteral("--no-header"));
    const QString asUser = cli::takeOption(args, QStringLiteral("--as"));
    const QString problemsOut = cli::takeOption(args, QStringLiteral("--problems"));
    if (dbArg.isEmpty() || args.size() != 1 || args.first().startsWith(QLatin1String("--"))) {
        cli::err() << QStringLiteral("usage: ") << QString::fromLatin1(kUsage) << Qt::endl;
        return cli::Usage;
    }
    const QString file = args.first();
    auto database = cli::openDatabase(dbArg, false);
    if (!database)
        return cli::Failed;
    try {
        const auto session = cli::actingSession(*database, asUser);
        if (!session)
            return cli::Usage;
        QElapsedTimer timer;
        timer.start();
        const import::TableData table = import::readTableFile(file);
        if (table.rows.isEmpty()) {
            cli::err() << QCoreApplication::translate("cli", "error: %1 has no rows").arg(file) << Qt::endl;
            return cli::Failed;
        }
        const import::ColumnMapping mapping = import::ColumnMapping::guess(noHeader ? QStringList() : table.rows.first());
        if (!mapping.isComplete()) {
            cli::err() << QCoreApplication::translate("cli", "error: the header row must name the columns 学号/student no, 姓名/name, 身份证号/ID number and "
                             "班级/class (学院/college and 手机/phone are optional)")
                       << Qt::endl;
            return cli::Failed;
        }
        import::RosterImporter importer(*database, *session);
        const import::ImportPlan plan = importer.plan(table, mapping, !noHeader);
        cli::out() << QCoreApplication::translate("cli", "%1 (%2, %3): %4 new, %5 changed, %6 unchanged, %7 rows with problems")
                          .arg(QFileInfo(file).fileName(), plan.format, plan.encoding)
                          .arg(plan.newRows)
                          .arg(plan.updates)
                          .arg(plan.unchanged)
                          .arg(plan.problemRows)
                   << Qt::endl;
        for (const import::RosterRow &r : plan.rows)
            if (r.outcome == import::RosterRow::Outcome::Problem)
                cli::out() << QCoreApplication::translate("cli", "  row %1: %2").arg(r.line).arg(r.problems.join(QStringLiteral("; "))) << Qt::endl;
        if (!problemsOut.isEmpty() && plan.problemRows) {
            import::RosterImporter::writeProblemRows(plan, problemsOut);
            cli::out() << QCoreApplication::translate("cli", "Problem rows saved to %1").arg(problemsOut) << Qt::endl;
        }
        if (dryRun) {
            cli::out() << QCoreApplication::translate("cli", "Dry run: nothing was written.") << Qt::endl;
            return plan.problemRows ? cli::Failed : cli::Ok;
        }
        const import::ImportResult r = importer.apply(plan, QFileInfo(file).fileName());
        cli::out() << QCoreApplication::translate("cli", "Imported in %1 s: %2 added, %3 updated, %4 unchanged, %5 rows left out.")
                          .arg(timer.elapsed() / 1000.0, 0, 'f', 2)
                          .arg(r.inserted)
                          .arg(r.updated)
                          .arg(r.unchanged)
                          .arg(r.skipped)
                   << Qt::endl;
    } catch (const import::ImportError &e) {
        cli::err() << QCoreApplication::translate("cli", "error: %1").arg(e.message()) << Qt::endl;
        return cli::Failed;
    } catch (const db::DbError &e) {
        cli::err() << QCoreApplication::translate("cli", "error: %1").arg(e.message()) << Qt::endl;
        return cli::Failed;
    }
    return cli::Ok;
}
