#pragma once
#include <QString>

namespace tucai::accounts {

// argon2id password hashes (libsodium's encoded string form).
enum class HashStrength { Interactive, Fast /* tests and demo data only */ };
QString hashPassword(const QString &password, HashStrength strength = HashStrength::Interactive);
bool verifyPassword(const QString &password, const QString &encodedHash);
// How many times verifyPassword ran an argon2id verification in this process (tests: a log-in
// with an unknown user name costs the same hash as one with a wrong password).
int passwordVerifications();
// A hash of no one's password at the interactive strength: verified against when the user
// name is unknown, so that the answer takes as long.
const QString &dummyPasswordHash();

} // namespace tucai::accounts
