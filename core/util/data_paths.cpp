#include "util/data_paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace tucai {

QStringList dataDirs()
{
    QStringList dirs;
    const QString fromEnv = qEnvironmentVariable("TUCAI_DATA_DIR");
    if (!fromEnv.isEmpty())
        dirs << QDir::fromNativeSeparators(fromEnv);
    if (QCoreApplication::instance()) {
        const QString exeDir = QCoreApplication::applicationDirPath();
        dirs << exeDir + QStringLiteral("/data") << QDir::cleanPath(exeDir + QStringLiteral("/../share/tucai"));
    }
#ifdef TUCAI_BUILD_DATA_DIR
    dirs << QStringLiteral(TUCAI_BUILD_DATA_DIR);
#endif
    return dirs;
}

QString findDataFile(const QString &relative)
{
    for (const QString &dir : dataDirs()) {
        const QString path = dir + QLatin1Char('/') + relative;
        if (QFileInfo(path).isFile())
            return path;
    }
    return {};
}

QByteArray readDataFile(const QString &relative, QString *error)
{
    const QString path = findDataFile(relative);
    if (path.isEmpty()) {
        if (error)
            *error = QStringLiteral("data file %1 not found in %2")
                         .arg(relative, dataDirs().join(QStringLiteral(", ")));
        return {};
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("data file %1 cannot be read: %2").arg(QDir::toNativeSeparators(path), f.errorString());
        return {};
    }
    return f.readAll();
}

} // namespace tucai
