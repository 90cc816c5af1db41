#include "util/version.h"

#include "db/migrations.h"

#include <opencv2/core/version.hpp>
#include <QtGlobal>

namespace tucai {

QString appVersion() { return QStringLiteral(TUCAI_VERSION); }
QString qtVersion() { return QString::fromLatin1(qVersion()); }
QString openCvVersion() { return QStringLiteral(CV_VERSION); }
int schemaVersion() { return db::Migrations::latestVersion(); }

QString versionText(const QString &programName)
{
    return QStringLiteral("%1 %2\nQt %3 (built with %4)\nOpenCV %5\nschema %6\n")
        .arg(programName, appVersion(), qtVersion(), QStringLiteral(QT_VERSION_STR), openCvVersion())
        .arg(schemaVersion());
}

} // namespace tucai
