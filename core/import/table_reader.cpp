#include "import/table_reader.h"
#include "util/platform.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QXmlStreamReader>
#include <algorithm>

#include <zip.h>

namespace tucai::import {
namespace {


using L = TableLimits;

// Counts what a table keeps while it is read and stops at the limits.
struct Budget
{
    qint64 partBytes = 0;  // decompressed XLSX bytes read so far
    qint64 cells = 0;
    void rows(qsizetype n) const
    {
        if (n > L::kMaxRows)
            throw ImportError(QCoreApplication::translate("TableReader", "The sheet has more than %1 rows: split the roster.").arg(L::kMaxRows));
    }
    void column(int c) const
    {
        if (c >= L::kMaxColumns)
            throw ImportError(QCoreApplication::translate("TableReader", "The sheet has a cell in column %1; a roster may use at most %2 columns.")
                                  .arg(c + 1)
                                  .arg(L::kMaxColumns));
    }
    void addCells(qint64 n)
    {
        cells += n;
        if (cells > L::kMaxCells)
            throw ImportError(QCoreApplication::translate("TableReader", "The sheet has more than %1 cells: split the roster.").arg(L::kMaxCells));
    }
};

QString decodeGb18030(const QByteArray &bytes, bool *ok)
{
    QStringDecoder dec("GB18030");
    if (dec.isValid()) {
        QString s = dec.decode(bytes);
        *ok = !dec.hasError();
        return s;
    }
    // Qt without ICU (Windows, some Linux builds): the system's converter.
    QString s;
    *ok = platform::decodeGb18030(bytes, &s);
    return *ok ? s : QString();
}

QString columnLettersToIndexKey(QStringView ref, int *col)
{
    int c = 0;
    int i = 0;
    while (i < ref.size() && ref[i].isLetter()) {
        // Capped: "ZZZZZZZZZZ" must not overflow into a small or negative column.
        c = std::min(c * 26 + (ref[i].toUpper().unicode() - 'A' + 1), 1 << 24);
        ++i;
    }
    *col = c - 1;
    return ref.mid(i).toString();
}

// Reads one part in chunks, never trusting the size the zip directory claims: a part
// that inflates beyond the limits stops the read at the limit.
QByteArray readZipEntry(zip_t *z, const char *name, bool required, Budget &budget)
{
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(z, name, 0, &st) != 0) {
        if (required)
            throw ImportError(QCoreApplication::translate("TableReader", "The XLSX file has no %1: it is damaged or not a spreadsheet.").arg(QString::fromLatin1(name)));
        return {};
    }
    const auto tooLarge = [name] {
        return ImportError(QCoreApplication::translate("TableReader", "The XLSX file is too large to read (%1 inside inflates to more than %2 MB).")
                               .arg(QString::fromLatin1(name))
                               .arg(L::kMaxPartBytes / (1024 * 1024)));
    };
    if ((st.valid & ZIP_STAT_SIZE) && st.size > quint64(L::kMaxPartBytes))
        throw tooLarge();
    zip_file_t *f = zip_fopen(z, name, 0);
    if (!f)
        throw ImportError(QCoreApplication::translate("TableReader", "Cannot read %1 inside the XLSX file.").arg(QString::fromLatin1(name)));
    struct Closer { zip_file_t *f; ~Closer() { zip_fclose(f); } } closer{f};
    QByteArray data;
    if (st.valid & ZIP_STAT_SIZE)
        data.reserve(qsizetype(st.size));
    char chunk[64 * 1024];
    while (true) {
        const zip_int64_t n = zip_fread(f, chunk, sizeof chunk);
        if (n < 0)
            throw ImportError(QCoreApplication::translate("TableReader", "Cannot read %1 inside the XLSX file (it is damaged).").arg(QString::fromLatin1(name)));
        if (n == 0)
            break;
        budget.partBytes += n;
        if (data.size() + n > L::kMaxPartBytes || budget.partBytes > L::kMaxTotalBytes)
            throw tooLarge();
        data.append(chunk, qsizetype(n));
    }
    return data;
}

// Numbers like 2.0220101E12 from a spreadsheet cell: back to digits.
QString numberText(const QString &v)
{
    if (v.contains(QLatin1Char('E')) || v.contains(QLatin1Char('e'))) {
        bool ok = false;
        const double d = v.toDouble(&ok);
        if (ok && d == double(qint64(d)))
            return QString::number(qint64(d));
    }
    if (v.endsWith(QLatin1String(".0")))
        return v.chopped(2);
    return v;
}

} // namespace

QString decodeText(const QByteArray &bytes, QString *encoding)
{
    auto set = [&](const char *e) {
        if (encoding)
            *encoding = QString::fromLatin1(e);
    };
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        set("UTF-8 (BOM)");
        return QString::fromUtf8(bytes.mid(3));
    }
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")) {
        set("UTF-16");
        QStringDecoder dec(QStringConverter::Utf16);
        return dec.decode(bytes);
    }
    QStringDecoder utf8(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    QString text = utf8.decode(bytes);
    if (!utf8.hasError()) {
        set("UTF-8");
        return text;
    }
    bool ok = false;
    text = decodeGb18030(bytes, &ok);
    if (ok) {
        set("GB18030");
        return text;
    }
    throw ImportError(QCoreApplication::translate("TableReader", "The file's text encoding was not recognised (expected UTF-8 or GBK/GB18030)."));
}

QByteArray encodeGb18030(const QString &text)
{
    QStringEncoder enc("GB18030");
    if (enc.isValid())
        return enc.encode(text);
    QByteArray out;
    if (platform::encodeGb18030(text, &out))
        return out;
    throw ImportError(QCoreApplication::translate("TableReader", "This system cannot write GB18030 text."));
}

QList<QStringList> parseCsv(const QString &text)
{
    // Delimiter from the first line (outside quotes).
    QChar delim = QLatin1Char(',');
    {
        int comma = 0, semi = 0, tab = 0;
        bool q = false;
        for (QChar c : text) {
            if (c == QLatin1Char('"'))
                q = !q;
            else if (!q && (c == QLatin1Char('\n') || c == QLatin1Char('\r')))
                break;
            else if (!q && c == QLatin1Char(','))
                ++comma;
            else if (!q && c == QLatin1Char(';'))
                ++semi;
            else if (!q && c == QLatin1Char('\t'))
                ++tab;
        }
        if (tab > comma && tab >= semi)
            delim = QLatin1Char('\t');
        else if (semi > comma)
            delim = QLatin1Char(';');
    }
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    Budget budget;
    bool inQuotes = false;
    bool rowHasContent = false;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                    cell += QLatin1Char('"');
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                cell += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && cell.isEmpty()) {
            inQuotes = true;
            rowHasContent = true;
        } else if (c == delim) {
            row << cell;
            cell.clear();
            budget.column(int(row.size()));
            budget.addCells(1);
            rowHasContent = true;
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < n && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            row << cell;
            cell.clear();
            // Empty lines stay as empty rows so that row numbers match the file.
            rows << (rowHasContent || !row.constFirst().isEmpty() ? row : QStringList());
            budget.rows(rows.size());
            budget.addCells(1);
            row.clear();
            rowHasContent = false;
        } else {
            cell += c;
            rowHasContent = true;
        }
    }
    if (rowHasContent || !cell.isEmpty()) {
        row << cell;
        rows << row;
    }
    while (!rows.isEmpty() && rows.constLast().isEmpty())
        rows.removeLast();
    return rows;
}

TableData readCsvBytes(const QByteArray &bytes)
{
    TableData t;
    t.format = QStringLiteral("csv");
    t.rows = parseCsv(decodeText(bytes, &t.encoding));
    return t;
}

TableData readXlsxFile(const QString &path)
{
    int err = 0;
    zip_t *z = zip_open(platform::cPath(path).constData(), ZIP_RDONLY, &err);
    if (!z)
        throw ImportError(QCoreApplication::translate("TableReader", "%1 is not a readable XLSX file (not a zip archive).").arg(QFileInfo(path).fileName()));
    struct Closer { zip_t *z; ~Closer() { zip_discard(z); } } closer{z};
    Budget budget;

    // First sheet: workbook.xml names it, the relationships give its part.
    QString sheetPath = QStringLiteral("xl/worksheets/sheet1.xml");
    {
        const QByteArray wb = readZipEntry(z, "xl/workbook.xml", true, budget);
        QString firstRid;
        QXmlStreamReader x(wb);
        while (!x.atEnd() && firstRid.isEmpty()) {
            if (x.readNext() == QXmlStreamReader::StartElement && x.name() == QLatin1String("sheet"))
                for (const auto &a : x.attributes())
                    if (a.name() == QLatin1String("id"))
                        firstRid = a.value().toString();
        }
        const QByteArray rels = readZipEntry(z, "xl/_rels/workbook.xml.rels", false, budget);
        QXmlStreamReader r(rels);
        while (!r.atEnd() && !firstRid.isEmpty()) {
            if (r.readNext() == QXmlStreamReader::StartElement && r.name() == QLatin1String("Relationship")
                && r.attributes().value(QLatin1String("Id")) == firstRid) {
                QString target = r.attributes().value(QLatin1String("Target")).toString();
                if (target.startsWith(QLatin1Char('/')))
                    target = target.mid(1);
                else
                    target = QStringLiteral("xl/") + target;
                if (!target.contains(QLatin1String("..")))
                    sheetPath = target;
                break;
            }
        }
    }

    QStringList shared;
    {
        const QByteArray ss = readZipEntry(z, "xl/sharedStrings.xml", false, budget);
        QXmlStreamReader x(ss);
        QString current;
        bool inSi = false;
        while (!x.atEnd()) {
            const auto tok = x.readNext();
            if (tok == QXmlStreamReader::StartElement) {
                if (x.name() == QLatin1String("si")) {
                    inSi = true;
                    current.clear();
                } else if (inSi && x.name() == QLatin1String("t")) {
                    current += x.readElementText();
                } else if (x.name() == QLatin1String("rPh")) {
                    x.skipCurrentElement(); // phonetic hints are not cell text
                }
            } else if (tok == QXmlStreamReader::EndElement && x.name() == QLatin1String("si")) {
                shared << current;
                budget.addCells(1);  // an empty string costs as much as a cell
                inSi = false;
            }
        }
        // No sharedStrings part is valid (a sheet of inline strings and numbers).
        if (x.hasError() && !ss.isEmpty())
            throw ImportError(QCoreApplication::translate("TableReader", "The XLSX file's shared strings are damaged: %1").arg(x.errorString()));
    }

    TableData t;
    t.format = QStringLiteral("xlsx");
    t.encoding = QStringLiteral("UTF-8");
    const QByteArray sheet = readZipEntry(z, sheetPath.toUtf8().constData(), true, budget);
    QXmlStreamReader x(sheet);
    QStringList row;
    int rowNumber = 0;
    while (!x.atEnd()) {
        const auto tok = x.readNext();
        if (tok == QXmlStreamReader::StartElement && x.name() == QLatin1String("row")) {
            const int r = x.attributes().value(QLatin1String("r")).toInt();
            // Rows left out of the file are empty rows: keep line numbers true (within the limit).
            budget.rows(qsizetype(r));
            while (rowNumber + 1 < r) {
                t.rows << QStringList();
                ++rowNumber;
            }
            rowNumber = r > 0 ? r : rowNumber + 1;
            row.clear();
        } else if (tok == QXmlStreamReader::StartElement && x.name() == QLatin1String("c")) {
            int col = int(row.size());
            const auto ref = x.attributes().value(QLatin1String("r"));
            if (!ref.isEmpty())
                columnLettersToIndexKey(ref, &col);
            const QString type = x.attributes().value(QLatin1String("t")).toString();
            QString value, formula;
            while (!(x.readNext() == QXmlStreamReader::EndElement && x.name() == QLatin1String("c")) && !x.atEnd()) {
                if (x.tokenType() != QXmlStreamReader::StartElement)
                    continue;
                if (x.name() == QLatin1String("v"))
                    value = x.readElementText();
                else if (x.name() == QLatin1String("f"))
                    formula = x.readElementText();
                else if (x.name() == QLatin1String("t"))
                    value += x.readElementText(); // inline string
            }
            QString text;
            if (!formula.isEmpty())
                text = QLatin1Char('=') + formula;
            else if (type == QLatin1String("s"))
                text = shared.value(value.toInt());
            else if (type.isEmpty() || type == QLatin1String("n"))
                text = numberText(value);
            else
                text = value;
            if (col < 0)
                continue;
            budget.column(col);
            if (row.size() <= col)
                budget.addCells(col + 1 - row.size());
            while (row.size() < col)
                row << QString();
            if (row.size() == col)
                row << text;
            else
                row[col] = text;
        } else if (tok == QXmlStreamReader::EndElement && x.name() == QLatin1String("row")) {
            t.rows << row;
            budget.rows(t.rows.size());
        }
    }
    if (x.hasError())
        throw ImportError(QCoreApplication::translate("TableReader", "The XLSX sheet is damaged: %1").arg(x.errorString()));
    // Trailing empty rows are noise.
    while (!t.rows.isEmpty() && t.rows.constLast().join(QString()).trimmed().isEmpty())
        t.rows.removeLast();
    return t;
}

TableData readTableFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw ImportError(QCoreApplication::translate("TableReader", "Cannot open %1: %2").arg(path, f.errorString()));
    if (f.size() > L::kMaxFileBytes)
        throw ImportError(QCoreApplication::translate("TableReader", "%1 is larger than %2 MB: split the roster.")
                              .arg(QFileInfo(path).fileName())
                              .arg(L::kMaxFileBytes / (1024 * 1024)));
    const QByteArray head = f.peek(4);
    if (head.startsWith("PK\x03\x04")) {
        f.close();
        return readXlsxFile(path);
    }
    if (head.startsWith("\xD0\xCF\x11\xE0"))
        throw ImportError(QCoreApplication::translate("TableReader", "%1 is an old Excel (.xls) file: save it as .xlsx or .csv first.").arg(QFileInfo(path).fileName()));
    return readCsvBytes(f.readAll());
}

} // namespace tucai::import
