#include "util/platform.h"

#include <QFile>

#ifdef Q_OS_WIN
#  include <qt_windows.h>
#endif

namespace tucai::platform {

QByteArray cPath(const QString &path)
{
#ifdef Q_OS_WIN
    return path.toUtf8();
#else
    return QFile::encodeName(path);
#endif
}

void prepareConsole()
{
#ifdef Q_OS_WIN
    SetConsoleOutputCP(CP_UTF8);
    SetConsoleCP(CP_UTF8);
#endif
}

} // namespace tucai::platform
