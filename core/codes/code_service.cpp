#include "codes/code_service.h"

#include "codes/code_key.h"
#include "codes/crockford.h"
#include "db/audit_repo.h"
#include "db/database.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <sodium.h>
#include <stdexcept>

namespace tucai::codes {

QString VerifyResult::message() const
{
    switch (status) {
    case Status::Valid:
        return row.studentId ? CodeService::tr("valid: code of student %1 %2").arg(row.studentNo, row.studentName)
                             : CodeService::tr("valid: school/batch code %1").arg(row.batchLabel);
    case Status::BadFormat: return CodeService::tr("invalid: not a collection code (wrong length or characters)");
    case Status::Mistyped: return CodeService::tr("invalid: the check character does not match - a character was mistyped");
    case Status::Unknown: return CodeService::tr("invalid: no such code");
    case Status::Revoked:
        return CodeService::tr("revoked on %1 (%2)")
            .arg(QDateTime::fromMSecsSinceEpoch(row.revokedAt).toString(QStringLiteral("yyyy-MM-dd HH:mm")), row.revokedReason);
    case Status::Expired:
        return CodeService::tr("expired on %1").arg(QDateTime::fromMSecsSinceEpoch(row.expiresAt).toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    }
    return {};
}

QString CodeService::newCode(int dataChars)
{
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium could not be initialised");
    quint64 value = 0;
    randombytes_buf(&value, sizeof value);
    value &= (quint64(1) << (5 * dataChars)) - 1;
    const QString data = crockford::encode(value, dataChars);
    return data + crockford::checkSymbol(data);
}

bool CodeService::checkSymbolOk(const QString &code)
{
    return code.size() >= 2 && crockford::checkSymbol(code.left(code.size() - 1)) == code.back();
}

QList<IssuedCode> CodeService::generateForStudents(const CodeSelection &sel, qint64 expiresAt,
                                                   const std::function<void(int, int)> &progress, const std::atomic_bool *cancel,
                                                   const Deliver &deliver, QString *error)
{
    db::CodeRepo repo(m_db);
    QList<db::CodeTarget> targets =
        sel.studentIds.isEmpty() ? repo.targets(sel.schoolId, sel.collegeId, sel.classId) : repo.targetsByIds(sel.studentIds);
    // Explicit ids stay inside the selection's school/college/class.
    targets.removeIf([&](const db::CodeTarget &t) {
        return t.schoolId != sel.schoolId || (sel.collegeId && t.collegeId != sel.collegeId) || (sel.classId && t.classId != sel.classId);
    });
    QList<IssuedCode> issued;
    if (targets.isEmpty())
        return issued;
    const qint64 now = db::nowMs();
    QStringList codes, data;
    codes.reserve(targets.size());
    data.reserve(targets.size());
    issued.reserve(targets.size());
    for (qsizetype i = 0; i < targets.size(); ++i) {
        codes.append(newCode(kStudentDataChars));
        data.append(codes.constLast().left(kStudentDataChars));
        issued.append({targets.at(i), crockford::grouped(codes.constLast()), expiresAt});
    }
    // The sheets are rendered before the transaction: rendering thousands of QR codes must not
    // hold the database (and the audit chain) locked. If the transaction then fails, the
    // sheets name codes that were never stored, which verify nowhere.
    if (deliver && !deliver(issued, error))
        return {};
    if (cancel && cancel->load())
        return {};

    db::Transaction tx(m_db);
    const QStringList hashes = CodeKey::hashAll(m_db, sel.schoolId, data, true);
    if (hashes.size() != data.size())
        throw db::DbError(db::DbError::Kind::Permission, tr("The codes of this school cannot be hashed from this login."));
    db::CodeBatchRow batch;
    batch.schoolId = sel.schoolId;
    batch.collegeId = sel.collegeId;
    batch.classId = sel.classId;
    batch.kind = QStringLiteral("student");
    batch.createdBy = m_actor.staffId;
    batch.createdAt = now;
    batch.expiresAt = expiresAt;
    repo.insertBatch(batch);

    QList<qint64> ids;
    ids.reserve(targets.size());
    for (const db::CodeTarget &t : targets)
        ids.append(t.studentId);
    const int revoked = repo.revokeActiveForStudents(ids, QStringLiteral("regenerated"), now);

    QList<db::CodeRow> rows;
    rows.reserve(targets.size());
    for (int i = 0; i < targets.size(); ++i) {
        const db::CodeTarget &t = targets.at(i);
        db::CodeRow r;
        r.batchId = batch.id;
        r.schoolId = t.schoolId;
        r.collegeId = t.collegeId;
        r.studentId = t.studentId;
        r.codeHash = hashes.at(i);
        r.createdAt = now;
        r.expiresAt = expiresAt;
        rows.append(r);
        if (progress && (i % 256 == 0 || i + 1 == targets.size()))
            progress(i + 1, int(targets.size()));
    }
    repo.insertCodes(rows);

    AuditEntry e;
    e.staffId = m_actor.staffId;
    e.staffName = m_actor.staffName;
    e.action = QStringLiteral("codes.generate");
    e.targetType = QStringLiteral("code_batch");
    e.targetId = QString::number(batch.id);
    e.collegeId = sel.collegeId;
    e.afterJson = QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("codes"), int(rows.size())},
                                                              {QStringLiteral("revoked_old"), revoked},
                                                              {QStringLiteral("college_id"), sel.collegeId},
                                                              {QStringLiteral("class_id"), sel.classId},
                                                              {QStringLiteral("expires_at"), expiresAt}})
                                        .toJson(QJsonDocument::Compact));
    db::AuditRepo(m_db).append(e);
    tx.commit();
    return issued;
}

IssuedCode CodeService::generateBatchCode(qint64 schoolId, qint64 collegeId, const QString &label, qint64 expiresAt)
{
    db::CodeRepo repo(m_db);
    const qint64 now = db::nowMs();
    const QString code = newCode(kBatchDataChars);
    db::Transaction tx(m_db);
    const QStringList hashes = CodeKey::hashAll(m_db, schoolId, {code.left(kBatchDataChars)}, true);
    if (hashes.size() != 1)
        throw db::DbError(db::DbError::Kind::Permission, tr("The codes of this school cannot be hashed from this login."));
    db::CodeBatchRow batch;
    batch.schoolId = schoolId;
    batch.collegeId = collegeId;
    batch.kind = QStringLiteral("batch");
    batch.label = label;
    batch.createdBy = m_actor.staffId;
    batch.createdAt = now;
    batch.expiresAt = expiresAt;
    repo.insertBatch(batch);
    db::CodeRow r;
    r.batchId = batch.id;
    r.schoolId = schoolId;
    r.collegeId = collegeId;
    r.codeHash = hashes.constFirst();
    r.createdAt = now;
    r.expiresAt = expiresAt;
    repo.insertCodes({r});
    AuditEntry e;
    e.staffId = m_actor.staffId;
    e.staffName = m_actor.staffName;
    e.action = QStringLiteral("codes.generate_batch");
    e.targetType = QStringLiteral("code_batch");
    e.targetId = QString::number(batch.id);
    e.collegeId = collegeId;
    e.afterJson = QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("label"), label}, {QStringLiteral("expires_at"), expiresAt}})
                                        .toJson(QJsonDocument::Compact));
    db::AuditRepo(m_db).append(e);
    tx.commit();
    IssuedCode out;
    out.target.schoolId = schoolId;
    out.target.collegeId = collegeId;
    out.target.name = label;
    out.code = crockford::grouped(code);
    out.expiresAt = expiresAt;
    return out;
}

VerifyResult CodeService::verify(const QString &typed) const
{
    VerifyResult res;
    const QString code = crockford::canonical(typed);
    const int data = int(code.size()) - 1;
    if (data != kStudentDataChars && data != kBatchDataChars && data != kLegacyBatchDataChars) {
        res.status = VerifyResult::Status::BadFormat;
        return res;
    }
    if (!checkSymbolOk(code)) {
        res.status = VerifyResult::Status::Mistyped;
        return res;
    }
    db::CodeRepo repo(m_db);
    const QString dataSymbols = code.left(data);
    // Normally one school per database; try each school's key, the current scheme first,
    // then the one of codes issued before schema step 4 where this login holds the key.
    QStringList candidates;
    for (qint64 school : repo.schoolIds())
        candidates += CodeKey::hashAll(m_db, school, {dataSymbols}, false);
    if (!CodeKey::keyFileFromEnvironment().isEmpty()) {
        candidates.append(CodeKey::legacyHash(CodeKey::forSchool(m_db, 0, false), dataSymbols));
    } else if (m_db.canRead(QStringLiteral("code_keys"))) {
        for (const auto &k : repo.allKeys())
            candidates.append(CodeKey::legacyHash(QByteArray::fromHex(k.second.toLatin1()), dataSymbols));
    }
    for (const QString &h : std::as_const(candidates)) {
        const auto row = repo.findByHash(h);
        if (!row)
            continue;
        res.row = *row;
        if (row->revokedAt)
            res.status = VerifyResult::Status::Revoked;
        else if (row->expiresAt && row->expiresAt <= db::nowMs())
            res.status = VerifyResult::Status::Expired;
        else
            res.status = VerifyResult::Status::Valid;
        return res;
    }
    res.status = VerifyResult::Status::Unknown;
    return res;
}

bool CodeService::revoke(qint64 codeId, const QString &reason)
{
    db::CodeRepo repo(m_db);
    db::Transaction tx(m_db);
    const auto row = repo.get(codeId);
    if (!row || !repo.revoke(codeId, reason.isEmpty() ? QStringLiteral("revoked") : reason, db::nowMs()))
        return false;
    AuditEntry e;
    e.staffId = m_actor.staffId;
    e.staffName = m_actor.staffName;
    e.action = QStringLiteral("codes.revoke");
    e.targetType = QStringLiteral("collection_code");
    e.targetId = QString::number(codeId);
    e.collegeId = row->collegeId;
    e.reason = reason;
    e.beforeJson = QStringLiteral("{\"revoked\":false}");
    e.afterJson = QStringLiteral("{\"revoked\":true}");
    db::AuditRepo(m_db).append(e);
    tx.commit();
    return true;
}

} // namespace tucai::codes
