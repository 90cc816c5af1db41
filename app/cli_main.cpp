#include "util/version.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream(stdout) << tucai::versionText(QStringLiteral("tucai"));
    return 0;
}
