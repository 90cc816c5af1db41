#pragma once
#include "model/records.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

namespace tucai::db {

class Database;
class Query;

// Filters of the students page. Empty/zero fields do not filter.
struct StudentFilter
{
    enum class Status {
        Any, LockedLiveness, CoolingOff, DraftBoxFull, NotStarted, AwaitingPayment, AwaitingReview, Returned, Approved, Unpaid,
        // The dashboard's groups: verified or drafting; submitted (payment or review); any lock.
        Drafting, Submitted, LockedAny
    };
    Status status = Status::Any;
    QString search;          // student number, name or phone (substring)
    qint64 collegeId = 0;
    qint64 classId = 0;
    int draftCapacity = 5;   // for DraftBoxFull
    // Scope of the signed-in staff member: a college admin's college, or a
    // reviewer's assignments (staff id); 0 = whole school.
    qint64 scopeCollegeId = 0;
    qint64 scopeReviewerId = 0;
};

// One row of the students list: the record plus names and counters.
struct StudentRow
{
    Student student;
    QString collegeName;
    QString className;
    int drafts = 0;
    int attempts = 0;
};

// The SQL behind account actions and the students page.
class AccountRepo final
{
public:
    explicit AccountRepo(const Database &db) : m_db(db) {}

    // Writes the lock/counter/state fields of `after` when the row still has
    // `expectedVersion`; false when someone else changed it first.
    bool updateAccountState(const Student &after, int expectedVersion);
    int activeDraftCount(qint64 studentId) const;
    // Reset for a re-shoot: drafts leave the draft box, live submissions are
    // marked returned with the reason code "reset".
    int retireDrafts(qint64 studentId);
    int returnActiveSubmissions(qint64 studentId, qint64 staffId, qint64 now);

    qint64 countStudents(const StudentFilter &f) const;
    // Rows [offset, offset+limit) ordered by college, class, student number.
    QList<StudentRow> students(const StudentFilter &f, int offset, int limit) const;
    QList<Photo> photosOf(qint64 studentId) const;

    // Staff administration.
    bool setStaffActive(qint64 staffId, bool active, int expectedVersion);
    void setStaffPasswordHash(qint64 staffId, const QString &hash); // also clears a log-in lock
    struct Scope { qint64 collegeId = 0; qint64 classId = 0; };
    QList<Scope> staffScopes(qint64 staffId) const;

private:
    QString whereClause(const StudentFilter &f) const;
    void bindFilter(Query &q, const StudentFilter &f) const;
    const Database &m_db;
};

} // namespace tucai::db
