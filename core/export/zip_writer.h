#pragma once
#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>

namespace tucai::exporting {

// A small streaming ZIP writer for the photo packages: entries are stored
// (JPEG does not compress), names are UTF-8 (flag bit 11) and every entry gets
// the time the caller gives, so the same input gives the same bytes. Each
// entry is written as it comes, so memory stays flat for 10,000 photos.
// libzip reads the result back for verification (zip_verify.h).
class ZipWriter final
{
public:
    explicit ZipWriter(const QString &path);
    ~ZipWriter();
    bool open();
    // msSinceEpoch is written as a DOS date/time in China time (UTC+8).
    bool add(const QString &name, const QByteArray &data, qint64 msSinceEpoch);
    // Writes the central directory and closes the file.
    bool finish();
    // Closes and deletes a half-written file.
    void abandon();
    QString errorString() const { return m_error; }
    int entryCount() const { return int(m_entries.size()); }
    // CRC-32 of each entry in order, for the read-back check.
    QList<quint32> crcs() const;

    static quint32 crc32(const QByteArray &data);

private:
    struct Entry { QByteArray name; quint32 crc; quint32 size; quint32 offset; quint16 time; quint16 date; };
    QFile m_file;
    QList<Entry> m_entries;
    QString m_error;
    bool m_finished = false;
};

} // namespace tucai::exporting
