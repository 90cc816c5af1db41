#include "codes/code_sheet.h"

#include "export/table_file.h"

#include "codes/qr_code.h"

#include <QDateTime>
#include <QFile>
#include <QFont>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

namespace tucai::codes {
namespace {

constexpr int kDpi = 300;
qreal px(qreal mm) { return mm * kDpi / 25.4; }
QRectF px(const QRectF &mm) { return {px(mm.x()), px(mm.y()), px(mm.width()), px(mm.height())}; }

const QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QString dateText(qint64 ms) { return ms ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString(); }

QFont cjkFont(qreal pt, bool bold = false)
{
    QFont f;
    f.setFamilies({QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Noto Sans SC"), QStringLiteral("Microsoft YaHei"),
                   QStringLiteral("SimSun"), QStringLiteral("sans-serif")});
    f.setPointSizeF(pt);
    f.setBold(bold);
    return f;
}

} // namespace

QRectF CodeSheet::cardRectMm(int i)
{
    const qreal w = (kPageWidthMm - 2 * kMarginMm) / kColumns;
    const qreal h = (kPageHeightMm - 2 * kMarginMm) / kRows;
    return {kMarginMm + (i % kColumns) * w, kMarginMm + (i / kColumns) * h, w, h};
}

QRectF CodeSheet::qrRectMm(int i)
{
    const QRectF c = cardRectMm(i);
    return {c.left() + 3, c.top() + 6, 40, 40};
}

QString CodeSheet::defaultInstructions()
{
    return tr("Open the collection mini-program on your phone, scan the QR code or type the code, then follow the steps. "
              "The code is personal: do not share it.");
}

bool CodeSheet::writePdf(const QString &path, const QList<IssuedCode> &codes, const Options &options, QString *error,
                         const std::function<void(int, int)> &progress, const std::atomic_bool *cancel)
{
    // Codes are secrets: the file is created readable by its owner only, before a byte is written.
    {
        QFile create(path);
        if (create.open(QIODevice::WriteOnly | QIODevice::Truncate))
            create.setPermissions(kOwnerOnly);
    }
    QPdfWriter writer(path);
    writer.setResolution(kDpi);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter));
    writer.setTitle(tr("Collection codes"));
    writer.setCreator(QStringLiteral("Tucai Admin"));
    QPainter p;
    if (!p.begin(&writer)) {
        if (error)
            *error = tr("Cannot write %1: check that the folder exists and the file is not open elsewhere.").arg(path);
        return false;
    }
    const QString instructions = options.instructions.isEmpty() ? defaultInstructions() : options.instructions;
    const QFont nameFont = cjkFont(13, true);
    const QFont textFont = cjkFont(9);
    const QFont smallFont = cjkFont(7);
    QFont codeFont(QStringLiteral("DejaVu Sans Mono"));
    codeFont.setStyleHint(QFont::Monospace);
    codeFont.setPointSizeF(12);
    codeFont.setBold(true);
    QPen cut(QColor(120, 120, 120));
    cut.setStyle(Qt::DashLine);
    cut.setWidthF(px(0.2));

    for (int i = 0; i < codes.size(); ++i) {
        if (cancel && cancel->load()) {
            p.end();
            QFile::remove(path);
            if (error)
                *error = tr("Cancelled.");
            return false;
        }
        const int slot = i % kPerPage;
        if (slot == 0 && i > 0)
            writer.newPage();
        if (slot == 0) {
            // Cut lines between the cards, and a page header.
            p.setPen(cut);
            for (int c = 0; c <= kColumns; ++c) {
                const qreal x = kMarginMm + c * (kPageWidthMm - 2 * kMarginMm) / kColumns;
                p.drawLine(QPointF(px(x), px(kMarginMm - 4)), QPointF(px(x), px(kPageHeightMm - kMarginMm + 4)));
            }
            for (int r = 0; r <= kRows; ++r) {
                const qreal y = kMarginMm + r * (kPageHeightMm - 2 * kMarginMm) / kRows;
                p.drawLine(QPointF(px(kMarginMm - 4), px(y)), QPointF(px(kPageWidthMm - kMarginMm + 4), px(y)));
            }
            p.setPen(Qt::darkGray);
            p.setFont(smallFont);
            p.drawText(QRectF(px(kMarginMm), px(1), px(kPageWidthMm - 2 * kMarginMm), px(4)), Qt::AlignLeft | Qt::AlignVCenter,
                       tr("%1 collection codes - cut along the dashed lines - page %2 of %3")
                           .arg(options.schoolName)
                           .arg(i / kPerPage + 1)
                           .arg((codes.size() + kPerPage - 1) / kPerPage));
        }
        const IssuedCode &code = codes.at(i);
        const QRectF card = cardRectMm(slot);
        QrCode(code.code).paint(p, px(qrRectMm(slot)));

        const qreal tx = card.left() + 46;
        const qreal tw = card.right() - tx - 3;
        qreal y = card.top() + 6;
        p.setPen(Qt::black);
        p.setFont(nameFont);
        p.drawText(QRectF(px(tx), px(y), px(tw), px(8)), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                   code.target.name);
        y += 9;
        p.setFont(textFont);
        const QStringList lines = code.target.studentId
            ? QStringList{tr("Student no.: %1").arg(code.target.studentNo), tr("Class: %1").arg(code.target.className),
                          code.target.collegeName}
            : QStringList{tr("School/batch code"), options.schoolName};
        for (const QString &line : lines) {
            p.drawText(QRectF(px(tx), px(y), px(tw), px(5)), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, line);
            y += 5.2;
        }
        y += 1;
        p.setFont(codeFont);
        p.drawText(QRectF(px(tx), px(y), px(tw), px(7)), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, code.code);
        y += 7.5;
        if (code.expiresAt) {
            p.setFont(smallFont);
            p.drawText(QRectF(px(tx), px(y), px(tw), px(4.5)), Qt::AlignLeft | Qt::AlignVCenter, tr("Valid until %1").arg(dateText(code.expiresAt)));
        }
        p.setFont(smallFont);
        p.setPen(QColor(60, 60, 60));
        p.drawText(QRectF(px(card.left() + 4), px(card.top() + 48), px(card.width() - 8), px(card.bottom() - card.top() - 50)),
                   Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, instructions);
        if (progress && (i % 64 == 0 || i + 1 == codes.size()))
            progress(i + 1, int(codes.size()));
    }
    if (codes.isEmpty()) {
        p.setFont(textFont);
        p.drawText(QRectF(px(20), px(20), px(170), px(10)), tr("No codes."));
    }
    if (!p.end()) {
        if (error)
            *error = tr("Writing %1 failed.").arg(path);
        return false;
    }
    return true;
}

bool CodeSheet::writeCsv(const QString &path, const QList<IssuedCode> &codes, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    f.setPermissions(kOwnerOnly);  // the temporary file, before the codes are in it
    QByteArray out("\xEF\xBB\xBF");
    out += "student_no,name,college,class,code,expires\r\n";
    for (const IssuedCode &c : codes) {
        const QStringList fields{c.target.studentNo, c.target.name, c.target.collegeName, c.target.className, c.code,
                                 dateText(c.expiresAt)};
        QStringList quoted;
        for (const QString &s : fields)
            quoted.append(exporting::csvField(s));
        out += quoted.join(QLatin1Char(',')).toUtf8() + "\r\n";
    }
    f.write(out);
    if (!f.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace tucai::codes
