#pragma once
// A small school for the account, import and row-level security tests:
// two colleges with one class each, students in the lock states, photos,
// a school admin, a college admin of college 1 and a reviewer of college 1.
#include "accounts/password.h"
#include "db/database.h"
#include "db/photo_repo.h"
#include "db/school_repo.h"
#include "db/staff_repo.h"
#include "db/student_repo.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace tucai::test {

// Plain SQL on a connection opened as some login (no app code): the first value of a query
// (fatal when it fails), and the rows a change affected or -1 when the server refused it.
inline qint64 sqlScalar(QSqlDatabase &c, const QString &sql)
{
    QSqlQuery q(c);
    if (!q.exec(sql) || !q.next())
        qFatal("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
    return q.value(0).toLongLong();
}
inline int sqlChange(QSqlDatabase &c, const QString &sql, QString *error = nullptr)
{
    QSqlQuery q(c);
    if (!q.exec(sql)) {
        if (error)
            *error = q.lastError().text();
        return -1;
    }
    return q.numRowsAffected();
}

struct MiniSchool
{
    qint64 school = 0, college1 = 0, college2 = 0, class1 = 0, class2 = 0;
    qint64 admin = 0, collegeAdmin = 0, reviewer = 0;
    qint64 locked1 = 0, locked2 = 0, cooling1 = 0, review1 = 0, review2 = 0, fresh1 = 0;
    qint64 photo1 = 0, photo2 = 0;
    QString sha2;  // bytes of college 2's photo
};

inline Student makeStudent(const MiniSchool &m, qint64 college, qint64 cls, const QString &no, StudentState st)
{
    Student s;
    s.schoolId = m.school;
    s.collegeId = college;
    s.classId = cls;
    s.studentNo = no;
    s.name = QStringLiteral("学生") + no;
    s.idNumber = QStringLiteral("32010219990101%1").arg(no.right(4));
    s.state = st;
    return s;
}

inline MiniSchool buildMiniSchool(const db::Database &db)
{
    MiniSchool m;
    db::SchoolRepo schools(db);
    db::StudentRepo students(db);
    db::StaffRepo staff(db);
    db::PhotoRepo photos(db);
    db::Transaction tx(db);
    m.school = schools.insertSchool(QStringLiteral("10001"), QStringLiteral("测试大学"));
    m.college1 = schools.insertCollege(m.school, QStringLiteral("C01"), QStringLiteral("计算机学院"));
    m.college2 = schools.insertCollege(m.school, QStringLiteral("C02"), QStringLiteral("外国语学院"));
    m.class1 = schools.insertClass(m.college1, QStringLiteral("C0101"), QStringLiteral("计算机2201班"), 2022);
    m.class2 = schools.insertClass(m.college2, QStringLiteral("C0201"), QStringLiteral("英语2201班"), 2022);

    auto add = [&](qint64 college, qint64 cls, const char *no, StudentState st) {
        Student s = makeStudent(m, college, cls, QString::fromLatin1(no), st);
        if (st == StudentState::LockedLiveness) {
            s.lockKind = QStringLiteral("liveness");
            s.livenessFailures = 3;
        } else if (st == StudentState::CoolingOff) {
            s.lockKind = QStringLiteral("cooling");
            s.otherFailures = 3;
            s.lockedUntil = db::nowMs() + 30 * 60 * 1000;
        } else if (st == StudentState::AwaitingReview) {
            s.paid = true;
            s.submissions = 1;
        }
        students.insert(s);
        if (st == StudentState::LockedLiveness)
            for (int k = 0; k < 3; ++k) {
                CaptureAttempt a;
                a.studentId = s.id;
                a.collegeId = college;
                a.kind = QStringLiteral("liveness");
                a.reason = QStringLiteral("活体检测未通过");
                students.insertAttempt(a);
            }
        return s.id;
    };
    m.locked1 = add(m.college1, m.class1, "2022010001", StudentState::LockedLiveness);
    m.cooling1 = add(m.college1, m.class1, "2022010002", StudentState::CoolingOff);
    m.review1 = add(m.college1, m.class1, "2022010003", StudentState::AwaitingReview);
    m.fresh1 = add(m.college1, m.class1, "2022010004", StudentState::NotStarted);
    m.locked2 = add(m.college2, m.class2, "2022020001", StudentState::LockedLiveness);
    m.review2 = add(m.college2, m.class2, "2022020003", StudentState::AwaitingReview);

    auto addPhoto = [&](qint64 student, qint64 college, qint64 cls, const QByteArray &bytes, const char *kind, const char *status) {
        Photo p;
        p.studentId = student;
        p.collegeId = college;
        p.classId = cls;
        p.kind = QString::fromLatin1(kind);
        p.status = QString::fromLatin1(status);
        p.sha256 = photos.putBlob(bytes);
        p.storedAt = db::nowMs();
        photos.insert(p);
        return p.id;
    };
    m.photo1 = addPhoto(m.review1, m.college1, m.class1, QByteArray("photo of college 1"), "submitted", "submitted");
    addPhoto(m.review1, m.college1, m.class1, QByteArray("draft of college 1"), "draft", "draft");
    m.photo2 = addPhoto(m.review2, m.college2, m.class2, QByteArray("photo of college 2"), "submitted", "submitted");
    m.sha2 = db::PhotoRepo::sha256Hex(QByteArray("photo of college 2"));

    auto addStaff = [&](const char *user, StaffRole role, qint64 college) {
        Staff s;
        s.schoolId = m.school;
        s.username = QString::fromLatin1(user);
        s.displayName = s.username;
        s.role = role;
        s.collegeId = college;
        s.passwordHash = accounts::hashPassword(QStringLiteral("Secret-2026"), accounts::HashStrength::Fast);
        staff.insert(s);
        return s.id;
    };
    m.admin = addStaff("admin", StaffRole::SchoolAdmin, 0);
    m.collegeAdmin = addStaff("college01", StaffRole::CollegeAdmin, m.college1);
    m.reviewer = addStaff("reviewer1", StaffRole::Reviewer, 0);
    staff.addScope(m.reviewer, m.college1);
    tx.commit();
    return m;
}

} // namespace tucai::test
