#include "export/photo_exporter.h"

#include "db/audit_repo.h"
#include "db/database.h"
#include "db/photo_repo.h"
#include "export/file_names.h"
#include "export/table_file.h"
#include "export/zip_writer.h"
#include "net/photo_store.h"
#include "model/records.h"
#include "util/platform.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QTimeZone>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <filesystem>
#include <memory>
#include <spdlog/spdlog.h>
#include <zip.h>

namespace tucai::exporting {
namespace {


QString sha256Hex(const QByteArray &b) { return QString::fromLatin1(QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex()); }

// One zip being written: its final name, writer and what went in.
struct Package
{
    QString fileName;            // final name inside outDir
    std::unique_ptr<ZipWriter> writer;
    QStringList names;
    QList<qint64> sizes;
    UniqueNames folders;         // class folders
    QHash<qint64, QString> folderOfClass;
    QHash<QString, UniqueNames> filesInFolder;
};

bool renameOver(const QString &from, const QString &to, QString *error)
{
    // The bytes on the disk before the final name points at them (a crash must not leave a
    // complete-looking package that is half written).
    if (!platform::syncFile(from)) {
        if (error)
            *error = QCoreApplication::translate("Export", "the file could not be written to the disk");
        return false;
    }
    std::error_code ec;
    // Replaces an older package of the same name in one step (POSIX rename; MoveFileEx on Windows).
    std::filesystem::rename(std::filesystem::path(from.toStdU16String()), std::filesystem::path(to.toStdU16String()), ec);
    if (ec && error)
        *error = QString::fromStdString(ec.message());
    if (!ec)
        platform::syncDirectory(QFileInfo(to).absolutePath());
    return !ec;
}

Table manifestTable(const QList<ExportedFile> &files)
{
    Table t;
    t.sheetName = QCoreApplication::translate("Export", "Manifest");
    t.headers = {QCoreApplication::translate("Export", "College"), QCoreApplication::translate("Export", "Class"), QCoreApplication::translate("Export", "Student number"), QCoreApplication::translate("Export", "Name"), QCoreApplication::translate("Export", "ID number (masked)"), QCoreApplication::translate("Export", "Reviewer"),
                 QCoreApplication::translate("Export", "Decided at"), QCoreApplication::translate("Export", "Paid"), QCoreApplication::translate("Export", "File name"), QCoreApplication::translate("Export", "SHA-256"), QCoreApplication::translate("Export", "Bytes"), QCoreApplication::translate("Export", "Package"), QCoreApplication::translate("Export", "Re-encoded"),
                 QCoreApplication::translate("Export", "Source SHA-256"), QCoreApplication::translate("Export", "Note")};
    t.columnWidths = {16, 14, 14, 10, 22, 10, 20, 6, 28, 66, 9, 24, 10, 66, 30};
    for (const ExportedFile &f : files)
        t.rows.append({f.row.collegeName, f.row.className, f.row.studentNo, f.row.name, maskIdNumber(f.row.idNumber),
                       f.row.reviewer, chinaTime(f.row.decidedAt), f.row.paid ? QCoreApplication::translate("Export", "yes") : QCoreApplication::translate("Export", "no"), f.path, f.sha256,
                       qint64(f.bytes), f.package, f.reencoded ? QCoreApplication::translate("Export", "yes") : QCoreApplication::translate("Export", "no"), f.row.sha256, f.note});
    return t;
}

Table failureTable(const QList<ExportFailure> &failures)
{
    Table t;
    t.sheetName = QCoreApplication::translate("Export", "Failures");
    t.headers = {QCoreApplication::translate("Export", "College"), QCoreApplication::translate("Export", "Class"), QCoreApplication::translate("Export", "Student number"), QCoreApplication::translate("Export", "Name"), QCoreApplication::translate("Export", "Photo"), QCoreApplication::translate("Export", "Reason")};
    for (const ExportFailure &f : failures)
        t.rows.append({f.row.collegeName, f.row.className, f.row.studentNo, f.row.name, f.row.photoId, f.reason});
    return t;
}

} // namespace

QString chinaTime(qint64 ms)
{
    if (!ms)
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms + 8 * 3600 * 1000, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

int ExportResult::reencodedCount() const
{
    return int(std::count_if(files.cbegin(), files.cend(), [](const ExportedFile &f) { return f.reencoded; }));
}

QString verifyZip(const QString &path, const QStringList &names, const QList<quint32> &crcs, const QList<qint64> &sizes)
{
    int err = 0;
    const QByteArray file = platform::cPath(path);
    zip_t *z = zip_open(file.constData(), ZIP_RDONLY | ZIP_CHECKCONS, &err);
    if (!z) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, err);
        const QString msg = QCoreApplication::translate("Export", "%1 cannot be read back: %2").arg(path, QString::fromUtf8(zip_error_strerror(&ze)));
        zip_error_fini(&ze);
        return msg;
    }
    QString problem;
    const zip_int64_t n = zip_get_num_entries(z, 0);
    if (n != names.size())
        problem = QCoreApplication::translate("Export", "%1 holds %2 entries instead of %3").arg(path).arg(n).arg(names.size());
    QByteArray buf;
    for (zip_int64_t i = 0; problem.isEmpty() && i < n; ++i) {
        const QString name = QString::fromUtf8(zip_get_name(z, zip_uint64_t(i), ZIP_FL_ENC_GUESS));
        zip_stat_t st;
        zip_stat_init(&st);
        if (name != names.at(i) || zip_stat_index(z, zip_uint64_t(i), 0, &st) != 0 || st.crc != crcs.at(i)
            || zip_int64_t(st.size) != sizes.at(i)) {
            problem = QCoreApplication::translate("Export", "%1: entry %2 (%3) is not what was written").arg(path).arg(i).arg(name);
            break;
        }
        zip_file_t *f = zip_fopen_index(z, zip_uint64_t(i), 0);
        buf.resize(qsizetype(st.size) + 1);
        // Reading one byte past the end makes libzip compare the data with the CRC.
        const zip_int64_t got = f ? zip_fread(f, buf.data(), st.size + 1) : -1;
        const bool closed = f && zip_fclose(f) == 0;
        if (got != zip_int64_t(st.size) || !closed)
            problem = QCoreApplication::translate("Export", "%1: %2 does not read back as written").arg(path, name);
    }
    zip_discard(z);
    return problem;
}

PhotoExporter::PhotoExporter(const db::Database &db, ExportOptions options) : m_db(db), m_options(std::move(options))
{
    if (m_options.nameTemplate.isEmpty())
        m_options.nameTemplate = defaultNameTemplate();
    if (m_options.packageName.isEmpty())
        m_options.packageName = QStringLiteral("approved_photos");
}

ExportResult PhotoExporter::run(const Progress &progress, const std::atomic_bool *cancel)
{
    ExportResult result;
    const QString templateProblem = validateNameTemplate(m_options.nameTemplate);
    if (!templateProblem.isEmpty()) {
        result.error = templateProblem;
        return result;
    }
    // A reviewer's own database login may not read ID numbers (the server masks them).
    if ((m_options.nameTemplate.contains(QStringLiteral("{身份证号}")) || m_options.nameTemplate.contains(QStringLiteral("{id_number}")))
        && !m_db.canRead(QStringLiteral("students"), QStringLiteral("id_number"))) {
        result.error = QCoreApplication::translate("Export", "Your database role may not read ID numbers: choose a file name template "
                                                             "without {身份证号}.");
        return result;
    }
    QDir out(m_options.outDir);
    if (m_options.outDir.isEmpty() || !out.mkpath(QStringLiteral("."))) {
        result.error = QCoreApplication::translate("Export", "Cannot create the output folder %1").arg(QDir::toNativeSeparators(m_options.outDir));
        return result;
    }
    db::ExportRepo repo(m_db);
    const QList<db::ExportRow> rows = repo.approvedPhotos(m_options.selection);
    result.selected = int(rows.size());
    const bool single = m_options.layout == ExportOptions::Layout::SingleZip;

    QList<std::shared_ptr<Package>> packages; // in creation order
    QHash<qint64, std::shared_ptr<Package>> packageOfCollege;
    UniqueNames zipNames;
    QHash<qint64, QString> collegeFolder;      // single zip: college folder names
    UniqueNames collegeFolders;
    QStringList partFiles;
    auto cleanup = [&] {
        for (const auto &p : std::as_const(packages))
            if (p->writer)
                p->writer->abandon();
        for (const QString &f : std::as_const(partFiles))
            QFile::remove(f);
    };
    auto packageFor = [&](const db::ExportRow &r) -> std::shared_ptr<Package> {
        const qint64 key = single ? 0 : r.collegeId;
        auto it = packageOfCollege.constFind(key);
        if (it != packageOfCollege.constEnd())
            return *it;
        auto p = std::make_shared<Package>();
        const QString base = single ? m_options.packageName : r.collegeCode + QLatin1Char('_') + r.collegeName;
        p->fileName = zipNames.take(safeFileName(base, QStringLiteral(".zip")));
        packages.append(p);
        packageOfCollege.insert(key, p);
        return p;
    };

    const qint64 total = rows.size();
    int done = 0;
    constexpr int kReadAhead = 32;
    QHash<QString, QByteArray> blobs;
    QHash<QString, QString> blobUrls;
    QHash<QString, QFuture<net::PhotoFetchResult>> downloads;   // the read-ahead's photos kept at URLs
    for (const db::ExportRow &r : rows) {
        if (cancel && cancel->load()) {
            cleanup();
            result.cancelled = true;
            return result;
        }
        auto pkg = packageFor(r);
        // Folder: <class> (per-college zips) or <college>/<class> (one zip).
        QString folder = pkg->folderOfClass.value(r.classId);
        if (folder.isEmpty()) {
            QString prefix;
            if (single) {
                if (!collegeFolder.contains(r.collegeId))
                    collegeFolder.insert(r.collegeId, collegeFolders.take(safeFileName(r.collegeName)));
                prefix = collegeFolder.value(r.collegeId) + QLatin1Char('/');
            }
            folder = prefix + pkg->folders.take(safeFileName(r.className));
            pkg->folderOfClass.insert(r.classId, folder);
        }
        const QString wanted = expandNameTemplate(m_options.nameTemplate,
                                                  {r.studentNo, r.idNumber, r.collegeName, r.className, r.name});
        // Read ahead: the blobs of the next rows in one query (one round trip to a server instead of 32).
        if (!blobs.contains(r.sha256)) {
            blobs.clear();
            blobUrls.clear();
            QStringList next;
            for (qsizetype k = done; k < rows.size() && next.size() < kReadAhead; ++k)
                if (!next.contains(rows.at(k).sha256))
                    next << rows.at(k).sha256;
            blobs = repo.blobBatch(next, &blobUrls);
            // Photos kept at a URL: all downloads of the read-ahead start now and run side by side.
            downloads.clear();
            if (m_options.photoStore)
                for (const QString &sha : std::as_const(next))
                    if (blobs.value(sha).isEmpty() && blobUrls.contains(sha))
                        downloads.insert(sha, m_options.photoStore->fetch(sha));
        }
        const QString url = blobUrls.value(r.sha256);
        QByteArray source = blobs.value(r.sha256);
        QString fetchError;
        if (source.isEmpty() && downloads.contains(r.sha256)) {
            // Bounded by the store's timeouts and retries; checked against the SHA-256 already.
            const net::PhotoFetchResult fetched = downloads.value(r.sha256).result();
            if (fetched.ok())
                source = fetched.bytes;
            else
                fetchError = fetched.message;
        }
        FitResult fit;
        if (source.isEmpty())
            fit.error = !fetchError.isEmpty() ? fetchError
                : url.isEmpty()               ? QCoreApplication::translate("Export", "the photo's bytes are missing from the database")
                                              : QCoreApplication::translate("Export", "the photo is kept at %1 and was not fetched").arg(url);
        else if (db::PhotoRepo::sha256Hex(source) != r.sha256)
            fit.error = QCoreApplication::translate("Export", "the stored bytes do not match their SHA-256 (damaged photo)");
        else
            fit = fitToSpec(source, m_options.spec);
        if (!fit.error.isEmpty()) {
            result.failures.append({r, fit.error});
        } else {
            bool renamed = false;
            const QString fileName = pkg->filesInFolder[folder].take(wanted, &renamed);
            const QString path = folder + QLatin1Char('/') + fileName;
            if (!pkg->writer) {
                const QString part = out.filePath(pkg->fileName + partSuffix());
                partFiles << part;
                pkg->writer = std::make_unique<ZipWriter>(part);
                if (!pkg->writer->open()) {
                    result.error = QCoreApplication::translate("Export", "Cannot write %1: %2").arg(QDir::toNativeSeparators(part), pkg->writer->errorString());
                    cleanup();
                    return result;
                }
            }
            if (!pkg->writer->add(path, fit.bytes, r.decidedAt)) {
                result.error = QCoreApplication::translate("Export", "Writing %1 failed: %2").arg(pkg->fileName, pkg->writer->errorString());
                cleanup();
                return result;
            }
            ExportedFile f;
            f.row = r;
            f.package = pkg->fileName;
            f.path = path;
            f.sha256 = fit.reencoded ? sha256Hex(fit.bytes) : r.sha256;
            f.bytes = fit.bytes.size();
            f.reencoded = fit.reencoded;
            if (renamed) {
                f.note = QCoreApplication::translate("Export", "renamed from %1 (duplicate name)").arg(wanted);
                result.renamed << QStringLiteral("%1: %2 -> %3").arg(pkg->fileName, folder + QLatin1Char('/') + wanted, path);
            }
            pkg->names << path;
            pkg->sizes << f.bytes;
            result.files.append(f);
        }
        ++done;
        if (progress && (done % 16 == 0 || done == total))
            progress(done, int(total));
    }

    // Close and re-read every zip before anything gets its final name.
    for (const auto &p : std::as_const(packages)) {
        if (!p->writer)
            continue; // every photo of this college failed: no empty zip
        if (cancel && cancel->load()) {
            cleanup();
            result.cancelled = true;
            return result;
        }
        if (!p->writer->finish()) {
            result.error = QCoreApplication::translate("Export", "Writing %1 failed: %2").arg(p->fileName, p->writer->errorString());
            cleanup();
            return result;
        }
        const QString problem = verifyZip(out.filePath(p->fileName + partSuffix()), p->names, p->writer->crcs(), p->sizes);
        if (!problem.isEmpty()) {
            result.error = problem;
            cleanup();
            return result;
        }
    }
    const QString csvPart = out.filePath(QStringLiteral("manifest.csv") + partSuffix());
    const QString xlsxPart = out.filePath(QStringLiteral("manifest.xlsx") + partSuffix());
    const QString failPart = out.filePath(QStringLiteral("failures.csv") + partSuffix());
    partFiles << csvPart << xlsxPart << failPart;
    const Table manifest = manifestTable(result.files);
    QString error;
    if (!writeCsv(manifest, csvPart, &error) || !writeXlsx(manifest, xlsxPart, &error)
        || !writeCsv(failureTable(result.failures), failPart, &error)) {
        result.error = QCoreApplication::translate("Export", "Writing the manifest failed: %1").arg(error);
        cleanup();
        return result;
    }
    if (cancel && cancel->load()) {
        cleanup();
        result.cancelled = true;
        return result;
    }
    // Everything is complete: now the final names.
    for (const auto &p : std::as_const(packages)) {
        if (!p->writer)
            continue;
        const QString finalPath = out.filePath(p->fileName);
        if (!renameOver(finalPath + partSuffix(), finalPath, &error)) {
            result.error = QCoreApplication::translate("Export", "Cannot rename to %1: %2").arg(QDir::toNativeSeparators(finalPath), error);
            cleanup();
            return result;
        }
        result.packages << finalPath;
    }
    result.manifestCsv = out.filePath(QStringLiteral("manifest.csv"));
    result.manifestXlsx = out.filePath(QStringLiteral("manifest.xlsx"));
    result.failureLog = out.filePath(QStringLiteral("failures.csv"));
    for (const QString &f : {result.manifestCsv, result.manifestXlsx, result.failureLog})
        if (!renameOver(f + partSuffix(), f, &error)) {
            result.error = QCoreApplication::translate("Export", "Cannot rename to %1: %2").arg(QDir::toNativeSeparators(f), error);
            return result;
        }
    if (m_options.markExported && !result.files.isEmpty()) {
        // The packages are final either way; a failure here is reported, not undone.
        try {
            QList<qint64> students;
            students.reserve(result.files.size());
            for (const ExportedFile &f : std::as_const(result.files))
                students << f.row.studentId;
            db::Transaction tx(m_db);
            const qint64 now = db::nowMs();
            result.markedExported = db::ExportRepo(m_db).markExported(students, now);
            AuditEntry e;
            e.occurredAt = now;
            e.staffId = m_options.staffId;
            e.staffName = m_options.staffName;
            e.action = QStringLiteral("export.packages");
            e.targetType = QStringLiteral("export");
            e.targetId = QDir::toNativeSeparators(m_options.outDir);
            e.afterJson = db::AuditRepo::json({{QStringLiteral("photos"), result.files.size()},
                                               {QStringLiteral("failed"), result.failures.size()},
                                               {QStringLiteral("marked_exported"), result.markedExported},
                                               {QStringLiteral("packages"), result.packages.size()}});
            db::AuditRepo(m_db).append(e);
            tx.commit();
        } catch (const db::DbError &e) {
            result.markedExported = 0;
            result.warning = QCoreApplication::translate("Export", "The packages are complete, but the students could not be marked as exported: %1")
                                 .arg(e.message());
        }
    }
    spdlog::info("export: {} selected, {} exported ({} re-encoded), {} failed, {} packages in {}", result.selected,
                 result.files.size(), result.reencodedCount(), result.failures.size(), result.packages.size(),
                 m_options.outDir.toStdString());
    return result;
}

} // namespace tucai::exporting
