#pragma once
#include "db/code_repo.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <atomic>
#include <functional>

namespace tucai::db { class Database; }

namespace tucai::codes {

// A code as handed out: the only moment the clear code exists (it is printed
// or exported, never stored).
struct IssuedCode
{
    db::CodeTarget target;  // empty studentId for a school/batch code
    QString code;           // grouped for printing: ABCD-EFGH-JKMN-P
    qint64 expiresAt = 0;
};

struct CodeSelection
{
    qint64 schoolId = 0;
    qint64 collegeId = 0;          // 0 = all colleges
    qint64 classId = 0;            // 0 = all classes
    QList<qint64> studentIds;      // when not empty: exactly these students
};

struct VerifyResult
{
    enum class Status { Valid, BadFormat, Mistyped, Unknown, Revoked, Expired };
    Status status = Status::BadFormat;
    db::CodeRow row;               // when found
    QString message() const;       // translated reason
    bool ok() const { return status == Status::Valid; }
};

// Collection codes: generation (libsodium randomness, Crockford base32 + mod-37
// check), keyed hashing (see code_key.h for the key and the student side's
// verification), verification, revocation, expiry. Every change is audited.
class CodeService final
{
    Q_DECLARE_TR_FUNCTIONS(CodeService)
public:
    static constexpr int kStudentDataChars = 12;  // 60 bits
    // A shared school/batch code (特征码) lives long and is typed by many: as strong as a
    // student's. Batch codes of 8 symbols (40 bits) issued before still verify.
    static constexpr int kBatchDataChars = 12;
    static constexpr int kLegacyBatchDataChars = 8;

    struct Actor { qint64 staffId = 0; QString staffName; };
    CodeService(const db::Database &db, Actor actor) : m_db(db), m_actor(std::move(actor)) {}

    // New random code (data symbols + check symbol, canonical, no hyphens).
    static QString newCode(int dataChars);
    static bool checkSymbolOk(const QString &canonicalCode);

    // Codes for every selected student; their earlier codes are revoked in the
    // same transaction (regenerate). progress(done, total) may be called; a set
    // cancel flag rolls everything back and returns an empty list.
    // deliver (optional) runs with the clear codes (writes the PDF/CSV) before the
    // transaction opens, so no lock is held while it renders: when it fails nothing
    // is stored and the old codes stay valid, so no code exists that nobody can hand
    // out. *error gets its message. Should the transaction then fail, the written
    // sheets hold codes that were never stored (they verify nowhere).
    using Deliver = std::function<bool(const QList<IssuedCode> &, QString *error)>;
    QList<IssuedCode> generateForStudents(const CodeSelection &selection, qint64 expiresAt,
                                          const std::function<void(int, int)> &progress = {},
                                          const std::atomic_bool *cancel = nullptr, const Deliver &deliver = {},
                                          QString *error = nullptr);
    // One shared code for the school (or one college), e.g. for a batch session.
    IssuedCode generateBatchCode(qint64 schoolId, qint64 collegeId, const QString &label, qint64 expiresAt);

    VerifyResult verify(const QString &typed) const;
    // Revoked codes stop verifying. False when it was already revoked.
    bool revoke(qint64 codeId, const QString &reason);

private:
    const db::Database &m_db;
    Actor m_actor;
};

} // namespace tucai::codes
