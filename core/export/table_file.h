#pragma once
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace tucai::exporting {

// A cell that begins with = + - @ (or a tab / carriage return) would be run as
// a formula by Excel or LibreOffice: prefix it with an apostrophe.
QString neutraliseCell(const QString &text);
// One CSV field: neutralised, then quoted when it holds a comma, quote or line break. The one
// rule for every CSV the app writes (tables, audit export, an import's problem rows).
QString csvField(const QString &text);

// One table written as CSV (UTF-8 with BOM for Excel, CRLF, RFC 4180 quoting)
// and/or XLSX (libxlsxwriter). Text cells are neutralised in both; qint64
// cells stay numbers. Deterministic: no creation time in the XLSX properties.
struct Table
{
    QString sheetName;
    QStringList headers;
    QList<QVariantList> rows;
    QList<int> columnWidths; // characters, optional
};

bool writeCsv(const Table &table, const QString &path, QString *error = nullptr);
bool writeXlsx(const Table &table, const QString &path, QString *error = nullptr);
// The CSV text (for the clipboard-free tests and small files).
QByteArray toCsv(const Table &table);

} // namespace tucai::exporting
