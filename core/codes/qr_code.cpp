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
    const int total = m_size + 8;
    const qreal m = target.width() / total;
    painter.fillRect(target, Qt::white);
    for (int y = 0; y < m_size; ++y) {
        int x = 0;
        while (x < m_size) {
            if (!dark(x, y)) {
                ++x;
                continue;
            }
            int end = x;
            while (end < m_size && dark(end, y))
                ++end;
            painter.fillRect(QRectF(target.left() + (x + 4) * m, target.top() + (y + 4) * m, (end - x) * m, m), Qt::black);
            x = end;
        }
    }
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
