#pragma once
// Shared helpers of the `tucai` command-line subcommands.
#include <QString>
#include <QStringList>
#include <QTextStream>
#include <memory>

namespace tucai::db { class Database; }

namespace tucai::cli {

QTextStream &out();
QTextStream &err();

// Takes "--name value" out of args; returns the value or `fallback`.
QString takeOption(QStringList &args, const QString &name, const QString &fallback = {});
bool takeFlag(QStringList &args, const QString &name);

// Opens --db (file path or postgresql:// URL; PGPASSWORD is used when the URL
// has no password). Prints a clear message and returns null on failure.
std::unique_ptr<db::Database> openDatabase(const QString &dbArg, bool create, bool migrate = true);

// ../shared/faces next to the working directory or the source tree, or TUCAI_FACES_DIR.
QString findFacesDir(const QString &explicitDir = {});

// Exit codes used by every subcommand.
// Unreadable: the database could not be opened or read (`db check`: distinct from 1, violations found).
enum Exit { Ok = 0, Failed = 1, Usage = 2, Unreadable = 3 };

} // namespace tucai::cli

// Subcommands (one file each).
int runCheckCommand(const QStringList &args);
int runEvalCommand(const QStringList &args);
int runDemoCommand(const QStringList &args);
int runDbCommand(const QStringList &args);
int runSummaryCommand(const QStringList &args);
int runAuditCommand(const QStringList &args);
int runExportCommand(const QStringList &args);
int runImportCommand(const QStringList &args);
int runStaffCommand(const QStringList &args);
int runCodesCommand(const QStringList &args);
int runOutboxCommand(const QStringList &args);
int runSimulateCommand(const QStringList &args);
