#pragma once
#include "model/records.h"

#include <QDate>
#include <QMetaType>
#include <QString>
#include <algorithm>

namespace tucai::review {

// Who is asking: the queue and every decision are limited to what this staff member may see.
struct ReviewScope
{
    qint64 staffId = 0;
    qint64 schoolId = 0;
    StaffRole role = StaffRole::Reviewer;
    qint64 collegeId = 0;   // college admins
    QString staffName;
};

// What the queue is ordered by (the column headers): photo id breaks ties.
enum class QueueSort : quint8 { Time, StudentNo, Name, Class, Status };

// The filter and order of the review queue. Paging is keyset on (sort key, id): never OFFSET.
struct QueueQuery
{
    QString status = QStringLiteral("submitted"); // draft | submitted | approved | returned | empty = any
    qint64 collegeId = 0;
    qint64 classId = 0;
    QString rule;          // violated rule id (photo_violations)
    qint64 fromMs = 0;     // on the sort time (submitted_at; stored_at for drafts), inclusive
    qint64 toMs = 0;       // exclusive; 0 = open
    QString search;        // student number (prefix) or name (substring)
    QueueSort sort = QueueSort::Time;
    bool descending = false;   // with Time: newest first
    bool onlyUnchecked = false;

    // The time column the queue is ordered by for this status.
    bool sortsByStoredAt() const { return status.isEmpty() || status == QLatin1String("draft"); }
    bool operator==(const QueueQuery &) const = default;
};

// Position after the last row of a page: the sort key of that row (a time, or the text of
// the student number / name / class / status column) and its id.
struct QueueKey
{
    qint64 time = 0;
    qint64 id = 0;
    QString text;
    bool valid() const { return id != 0; }
    bool operator==(const QueueKey &) const = default;
};

// One line of the queue: compact, because a whole million-photo queue may be scrolled.
struct QueueRow
{
    qint64 id = 0;
    qint64 studentId = 0;
    qint64 sortTime = 0;
    qint32 collegeId = 0;
    qint32 classId = 0;
    qint32 rowVersion = 1;
    qint16 violations = 0;
    qint8 checkPassed = -1;   // -1 not checked, 0 failed, 1 passed
    char status = 's';        // d s a r p (draft submitted approved returned awaiting_payment), x other
    quint8 noLength = 0;
    QString text;             // student number then name in one string: one allocation per row

    QString studentNo() const { return text.left(noLength); }
    QString name() const { return text.mid(noLength); }
    void setStudent(const QString &no, const QString &nm)
    {
        noLength = quint8(std::min<qsizetype>(no.size(), 255));
        text = no.left(noLength) + nm;
    }
};

QString statusFromCode(char c);
char statusCode(const QString &status);

struct QueuePage
{
    quint64 generation = 0;
    QList<QueueRow> rows;
    QueueKey after;        // the key this page was asked for
    QueueKey next;         // where the following page starts
    bool atEnd = false;
    QString error;
};

} // namespace tucai::review

Q_DECLARE_METATYPE(tucai::review::QueuePage)
