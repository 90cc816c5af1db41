#pragma once
// Reads zip files back in tests with libzip (no unzip program, which Windows lacks): the packages
// and XLSX files the application writes are checked entry by entry.
#include <QByteArray>
#include <QString>
#include <QStringList>

namespace tucai::test {

// Entry names in the archive's order; empty when the file is not a readable zip.
QStringList zipEntries(const QString &zipPath);
// One entry's bytes; a null QByteArray when the archive or the entry cannot be read.
QByteArray zipEntry(const QString &zipPath, const QString &name);
// Extracts every file entry under dir (folders created). Refuses, with a message, an entry whose
// name would land outside dir (absolute, drive letter, "..") or any entry that cannot be read.
bool unzipTo(const QString &zipPath, const QString &dir, QString *error = nullptr);

} // namespace tucai::test
