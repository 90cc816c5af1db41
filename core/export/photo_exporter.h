#pragma once
#include "db/export_repo.h"
#include "export/photo_fit.h"

#include <QList>
#include <QString>
#include <atomic>
#include <functional>

namespace tucai::db { class Database; }
namespace tucai::net { class PhotoStore; }

namespace tucai::exporting {

struct ExportOptions
{
    db::ExportSelection selection;
    enum class Layout { ZipPerCollege, SingleZip };
    Layout layout = Layout::ZipPerCollege;
    QString nameTemplate;        // empty = defaultNameTemplate()
    QString outDir;
    QString packageName;         // base name of the single zip; empty = "approved_photos"
    FileSpec spec = FileSpec::fromDefaultProfile();
    // Fetches photos kept at an http(s) URL (verified against their SHA-256, several at a
    // time). Without a store such photos are listed as failures.
    net::PhotoStore *photoStore = nullptr;
    // Who exports (for the audit entry). Once every package is verified and has its final name,
    // the exported students move from "approved" to "exported" in one audited transaction.
    qint64 staffId = 0;
    QString staffName;
    bool markExported = true;
};

struct ExportedFile
{
    db::ExportRow row;
    QString package;             // zip file name (in outDir)
    QString path;                // path inside the zip
    QString sha256;              // of the exported bytes
    qint64 bytes = 0;
    bool reencoded = false;
    QString note;                // e.g. renamed because of a duplicate
};

struct ExportFailure
{
    db::ExportRow row;
    QString reason;
};

struct ExportResult
{
    int selected = 0;
    QList<ExportedFile> files;
    QList<ExportFailure> failures;
    QStringList renamed;         // "package: wanted -> used"
    QStringList packages;        // full paths of the zips written
    QString manifestCsv, manifestXlsx, failureLog;
    bool cancelled = false;
    QString error;               // fatal: nothing was kept under a final name
    int markedExported = 0;      // students moved to "exported"
    QString warning;             // the packages are complete, but marking the students failed
    int reencodedCount() const;
    // Every approved photo of the selection is in a verified package.
    bool complete() const { return error.isEmpty() && !cancelled && failures.isEmpty(); }
};

// The export job: selects approved photos, names them from the template,
// copies compliant photos byte for byte and re-encodes the others, writes the
// zips + manifests under temporary names, re-reads every zip with libzip and
// only then renames everything to the final names. Runs on any thread (the
// Database gives each thread its own connection); progress and cancel are
// safe to use from another thread.
class PhotoExporter final
{
public:
    using Progress = std::function<void(int done, int total)>;
    PhotoExporter(const db::Database &db, ExportOptions options);
    ExportResult run(const Progress &progress = {}, const std::atomic_bool *cancel = nullptr);

    // Suffix of the files being written; nothing with it is left after run().
    static QString partSuffix() { return QStringLiteral(".part"); }

private:
    const db::Database &m_db;
    ExportOptions m_options;
};

// Verifies a zip with libzip: consistency, the exact entry names in order, and
// each entry's size and CRC-32 as written (libzip checks the data against the
// CRC while reading every byte back). Empty on success, otherwise what is wrong.
QString verifyZip(const QString &path, const QStringList &names, const QList<quint32> &crcs, const QList<qint64> &sizes);

// China time (UTC+8) as "yyyy-MM-dd HH:mm:ss": the manifest's time format.
QString chinaTime(qint64 ms);

} // namespace tucai::exporting
