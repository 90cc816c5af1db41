#pragma once
#include <QString>

namespace tucai {

// Versions printed by `--version` and recorded in reports and the database.
QString appVersion();
QString qtVersion();
QString openCvVersion();
int schemaVersion();           // the schema this build creates and understands
QString versionText(const QString &programName);

} // namespace tucai
