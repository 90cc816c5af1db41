#pragma once
#include "model/records.h"
#include "review/queue_query.h"

#include <QHash>
#include <atomic>
#include <optional>

namespace tucai::db {

class Database;

// Everything the review queue and its decisions say to the database. The
// queue pages by keyset on (sort time, id) and always applies the staff
// member's scope (school admin: all; college admin: own college; reviewer:
// the colleges/classes of staff_scopes).
class ReviewRepo final
{
public:
    explicit ReviewRepo(const Database &db) : m_db(db) {}

    // Up to `limit` rows after `after` in the query's order; `next` receives the key of the last row.
    QList<review::QueueRow> page(const review::ReviewScope &scope, const review::QueueQuery &query,
                                 const review::QueueKey &after, int limit, review::QueueKey *next = nullptr) const;
    qint64 count(const review::ReviewScope &scope, const review::QueueQuery &query) const;

    struct Candidate { qint64 id = 0; int rowVersion = 0; };
    // Photos of the filter whose stored report passed every rule (no failure, nothing uncertain).
    QList<Candidate> passingCandidates(const review::ReviewScope &scope, const review::QueueQuery &query) const;
    // Ids of the filter (for re-checking everything that matches), at most `limit`.
    QList<qint64> matchingIds(const review::ReviewScope &scope, const review::QueueQuery &query, int limit) const;
    qint64 uncheckedCount(const review::ReviewScope &scope, const review::QueueQuery &query) const;
    bool inScope(const review::ReviewScope &scope, qint64 photoId) const;

    // The decision itself: changes the row only when nobody changed it since `expectedVersion`.
    bool applyDecision(qint64 photoId, int expectedVersion, const QString &status, const QString &decision,
                       const QString &reasons, const QString &note, qint64 reviewerId, qint64 decidedAt);
    struct Decided { QString status; QString decision; qint64 reviewerId = 0; QString reviewerName; qint64 decidedAt = 0; int rowVersion = 0; };
    // Who decided the photo and when (after a lost race).
    std::optional<Decided> decidedState(qint64 photoId) const;

    // Student side of a decision; returns the student's new row_version.
    int setStudentReviewState(qint64 studentId, const QString &state, const QString &returnReasons);
    int studentRowVersion(qint64 studentId) const;
    // True when the student stored a newer photo after `sinceMs` (they acted on the decision).
    bool studentStoredPhotoSince(qint64 studentId, qint64 sinceMs) const;
    // Withdraws a notification that has not gone out yet (status 'withdrawn'); false when it was
    // already sent or is being sent.
    bool cancelPendingOutbox(qint64 outboxId);

    // The class order sorts the matching photos in one query when fewer than this many match,
    // else it reads class by class. Tests lower it to exercise both ways on a small school.
    static void setClassSortAtMost(int n) { s_classSortAtMost = n; }
    static int classSortAtMost() { return s_classSortAtMost; }

    QHash<qint64, QString> collegeNames() const;
    // Colleges the scope may see (for the filter), in code order.
    QList<QPair<qint64, QString>> scopedColleges(const review::ReviewScope &scope) const;
    QHash<qint64, QString> classNames() const;
    QString staffName(qint64 staffId) const;
    // How often each return reason was given (reason code -> returns), over the returns this
    // connection may read; the return dialog puts the most used ones on the digit keys.
    QHash<QString, int> reasonUsage() const;

private:
    struct Where;
    Where where(const review::ReviewScope &scope, const review::QueueQuery &query) const;
    QList<review::QueueRow> pageByClass(const review::ReviewScope &scope, const review::QueueQuery &query,
                                        const review::QueueKey &after, int limit, review::QueueKey *next) const;
    QList<review::QueueRow> pageByClassSorted(const review::ReviewScope &scope, const review::QueueQuery &query,
                                              const review::QueueKey &after, int limit, review::QueueKey *next) const;
    const Database &m_db;
    static std::atomic<int> s_classSortAtMost;
};

} // namespace tucai::db
