#include "codes/code_key.h"

#include "db/code_repo.h"
#include "db/database.h"

#include <QFile>
#include <QtGlobal>
#include <sodium.h>
#include <stdexcept>

namespace tucai::codes {

QString CodeKey::keyFileFromEnvironment() { return qEnvironmentVariable("TUCAI_CODE_KEY_FILE"); }

QByteArray CodeKey::forSchool(const db::Database &db, qint64 schoolId, bool create)
{
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium could not be initialised");
    const QString file = keyFileFromEnvironment();
    if (!file.isEmpty()) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            throw std::runtime_error(QStringLiteral("cannot read the code key file %1").arg(file).toStdString());
        const QByteArray key = QByteArray::fromHex(f.readAll().trimmed());
        if (key.size() != 32)
            throw std::runtime_error(QStringLiteral("the code key file %1 must hold 64 hex digits").arg(file).toStdString());
        return key;
    }
    db::CodeRepo repo(db);
    QByteArray key = QByteArray::fromHex(repo.keyHex(schoolId).toLatin1());
    if (key.size() == 32 || !create)
        return key.size() == 32 ? key : QByteArray();
    key.resize(32);
    randombytes_buf(key.data(), size_t(key.size()));
    repo.insertKey(schoolId, QString::fromLatin1(key.toHex()));
    // Another session may have won the race: use whatever is stored now.
    return QByteArray::fromHex(repo.keyHex(schoolId).toLatin1());
}

QString CodeKey::hash(const QByteArray &key, const QString &dataSymbols)
{
    const QByteArray message = QByteArrayLiteral("tucai-code-v1:") + dataSymbols.toLatin1();
    unsigned char out[32];
    crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char *>(message.constData()), size_t(message.size()),
                       reinterpret_cast<const unsigned char *>(key.constData()), size_t(key.size()));
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(out), sizeof out).toHex());
}

} // namespace tucai::codes
