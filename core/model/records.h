#pragma once
#include <QList>
#include <QString>
#include <QtGlobal>

namespace tucai {

// Plain records as stored in the collection database. Times are ms since the epoch (UTC).

struct School { qint64 id = 0; QString code; QString name; };
struct College { qint64 id = 0; qint64 schoolId = 0; QString code; QString name; };
struct ClassInfo { qint64 id = 0; qint64 collegeId = 0; QString code; QString name; int grade = 0; };

enum class StudentState {
    NotStarted, Verified, Drafting, CoolingOff, LockedLiveness, AwaitingPayment, AwaitingReview,
    Approved, Returned, Exported
};
QString toDbString(StudentState s);
StudentState studentStateFromDb(const QString &s);
QString displayName(StudentState s);              // translated
QList<StudentState> allStudentStates();

struct Student
{
    qint64 id = 0;
    qint64 schoolId = 0;
    qint64 collegeId = 0;
    qint64 classId = 0;
    QString studentNo;
    QString name;
    QString idNumber;
    QString phone;
    bool paid = false;
    StudentState state = StudentState::NotStarted;
    int livenessFailures = 0;
    int otherFailures = 0;
    int submissions = 0;
    int extraAttempts = 0;
    QString lockKind = QStringLiteral("none");    // none | liveness | cooling
    qint64 lockedUntil = 0;                       // 0 = not set
    bool notifyOptIn = false;
    QString returnReasons;                         // reason codes, comma separated
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    int rowVersion = 1;
};

struct CaptureAttempt
{
    qint64 id = 0;
    qint64 studentId = 0;
    qint64 collegeId = 0;
    qint64 occurredAt = 0;
    QString kind;        // liveness | quality
    bool passed = false;
    QString reason;
};

struct Photo
{
    qint64 id = 0;
    qint64 studentId = 0;
    qint64 collegeId = 0;
    qint64 classId = 0;
    QString kind;        // draft | submitted
    QString status;      // draft | submitted | approved | returned | deleted
    QString sha256;
    qint64 storedAt = 0;
    qint64 submittedAt = 0;
    QString checkReport; // JSON
    int checkPassed = -1; // -1 not checked, 0 failed, 1 passed
    QString engineVersion;
    QString profileVersion;
    qint64 checkedAt = 0;
    QString decision;    // approved | returned | empty
    QString reasons;     // reason codes, comma separated
    QString reasonNote;
    qint64 reviewerId = 0;
    qint64 decidedAt = 0;
    int rowVersion = 1;
};

enum class StaffRole { SchoolAdmin, CollegeAdmin, Reviewer };
QString toDbString(StaffRole r);
StaffRole staffRoleFromDb(const QString &s);
QString displayName(StaffRole r);

struct Staff
{
    qint64 id = 0;
    qint64 schoolId = 0;
    QString username;
    QString displayName;
    StaffRole role = StaffRole::Reviewer;
    qint64 collegeId = 0;  // college admins
    QString passwordHash;
    int failedLogins = 0;
    qint64 lockedUntil = 0;
    bool active = true;
    QString dbRole;
    qint64 createdAt = 0;
    int rowVersion = 1;
};

struct Notice
{
    qint64 id = 0;
    qint64 schoolId = 0;
    qint64 collegeId = 0; // 0 = whole school
    QString title;
    QString bodyHtml;
    qint64 windowStart = 0;
    qint64 windowEnd = 0;
    QString dailyHours;
    QString closureDays;
    int feeCents = 0;
    QString contacts;
    QString state = QStringLiteral("draft");
    qint64 publishAt = 0;
    qint64 publishedAt = 0;
    qint64 createdBy = 0;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    int rowVersion = 1;
};

struct AuditEntry
{
    qint64 id = 0;
    qint64 occurredAt = 0;
    qint64 staffId = 0;
    QString staffName;
    QString action;
    QString targetType;
    QString targetId;
    qint64 collegeId = 0;
    QString reason;
    QString beforeJson;
    QString afterJson;
    // What the server recorded a staff login changing in the entry's transaction (JSON;
    // PostgreSQL only, empty on SQLite). Covered by the hash when not empty.
    QString changes;
    QString prevHash;
    QString hash;
};

struct OutboxMessage
{
    qint64 id = 0;
    qint64 createdAt = 0;
    qint64 studentId = 0;
    QString kind;
    QString payloadJson;
    QString idempotencyKey;
    QString status = QStringLiteral("pending");
    int attempts = 0;
};

// Masks an ID number for lists: 3201**********1234.
QString maskIdNumber(const QString &idNumber);

} // namespace tucai
