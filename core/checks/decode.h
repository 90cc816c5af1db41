#pragma once
// Private: decoding untrusted photo bytes with limits checked from the headers before any pixel is
// decoded. Every failure is a stable error code plus a sentence for the reviewer.

#include "cv_wrap.h"

#include <QString>

namespace tucai::checks::detail {

struct DecodeLimits
{
    qint64 maxBytes = 20 * 1024 * 1024;
    qint64 maxPixels = 40'000'000;
    int maxSide = 16384;
};

struct Decoded
{
    cv::Mat bgr;              // 8UC3, EXIF orientation applied, alpha flattened on white
    QString format;           // "jpeg", "png", or the sniffed name of a refused format
    int width = 0, height = 0;  // from the header (before orientation)
    int orientation = 1;      // EXIF orientation tag
    bool grey = false;
    bool alpha = false;
    int jpegQuality = -1;     // estimated from the luminance quantisation table, -1 unknown
    QString errorCode;        // empty on success
    QString error;
};

// Sniffs the format from the first bytes (never the extension).
QString sniffFormat(const QByteArray &bytes);

Decoded decodePhoto(const QByteArray &bytes, const DecodeLimits &limits);

} // namespace tucai::checks::detail
