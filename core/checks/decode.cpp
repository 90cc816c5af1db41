#include "decode.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace tucai::checks::detail {
namespace {

using u8 = unsigned char;

struct Bytes
{
    const u8 *p;
    qsizetype n;
    bool has(qsizetype pos, qsizetype len) const { return pos >= 0 && len >= 0 && pos <= n && len <= n - pos; }
    int be16(qsizetype pos) const { return (p[pos] << 8) | p[pos + 1]; }
    quint32 be32(qsizetype pos) const { return (quint32(p[pos]) << 24) | (quint32(p[pos + 1]) << 16) | (quint32(p[pos + 2]) << 8) | p[pos + 3]; }
};

Decoded fail(Decoded d, const char *code, const QString &text)
{
    d.errorCode = QLatin1String(code);
    d.error = text;
    d.bgr.release();
    return d;
}

// Standard IJG luminance table, to estimate the encoder's quality setting from DQT table 0.
constexpr int kStdLuma[64] = {16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
                              14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
                              18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
                              49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99};
// DQT stores tables in zig-zag order; the standard table above is in natural order.
constexpr int kZigZag[64] = {0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
                             12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
                             35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
                             58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63};

int estimateQuality(const Bytes &b, qsizetype pos, qsizetype len)
{
    // pos points at the first byte after the length field; several tables may follow.
    const qsizetype end = pos + len;
    while (pos < end) {
        const int pq = b.p[pos] >> 4, tq = b.p[pos] & 15;
        const qsizetype tableBytes = pq ? 128 : 64;
        if (!b.has(pos + 1, tableBytes) || pos + 1 + tableBytes > end)
            return -1;
        if (tq == 0) {
            double scale = 0;
            for (int i = 0; i < 64; ++i) {
                const int q = pq ? b.be16(pos + 1 + 2 * i) : b.p[pos + 1 + i];
                scale += double(q) * 100.0 / kStdLuma[kZigZag[i]];
            }
            scale /= 64;
            const double quality = scale <= 100 ? (200 - scale) / 2 : 5000 / scale;
            return std::clamp(int(std::lround(quality)), 1, 100);
        }
        pos += 1 + tableBytes;
    }
    return -1;
}

int exifOrientation(const Bytes &b, qsizetype pos, qsizetype len)
{
    // "Exif\0\0" then a TIFF header; orientation is tag 0x0112 of IFD0.
    if (len < 14 || memcmp(b.p + pos, "Exif\0\0", 6) != 0)
        return 1;
    const qsizetype t = pos + 6, tEnd = pos + len;
    const bool le = b.p[t] == 'I' && b.p[t + 1] == 'I';
    if (!le && !(b.p[t] == 'M' && b.p[t + 1] == 'M'))
        return 1;
    auto u16 = [&](qsizetype q) -> int { return le ? (b.p[q] | (b.p[q + 1] << 8)) : b.be16(q); };
    auto u32 = [&](qsizetype q) -> quint32 { return le ? (quint32(b.p[q]) | (quint32(b.p[q + 1]) << 8) | (quint32(b.p[q + 2]) << 16) | (quint32(b.p[q + 3]) << 24)) : b.be32(q); };
    const quint32 ifd = u32(t + 4);
    if (ifd > quint32(tEnd - t) || t + qsizetype(ifd) + 2 > tEnd)
        return 1;
    const qsizetype ifdPos = t + qsizetype(ifd);
    const int count = u16(ifdPos);
    for (int i = 0; i < count; ++i) {
        const qsizetype e = ifdPos + 2 + 12 * qsizetype(i);
        if (e + 12 > tEnd)
            break;
        if (u16(e) == 0x0112) {
            const int v = u16(e + 8);
            return v >= 1 && v <= 8 ? v : 1;
        }
    }
    return 1;
}

// Walks the JPEG markers: frame size, components, quality, orientation, and whether the entropy-coded
// data reaches an EOI marker (OpenCV decodes a half file "successfully", grey-filling the rest).
Decoded parseJpeg(const Bytes &b, Decoded d)
{
    qsizetype pos = 2;
    bool sawFrame = false, sawScan = false;
    int components = 0;
    while (true) {
        if (!b.has(pos, 2))
            return fail(d, sawScan ? "jpeg.truncated" : "jpeg.truncated_header",
                        sawScan ? QStringLiteral("JPEG is truncated: the image data ends before the end-of-image marker")
                                : QStringLiteral("JPEG is truncated inside its header"));
        if (b.p[pos] != 0xFF)
            return fail(d, "jpeg.corrupt", QStringLiteral("JPEG is corrupt: marker expected at byte %1").arg(pos));
        while (b.has(pos + 1, 1) && b.p[pos + 1] == 0xFF)
            ++pos;   // fill bytes
        if (!b.has(pos, 2))
            continue;
        const int marker = b.p[pos + 1];
        pos += 2;
        if (marker == 0xD9) {
            if (!sawScan)
                return fail(d, "jpeg.corrupt", QStringLiteral("JPEG is corrupt: end-of-image marker before any image data"));
            break;
        }
        if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01)
            continue;
        if (!b.has(pos, 2))
            return fail(d, "jpeg.truncated_header", QStringLiteral("JPEG is truncated inside its header"));
        const int len = b.be16(pos);
        if (len < 2)
            return fail(d, "jpeg.corrupt", QStringLiteral("JPEG is corrupt: bad segment length at byte %1").arg(pos));
        if (!b.has(pos, len))
            return fail(d, "jpeg.truncated_header", QStringLiteral("JPEG is truncated inside a header segment"));
        const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof) {
            if (len < 8)
                return fail(d, "jpeg.corrupt", QStringLiteral("JPEG is corrupt: short frame header"));
            d.height = b.be16(pos + 3);
            d.width = b.be16(pos + 5);
            components = b.p[pos + 7];
            sawFrame = true;
            if (marker != 0xC0 && marker != 0xC1 && marker != 0xC2)
                return fail(d, "jpeg.unsupported", QStringLiteral("JPEG coding process not supported (SOF%1)").arg(marker - 0xC0));
        } else if (marker == 0xDB && d.jpegQuality < 0) {
            d.jpegQuality = estimateQuality(b, pos + 2, len - 2);
        } else if (marker == 0xE1 && d.orientation == 1) {
            d.orientation = exifOrientation(b, pos + 2, len - 2);
        }
        pos += len;
        if (marker == 0xDA) {
            if (!sawFrame)
                return fail(d, "jpeg.corrupt", QStringLiteral("JPEG is corrupt: image data before the frame header"));
            sawScan = true;
            // Entropy-coded data: 0xFF is stuffed as FF 00; RSTn markers may appear; anything else ends it.
            while (b.has(pos, 2) && !(b.p[pos] == 0xFF && b.p[pos + 1] != 0x00 && !(b.p[pos + 1] >= 0xD0 && b.p[pos + 1] <= 0xD7)))
                ++pos;
            if (!b.has(pos, 2))
                return fail(d, "jpeg.truncated", QStringLiteral("JPEG is truncated: the image data ends before the end-of-image marker"));
        }
    }
    if (d.width <= 0 || d.height <= 0)
        return fail(d, "image.bad_dimensions", QStringLiteral("image header gives zero width or height"));
    d.grey = components == 1;
    return d;
}

Decoded parsePng(const Bytes &b, Decoded d)
{
    qsizetype pos = 8;
    bool sawIhdr = false, sawIdat = false;
    int colourType = -1;
    while (true) {
        if (!b.has(pos, 8))
            return fail(d, sawIdat ? "png.truncated" : "png.truncated_header",
                        QStringLiteral("PNG is truncated: the file ends before the IEND chunk"));
        const quint32 len = b.be32(pos);
        const QByteArray type(reinterpret_cast<const char *>(b.p + pos + 4), 4);
        if (len > 0x7fffffffu || !b.has(pos + 8, qsizetype(len) + 4))
            return fail(d, sawIdat || type == "IDAT" ? "png.truncated" : "png.truncated_header",
                        QStringLiteral("PNG is truncated inside the %1 chunk").arg(QString::fromLatin1(type.toHex())));
        if (!sawIhdr) {
            if (type != "IHDR" || len != 13)
                return fail(d, "png.corrupt", QStringLiteral("PNG is corrupt: the first chunk is not a valid IHDR"));
            d.width = int(std::min<quint32>(b.be32(pos + 8), 0x7fffffff));
            d.height = int(std::min<quint32>(b.be32(pos + 12), 0x7fffffff));
            colourType = b.p[pos + 17];
            sawIhdr = true;
        } else if (type == "IDAT") {
            sawIdat = true;
        } else if (type == "IEND") {
            break;
        } else if (type == "tRNS") {
            d.alpha = true;
        }
        pos += 12 + qsizetype(len);
    }
    if (!sawIdat)
        return fail(d, "png.corrupt", QStringLiteral("PNG has no image data"));
    if (d.width <= 0 || d.height <= 0)
        return fail(d, "image.bad_dimensions", QStringLiteral("image header gives zero width or height"));
    d.grey = colourType == 0 || colourType == 4;
    d.alpha = d.alpha || colourType == 4 || colourType == 6;
    return d;
}

cv::Mat applyOrientation(const cv::Mat &m, int o)
{
    cv::Mat out;
    switch (o) {
    case 2: cv::flip(m, out, 1); break;
    case 3: cv::rotate(m, out, cv::ROTATE_180); break;
    case 4: cv::flip(m, out, 0); break;
    case 5: cv::transpose(m, out); break;
    case 6: cv::rotate(m, out, cv::ROTATE_90_CLOCKWISE); break;
    case 7: cv::transpose(m, out); cv::rotate(out, out, cv::ROTATE_180); break;
    case 8: cv::rotate(m, out, cv::ROTATE_90_COUNTERCLOCKWISE); break;
    default: return m;
    }
    return out;
}

} // namespace

QString sniffFormat(const QByteArray &bytes)
{
    const auto *p = reinterpret_cast<const u8 *>(bytes.constData());
    const qsizetype n = bytes.size();
    auto starts = [&](const char *sig, qsizetype len, qsizetype at = 0) { return n >= at + len && memcmp(p + at, sig, size_t(len)) == 0; };
    if (n >= 3 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF)
        return QStringLiteral("jpeg");
    if (starts("\x89PNG\r\n\x1a\n", 8))
        return QStringLiteral("png");
    if (starts("GIF87a", 6) || starts("GIF89a", 6))
        return QStringLiteral("gif");
    if (starts("BM", 2) && n >= 26)
        return QStringLiteral("bmp");
    if (starts("RIFF", 4) && starts("WEBP", 4, 8))
        return QStringLiteral("webp");
    if (starts("II*\0", 4) || starts("MM\0*", 4))
        return QStringLiteral("tiff");
    if (starts("ftyp", 4, 4))
        return QStringLiteral("heif");
    if (starts("%PDF", 4))
        return QStringLiteral("pdf");
    // A JPEG body whose SOI marker was cut off: starts straight with an APPn segment.
    if (n >= 10 && p[0] == 0xFF && (p[1] == 0xE0 || p[1] == 0xE1) && (starts("JFIF", 4, 4) || starts("Exif", 4, 4)))
        return QStringLiteral("jpeg-no-soi");
    const qsizetype probe = std::min<qsizetype>(n, 512);
    qsizetype printable = 0;
    for (qsizetype i = 0; i < probe; ++i)
        if ((p[i] >= 0x20 && p[i] < 0x7f) || p[i] == '\n' || p[i] == '\r' || p[i] == '\t' || p[i] >= 0x80)
            ++printable;
    bool utf8ish = probe > 0 && printable == probe;
    if (utf8ish && !QString::fromUtf8(bytes.left(probe)).contains(QChar::ReplacementCharacter))
        return QStringLiteral("text");
    return {};
}

Decoded decodePhoto(const QByteArray &bytes, const DecodeLimits &limits)
{
    Decoded d;
    if (bytes.isEmpty())
        return fail(d, "file.empty", QStringLiteral("the file is empty (0 bytes)"));
    if (bytes.size() > limits.maxBytes)
        return fail(d, "file.too_large", QStringLiteral("the file is %1 KB, over the %2 KB limit").arg(bytes.size() / 1024).arg(limits.maxBytes / 1024));
    d.format = sniffFormat(bytes);
    const Bytes b{reinterpret_cast<const u8 *>(bytes.constData()), bytes.size()};
    if (d.format == QLatin1String("jpeg"))
        d = parseJpeg(b, d);
    else if (d.format == QLatin1String("png"))
        d = parsePng(b, d);
    else if (d.format == QLatin1String("jpeg-no-soi"))
        return fail(d, "jpeg.missing_soi", QStringLiteral("JPEG data without the start-of-image marker (FF D8): the file is damaged"));
    else if (d.format == QLatin1String("text"))
        return fail(d, "file.not_image", QStringLiteral("the file is text, not an image"));
    else if (!d.format.isEmpty())
        return fail(d, "file.unsupported_format", QStringLiteral("%1 image (by content) is not supported; JPEG is required").arg(d.format.toUpper()));
    else
        return fail(d, "file.unknown_format", QStringLiteral("the content is not a recognised image format"));
    if (!d.errorCode.isEmpty())
        return d;

    if (d.width > limits.maxSide || d.height > limits.maxSide || qint64(d.width) * d.height > limits.maxPixels)
        return fail(d, "image.too_many_pixels", QStringLiteral("the image claims %1x%2 pixels, over the limit of %3 megapixels")
                                                    .arg(d.width).arg(d.height).arg(double(limits.maxPixels) / 1e6));
    cv::Mat m;
    try {
        const int flags = d.format == QLatin1String("png") ? cv::IMREAD_UNCHANGED : (cv::IMREAD_COLOR | cv::IMREAD_IGNORE_ORIENTATION);
        m = cv::imdecode(cvw::bufferOf(bytes), flags);
    } catch (const cv::Exception &e) {
        return fail(d, "image.decode_failed", QStringLiteral("the decoder rejected the image: %1").arg(QString::fromUtf8(e.err.c_str())));
    }
    if (m.empty())
        return fail(d, "image.decode_failed", QStringLiteral("the decoder could not read the %1 image data").arg(d.format.toUpper()));
    if (m.depth() == CV_16U)
        m.convertTo(m, CV_8U, 1.0 / 257);
    else if (m.depth() != CV_8U)
        return fail(d, "image.decode_failed", QStringLiteral("unsupported sample depth"));
    if (m.channels() == 1) {
        cv::cvtColor(m, m, cv::COLOR_GRAY2BGR);
    } else if (m.channels() == 4) {
        // Transparent pixels become white: what a viewer or print shows for them.
        cv::Mat out(m.size(), CV_8UC3);
        for (int y = 0; y < m.rows; ++y) {
            const cv::Vec4b *s = m.ptr<cv::Vec4b>(y);
            cv::Vec3b *o = out.ptr<cv::Vec3b>(y);
            for (int x = 0; x < m.cols; ++x) {
                const int a = s[x][3];
                for (int c = 0; c < 3; ++c)
                    o[x][c] = uchar((s[x][c] * a + 255 * (255 - a) + 127) / 255);
            }
        }
        m = out;
    } else if (m.channels() != 3) {
        return fail(d, "image.decode_failed", QStringLiteral("unsupported channel count %1").arg(m.channels()));
    }
    d.bgr = applyOrientation(m, d.orientation);
    return d;
}

} // namespace tucai::checks::detail
