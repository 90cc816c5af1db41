#pragma once
#include <QByteArray>
#include <QString>

namespace tucai::db { class Database; }

namespace tucai::codes {

// The secret key of the keyed code hash, one per school (32 random bytes).
//
// Where it lives: by default in the database table code_keys (created on first
// use by whoever first generates codes). Whoever issues or checks codes must be
// able to compute the hash, so the roles that do (school and college admins,
// the student-side verification service) read that table; reviewers need not
// (core/db/server_security.cpp grants). The hashes alone reveal nothing; a full
// dump that includes code_keys still needs ~2^59 keyed hashes per code to find
// one. A deployment that wants the key out of the database sets
// TUCAI_CODE_KEY_FILE to a file with the key as 64 hex digits (the same file on
// the verification server); it then wins over the table and nothing is stored.
//
// What the student side does to verify a typed or scanned code:
//   1. canonical form: upper case, drop '-' and spaces, O->0, I/L->1;
//   2. check symbol: last char == Crockford mod-37 symbol of the rest, else "mistyped";
//   3. h = hex(BLAKE2b-256(key = school key, message = "tucai-code-v1:" + data symbols));
//   4. SELECT ... FROM collection_codes WHERE code_hash = h: unknown, revoked_at set,
//      expires_at <= now, or valid (student_id NULL = a school/batch code).
class CodeKey final
{
public:
    // The school's key; created (and stored) when missing and `create` is set.
    // Empty when missing and !create. Throws DbError / std::runtime_error (bad key file).
    static QByteArray forSchool(const db::Database &db, qint64 schoolId, bool create);
    // hex(BLAKE2b-256 keyed) of the canonical data symbols.
    static QString hash(const QByteArray &key, const QString &dataSymbols);
    static QString keyFileFromEnvironment();
};

} // namespace tucai::codes
