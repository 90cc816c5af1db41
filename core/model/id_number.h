#pragma once
#include <QString>

namespace tucai {

// Chinese resident ID numbers (GB 11643): 17 digits plus an ISO 7064 MOD 11-2
// check character (0-9 or X).
QChar idNumberCheckChar(QStringView first17);
bool isValidIdNumber(const QString &idNumber);

} // namespace tucai
