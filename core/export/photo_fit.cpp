#include "export/photo_fit.h"

#include "checks/untrusted_image.h"

#include "checks/check_profile.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>

namespace tucai::exporting {
namespace {


bool looksLikeJpeg(const QByteArray &b)
{
    return b.size() > 4 && quint8(b[0]) == 0xFF && quint8(b[1]) == 0xD8 && quint8(b[b.size() - 2]) == 0xFF
        && quint8(b[b.size() - 1]) == 0xD9;
}

QByteArray encode(const QImage &img, int quality)
{
    QByteArray out;
    QBuffer buf(&out);
    buf.open(QIODevice::WriteOnly);
    QImageWriter w(&buf, "jpeg");
    w.setQuality(quality);
    w.setOptimizedWrite(true);
    if (!w.write(img))
        return {};
    return out;
}

// A JPEG comment segment right after SOI pads a small file up to the minimum
// size without touching the image data (decoders skip COM segments).
QByteArray padTo(const QByteArray &jpeg, qint64 minBytes)
{
    QByteArray out = jpeg;
    qint64 missing = minBytes - out.size();
    int at = 2;
    // After the JFIF APP0 segment, which must come first.
    if (out.size() > 6 && quint8(out[2]) == 0xFF && quint8(out[3]) == 0xE0)
        at = 4 + ((quint8(out[4]) << 8) | quint8(out[5]));
    while (missing > 0) {
        const int payload = int(std::min<qint64>(std::max<qint64>(missing - 4, 0), 65533));
        QByteArray seg;
        seg.append(char(0xFF)).append(char(0xFE));
        const int len = payload + 2;
        seg.append(char((len >> 8) & 0xFF)).append(char(len & 0xFF));
        seg.append(QByteArray(payload, ' '));
        out.insert(at, seg);
        at += seg.size();
        missing -= seg.size();
    }
    return out;
}

} // namespace

FileSpec FileSpec::fromDefaultProfile()
{
    const checks::CheckProfile profile = checks::CheckProfile::loadDefault();
    FileSpec s;
    s.minBytes = qint64(profile.param(QStringLiteral("file.size"), QStringLiteral("minKB"), 20) * 1024);
    s.maxBytes = qint64(profile.param(QStringLiteral("file.size"), QStringLiteral("maxKB"), 60) * 1024);
    s.minQuality = int(profile.param(QStringLiteral("file.format"), QStringLiteral("minQuality"), 60));
    s.width = int(profile.param(QStringLiteral("image.dimensions"), QStringLiteral("width"), 480));
    s.height = int(profile.param(QStringLiteral("image.dimensions"), QStringLiteral("height"), 640));
    return s;
}

bool meetsSpec(const QByteArray &bytes, const FileSpec &spec, QString *why)
{
    auto fail = [why](const QString &reason) {
        if (why)
            *why = reason;
        return false;
    };
    if (!looksLikeJpeg(bytes))
        return fail(QCoreApplication::translate("Export", "not a JPEG file"));
    if (bytes.size() < spec.minBytes || bytes.size() > spec.maxBytes)
        return fail(QCoreApplication::translate("Export", "%1 KB, outside %2-%3 KB").arg(bytes.size() / 1024.0, 0, 'f', 1).arg(spec.minBytes / 1024).arg(spec.maxBytes / 1024));
    QBuffer buf;
    buf.setData(bytes);
    buf.open(QIODevice::ReadOnly);
    QImageReader reader(&buf, "jpeg");
    const QSize size = reader.size();
    if (size != QSize(spec.width, spec.height))
        return fail(QCoreApplication::translate("Export", "%1x%2 pixels instead of %3x%4").arg(size.width()).arg(size.height()).arg(spec.width).arg(spec.height));
    return true;
}

FitResult fitToSpec(const QByteArray &bytes, const FileSpec &spec)
{
    FitResult r;
    if (meetsSpec(bytes, spec)) {
        r.bytes = bytes;
        return r;
    }
    QString why;
    QImage img = checks::decodeUntrustedImage(bytes, {}, &why);  // JPEG/PNG only, pixel cap from the header
    if (img.isNull()) {
        r.error = QCoreApplication::translate("Export", "the photo cannot be decoded (%1)").arg(why);
        return r;
    }
    img = img.convertToFormat(QImage::Format_RGB888);
    if (img.size() != QSize(spec.width, spec.height)) {
        // Fill the frame and crop the overflow around the centre: never distort the face.
        const QImage scaled = img.scaled(spec.width, spec.height, Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation);
        img = scaled.copy((scaled.width() - spec.width) / 2, (scaled.height() - spec.height) / 2, spec.width, spec.height);
    }
    img.setDotsPerMeterX(11811); // 300 dpi, as the standard asks
    img.setDotsPerMeterY(11811);
    // Highest quality in [minQuality, 100] whose file stays within maxBytes.
    int lo = spec.minQuality, hi = 100, best = -1;
    QByteArray bestBytes;
    while (lo <= hi) {
        const int q = (lo + hi) / 2;
        const QByteArray enc = encode(img, q);
        if (enc.isEmpty()) {
            r.error = QCoreApplication::translate("Export", "the JPEG encoder failed");
            return r;
        }
        if (enc.size() <= spec.maxBytes) {
            best = q;
            bestBytes = enc;
            lo = q + 1;
        } else {
            hi = q - 1;
        }
    }
    if (best < 0) {
        r.error = QCoreApplication::translate("Export", "even at quality %1 the photo is larger than %2 KB").arg(spec.minQuality).arg(spec.maxBytes / 1024);
        return r;
    }
    if (bestBytes.size() < spec.minBytes)
        bestBytes = padTo(bestBytes, spec.minBytes);
    r.bytes = bestBytes;
    r.quality = best;
    r.reencoded = true;
    return r;
}

} // namespace tucai::exporting
