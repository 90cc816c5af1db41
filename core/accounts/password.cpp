#include "accounts/password.h"

#include <sodium.h>

#include <atomic>

namespace tucai::accounts {
namespace {
bool ensureSodium()
{
    static const bool ok = sodium_init() >= 0;
    return ok;
}
std::atomic<int> g_verifications{0};
} // namespace

int passwordVerifications() { return g_verifications.load(); }

const QString &dummyPasswordHash()
{
    static const QString hash = [] {
        QByteArray random(24, Qt::Uninitialized);
        if (ensureSodium())
            randombytes_buf(random.data(), size_t(random.size()));
        return hashPassword(QString::fromLatin1(random.toBase64()));
    }();
    return hash;
}

QString hashPassword(const QString &password, HashStrength strength)
{
    if (!ensureSodium())
        return {};
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    const unsigned long long ops = strength == HashStrength::Fast ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
    const size_t mem = strength == HashStrength::Fast ? crypto_pwhash_MEMLIMIT_MIN * 16 : crypto_pwhash_MEMLIMIT_INTERACTIVE;
    if (crypto_pwhash_str_alg(out, utf8.constData(), static_cast<unsigned long long>(utf8.size()), ops, mem,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        return {};
    return QString::fromLatin1(out);
}

bool verifyPassword(const QString &password, const QString &encodedHash)
{
    if (!ensureSodium() || encodedHash.isEmpty())
        return false;
    ++g_verifications;
    const QByteArray utf8 = password.toUtf8();
    const QByteArray hash = encodedHash.toLatin1();
    return crypto_pwhash_str_verify(hash.constData(), utf8.constData(), static_cast<unsigned long long>(utf8.size())) == 0;
}

} // namespace tucai::accounts
