#pragma once
// Test-only: decodes QR codes with zbarimg (Debian package zbar-tools). The
// Debian build of OpenCV 4.6 has no QR decoder (it lacks quirc), so OpenCV's
// QRCodeDetector cannot decode here.
#include <QImage>
#include <QString>

namespace tucai::test {
bool qrDecoderAvailable();
// Text of the QR code in `image` (empty when none decodes).
QString decodeQr(const QImage &image);
} // namespace tucai::test
