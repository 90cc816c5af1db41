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

// Reads a roster file: CSV (UTF-8 with or without BOM, UTF-16 with BOM, or
// GBK/GB18030, detected) or XLSX (first sheet; formulas are returned as
// "=formula" so that validation can reject them). Throws ImportError.
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
