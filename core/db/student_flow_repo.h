#pragma once
#include "model/records.h"

#include <QHash>
#include <QList>

namespace tucai::db {

class Database;

// What the student side writes on its own (core/sim/student_flow.h): the student's progress
// through verification, shots, the draft box, submission and payment, and the request journal
// that makes each action idempotent. Photos, blobs and attempts go through PhotoRepo/StudentRepo.
class StudentFlowRepo final
{
public:
    explicit StudentFlowRepo(const Database &db) : m_db(db) {}

    // True when an action with this idempotency key was committed.
    bool requestDone(const QString &key) const;
    // Records the action in its transaction; a second action with the same key fails (Constraint).
    void recordRequest(const QString &key, qint64 studentId, const QString &kind, qint64 at);
    // Actions recorded whose key starts with `prefix` (one simulator run), per kind.
    QHash<QString, qint64> requestCounts(const QString &prefix) const;

    // Every column the student side changes, guarded by the row version the action read:
    // false when someone (a reviewer, a staff member) changed the student meanwhile. Not shared
    // with AccountRepo::updateAccountState on purpose: staff logins run that one, and on PostgreSQL
    // they may neither write the phone, payment and submission columns nor read the real phone.
    bool updateStudent(const Student &s, int expectedVersion);
    // Changes a photo's status from `from` to `to` (draft deleted, payment made), guarded by its version.
    bool movePhoto(qint64 photoId, int expectedVersion, const QString &from, const QString &to);

    // Students of the school in the given states (database strings), in id order.
    QList<qint64> studentsInStates(qint64 schoolId, const QStringList &states) const;
    // State and row version of each student (those that exist).
    struct Progress { QString state; int rowVersion = 0; };
    QHash<qint64, Progress> progress(const QList<qint64> &studentIds) const;

private:
    const Database &m_db;
};

} // namespace tucai::db
