// Limits on untrusted input (issue 14): crafted XLSX rosters (row and column jumps, a sheet
// that inflates to hundreds of megabytes, millions of cells) and crafted images (headers
// claiming huge sizes, formats other than JPEG/PNG). Each is refused with a clear error, and
// the peak memory of this process grows by no more than the limits allow. The growth is
// printed (qInfo) as the measured figure.
//
// Peak memory is a high-water mark: the bombs run first, on a fresh process whose peak is
// still close to its resident size, and each test frees what it made before the next.
#include "checks/untrusted_image.h"
#include "import/table_reader.h"
#include "util/platform.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QImageWriter>
#include <QTemporaryDir>
#include <QtTest>

#include <zip.h>

using namespace tucai;

namespace {

const char *kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>)"
    R"(<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>)";
const char *kWorkbook =
    R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
    R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>)";
const char *kRels =
    R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>)";
const QByteArray kSheetHead = R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)";
const QByteArray kSheetTail = "</sheetData></worksheet>";

// An XLSX whose sheet is `sheetFile` (a file, so that a sheet of hundreds of megabytes is
// compressed by libzip as a stream and never held in memory here).
bool writeXlsx(const QString &path, const QString &sheetFile)
{
    int err = 0;
    zip_t *z = zip_open(platform::cPath(path).constData(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    if (!z)
        return false;
    const auto add = [z](const char *name, const char *text) {
        zip_source_t *s = zip_source_buffer(z, text, strlen(text), 0);
        return s && zip_file_add(z, name, s, ZIP_FL_OVERWRITE) >= 0;
    };
    bool ok = add("[Content_Types].xml", kContentTypes) && add("xl/workbook.xml", kWorkbook) && add("xl/_rels/workbook.xml.rels", kRels);
    zip_source_t *sheet = zip_source_file(z, platform::cPath(sheetFile).constData(), 0, -1);
    ok = ok && sheet && zip_file_add(z, "xl/worksheets/sheet1.xml", sheet, ZIP_FL_OVERWRITE) >= 0;
    if (zip_close(z) != 0) {
        zip_discard(z);
        return false;
    }
    return ok;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

quint32 crc32(const char *data, qsizetype n)
{
    quint32 c = 0xffffffffu;
    for (qsizetype i = 0; i < n; ++i) {
        c ^= quint8(data[i]);
        for (int k = 0; k < 8; ++k)
            c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1u)));
    }
    return ~c;
}

QByteArray encoded(const QImage &img, const char *format)
{
    QByteArray bytes;
    QBuffer b(&bytes);
    b.open(QIODevice::WriteOnly);
    QImageWriter(&b, format).write(img);
    return bytes;
}

// A real small PNG whose header then claims width x height (CRC recomputed, so libpng
// accepts the header; the pixel data is the small image's).
QByteArray pngClaiming(quint32 width, quint32 height)
{
    QImage img(8, 8, QImage::Format_RGB32);
    img.fill(Qt::gray);
    QByteArray png = encoded(img, "png");
    // Signature (8), IHDR length (4), "IHDR" (4), width, height...
    for (int i = 0; i < 4; ++i) {
        png[16 + i] = char(width >> (24 - 8 * i));
        png[20 + i] = char(height >> (24 - 8 * i));
    }
    const quint32 crc = crc32(png.constData() + 12, 4 + 13);
    for (int i = 0; i < 4; ++i)
        png[29 + i] = char(crc >> (24 - 8 * i));
    return png;
}

// A real small JPEG whose SOF0 header then claims width x height.
QByteArray jpegClaiming(quint16 width, quint16 height)
{
    QImage img(16, 16, QImage::Format_RGB32);
    img.fill(Qt::darkCyan);
    QByteArray jpg = encoded(img, "jpeg");
    const qsizetype sof = jpg.indexOf(QByteArray("\xff\xc0", 2));
    Q_ASSERT(sof > 0);
    jpg[sof + 5] = char(height >> 8);
    jpg[sof + 6] = char(height & 0xff);
    jpg[sof + 7] = char(width >> 8);
    jpg[sof + 8] = char(width & 0xff);
    return jpg;
}

} // namespace

class TestInputLimits : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    qint64 m_peakBefore = 0;

    void startMeasuring() { m_peakBefore = platform::peakRssKb(); }
    // The growth of the peak resident memory since startMeasuring(), in MB (printed).
    double peakGrowthMb(const char *what)
    {
        const qint64 after = platform::peakRssKb();
        if (after < 0 || m_peakBefore < 0)
            return 0;  // not measurable here: the refusal itself is still checked
        const double mb = double(after - m_peakBefore) / 1024.0;
        qInfo("%s: peak memory grew by %.1f MB", what, mb);
        return mb;
    }
    QString readError(const QString &path)
    {
        try {
            import::readTableFile(path);
        } catch (const import::ImportError &e) {
            return e.message();
        }
        return {};
    }
    QString xlsx(const QString &name, const std::function<void(QFile &)> &writeRows)
    {
        const QString sheet = m_dir.filePath(name + QStringLiteral(".xml"));
        {
            QFile f(sheet);
            if (!f.open(QIODevice::WriteOnly))
                return {};
            f.write(kSheetHead);
            writeRows(f);
            f.write(kSheetTail);
        }
        const QString path = m_dir.filePath(name + QStringLiteral(".xlsx"));
        const bool ok = writeXlsx(path, sheet);
        QFile::remove(sheet);
        return ok ? path : QString();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // The finding: a 1.4 KB XLSX with row jumps made the import allocate 171 MB.
    void xlsxRowAndColumnJumps()
    {
        const QString rows = xlsx(QStringLiteral("rows"), [](QFile &f) {
            for (int r = 1; r <= 40; ++r)
                f.write(QStringLiteral(R"(<row r="%1"><c r="A%1" t="inlineStr"><is><t>x</t></is></c></row>)").arg(r * 99999).toUtf8());
        });
        QVERIFY(!rows.isEmpty());
        qInfo("row jumps: %lld bytes", QFileInfo(rows).size());
        startMeasuring();
        QString error = readError(rows);
        QVERIFY2(error.contains(QStringLiteral("more than 200000 rows")), qPrintable(error));
        QVERIFY(peakGrowthMb("XLSX row jumps") < 16);

        const QString columns = xlsx(QStringLiteral("columns"), [](QFile &f) {
            f.write(R"(<row r="1"><c r="XFD1" t="inlineStr"><is><t>x</t></is></c><c r="ZZZZZZZZZZZZ1"><v>1</v></c></row>)");
        });
        startMeasuring();
        error = readError(columns);
        QVERIFY2(error.contains(QStringLiteral("at most 256 columns")), qPrintable(error));
        QVERIFY(peakGrowthMb("XLSX column jump") < 16);
    }

    // A sheet that inflates to 100 MB: reading stops at the 64 MB part limit, whatever the
    // zip directory says.
    void xlsxDecompressionBomb()
    {
        const QByteArray row = R"(<row><c t="inlineStr"><is><t>)" + QByteArray(1000, 'a') + "</t></is></c></row>";
        const QString path = xlsx(QStringLiteral("bomb"), [&row](QFile &f) {
            for (qint64 written = 0; written < 100LL * 1024 * 1024; written += row.size())
                f.write(row);
        });
        QVERIFY(!path.isEmpty());
        qInfo("decompression bomb: %lld bytes on disk, 100 MB inflated", QFileInfo(path).size());
        QVERIFY(QFileInfo(path).size() < 1024 * 1024);
        startMeasuring();
        const QString error = readError(path);
        QVERIFY2(error.contains(QStringLiteral("inflates to more than 64 MB")), qPrintable(error));
        QVERIFY(peakGrowthMb("XLSX 100 MB decompression bomb") < 100);
    }

    // A sane roster still reads.
    void xlsxWithinLimitsReads()
    {
        const QString path = xlsx(QStringLiteral("ok"), [](QFile &f) {
            for (int r = 1; r <= 3; ++r)
                f.write(QStringLiteral(R"(<row r="%1"><c r="A%1" t="inlineStr"><is><t>学生%1</t></is></c><c r="C%1"><v>%1</v></c></row>)")
                            .arg(r)
                            .toUtf8());
        });
        const auto t = import::readTableFile(path);
        QCOMPARE(t.rows.size(), 3);
        QCOMPARE(t.rows[2], (QStringList{QStringLiteral("学生3"), QString(), QStringLiteral("3")}));
    }

    void imagesClaimingHugeSizesAreNotDecoded()
    {
        QString error;
        startMeasuring();
        QVERIFY(checks::decodeUntrustedImage(pngClaiming(60000, 60000), {}, &error).isNull());
        QVERIFY2(error.contains(QStringLiteral("60000x60000")), qPrintable(error));
        // Under the side cap, over the pixel cap (7000 x 7000 = 49 megapixels).
        QVERIFY(checks::decodeUntrustedImage(pngClaiming(7000, 7000), {}, &error).isNull());
        QVERIFY2(error.contains(QStringLiteral("7000x7000")), qPrintable(error));
        QVERIFY(checks::decodeUntrustedImage(jpegClaiming(65000, 65000), {}, &error).isNull());
        QVERIFY2(error.contains(QStringLiteral("65000x65000")), qPrintable(error));
        QVERIFY(peakGrowthMb("images claiming 3.6 gigapixels") < 16);
    }

    void onlyJpegAndPngAreDecoded()
    {
        QImage img(40, 30, QImage::Format_RGB32);
        img.fill(Qt::red);
        QString error;
        for (const char *format : {"bmp", "ppm", "xpm"}) {
            const QByteArray bytes = encoded(img, format);
            QVERIFY2(!bytes.isEmpty(), format);
            QVERIFY2(QImage::fromData(bytes).width() == 40, format);  // Qt itself would decode it
            QVERIFY2(checks::decodeUntrustedImage(bytes, {}, &error).isNull(), format);
            QVERIFY2(error.contains(QStringLiteral("Not a JPEG or PNG")), qPrintable(error));
        }
        const QByteArray svg = R"(<svg xmlns="http://www.w3.org/2000/svg" width="100000" height="100000"><rect width="10" height="10"/></svg>)";
        QVERIFY(checks::decodeUntrustedImage(svg, {}, &error).isNull());
        // A mask must be a PNG: a JPEG is refused there.
        QVERIFY(checks::decodeUntrustedImage(encoded(img, "jpeg"), {}, &error, {}, "png").isNull());
        // Real photos decode, scaled into a box while decoding.
        QCOMPARE(checks::decodeUntrustedImage(encoded(img, "png"), {}, &error).size(), QSize(40, 30));
        QCOMPARE(checks::decodeUntrustedImage(encoded(img, "jpeg"), QSize(20, 20), &error).size(), QSize(20, 15));
        // Damaged bytes: a clear error, no crash.
        QByteArray broken = encoded(img, "png");
        broken.truncate(40);
        QVERIFY(checks::decodeUntrustedImage(broken, {}, &error).isNull());
        QVERIFY(!error.isEmpty());
    }

    // Last: it raises the peak the most (the earlier figures are not hidden under it).
    // Many cells within the row and column caps: stopped at 2 000 000 cells.
    void xlsxManyCells()
    {
        const QString path = xlsx(QStringLiteral("cells"), [](QFile &f) {
            for (int r = 1; r <= 9000; ++r)
                f.write(QStringLiteral(R"(<row r="%1"><c r="IV%1"><v>1</v></c></row>)").arg(r).toUtf8());
        });
        QVERIFY(!path.isEmpty());
        qInfo("many cells: %lld bytes", QFileInfo(path).size());
        startMeasuring();
        const QString error = readError(path);
        QVERIFY2(error.contains(QStringLiteral("more than 2000000 cells")), qPrintable(error));
        QVERIFY(peakGrowthMb("XLSX 2.3 million cells") < 120);
    }
};

QTEST_GUILESS_MAIN(TestInputLimits)
#include "test_input_limits.moc"
