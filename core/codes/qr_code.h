#pragma once
#include <QImage>
#include <QList>
#include <QRectF>
#include <QString>

class QPainter;

namespace tucai::codes {

// A QR symbol made by libqrencode (the only file that includes qrencode.h).
class QrCode final
{
public:
    // Error correction M, 8-bit mode (UTF-8). Invalid (size 0) when encoding fails.
    explicit QrCode(const QString &text);
    bool isValid() const { return m_size > 0; }
    int size() const { return m_size; } // modules per side, without the quiet zone
    bool dark(int x, int y) const { return m_modules.at(y * m_size + x); }
    // Draws the symbol with a 4-module quiet zone into `target` (square), as
    // filled rectangles (one per horizontal run: crisp at any resolution).
    void paint(QPainter &painter, const QRectF &target) const;
    QImage toImage(int modulePixels) const;

private:
    int m_size = 0;
    QList<bool> m_modules;
};

} // namespace tucai::codes
