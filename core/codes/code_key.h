#pragma once
#include <QByteArray>
#include <QString>

namespace tucai::db { class Database; }

namespace tucai::codes {

// The secret key of the keyed code hash, one per school (32 random bytes).
//
// Where it lives: in the database table code_keys (created on first use by whoever first
// generates codes). On PostgreSQL no staff login may read it: the server computes the
// hashes (tucai_code_hashes, core/db/server_secrets.cpp) and the key stays with the owner
// role (the admin tool and the student-side verification service). On SQLite (single
// user) the app reads it. A deployment that wants the key out of the database sets
// TUCAI_CODE_KEY_FILE to a file with the key as 64 hex digits (the same file on the
// verification server); it then wins over the table and nothing is stored.
//
// What the student side does to verify a typed or scanned code:
//   1. canonical form: upper case, drop '-' and spaces, O->0, I/L->1;
//   2. check symbol: last char == Crockford mod-37 symbol of the rest, else "mistyped";
//   3. h = hex(HMAC-SHA256(key = school key, message = "tucai-code-v2:" + data symbols));
//      codes issued before schema step 4 were hashed as
//      hex(BLAKE2b-256(key, "tucai-code-v1:" + data symbols)): try both;
//   4. SELECT ... FROM collection_codes WHERE code_hash = h: unknown, revoked_at set,
//      expires_at <= now, or valid (student_id NULL = a school/batch code).
class CodeKey final
{
public:
    // The school's key; created (and stored) when missing and `create` is set.
    // Empty when missing and !create. Throws DbError / std::runtime_error (bad key file).
    // Reads code_keys: not for a staff login on PostgreSQL (see hashAll).
    static QByteArray forSchool(const db::Database &db, qint64 schoolId, bool create);
    // hex(HMAC-SHA256 keyed) of the canonical data symbols (the current scheme).
    static QString hash(const QByteArray &key, const QString &dataSymbols);
    // hex(BLAKE2b-256 keyed): the scheme of codes issued before schema step 4.
    static QString legacyHash(const QByteArray &key, const QString &dataSymbols);
    // The hashes of `dataSymbols` for a school, in order: with the key file or on SQLite
    // here, on PostgreSQL by the server (which creates the key when `create` is set).
    // Empty when the school has no key yet (and !create) or this login may not hash for it.
    static QStringList hashAll(const db::Database &db, qint64 schoolId, const QStringList &dataSymbols, bool create);
    static QString keyFileFromEnvironment();
};

} // namespace tucai::codes
