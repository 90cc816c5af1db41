#include "review/queue_query.h"

namespace tucai::review {

QString statusFromCode(char c)
{
    switch (c) {
    case 'd': return QStringLiteral("draft");
    case 's': return QStringLiteral("submitted");
    case 'a': return QStringLiteral("approved");
    case 'r': return QStringLiteral("returned");
    case 'p': return QStringLiteral("awaiting_payment");
    default: return QStringLiteral("other");
    }
}

char statusCode(const QString &status)
{
    if (status == QLatin1String("draft"))
        return 'd';
    if (status == QLatin1String("submitted"))
        return 's';
    if (status == QLatin1String("approved"))
        return 'a';
    if (status == QLatin1String("returned"))
        return 'r';
    if (status == QLatin1String("awaiting_payment"))
        return 'p';
    return 'x';
}

} // namespace tucai::review
