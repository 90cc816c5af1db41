// Placeholder until the check engine's CLI lands (owned by the check-engine work; replace freely).
#include "cli_common.h"

int runCheckCommand(const QStringList &)
{
    tucai::cli::err() << QStringLiteral("tucai check: not built yet") << Qt::endl;
    return tucai::cli::Usage;
}
