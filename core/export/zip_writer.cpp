#include "export/zip_writer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QStorageInfo>
#include <QTimeZone>
#include <QtEndian>
#include <zlib.h>

namespace tucai::exporting {
namespace {

constexpr qint64 kChinaOffsetMs = 8 * 3600 * 1000;

void put16(QByteArray &b, quint16 v) { char c[2]; qToLittleEndian(v, c); b.append(c, 2); }
void put32(QByteArray &b, quint32 v) { char c[4]; qToLittleEndian(v, c); b.append(c, 4); }

std::pair<quint16, quint16> dosTime(qint64 ms)
{
    // DOS times have no zone: write China time, what the staff see in the manifest.
    QDateTime t = QDateTime::fromMSecsSinceEpoch(ms + kChinaOffsetMs, Qt::UTC);
    if (t.date().year() < 1980)
        t = QDateTime(QDate(1980, 1, 1), QTime(0, 0), Qt::UTC);
    const QDate d = t.date();
    const QTime h = t.time();
    const quint16 time = quint16((h.hour() << 11) | (h.minute() << 5) | (h.second() / 2));
    const quint16 date = quint16(((d.year() - 1980) << 9) | (d.month() << 5) | d.day());
    return {time, date};
}

} // namespace

quint32 ZipWriter::crc32(const QByteArray &data)
{
    // zlib's CRC (libzip already links zlib): several times faster than a byte-wise table.
    return quint32(::crc32(::crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef *>(data.constData()), uInt(data.size())));
}

ZipWriter::ZipWriter(const QString &path) : m_file(path) {}

QList<quint32> ZipWriter::crcs() const
{
    QList<quint32> out;
    out.reserve(m_entries.size());
    for (const Entry &e : m_entries)
        out << e.crc;
    return out;
}

// Why a write failed, in words a user can act on. QFile reports a full disk only as an unknown
// error on some platforms, so the free space of the folder's volume is asked as well.
static QString writeFailure(const QFile &file)
{
    const QStorageInfo disk(QFileInfo(file.fileName()).absolutePath());
    if (disk.isValid() && disk.bytesAvailable() >= 0 && disk.bytesAvailable() < 1024 * 1024)
        return QCoreApplication::translate("Export", "the disk is full (%1 free on %2)")
            .arg(QLocale::c().formattedDataSize(disk.bytesAvailable()), QDir::toNativeSeparators(disk.rootPath()));
    return file.errorString();
}

ZipWriter::~ZipWriter()
{
    if (!m_finished)
        abandon();
}

bool ZipWriter::open()
{
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_error = m_file.errorString();
        return false;
    }
    return true;
}

bool ZipWriter::add(const QString &name, const QByteArray &data, qint64 ms)
{
    // Plain ZIP (no ZIP64): stop well before the 4 GB and 65,535-entry limits.
    if (m_file.pos() + data.size() > 0xF0000000LL || m_entries.size() >= 65000) {
        m_error = QCoreApplication::translate("Export", "The package is too large for one zip file; export fewer colleges per package.");
        return false;
    }
    Entry e;
    e.name = name.toUtf8();
    e.crc = crc32(data);
    e.size = quint32(data.size());
    e.offset = quint32(m_file.pos());
    std::tie(e.time, e.date) = dosTime(ms);
    QByteArray h;
    h.reserve(30 + e.name.size());
    put32(h, 0x04034b50);
    put16(h, 20);        // version needed
    put16(h, 0x0800);    // UTF-8 names
    put16(h, 0);         // stored
    put16(h, e.time);
    put16(h, e.date);
    put32(h, e.crc);
    put32(h, e.size);
    put32(h, e.size);
    put16(h, quint16(e.name.size()));
    put16(h, 0);
    h.append(e.name);
    if (m_file.write(h) != h.size() || m_file.write(data) != data.size()) {
        m_error = writeFailure(m_file);
        return false;
    }
    m_entries.append(e);
    return true;
}

bool ZipWriter::finish()
{
    const quint32 cdStart = quint32(m_file.pos());
    QByteArray cd;
    for (const Entry &e : std::as_const(m_entries)) {
        put32(cd, 0x02014b50);
        put16(cd, 0x0314);   // made by: Unix, spec 2.0 (so unzip honours the permission bits)
        put16(cd, 20);
        put16(cd, 0x0800);
        put16(cd, 0);
        put16(cd, e.time);
        put16(cd, e.date);
        put32(cd, e.crc);
        put32(cd, e.size);
        put32(cd, e.size);
        put16(cd, quint16(e.name.size()));
        put16(cd, 0);        // extra
        put16(cd, 0);        // comment
        put16(cd, 0);        // disk
        put16(cd, 0);        // internal attributes
        put32(cd, quint32(0100644) << 16); // regular file, rw-r--r--
        put32(cd, e.offset);
        cd.append(e.name);
    }
    put32(cd, 0x06054b50);
    put16(cd, 0);
    put16(cd, 0);
    put16(cd, quint16(m_entries.size()));
    put16(cd, quint16(m_entries.size()));
    put32(cd, quint32(cd.size() - 0)); // patched below: size of the central directory only
    put32(cd, cdStart);
    put16(cd, 0);
    // Central directory size excludes the 22-byte end record.
    const quint32 cdSize = quint32(cd.size() - 22);
    qToLittleEndian(cdSize, cd.data() + cd.size() - 22 + 12);
    if (m_file.write(cd) != cd.size() || !m_file.flush()) {
        m_error = writeFailure(m_file);
        return false;
    }
    m_file.close();
    if (m_file.error() != QFileDevice::NoError) {
        m_error = writeFailure(m_file);
        return false;
    }
    m_finished = true;
    return true;
}

void ZipWriter::abandon()
{
    m_finished = true;
    if (m_file.isOpen())
        m_file.close();
    m_file.remove();
}

} // namespace tucai::exporting
