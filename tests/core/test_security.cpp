// The database, not the app, decides what a staff login may do (issue 14): every test
// logs in as a staff member's own PostgreSQL role (school admin, college admin,
// reviewer, and a login of a second database on the same cluster) and tries an attack
// with plain SQL. Each is refused or has no effect; the legitimate action through the
// app code still works (see also test_rls, test_codes_rls, test_review).
#include "test_accounts_fixture.h"
#include "test_support.h"

#include "accounts/auth_service.h"
#include "codes/code_key.h"
#include "codes/code_service.h"
#include "codes/crockford.h"
#include "accounts/staff_service.h"
#include "db/audit_repo.h"
#include "db/migrations.h"
#include "db/outbox_delivery_repo.h"
#include "review/decision_service.h"
#include "db/server_security.h"
#include "db/settings_repo.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace tucai;

namespace {
const QString kPassword = QStringLiteral("Staff-Pass-2026");
}

class TestSecurity : public QObject
{
    Q_OBJECT

    std::unique_ptr<db::Database> m_a, m_b;  // two databases of one cluster, as their owner
    test::MiniSchool a, b;
    qint64 m_school2 = 0, m_admin2 = 0;     // a second school inside database A
    QString m_adminA, m_collegeA, m_reviewerA, m_admin2A, m_adminB;
    int m_connections = 0;

    static QString syncAll(const db::Database &owner, const QList<qint64> &staff, QStringList *roles)
    {
        accounts::StaffService::syncAllRoles(owner);
        db::ServerSecurity security(owner);
        for (qint64 id : staff)
            *roles << security.syncStaffRole(id, kPassword);
        return roles->value(0);
    }
    // A plain Qt connection (no app code) as `role` on the owner's server and database.
    QSqlDatabase login(const db::Database &owner, const QString &role, QString *error = nullptr)
    {
        const QString name = QStringLiteral("sec%1").arg(++m_connections);
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        c.setHostName(owner.target().host);
        c.setPort(owner.target().port);
        c.setDatabaseName(owner.target().database);
        c.setUserName(role);
        c.setPassword(kPassword);
        if (!c.open() && error)
            *error = c.lastError().text();
        return c;
    }
    static qint64 scalar(QSqlDatabase &c, const QString &sql) { return test::sqlScalar(c, sql); }
    static int change(QSqlDatabase &c, const QString &sql, QString *error = nullptr) { return test::sqlChange(c, sql, error); }
    // Statements that cannot be prepared (DDL), as the owner.
    static void ownerRun(const db::Database &owner, const QString &sql)
    {
        QSqlQuery q(owner.connection());
        if (!q.exec(sql))
            qFatal("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
    }
    static qint64 ownerScalar(const db::Database &owner, const QString &sql) { return db::Query(owner, sql).scalar().toLongLong(); }
    static QString ownerText(const db::Database &owner, const QString &sql) { return db::Query(owner, sql).scalar().toString(); }
    static QString serverLogPath()
    {
        const QString urlFile = qEnvironmentVariable("TUCAI_TEST_PG_URL_FILE");
        return urlFile.isEmpty() ? QString() : QFileInfo(urlFile).absolutePath() + QStringLiteral("/server.log");
    }

private Q_SLOTS:
    void initTestCase()
    {
        TUCAI_REQUIRE_PG();
        m_a = test::freshPgDatabase(QStringLiteral("tucai_test_sec_a"));
        m_a->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        a = test::buildMiniSchool(*m_a);
        // A second school in the same database, with its own administrator.
        {
            db::Transaction tx(*m_a);
            m_school2 = db::SchoolRepo(*m_a).insertSchool(QStringLiteral("10002"), QStringLiteral("第二大学"));
            Staff s;
            s.schoolId = m_school2;
            s.username = QStringLiteral("admin2");
            s.displayName = s.username;
            s.role = StaffRole::SchoolAdmin;
            s.passwordHash = accounts::hashPassword(kPassword, accounts::HashStrength::Fast);
            db::StaffRepo(*m_a).insert(s);
            m_admin2 = s.id;
            db::SettingsRepo(*m_a).set(a.school, QStringLiteral("webhook_url"), QStringLiteral("https://school1.example/hook"), 0);
            tx.commit();
        }
        QStringList rolesA;
        syncAll(*m_a, {a.admin, a.collegeAdmin, a.reviewer, m_admin2}, &rolesA);
        m_adminA = rolesA[0];
        m_collegeA = rolesA[1];
        m_reviewerA = rolesA[2];
        m_admin2A = rolesA[3];

        m_b = test::freshPgDatabase(QStringLiteral("tucai_test_sec_b"));
        m_b->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        b = test::buildMiniSchool(*m_b);
        QStringList rolesB;
        m_adminB = syncAll(*m_b, {b.admin}, &rolesB);
    }

    // Finding: the tucai_* group roles were cluster-wide, so a login of database B was a
    // member of the groups database A granted to. Now each database has its own groups,
    // and only those may connect.
    void secondDatabaseLoginIsLockedOut()
    {
        const QString prefixA = ownerText(*m_a, QStringLiteral("SELECT prefix FROM tucai_server_roles"));
        const QString prefixB = ownerText(*m_b, QStringLiteral("SELECT prefix FROM tucai_server_roles"));
        QVERIFY(prefixA != prefixB);
        QVERIFY2(m_adminA.startsWith(prefixA + QStringLiteral("_staff_")), qPrintable(m_adminA));
        QVERIFY2(m_adminB.startsWith(prefixB + QStringLiteral("_staff_")), qPrintable(m_adminB));
        // B's school administrator (a working login of B) cannot even connect to A.
        QString error;
        QSqlDatabase ok = login(*m_b, m_adminB, &error);
        QVERIFY2(ok.isOpen(), qPrintable(error));
        QSqlDatabase intoA = login(*m_a, m_adminB, &error);
        QVERIFY(!intoA.isOpen());
        QVERIFY2(error.contains(QStringLiteral("permission denied for database")), qPrintable(error));
        // ... and is a member of none of A's groups.
        for (const char *kind : {"school_admin", "college_admin", "reviewer"})
            QCOMPARE(ownerScalar(*m_a, QStringLiteral("SELECT pg_has_role('%1', tucai_group('%2'), 'MEMBER')::int").arg(m_adminB, QLatin1String(kind))), 0);
        // From B, A's functions are out of reach too: B's login is in no role A granted anything to.
        QCOMPARE(scalar(ok, QStringLiteral("SELECT COUNT(*) FROM pg_roles r WHERE r.rolname LIKE 'tucai\\_%' AND pg_has_role(r.oid, 'MEMBER') "
                                           "AND r.rolname NOT LIKE '%1%'").arg(prefixB)),
                 0);
        // A's own staff still connect.
        QSqlDatabase reviewer = login(*m_a, m_reviewerA, &error);
        QVERIFY2(reviewer.isOpen(), qPrintable(error));
    }

    // Finding: ALTER DEFAULT PRIVILEGES made every later table readable by all staff.
    void laterTablesStayPrivate()
    {
        ownerRun(*m_a, QStringLiteral("CREATE TABLE later_secret (x INTEGER)"));
        db::Query(*m_a, QStringLiteral("INSERT INTO later_secret VALUES (42)")).exec();
        QSqlDatabase c = login(*m_a, m_reviewerA);
        QString error;
        QSqlQuery q(c);
        QVERIFY(!q.exec(QStringLiteral("SELECT x FROM later_secret")));
        QVERIFY2(q.lastError().text().contains(QStringLiteral("permission denied")), qPrintable(q.lastError().text()));
        // Functions are not callable by PUBLIC either: a later SECURITY DEFINER function is private.
        ownerRun(*m_a, QStringLiteral("CREATE FUNCTION later_fn() RETURNS INT LANGUAGE sql SECURITY DEFINER AS $$ SELECT 1 $$"));
        QVERIFY(!q.exec(QStringLiteral("SELECT later_fn()")));
        QVERIFY2(q.lastError().text().contains(QStringLiteral("permission denied")), qPrintable(q.lastError().text()));
        ownerRun(*m_a, QStringLiteral("DROP TABLE later_secret"));
        ownerRun(*m_a, QStringLiteral("DROP FUNCTION later_fn()"));
    }

    // Finding: GRANT UPDATE ON photos covered every column.
    void photoIdentityIsFrozen()
    {
        QSqlDatabase c = login(*m_a, m_collegeA);
        const QString otherSha = ownerText(*m_a, QStringLiteral("SELECT sha256 FROM photos WHERE id <> %1 AND college_id = %2 LIMIT 1")
                                                      .arg(a.photo1).arg(a.college1));
        const QString before = ownerText(*m_a, QStringLiteral("SELECT sha256 || student_id || class_id || stored_at FROM photos WHERE id = %1").arg(a.photo1));
        for (const QString &set : {QStringLiteral("sha256 = '%1'").arg(otherSha), QStringLiteral("student_id = %1").arg(a.fresh1),
                                   QStringLiteral("class_id = %1").arg(a.class2), QStringLiteral("stored_at = 0"),
                                   QStringLiteral("kind = 'draft'")}) {
            QString error;
            QCOMPARE(change(c, QStringLiteral("UPDATE photos SET %1 WHERE id = %2").arg(set).arg(a.photo1), &error), -1);
            QVERIFY2(error.contains(QStringLiteral("permission denied")), qPrintable(error));
        }
        QCOMPARE(ownerText(*m_a, QStringLiteral("SELECT sha256 || student_id || class_id || stored_at FROM photos WHERE id = %1").arg(a.photo1)), before);
    }

    // Finding: a student (or photo) could be given a class of another college.
    void classStaysInItsCollege()
    {
        QSqlDatabase c = login(*m_a, m_collegeA);
        QString error;
        // (the row-level policies already refuse a class they cannot see)
        QCOMPARE(change(c, QStringLiteral("UPDATE students SET class_id = %1 WHERE id = %2").arg(a.class2).arg(a.fresh1), &error), -1);
        // A row the policies would let in: its own college, the other college's class.
        QCOMPARE(change(c, QStringLiteral("INSERT INTO students (school_id, college_id, class_id, student_no, name, created_at, updated_at) "
                                          "VALUES (%1, %2, %3, 'X9', 'x', 0, 0)").arg(a.school).arg(a.college1).arg(a.class2), &error), -1);
        QVERIFY2(error.contains(QStringLiteral("students_class_in_college")), qPrintable(error));
        // Even the owner (whom no policy limits) cannot make such a row any more.
        QVERIFY_THROWS_EXCEPTION(db::DbError, db::Query(*m_a, QStringLiteral("UPDATE students SET class_id = :k WHERE id = :id"))
                                                  .bind(QStringLiteral(":k"), a.class2).bind(QStringLiteral(":id"), a.fresh1).exec());
        QCOMPARE(ownerScalar(*m_a, QStringLiteral("SELECT class_id FROM students WHERE id = %1").arg(a.fresh1)), a.class1);
        // A legitimate move inside the college keeps its photos with the student.
        const qint64 class1b = db::SchoolRepo(*m_a).insertClass(a.college1, QStringLiteral("C0102"), QStringLiteral("计算机2202班"), 2022);
        QCOMPARE(change(c, QStringLiteral("UPDATE students SET class_id = %1 WHERE id = %2").arg(class1b).arg(a.review1), &error), 1);
        QCOMPARE(ownerScalar(*m_a, QStringLiteral("SELECT COUNT(*) FROM photos WHERE student_id = %1 AND class_id <> %2").arg(a.review1).arg(class1b)), 0);
        QCOMPARE(change(c, QStringLiteral("UPDATE students SET class_id = %1 WHERE id = %2").arg(a.class1).arg(a.review1), &error), 1);
        QCOMPARE(ownerScalar(*m_a, QStringLiteral("SELECT COUNT(*) FROM photos WHERE student_id = %1 AND class_id <> %2").arg(a.review1).arg(a.class1)), 0);
    }

    // Finding: school-wide policies (college_id NULL) did not check school_id.
    void schoolWideRowsStayInTheirSchool()
    {
        db::Query(*m_a, QStringLiteral("INSERT INTO notices (school_id, title, state, created_at, updated_at) VALUES (:s, 'school 1 notice', 'draft', 0, 0)"))
            .bind(QStringLiteral(":s"), a.school)
            .exec();
        db::Query(*m_a, QStringLiteral("INSERT INTO code_batches (school_id, kind, created_at) VALUES (:s, 'batch', 0)")).bind(QStringLiteral(":s"), a.school).exec();
        QSqlDatabase c = login(*m_a, m_admin2A);
        QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(*) FROM notices")), 0);
        QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(*) FROM code_batches")), 0);
        QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(*) FROM settings")), 0);
        QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(*) FROM staff")), 1);  // themselves
        QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(*) FROM staff_scopes")), 0);
        QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(*) FROM students")), 0);
        QString error;
        QCOMPARE(change(c, QStringLiteral("UPDATE settings SET value = 'http://evil.example/' WHERE name = 'webhook_url'")), 0);
        QCOMPARE(change(c, QStringLiteral("INSERT INTO settings (school_id, name, value, updated_at) VALUES (%1, 'webhook_url', 'x', 0)")
                               .arg(a.school), &error), -1);
        QCOMPARE(change(c, QStringLiteral("UPDATE staff SET active = 0 WHERE id = %1").arg(a.admin)), 0);
        QCOMPARE(change(c, QStringLiteral("INSERT INTO notices (school_id, title, created_at, updated_at) VALUES (%1, 'fake', 0, 0)").arg(a.school), &error), -1);
        // Nor can they reset the password of another school's staff through the server function.
        QCOMPARE(change(c, QStringLiteral("SELECT tucai_sync_staff_role(%1, NULL)").arg(a.admin), &error), -1);
        QVERIFY2(error.contains(QStringLiteral("not allowed")), qPrintable(error));
        QCOMPARE(ownerText(*m_a, QStringLiteral("SELECT value FROM settings WHERE school_id = %1 AND name = 'webhook_url'").arg(a.school)),
                 QStringLiteral("https://school1.example/hook"));
        // School 1's own administrator sees and changes them.
        QSqlDatabase own = login(*m_a, m_adminA);
        QCOMPARE(scalar(own, QStringLiteral("SELECT COUNT(*) FROM notices WHERE title = 'school 1 notice'")), 1);
        QCOMPARE(scalar(own, QStringLiteral("SELECT COUNT(*) FROM settings")), 1);
    }

    // Finding: notice_versions and notice_attachments had no row security.
    void noticeVersionsAndAttachmentsFollowTheirNotice()
    {
        const qint64 notice2 = db::Query(*m_a, QStringLiteral("INSERT INTO notices (school_id, college_id, title, created_at, updated_at) "
                                                               "VALUES (:s, :c, 'college 2 notice', 0, 0) RETURNING id"))
                                   .bind(QStringLiteral(":s"), a.school)
                                   .bind(QStringLiteral(":c"), a.college2)
                                   .scalar()
                                   .toLongLong();
        db::Query(*m_a, QStringLiteral("INSERT INTO notice_versions (notice_id, version, state, title, body_html, changed_at) VALUES (:n, 1, 'draft', 't', 'secret draft', 0)"))
            .bind(QStringLiteral(":n"), notice2)
            .exec();
        db::Query(*m_a, QStringLiteral("INSERT INTO notice_attachments (notice_id, file_name, mime, bytes, created_at) VALUES (:n, 'a.pdf', 'application/pdf', 'x', 0)"))
            .bind(QStringLiteral(":n"), notice2)
            .exec();
        QSqlDatabase c = login(*m_a, m_collegeA);
        QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(*) FROM notice_versions WHERE notice_id = %1").arg(notice2)), 0);
        QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(*) FROM notice_attachments WHERE notice_id = %1").arg(notice2)), 0);
        QString error;
        QCOMPARE(change(c, QStringLiteral("INSERT INTO notice_attachments (notice_id, file_name, mime, bytes, created_at) "
                                          "VALUES (%1, 'evil.exe', 'application/octet-stream', 'x', 0)").arg(notice2), &error), -1);
        QVERIFY2(error.contains(QStringLiteral("row-level security")), qPrintable(error));
        QCOMPARE(change(c, QStringLiteral("DELETE FROM notice_attachments WHERE notice_id = %1").arg(notice2)), 0);
        QCOMPARE(ownerScalar(*m_a, QStringLiteral("SELECT COUNT(*) FROM notice_attachments WHERE notice_id = %1").arg(notice2)), 1);
        // The reviewer of college 1 does not see college 2's drafts either; the school admin does.
        QSqlDatabase r = login(*m_a, m_reviewerA);
        QCOMPARE(scalar(r, QStringLiteral("SELECT COUNT(*) FROM notice_versions WHERE notice_id = %1").arg(notice2)), 0);
        QSqlDatabase s = login(*m_a, m_adminA);
        QCOMPARE(scalar(s, QStringLiteral("SELECT COUNT(*) FROM notice_versions WHERE notice_id = %1").arg(notice2)), 1);
    }

    // Finding: passwords travelled in clear inside ALTER ROLE (server logs, pg_stat_activity).
    void passwordsReachTheServerOnlyAsVerifiers()
    {
        const QString log = serverLogPath();
        if (log.isEmpty() || !QFileInfo::exists(log))
            QSKIP("the test cluster's server.log is not reachable");
        // Log every statement of this database's sessions from now on.
        ownerRun(*m_a, QStringLiteral("ALTER DATABASE tucai_test_sec_a SET log_statement = 'all'"));
        const QString ownPassword = QStringLiteral("Own-Clear-Pw-7781");
        const QString resetPassword = QStringLiteral("Reset-Clear-Pw-9912");
        {
            db::DbTarget t = m_a->target();
            t.user = m_collegeA;
            t.password = kPassword;
            db::Database staff(t);
            staff.open();
            db::ServerSecurity(staff).setOwnPassword(ownPassword);
            staff.closeThisThread();
            t.password = ownPassword;
            db::Database again(t);
            again.open();  // the verifier the client computed matches the password
            QCOMPARE(db::ServerSecurity(again).currentUser(), m_collegeA);
            again.closeThisThread();
        }
        db::Database owner(m_a->target());  // a new session picks the log setting up
        db::ServerSecurity(owner).syncStaffRole(a.collegeAdmin, resetPassword);
        owner.closeThisThread();
        {
            db::DbTarget t = m_a->target();
            t.user = m_collegeA;
            t.password = resetPassword;
            db::Database again(t);
            again.open();
            again.closeThisThread();
        }
        ownerRun(*m_a, QStringLiteral("ALTER DATABASE tucai_test_sec_a RESET log_statement"));
        db::ServerSecurity(*m_a).syncStaffRole(a.collegeAdmin, kPassword);
        QFile f(log);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY2(text.contains("SCRAM-SHA-256$4096:"), "the verifier statements were not logged: the check below would prove nothing");
        QVERIFY(!text.contains(ownPassword.toUtf8()));
        QVERIFY(!text.contains(resetPassword.toUtf8()));
        // A non-ASCII password works the same way (both sides normalise before hashing).
        db::ServerSecurity(*m_a).syncStaffRole(a.reviewer, QStringLiteral("审核密码Abc2026"));
        {
            // Through the application's own connection code: on Windows, where Qt's driver hands
            // libpq the connection string in the ANSI code page, it goes by a password file.
            db::DbTarget t = m_a->target();
            t.user = m_reviewerA;
            t.password = QStringLiteral("审核密码Abc2026");
            db::Database reviewer(t);
            try {
                reviewer.open();
            } catch (const db::DbError &e) {
                QFAIL(qPrintable(e.message() + QStringLiteral(" | ") + e.detail()));
            }
            QCOMPARE(db::ServerSecurity(reviewer).currentUser(), m_reviewerA);
            reviewer.closeThisThread();
            // No password stays on the disk once the connection is open.
            QCOMPARE(QDir::temp().entryList({QStringLiteral("tucai-pg-*")}, QDir::Files), QStringList());
        }
        db::ServerSecurity(*m_a).syncStaffRole(a.reviewer, kPassword);
        // The server function takes verifiers only.
        QString error;
        QSqlDatabase admin = login(*m_a, m_adminA);
        QCOMPARE(change(admin, QStringLiteral("SELECT tucai_sync_staff_role(%1, 'plain-text-password-1')").arg(a.reviewer), &error), -1);
        QVERIFY2(error.contains(QStringLiteral("SCRAM")), qPrintable(error));
    }

    // Findings: the client computed the audit chain (any login could write the chain head and
    // append well-chained entries with any name, action and time), and a status changed with
    // plain SQL left no entry. Now the server appends, names and times the entries, hashes them
    // at commit, and records every change a staff login makes.
    void auditChainIsWrittenByTheServer()
    {
        QSqlDatabase c = login(*m_a, m_reviewerA);
        QString error;
        QCOMPARE(change(c, QStringLiteral("UPDATE audit_chain_head SET last_hash = 'forged'"), &error), -1);
        QVERIFY2(error.contains(QStringLiteral("permission denied")), qPrintable(error));
        QCOMPARE(change(c, QStringLiteral("INSERT INTO audit_log (occurred_at, staff_id, staff_name, action, target_type, target_id, "
                                          "prev_hash, hash) VALUES (0, %1, 'admin', 'x', 'x', '1', '', '')").arg(a.admin), &error), -1);
        QVERIFY2(error.contains(QStringLiteral("permission denied")), qPrintable(error));
        QCOMPARE(change(c, QStringLiteral("SELECT * FROM audit_pending"), &error), -1);
        // The append function ignores a forged name, id and time from a staff login.
        const qint64 before = ownerScalar(*m_a, QStringLiteral("SELECT tucai_now_ms()"));
        const qint64 id = scalar(c, QStringLiteral("SELECT tucai_audit_append(0, %1, 'admin', 'photo.approve', 'photo', '1', NULL, "
                                                   "'', '', '')").arg(a.admin));
        db::AuditRepo audit(*m_a);
        const AuditEntry e = audit.recent(1).constFirst();
        QCOMPARE(e.id, id);
        QCOMPARE(e.staffId, a.reviewer);
        QCOMPARE(e.staffName, QStringLiteral("reviewer1"));
        QVERIFY(e.occurredAt >= before);
        QVERIFY(!e.hash.isEmpty());
        QCOMPARE(audit.verify(), 0);
        // Not for a college they do not review either.
        QCOMPARE(change(c, QStringLiteral("SELECT tucai_audit_append(0, NULL, '', 'x', 'x', '1', %1, '', '', '')").arg(a.college2), &error), -1);
    }

    void plainSqlChangesAreRecorded()
    {
        QSqlDatabase c = login(*m_a, m_collegeA);
        const qint64 last = ownerScalar(*m_a, QStringLiteral("SELECT MAX(id) FROM audit_log"));
        QCOMPARE(change(c, QStringLiteral("UPDATE students SET name = 'renamed by psql', phone = '13912345678' WHERE id = %1").arg(a.fresh1)), 1);
        db::AuditRepo audit(*m_a);
        AuditEntry e = audit.recent(1).constFirst();
        QVERIFY(e.id > last);
        QCOMPARE(e.action, QStringLiteral("sql.change"));
        QCOMPARE(e.staffId, a.collegeAdmin);
        QCOMPARE(e.targetType, QStringLiteral("students"));
        QCOMPARE(e.targetId, QString::number(a.fresh1));
        QCOMPARE(e.collegeId, a.college1);
        QVERIFY2(e.changes.contains(QStringLiteral("renamed by psql")), qPrintable(e.changes));
        QVERIFY2(e.changes.contains(QStringLiteral("139****5678")), qPrintable(e.changes));  // identity data masked in the log
        QVERIFY(!e.changes.contains(QStringLiteral("13912345678")));
        QCOMPARE(audit.verify(), 0);
        // A misleading entry written first does not hide what was really changed: the row
        // change lands in that entry, covered by its hash.
        QSqlQuery q(c);
        QVERIFY(q.exec(QStringLiteral("BEGIN")));
        QVERIFY(q.exec(QStringLiteral("SET CONSTRAINTS ALL IMMEDIATE")));
        QVERIFY(q.exec(QStringLiteral("SELECT tucai_audit_append(0, NULL, '', 'notice.edit', 'notice', '0', NULL, 'typo', '', '')")));
        QVERIFY(q.exec(QStringLiteral("UPDATE students SET extra_attempts = 99 WHERE id = %1").arg(a.fresh1)));
        QVERIFY(q.exec(QStringLiteral("COMMIT")));
        const QList<AuditEntry> recent = audit.recent(2);
        QString all = recent[0].changes + recent[1].changes;
        QVERIFY2(all.contains(QStringLiteral("extra_attempts")) && all.contains(QStringLiteral("99")), qPrintable(all));
        QCOMPARE(audit.verify(), 0);
        // Deleting or editing history stays impossible.
        QString error;
        QCOMPARE(change(c, QStringLiteral("UPDATE audit_log SET changes = ''"), &error), -1);
        QCOMPARE(change(c, QStringLiteral("DELETE FROM audit_log"), &error), -1);
        db::Query(*m_a, QStringLiteral("UPDATE students SET name = '学生2022010004', phone = '', extra_attempts = 0 WHERE id = :id"))
            .bind(QStringLiteral(":id"), a.fresh1)
            .exec();
    }

    // Finding: a reviewer could point a photo at another stored photo, move it to another
    // student and forge reviewer_id/decided_at; a plain-SQL status change left no trace.
    void decisionsAreInTheCallersNameAtTheServersTime()
    {
        QSqlDatabase c = login(*m_a, m_reviewerA);
        QString error;
        QCOMPARE(change(c, QStringLiteral("UPDATE photos SET status = 'approved' WHERE id = %1").arg(a.photo1), &error), -1);
        QVERIFY2(error.contains(QStringLiteral("own name")), qPrintable(error));
        QCOMPARE(change(c, QStringLiteral("UPDATE photos SET status = 'approved', decision = 'approved', reviewer_id = %1, decided_at = 0 "
                                          "WHERE id = %2").arg(a.admin).arg(a.photo1), &error), -1);
        QCOMPARE(ownerText(*m_a, QStringLiteral("SELECT status FROM photos WHERE id = %1").arg(a.photo1)), QStringLiteral("submitted"));
        // In their own name it is a decision: the server's time, and recorded.
        const qint64 before = ownerScalar(*m_a, QStringLiteral("SELECT tucai_now_ms()"));
        QCOMPARE(change(c, QStringLiteral("UPDATE photos SET status = 'approved', decision = 'approved', reviewer_id = %1, decided_at = 0 "
                                          "WHERE id = %2").arg(a.reviewer).arg(a.photo1), &error), 1);
        QVERIFY(ownerScalar(*m_a, QStringLiteral("SELECT decided_at FROM photos WHERE id = %1").arg(a.photo1)) >= before);
        const AuditEntry e = db::AuditRepo(*m_a).recent(1).constFirst();
        QCOMPARE(e.staffId, a.reviewer);
        QVERIFY2(e.changes.contains(QStringLiteral("\"approved\"")), qPrintable(e.changes));
        // Only they may undo it, and only back to what it replaced.
        QSqlDatabase other = login(*m_a, m_adminA);
        QCOMPARE(change(other, QStringLiteral("UPDATE photos SET status = 'submitted', decision = NULL, reviewer_id = NULL, decided_at = NULL "
                                              "WHERE id = %1").arg(a.photo1), &error), -1);
        QCOMPARE(change(c, QStringLiteral("UPDATE photos SET status = 'submitted', decision = NULL, reviewer_id = NULL, decided_at = NULL "
                                          "WHERE id = %1").arg(a.photo1), &error), 1);
        QCOMPARE(db::AuditRepo(*m_a).verify(), 0);
    }

    // Finding: any login could queue notifications of any kind and payload (which the sender
    // then signs), and block later real ones by taking their predictable keys.
    void notificationsOnlyFromTheServerSideOfAnAction()
    {
        QSqlDatabase c = login(*m_a, m_reviewerA);
        QString error;
        QCOMPARE(change(c, QStringLiteral("INSERT INTO notification_outbox (created_at, student_id, kind, payload_json, idempotency_key) "
                                          "VALUES (0, %1, 'photo.approved', '{\"photo\":%2}', 'photo.approved:%2:3')").arg(a.review1).arg(a.photo1), &error), -1);
        QVERIFY2(error.contains(QStringLiteral("permission denied")), qPrintable(error));
        QCOMPARE(change(c, QStringLiteral("SELECT tucai_notify('photo.approved', %1, '{\"photo\":%2}', 'k', 0)").arg(a.review1).arg(a.photo1), &error), -1);
        QVERIFY2(error.contains(QStringLiteral("same transaction")), qPrintable(error));
        QCOMPARE(change(c, QStringLiteral("SELECT tucai_notify('account.spoofed', %1, '{}', 'k', 0)").arg(a.review1), &error), -1);
        const qint64 queued = ownerScalar(*m_a, QStringLiteral("SELECT COUNT(*) FROM notification_outbox"));
        // Through the app, a decision queues its notification: payload and key made by the server.
        db::DbTarget t = m_a->target();
        t.user = m_reviewerA;
        t.password = kPassword;
        db::Database staffDb(t);
        staffDb.open();
        const auto session = accounts::AuthService(staffDb).databaseSession();
        QVERIFY(session.has_value());
        review::DecisionService service(staffDb, {session->staffId, session->schoolId, session->role, session->collegeId, session->displayName});
        const int version = db::PhotoRepo(*m_a).get(a.photo1)->rowVersion;
        const auto decided = service.decide({a.photo1, version, false, {QStringLiteral("background")}, QStringLiteral("too dark")});
        QVERIFY2(decided.ok(), qPrintable(decided.message));
        QCOMPARE(ownerScalar(*m_a, QStringLiteral("SELECT COUNT(*) FROM notification_outbox")), queued + 1);
        const auto row = db::OutboxDeliveryRepo(*m_a).get(decided.receipt.outboxId);
        QCOMPARE(row->kind, QStringLiteral("photo.returned"));
        QCOMPARE(row->idempotencyKey, QStringLiteral("photo.returned:%1:%2").arg(a.photo1).arg(version + 1));
        QCOMPARE(QJsonDocument::fromJson(row->payloadJson.toUtf8()).object().value(QStringLiteral("note")).toString(), QStringLiteral("too dark"));
        // The decision's entry holds what the server saw change.
        const AuditEntry e = db::AuditRepo(*m_a).recent(1).constFirst();
        QCOMPARE(e.action, QStringLiteral("photo.return"));
        QVERIFY2(e.changes.contains(QStringLiteral("\"photos\"")) && e.changes.contains(QStringLiteral("\"students\"")), qPrintable(e.changes));
        const auto undone = service.undo(decided.receipt);
        QVERIFY2(undone.ok(), qPrintable(undone.message));
        QCOMPARE(db::OutboxDeliveryRepo(*m_a).get(decided.receipt.outboxId)->status, QStringLiteral("withdrawn"));
        QCOMPARE(db::AuditRepo(*m_a).verify(), 0);
        staffDb.closeThisThread();
    }

    // Finding: reviewers could SELECT id_number and phone (the app masked them, the database did not).
    void reviewersReadIdentityDataOnlyMasked()
    {
        QSqlDatabase c = login(*m_a, m_reviewerA);
        QString error;
        for (const char *col : {"id_number", "phone", "*"}) {
            QCOMPARE(change(c, QStringLiteral("SELECT %1 FROM students").arg(QLatin1String(col)), &error), -1);
            QVERIFY2(error.contains(QStringLiteral("permission denied")), qPrintable(error));
        }
        QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(*) FROM students WHERE id_number_masked LIKE '3201%****%'")), 4);
        // The app on a reviewer's login shows the masked value; an administrator's login the full one.
        db::DbTarget t = m_a->target();
        t.user = m_reviewerA;
        t.password = kPassword;
        db::Database reviewerDb(t);
        reviewerDb.open();
        const auto st = db::StudentRepo(reviewerDb).get(a.review1);
        QVERIFY(st.has_value());
        QVERIFY2(st->idNumber.contains(QLatin1Char('*')), qPrintable(st->idNumber));
        QCOMPARE(maskIdNumber(st->idNumber), st->idNumber);
        reviewerDb.closeThisThread();
        t.user = m_collegeA;
        db::Database collegeDb(t);
        collegeDb.open();
        QVERIFY(!db::StudentRepo(collegeDb).get(a.review1)->idNumber.contains(QLatin1Char('*')));
        collegeDb.closeThisThread();
    }

    // Finding: administrators could read the code key (and with it test or forge any code).
    void theCodeKeyStaysOnTheServer()
    {
        for (const QString &role : {m_adminA, m_collegeA, m_reviewerA}) {
            QSqlDatabase c = login(*m_a, role);
            QString error;
            QCOMPARE(change(c, QStringLiteral("SELECT key_hex FROM code_keys"), &error), -1);
            QVERIFY2(error.contains(QStringLiteral("permission denied")), qPrintable(error));
        }
        // Issuing through the app works: the server makes the key and the hashes.
        db::DbTarget t = m_a->target();
        t.user = m_collegeA;
        t.password = kPassword;
        db::Database staffDb(t);
        staffDb.open();
        codes::CodeService service(staffDb, {a.collegeAdmin, QStringLiteral("college01")});
        const QList<codes::IssuedCode> issued = service.generateForStudents({a.school, a.college1, 0, {}}, 0);
        QVERIFY(!issued.isEmpty());
        QVERIFY(service.verify(issued.first().code).ok());
        const codes::IssuedCode batch = service.generateBatchCode(a.school, a.college1, QStringLiteral("补采"), 0);
        QCOMPARE(codes::crockford::canonical(batch.code).size(), codes::CodeService::kBatchDataChars + 1);  // 60 bits
        QVERIFY(service.verify(batch.code).ok());
        // What the server computed is the documented HMAC-SHA256 with the school's key (read by the owner).
        const QByteArray key = codes::CodeKey::forSchool(*m_a, a.school, false);
        QCOMPARE(key.size(), 32);
        const QString data = codes::crockford::canonical(issued.first().code).left(codes::CodeService::kStudentDataChars);
        QCOMPARE(codes::CodeKey::hashAll(staffDb, a.school, {data}, false), QStringList{codes::CodeKey::hash(key, data)});
        staffDb.closeThisThread();
        // A reviewer may check a code but not issue any; nobody hashes for another school.
        QSqlDatabase r = login(*m_a, m_reviewerA);
        QString error;
        QCOMPARE(change(r, QStringLiteral("SELECT tucai_code_hashes(%1, ARRAY['ABC'], true)").arg(a.school), &error), -1);
        QVERIFY2(error.contains(QStringLiteral("only administrators")), qPrintable(error));
        QSqlDatabase other = login(*m_a, m_admin2A);
        QCOMPARE(change(other, QStringLiteral("SELECT tucai_code_hashes(%1, ARRAY['ABC'], true)").arg(a.school), &error), -1);
        QCOMPARE(scalar(other, QStringLiteral("SELECT (tucai_code_hashes(%1, ARRAY['ABC'], false) IS NULL)::int").arg(a.school)), 1);
    }

    // A database made by the first release (schema step 1, cluster-wide groups, staff
    // already synced) upgrades: its logins keep their names and passwords, move into
    // the database's own groups and leave the shared ones.
    void olderDatabaseUpgrades()
    {
        auto old = test::freshPgDatabase(QStringLiteral("tucai_test_sec_old"));
        old->open(db::Database::OpenMode::CreateIfMissing);
        db::Migrations::migrate(*old, db::Migrations::steps().mid(0, 1));
        const test::MiniSchool o = test::buildMiniSchool(*old);
        // Step 1's function: the role name is tucai_<database>_staff_<id>.
        const QString legacyRole = db::Query(*old, QStringLiteral("SELECT tucai_sync_staff_role(:id, :pw)"))
                                       .bind(QStringLiteral(":id"), o.collegeAdmin)
                                       .bind(QStringLiteral(":pw"), kPassword)
                                       .scalar()
                                       .toString();
        QCOMPARE(legacyRole, QStringLiteral("tucai_tucai_test_sec_old_staff_%1").arg(o.collegeAdmin));
        QCOMPARE(ownerScalar(*old, QStringLiteral("SELECT pg_has_role('%1', 'tucai_college_admin', 'MEMBER')::int").arg(legacyRole)), 1);
        old->migrate();
        QCOMPARE(old->schemaVersionInDatabase(), db::Migrations::latestVersion());
        QCOMPARE(ownerScalar(*old, QStringLiteral("SELECT pg_has_role('%1', 'tucai_college_admin', 'MEMBER')::int").arg(legacyRole)), 0);
        QCOMPARE(ownerScalar(*old, QStringLiteral("SELECT pg_has_role('%1', tucai_group('college_admin'), 'MEMBER')::int").arg(legacyRole)), 1);
        QString error;
        QSqlDatabase c = login(*old, legacyRole, &error);
        QVERIFY2(c.isOpen(), qPrintable(error));
        QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(*) FROM students")), 4);
        QCOMPARE(db::StaffRepo(*old).get(o.collegeAdmin)->dbRole, legacyRole);
        c.close();
        old->closeThisThread();
    }

    void cleanupTestCase()
    {
        for (const QString &n : QSqlDatabase::connectionNames())
            QSqlDatabase::database(n, false).close();
    }
};

QTEST_GUILESS_MAIN(TestSecurity)
#include "test_security.moc"
