#pragma once
#include <QString>

namespace tucai::accounts {

// argon2id password hashes (libsodium's encoded string form).
enum class HashStrength { Interactive, Fast /* tests and demo data only */ };
QString hashPassword(const QString &password, HashStrength strength = HashStrength::Interactive);
bool verifyPassword(const QString &password, const QString &encodedHash);

} // namespace tucai::accounts
