#pragma once
#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace tucai::import {

// A spreadsheet read into rows of text cells, with how it was read.
struct TableData
{
    QList<QStringList> rows;
    QString format;    // "csv" | "xlsx"
    QString encoding;  // CSV: "UTF-8", "UTF-8 (BOM)", "UTF-16", "GB18030"
};

// Limits on a roster file, checked while reading (an XLSX is a zip: a small file can
// claim millions of rows or columns, or inflate to gigabytes). A school's roster has
// tens of thousands of rows and a dozen columns.
struct TableLimits
{
    static constexpr qint64 kMaxFileBytes = 64LL * 1024 * 1024;    // the file itself
    static constexpr qint64 kMaxPartBytes = 64LL * 1024 * 1024;    // one XLSX part, decompressed
    static constexpr qint64 kMaxTotalBytes = 128LL * 1024 * 1024;  // all parts read, decompressed
    static constexpr int kMaxRows = 200000;                        // rows, empty ones in between included
    static constexpr int kMaxColumns = 256;
    static constexpr qint64 kMaxCells = 2000000;                   // cells kept, blanks in between included
};

// Reads a roster file: CSV (UTF-8 with or without BOM, UTF-16 with BOM, or
// GBK/GB18030, detected) or XLSX (first sheet; formulas are returned as
// "=formula" so that validation can reject them). Throws ImportError, also when
// a TableLimits limit is passed (nothing is allocated beyond it).
TableData readTableFile(const QString &path);
TableData readCsvBytes(const QByteArray &bytes);
TableData readXlsxFile(const QString &path);

// Text decoding: BOM first, then strict UTF-8, else GB18030 (a superset of GBK).
QString decodeText(const QByteArray &bytes, QString *encoding = nullptr);
// RFC 4180 CSV (quotes, doubled quotes, newlines in quotes); the delimiter
// (comma, semicolon or tab) is chosen from the first line.
QList<QStringList> parseCsv(const QString &text);
// For tests and for saving problem rows: GB18030 bytes of a text.
QByteArray encodeGb18030(const QString &text);

class ImportError final : public std::exception
{
public:
    explicit ImportError(QString message) : m_message(std::move(message)), m_utf8(m_message.toUtf8()) {}
    const QString &message() const { return m_message; }
    const char *what() const noexcept override { return m_utf8.constData(); }

private:
    QString m_message;
    QByteArray m_utf8;
};

} // namespace tucai::import
