#pragma once
#include <QByteArray>
#include <QString>
#include <QStringList>

namespace tucai {

// The folders searched, in order, for the data files the programs read at run time (face cascades,
// landmark model): $TUCAI_DATA_DIR, <exe dir>/data (Windows), <exe dir>/../share/tucai (installed on
// Linux), then the build tree's data folder. Never a fixed system path.
QStringList dataDirs();

// The full path of `relative` (e.g. "haarcascades/haarcascade_eye.xml") in the first folder that has
// it, or an empty string.
QString findDataFile(const QString &relative);

// The bytes of a data file, for libraries that must not open paths themselves (OpenCV cannot open
// non-ASCII paths on Windows). Empty with `error` set when the file is missing or unreadable.
QByteArray readDataFile(const QString &relative, QString *error);

} // namespace tucai
