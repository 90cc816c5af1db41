#include "qr_decode_helper.h"

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryFile>

namespace tucai::test {

bool qrDecoderAvailable() { return !QStandardPaths::findExecutable(QStringLiteral("zbarimg")).isEmpty(); }

QString decodeQr(const QImage &image)
{
    QTemporaryFile file(QDir::temp().filePath(QStringLiteral("tucai-qr-XXXXXX.png")));
    if (!file.open() || !image.save(&file, "PNG"))
        return {};
    file.close();
    QProcess p;
    p.start(QStringLiteral("zbarimg"), {QStringLiteral("-q"), QStringLiteral("--raw"), QStringLiteral("-Sdisable"),
                                        QStringLiteral("-Sqrcode.enable"), file.fileName()});
    if (!p.waitForFinished(30000))
        return {};
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

} // namespace tucai::test
