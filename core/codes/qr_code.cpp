#include "codes/qr_code.h"

#include <QPainter>
#include <qrencode.h>

namespace tucai::codes {

QrCode::QrCode(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    QRcode *qr = QRcode_encodeString8bit(utf8.constData(), 0, QR_ECLEVEL_M);
    if (!qr)
        return;
    m_size = qr->width;
    m_modules.resize(m_size * m_size);
    for (int i = 0; i < m_size * m_size; ++i)
        m_modules[i] = (qr->data[i] & 1) != 0;
    QRcode_free(qr);
}

void QrCode::paint(QPainter &painter, const QRectF &target) const
{
    if (!isValid())
        return;
    // A 1-bit image, one pixel per module, scaled without smoothing and stored
    // losslessly: in a PDF that is a ~150-byte image per code (10,000 codes stay
    // small and fast) and every renderer draws sharp module edges.
    const int total = m_size + 8;
    QImage bits(total, total, QImage::Format_Mono);
    bits.setColorTable({qRgb(0, 0, 0), qRgb(255, 255, 255)});
    bits.fill(1);
    for (int y = 0; y < m_size; ++y)
        for (int x = 0; x < m_size; ++x)
            if (dark(x, y))
                bits.setPixel(x + 4, y + 4, 0);
    painter.save();
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.setRenderHint(QPainter::LosslessImageRendering, true);
    painter.drawImage(target, bits);
    painter.restore();
}

QImage QrCode::toImage(int modulePixels) const
{
    const int side = (m_size + 8) * modulePixels;
    QImage img(side, side, QImage::Format_RGB32);
    img.fill(Qt::white);
    QPainter p(&img);
    paint(p, QRectF(0, 0, side, side));
    return img;
}

} // namespace tucai::codes
