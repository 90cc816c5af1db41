#include "codes/code_key.h"

#include "db/code_repo.h"
#include "db/database.h"
#include "db/dialect.h"

#include <QFile>
#include <QMessageAuthenticationCode>
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

QString CodeKey::legacyHash(const QByteArray &key, const QString &dataSymbols)
{
    const QByteArray message = QByteArrayLiteral("tucai-code-v1:") + dataSymbols.toLatin1();
    unsigned char out[32];
    crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char *>(message.constData()), size_t(message.size()),
                       reinterpret_cast<const unsigned char *>(key.constData()), size_t(key.size()));
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(out), sizeof out).toHex());
}

QString CodeKey::hash(const QByteArray &key, const QString &dataSymbols)
{
    // HMAC-SHA256: the PostgreSQL server computes the same with its built-in sha256().
    const QByteArray message = QByteArrayLiteral("tucai-code-v2:") + dataSymbols.toLatin1();
    return QString::fromLatin1(QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256).toHex());
}

QStringList CodeKey::hashAll(const db::Database &db, qint64 schoolId, const QStringList &dataSymbols, bool create)
{
    QStringList out;
    if (dataSymbols.isEmpty())
        return out;
    if (!db.dialect().hasDatabaseRoles() || !keyFileFromEnvironment().isEmpty()) {
        const QByteArray key = forSchool(db, schoolId, create);
        if (key.isEmpty())
            return out;
        out.reserve(dataSymbols.size());
        for (const QString &d : dataSymbols)
            out.append(hash(key, d));
        return out;
    }
    // The server hashes (the key never leaves it); codes are Crockford symbols, safe in an
    // array literal. Chunks keep one statement's text small.
    constexpr qsizetype kChunk = 5000;
    for (qsizetype i = 0; i < dataSymbols.size(); i += kChunk) {
        const QStringList part = dataSymbols.mid(i, kChunk);
        db::Query q(db, QStringLiteral("SELECT h FROM unnest(tucai_code_hashes(:s, CAST(:d AS TEXT[]), :c)) WITH ORDINALITY AS u(h, n) ORDER BY n"));
        q.bind(QStringLiteral(":s"), schoolId)
            .bind(QStringLiteral(":d"), QString(QLatin1Char('{') + part.join(QLatin1Char(',')) + QLatin1Char('}')))
            .bind(QStringLiteral(":c"), create)
            .exec();
        while (q.next())
            out.append(q.toString(0));
        if (out.size() != i + part.size())
            return {};
    }
    return out;
}

} // namespace tucai::codes
