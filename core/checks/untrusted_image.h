#pragma once
// Photo bytes from students (or masks from a stored check report) into a QImage, with the
// limits the check engine's decoder uses: only JPEG and PNG (sniffed from the bytes, never
// left to whatever image plugin claims them), and the size read from the header and checked
// against the byte, pixel and side caps before a single pixel is decoded.
#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>

namespace tucai::checks {

struct UntrustedImageLimits
{
    qint64 maxBytes = 20 * 1024 * 1024;
    qint64 maxPixels = 40'000'000;
    int maxSide = 16384;
};

// Decodes `bytes`, scaled down into `box` while decoding when box is valid. A null image
// and a sentence in *error when the bytes are refused or cannot be decoded. `onlyFormat`
// ("png", "jpeg") narrows the accepted formats further.
QImage decodeUntrustedImage(const QByteArray &bytes, QSize box = {}, QString *error = nullptr,
                            const UntrustedImageLimits &limits = {}, const char *onlyFormat = nullptr);

} // namespace tucai::checks
