#include "model/id_number.h"

#include <QDate>

namespace tucai {

QChar idNumberCheckChar(QStringView first17)
{
    static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static constexpr char kMap[] = "10X98765432";
    if (first17.size() < 17)
        return {};
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        const QChar c = first17.at(i);
        if (!c.isDigit())
            return {};
        sum += (c.unicode() - '0') * kWeights[i];
    }
    return QLatin1Char(kMap[sum % 11]);
}

bool isValidIdNumber(const QString &id)
{
    if (id.size() != 18)
        return false;
    const QChar check = idNumberCheckChar(QStringView(id).left(17));
    if (check.isNull() || check != id.at(17).toUpper())
        return false;
    const QDate birth = QDate::fromString(id.mid(6, 8), QStringLiteral("yyyyMMdd"));
    return birth.isValid() && birth.year() >= 1900;
}

} // namespace tucai
