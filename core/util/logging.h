#pragma once
#include <QString>

namespace tucai {

// spdlog to a rotating file (5 x 2 MB) in the app's data folder, with Qt's
// qDebug/qWarning/... forwarded to it. Safe to call once per process.
void initLogging(const QString &programName, bool toStderr);
QString logFilePath();
// Writes out what the log still buffers (before the program ends).
void flushLogging();

} // namespace tucai
