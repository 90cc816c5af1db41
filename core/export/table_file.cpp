#include "export/table_file.h"
#include "util/platform.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>

#include <xlsxwriter.h>

namespace tucai::exporting {
namespace {

bool isNumber(const QVariant &v)
{
    const int t = v.typeId();
    return t == QMetaType::LongLong || t == QMetaType::Int || t == QMetaType::UInt || t == QMetaType::ULongLong
        || t == QMetaType::Double;
}

QString csvValue(const QVariant &v)
{
    return isNumber(v) ? v.toString() : csvField(v.toString());
}

} // namespace

QString neutraliseCell(const QString &text)
{
    if (text.isEmpty())
        return text;
    const QChar c = text.front();
    if (c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') || c == QLatin1Char('@')
        || c == QLatin1Char('\t') || c == QLatin1Char('\r'))
        return QLatin1Char('\'') + text;
    return text;
}

QString csvField(const QString &text)
{
    QString s = neutraliseCell(text);
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n')) || s.contains(QLatin1Char('\r')))
        s = QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return s;
}

QByteArray toCsv(const Table &t)
{
    QByteArray out("\xEF\xBB\xBF");
    auto line = [&out](const QVariantList &cells) {
        QStringList fields;
        for (const QVariant &v : cells)
            fields << csvValue(v);
        out += fields.join(QLatin1Char(',')).toUtf8();
        out += "\r\n";
    };
    QVariantList header;
    for (const QString &h : t.headers)
        header << h;
    line(header);
    for (const QVariantList &r : t.rows)
        line(r);
    return out;
}

bool writeCsv(const Table &t, const QString &path, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(toCsv(t)) < 0 || !f.commit()) {
        if (error)
            *error = f.errorString();
        return false;
    }
    return true;
}

bool writeXlsx(const Table &t, const QString &path, QString *error)
{
    const QByteArray file = platform::cPath(path);
    lxw_workbook *wb = workbook_new(file.constData());
    if (!wb) {
        if (error)
            *error = QCoreApplication::translate("Export", "Cannot create %1").arg(path);
        return false;
    }
    lxw_doc_properties props{};
    props.created = 315532800; // 1980-01-01: the same package twice gives the same file
    workbook_set_properties(wb, &props);
    const QByteArray sheetName = (t.sheetName.isEmpty() ? QStringLiteral("Sheet1") : t.sheetName).left(31).toUtf8();
    lxw_worksheet *ws = workbook_add_worksheet(wb, sheetName.constData());
    lxw_format *bold = workbook_add_format(wb);
    format_set_bold(bold);
    for (int c = 0; c < t.headers.size(); ++c) {
        worksheet_write_string(ws, 0, lxw_col_t(c), t.headers.at(c).toUtf8().constData(), bold);
        const double width = c < t.columnWidths.size() ? t.columnWidths.at(c) : 14;
        worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), width, nullptr);
    }
    worksheet_freeze_panes(ws, 1, 0);
    for (int r = 0; r < t.rows.size(); ++r) {
        const QVariantList &row = t.rows.at(r);
        for (int c = 0; c < row.size(); ++c) {
            const QVariant &v = row.at(c);
            if (isNumber(v))
                worksheet_write_number(ws, lxw_row_t(r + 1), lxw_col_t(c), v.toDouble(), nullptr);
            else if (!v.toString().isEmpty())
                // Written as a string cell (never a formula), and neutralised too for CSV round trips.
                worksheet_write_string(ws, lxw_row_t(r + 1), lxw_col_t(c), neutraliseCell(v.toString()).toUtf8().constData(), nullptr);
        }
    }
    if (!t.rows.isEmpty() || !t.headers.isEmpty())
        worksheet_autofilter(ws, 0, 0, lxw_row_t(t.rows.size()), lxw_col_t(std::max<qsizetype>(t.headers.size(), 1) - 1));
    const lxw_error rc = workbook_close(wb);
    if (rc != LXW_NO_ERROR) {
        if (error)
            *error = QString::fromUtf8(lxw_strerror(rc));
        return false;
    }
    return true;
}

} // namespace tucai::exporting
