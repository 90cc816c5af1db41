#pragma once
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <functional>

namespace tucai::db {

class Database;

// One row that breaks an invariant of the collection database: the rule it breaks, the
// table and id of the row, and the values the rule's message names (in the rule's order).
struct IntegrityRow
{
    QString rule;
    QString table;
    qint64 id = 0;
    QVariantList values;
};

// The queries of `tucai db check` (core/integrity/integrity_check.h says what each rule means).
// Every rule that is one query returns only the rows that break it, so a sound database costs
// a few scans and no rows.
class IntegrityRepo final
{
public:
    explicit IntegrityRepo(const Database &db) : m_db(db) {}

    // The rules that are one query each, in the order they are run.
    static QStringList queryRules();
    // The rows breaking one of queryRules(), at most `limit` (the caller asks for one more
    // than it prints to know there are more).
    QList<IntegrityRow> violations(const QString &rule, int limit) const;

    QList<qint64> schoolIds() const;
    // Students of one school with more drafts in the draft box than `capacity`.
    QList<IntegrityRow> draftsOverCapacity(qint64 schoolId, int capacity, int limit) const;

    // Photos with a decision: id, student, decision, and whether a reset (not a reviewer) made it.
    struct DecidedPhoto
    {
        qint64 id = 0;
        qint64 studentId = 0;
        QString decision;
        bool byReset = false;
    };
    void forEachDecidedPhoto(const std::function<void(const DecidedPhoto &)> &visit) const;
    // Notifications that were not withdrawn, by kind: photo decisions by photo id (read from
    // the idempotency key, "kind:photo:version"), account resets by student id.
    struct Notified
    {
        QSet<qint64> approvedPhotos;
        QSet<qint64> returnedPhotos;
        QSet<qint64> resetStudents;
    };
    Notified notifications() const;

private:
    const Database &m_db;
};

} // namespace tucai::db
