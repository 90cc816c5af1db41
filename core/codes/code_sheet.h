#pragma once
#include "codes/code_service.h"

#include <QCoreApplication>
#include <QRectF>
#include <QString>

namespace tucai::codes {

// Printable A4 code sheets (QPdfWriter, vector QR) and the mail-merge CSV.
// Geometry is public so tests can cut each card out of a rendered page.
class CodeSheet final
{
    Q_DECLARE_TR_FUNCTIONS(CodeSheet)
public:
    static constexpr int kColumns = 2;
    static constexpr int kRows = 4;
    static constexpr int kPerPage = kColumns * kRows;
    static constexpr qreal kPageWidthMm = 210.0;
    static constexpr qreal kPageHeightMm = 297.0;
    static constexpr qreal kMarginMm = 10.0;
    // Card i (0..kPerPage-1) on its page, in mm from the page's top-left corner.
    static QRectF cardRectMm(int indexOnPage);
    // The QR square inside a card (quiet zone included), in mm from the page's corner.
    static QRectF qrRectMm(int indexOnPage);

    struct Options
    {
        QString schoolName;
        QString instructions;  // empty: defaultInstructions()
    };
    static QString defaultInstructions();

    // Writes the PDF; false with *error set on failure (file not writable...).
    // Needs a QGuiApplication (fonts). cancel may stop it early (returns false).
    static bool writePdf(const QString &path, const QList<IssuedCode> &codes, const Options &options, QString *error,
                         const std::function<void(int, int)> &progress = {}, const std::atomic_bool *cancel = nullptr);
    // UTF-8 with BOM (Excel opens Chinese names right): student_no,name,college,class,code,expires.
    static bool writeCsv(const QString &path, const QList<IssuedCode> &codes, QString *error);
};

} // namespace tucai::codes
