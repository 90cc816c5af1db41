#pragma once
#include <QList>
#include <QPair>
#include <QString>
#include <optional>

namespace tucai::db {

class Database;

// A student who is to receive a code (what the sheet prints).
struct CodeTarget
{
    qint64 studentId = 0;
    qint64 schoolId = 0;
    qint64 collegeId = 0;
    qint64 classId = 0;
    QString studentNo;
    QString name;
    QString collegeName;
    QString className;
};

// One stored code: never the code itself, only its keyed hash.
struct CodeRow
{
    qint64 id = 0;
    qint64 batchId = 0;
    qint64 schoolId = 0;
    qint64 collegeId = 0;
    qint64 studentId = 0;       // 0 = a school/batch code
    QString codeHash;
    qint64 createdAt = 0;
    qint64 expiresAt = 0;       // 0 = never
    qint64 revokedAt = 0;       // 0 = active
    QString revokedReason;
    QString batchKind;          // student | batch
    QString batchLabel;
    // Joined for lists.
    QString studentNo;
    QString studentName;
    QString className;
};

struct CodeBatchRow
{
    qint64 id = 0;
    qint64 schoolId = 0;
    qint64 collegeId = 0;
    qint64 classId = 0;
    QString kind;               // student | batch
    QString label;
    qint64 createdBy = 0;
    qint64 createdAt = 0;
    qint64 expiresAt = 0;
};

// All SQL of the collection codes (core/codes/code_service.h drives it).
class CodeRepo final
{
public:
    explicit CodeRepo(const Database &db) : m_db(db) {}

    QString keyHex(qint64 schoolId) const;
    QList<qint64> schoolIds() const;
    void insertKey(qint64 schoolId, const QString &keyHex);
    QList<QPair<qint64, QString>> allKeys() const;

    // Students of a school, optionally one college and/or one class, ordered by class then number.
    QList<CodeTarget> targets(qint64 schoolId, qint64 collegeId, qint64 classId) const;
    QList<CodeTarget> targetsByIds(const QList<qint64> &studentIds) const;

    qint64 insertBatch(CodeBatchRow &b);
    // Revokes the active codes of these students (regenerate: the old code stops working).
    int revokeActiveForStudents(const QList<qint64> &studentIds, const QString &reason, qint64 now);
    // Bulk insert (one statement per few hundred rows). Sets nothing back.
    void insertCodes(const QList<CodeRow> &rows);
    std::optional<CodeRow> findByHash(const QString &hash) const;
    std::optional<CodeRow> get(qint64 id) const;
    // False when the code was already revoked (or does not exist).
    bool revoke(qint64 codeId, const QString &reason, qint64 now);

    // Codes for the list: of a school (optionally college/class), newest first.
    QList<CodeRow> list(qint64 schoolId, qint64 collegeId, qint64 classId, bool includeRevoked, int limit) const;
    qint64 countActive(qint64 schoolId) const;
    qint64 countAll() const;

private:
    const Database &m_db;
};

} // namespace tucai::db
