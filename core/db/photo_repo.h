#pragma once
#include "model/records.h"

#include <QByteArray>
#include <QStringList>
#include <optional>

namespace tucai::db {

class Database;

// Photos and their content-addressed bytes.
class PhotoRepo final
{
public:
    explicit PhotoRepo(const Database &db) : m_db(db) {}
    static QString sha256Hex(const QByteArray &bytes);
    // Stores bytes under their SHA-256 (no-op when already there); returns the hash.
    QString putBlob(const QByteArray &bytes, const QString &mime = QStringLiteral("image/jpeg"));
    // Registers a photo kept at an http(s) URL; the hash is what the bytes must match.
    void putUrlBlob(const QString &sha256, const QString &url, qint64 byteSize, const QString &mime = QStringLiteral("image/jpeg"));
    // The bytes stored in the database (empty when the photo lives at a URL).
    QByteArray blobBytes(const QString &sha256) const;
    QString blobUrl(const QString &sha256) const;
    qint64 blobCount() const;

    qint64 insert(Photo &p);
    std::optional<Photo> get(qint64 id) const;
    QList<Photo> forStudent(qint64 studentId) const;
    qint64 count() const;
    // Stores a check result and the list of violated rules for the rule filter.
    void storeCheck(qint64 photoId, const QString &reportJson, bool passed, const QString &engineVersion,
                    const QString &profileVersion, const QStringList &violatedRules);

private:
    const Database &m_db;
};

} // namespace tucai::db
