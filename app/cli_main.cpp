// `tucai`: the command-line face of Tucai Admin, over the same core as the GUI.
#include "cli_common.h"
#include "util/logging.h"
#include "util/platform.h"
#include "util/version.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <memory>

namespace {

void printUsage()
{
    tucai::cli::out() << QStringLiteral(
        "usage: tucai COMMAND [options]\n"
        "  --version                               versions of the app, Qt, OpenCV and the schema\n"
        "  demo create --db DB [--students N] [--seed S] [--now ISO] [--faces DIR]\n"
        "                                          create the demo school in an empty database\n"
        "  db migrate --db DB                      create or upgrade the schema\n"
        "  db info --db DB                         schema version and table sizes\n"
        "  db check --db DB [--json] [--limit N]   check every invariant; one line per violation (exit 1), 3 if unreadable\n"
        "  summary --db DB                         progress of the collection per college and state\n"
        "  check [--profile F] [--json] [--jobs N] PATH...\n"
        "                                          run the photo checks on files or folders\n"
        "  eval [--faces DIR] [--jobs N]           accuracy of the checks on generated and real labelled photos\n"
        "  audit verify --db DB                    check the audit log's hash chain (exit 1 names the first bad entry)\n"
        "  audit list|export --db DB [--out F.csv] [--action A] [--staff U] [--text T] [--since ISO]\n"
        "  import --db DB FILE [--dry-run] [--as USER] [--problems OUT.csv]\n"
        "                                          import a student roster (CSV UTF-8/GBK or XLSX)\n"
        "  staff list|sync-roles|add --db DB ...   staff accounts; PostgreSQL login roles\n"
        "  export --db DB --out DIR [--college C] [--class K] [--paid-only] [--name-template T] [--single-zip]\n"
        "                                          export approved photos as zips with a manifest\n"
        "  codes generate --db DB (--college C | --class K) [--pdf FILE] [--csv FILE] [--expires DATE]\n"
        "                                          new collection codes (old ones revoked), printable sheet\n"
        "  codes verify --db DB CODE               exit 0 if the code is valid, 1 with the reason if not\n"
        "  outbox deliver --db DB [--url URL] [--secret-env VAR | --secret-file F] [--once]\n"
        "                                          post notifications to the webhook (HMAC-signed, retried)\n"
        "  outbox list|retry --db DB ...           notification rows and their delivery state\n"
        "  simulate --db DB [--students N] [--rate PER_MIN] [--duration S] [--reviewers K] [--seed S] [--speed F]\n"
        "                                          play the students' side (and K reviewers) against the database\n"
        "DB is a SQLite file path or postgresql://user[:password]@host:port/database\n"
        "(the password may also come from PGPASSWORD).\n");
}

} // namespace

namespace {

// The program, its application object included: gone (and its worker threads ended) on return.
int runCli(int argc, char **argv)
{
    // `codes` lays out PDF text, which needs fonts and so a QGuiApplication. On Linux it runs
    // offscreen (no display needed); Windows always has its desktop, and its own platform plugin
    // is the one that knows the system fonts.
    const bool needsGui = argc > 1 && qstrcmp(argv[1], "codes") == 0;
#ifndef Q_OS_WIN
    if (needsGui && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
#endif
    const std::unique_ptr<QCoreApplication> appHolder(needsGui ? new QGuiApplication(argc, argv) : new QCoreApplication(argc, argv));
    QCoreApplication &app = *appHolder;
    QCoreApplication::setOrganizationName(QStringLiteral("Tucai"));
    QCoreApplication::setApplicationName(QStringLiteral("tucai"));
    QCoreApplication::setApplicationVersion(tucai::appVersion());
    tucai::initLogging(QStringLiteral("tucai"), /*toStderr=*/false);

    QStringList args = app.arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        printUsage();
        return args.isEmpty() ? tucai::cli::Usage : tucai::cli::Ok;
    }
    const QString command = args.takeFirst();
    if (command == QLatin1String("--version") || command == QLatin1String("version")) {
        tucai::cli::out() << tucai::versionText(QStringLiteral("tucai"));
        return tucai::cli::Ok;
    }
    if (command == QLatin1String("check"))
        return runCheckCommand(args);
    if (command == QLatin1String("eval"))
        return runEvalCommand(args);
    if (command == QLatin1String("demo"))
        return runDemoCommand(args);
    if (command == QLatin1String("db"))
        return runDbCommand(args);
    if (command == QLatin1String("summary"))
        return runSummaryCommand(args);
    if (command == QLatin1String("audit"))
        return runAuditCommand(args);
    if (command == QLatin1String("codes"))
        return runCodesCommand(args);
    if (command == QLatin1String("export"))
        return runExportCommand(args);
    if (command == QLatin1String("import"))
        return runImportCommand(args);
    if (command == QLatin1String("staff"))
        return runStaffCommand(args);
    if (command == QLatin1String("outbox"))
        return runOutboxCommand(args);
    if (command == QLatin1String("simulate"))
        return runSimulateCommand(args);
    tucai::cli::err() << QStringLiteral("tucai: unknown command '%1'\n").arg(command);
    printUsage();
    return tucai::cli::Usage;
}

} // namespace

int main(int argc, char **argv)
{
    tucai::platform::prepareConsole();
    const int code = runCli(argc, argv);
    // Static streams and the log are not flushed by their destructors when endProcess ends the
    // process at once (Windows).
    tucai::cli::out().flush();
    tucai::cli::err().flush();
    tucai::flushLogging();
    return tucai::platform::endProcess(code);
}
