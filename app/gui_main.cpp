#include "util/version.h"

#include <QApplication>
#include <QTextStream>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QTextStream(stdout) << tucai::versionText(QStringLiteral("tucai-admin"));
    return 0;
}
