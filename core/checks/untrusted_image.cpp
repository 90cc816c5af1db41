#include "checks/untrusted_image.h"

#include "checks/decode.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QImageReader>

namespace tucai::checks {

QImage decodeUntrustedImage(const QByteArray &bytes, QSize box, QString *error, const UntrustedImageLimits &limits, const char *onlyFormat)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return QImage();
    };
    if (bytes.isEmpty())
        return fail(QCoreApplication::translate("Image", "The image is empty."));
    if (bytes.size() > limits.maxBytes)
        return fail(QCoreApplication::translate("Image", "The image is too large (%1 bytes, at most %2).").arg(bytes.size()).arg(limits.maxBytes));
    const QString format = detail::sniffFormat(bytes);
    if ((format != QLatin1String("jpeg") && format != QLatin1String("png"))
        || (onlyFormat && format != QLatin1String(onlyFormat)))
        return fail(QCoreApplication::translate("Image", "Not a JPEG or PNG image (%1): not decoded.").arg(format.isEmpty() ? QStringLiteral("?") : format));
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, format.toLatin1());
    reader.setAutoDetectImageFormat(false);
    reader.setDecideFormatFromContent(false);
    const QSize size = reader.size();  // from the header only
    if (!size.isValid())
        return fail(QCoreApplication::translate("Image", "The image header is damaged: %1").arg(reader.errorString()));
    if (size.width() > limits.maxSide || size.height() > limits.maxSide || qint64(size.width()) * size.height() > limits.maxPixels)
        return fail(QCoreApplication::translate("Image", "The image claims %1x%2 pixels, more than the %3 megapixels a photo may have: not decoded.")
                        .arg(size.width())
                        .arg(size.height())
                        .arg(limits.maxPixels / 1000000));
    if (box.isValid() && (size.width() > box.width() || size.height() > box.height()))
        reader.setScaledSize(size.scaled(box, Qt::KeepAspectRatio));
    QImage img = reader.read();
    if (img.isNull())
        return fail(QCoreApplication::translate("Image", "The image could not be decoded: %1").arg(reader.errorString()));
    return img;
}

} // namespace tucai::checks
