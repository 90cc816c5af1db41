// PostgreSQL enforcement: each staff member logs in as their own database
// role; row-level security keeps a college administrator's raw SQL inside
// their college and keeps reviewers from unlocking accounts.
#include "test_accounts_fixture.h"
#include "test_support.h"

#include "accounts/account_actions.h"
#include "accounts/auth_service.h"
#include "db/staff_repo.h"
#include "accounts/password.h"
#include "accounts/staff_service.h"
#include "db/audit_repo.h"
#include "db/misc_repos.h"
#include "db/outbox_delivery_repo.h"
#include "db/photo_repo.h"
#include "review/decision_service.h"
#include "db/server_security.h"
#include "demo/demo_generator.h"
#include "import/roster_import.h"
#include "model/id_number.h"

#include <QProcess>

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace tucai;

namespace {
const QString kPassword = QStringLiteral("Staff-Pass-2026");
}

class TestRls : public QObject
{
    Q_OBJECT

    std::unique_ptr<db::Database> m_owner;
    test::MiniSchool m;
    QString m_collegeRole, m_reviewerRole, m_adminRole;

    // A plain Qt connection as a staff member's own role: no app code involved.
    QSqlDatabase staffConnection(const QString &name, const QString &role)
    {
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        c.setHostName(m_owner->target().host);
        c.setPort(m_owner->target().port);
        c.setDatabaseName(m_owner->target().database);
        c.setUserName(role);
        c.setPassword(kPassword);
        if (!c.open())
            qFatal("cannot log in as %s: %s", qPrintable(role), qPrintable(c.lastError().text()));
        return c;
    }
    // The app's way in as a staff member: the owner's server and database, the member's login.
    db::DbTarget staffTarget(const QString &role) const
    {
        db::DbTarget t = m_owner->target();
        t.user = role;
        t.password = kPassword;
        return t;
    }
    static qint64 scalar(QSqlDatabase &c, const QString &sql) { return test::sqlScalar(c, sql); }
    static int change(QSqlDatabase &c, const QString &sql, QString *error = nullptr) { return test::sqlChange(c, sql, error); }

private Q_SLOTS:
    void initTestCase()
    {
        TUCAI_REQUIRE_PG();
        m_owner = test::freshPgDatabase(QStringLiteral("tucai_test_rls"));
        m_owner->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        m = test::buildMiniSchool(*m_owner);
        QVERIFY(db::ServerSecurity(*m_owner).available());
        // The owner gives every staff member a login role (as `tucai staff sync-roles` does).
        const QStringList roles = accounts::StaffService::syncAllRoles(*m_owner);
        QCOMPARE(roles.size(), 3);
        db::ServerSecurity security(*m_owner);
        m_adminRole = security.syncStaffRole(m.admin, kPassword);
        m_collegeRole = security.syncStaffRole(m.collegeAdmin, kPassword);
        m_reviewerRole = security.syncStaffRole(m.reviewer, kPassword);
        QVERIFY2(m_collegeRole.startsWith(QStringLiteral("tucai_tucai_test_rls_")) && m_collegeRole.contains(QStringLiteral("_staff_")), qPrintable(m_collegeRole));
        QCOMPARE(db::StaffRepo(*m_owner).get(m.collegeAdmin)->dbRole, m_collegeRole);
    }

    void collegeAdminSeesOnlyOwnCollege()
    {
        QSqlDatabase c = staffConnection(QStringLiteral("college"), m_collegeRole);
        QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(*) FROM students")), 4);
        QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(*) FROM students WHERE college_id = %1").arg(m.college2)), 0);
        QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(*) FROM students WHERE college_id = %1").arg(m.college1)), 4);
        QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(*) FROM photos WHERE college_id = %1").arg(m.college2)), 0);
        QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(*) FROM photos")), 2);
        QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(*) FROM photo_blobs WHERE sha256 = '%1'").arg(m.sha2)), 0);
        QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(*) FROM capture_attempts WHERE student_id = %1").arg(m.locked2)), 0);
        QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(*) FROM capture_attempts WHERE student_id = %1").arg(m.locked1)), 3);
    }

    void collegeAdminCannotChangeAnotherCollege()
    {
        QSqlDatabase c = staffConnection(QStringLiteral("college2"), m_collegeRole);
        QCOMPARE(change(c, QStringLiteral("UPDATE students SET name = 'x', lock_kind = 'none' WHERE college_id = %1").arg(m.college2)), 0);
        QCOMPARE(change(c, QStringLiteral("UPDATE photos SET status = 'approved' WHERE id = %1").arg(m.photo2)), 0);
        QCOMPARE(change(c, QStringLiteral("UPDATE students SET name = 'y'")), 4); // only their own four
        QString error;
        // Moving one of their students into the other college is refused.
        QCOMPARE(change(c, QStringLiteral("UPDATE students SET college_id = %1 WHERE id = %2").arg(m.college2).arg(m.fresh1), &error), -1);
        QVERIFY2(error.contains(QStringLiteral("row-level security")), qPrintable(error));
        QCOMPARE(change(c, QStringLiteral("INSERT INTO students (school_id, college_id, class_id, student_no, name, created_at, updated_at) "
                                          "VALUES (%1, %2, %3, 'X1', 'x', 0, 0)").arg(m.school).arg(m.college2).arg(m.class2), &error), -1);
        // History cannot be rewritten or removed from a staff login.
        QCOMPARE(change(c, QStringLiteral("DELETE FROM audit_log"), &error), -1);
        QCOMPARE(change(c, QStringLiteral("UPDATE audit_log SET reason = 'x'"), &error), -1);
        QCOMPARE(change(c, QStringLiteral("DELETE FROM students WHERE id = %1").arg(m.fresh1), &error), -1);
        // Staff accounts (and their roles) are not theirs to change.
        QCOMPARE(change(c, QStringLiteral("UPDATE staff SET role = 'school_admin'"), &error), -1);
        QString owner = db::ServerSecurity(*m_owner).currentUser();
        QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(*) FROM staff")), 1);
        // The owner still sees the untouched rows.
        QCOMPARE(db::Query(*m_owner, QStringLiteral("SELECT COUNT(*) FROM students WHERE name = 'x'")).scalar().toInt(), 0);
        QVERIFY(!owner.isEmpty());
        // Undo the renames for the next tests.
        for (qint64 id : {m.locked1, m.cooling1, m.review1, m.fresh1})
            db::Query(*m_owner, QStringLiteral("UPDATE students SET name = :n WHERE id = :id"))
                .bind(QStringLiteral(":n"), QStringLiteral("学生"))
                .bind(QStringLiteral(":id"), id)
                .exec();
    }

    void reviewerCannotUnlock()
    {
        QSqlDatabase c = staffConnection(QStringLiteral("reviewer"), m_reviewerRole);
        QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(*) FROM students")), 4); // their assigned college
        QString error;
        QCOMPARE(change(c, QStringLiteral("UPDATE students SET lock_kind = 'none', liveness_failures = 0, state = 'verified' "
                                          "WHERE id = %1").arg(m.locked1), &error), -1);
        QVERIFY2(error.contains(QStringLiteral("permission denied")), qPrintable(error));
        // Even the columns a review may touch cannot move a locked student out of the lock.
        QCOMPARE(change(c, QStringLiteral("UPDATE students SET state = 'verified' WHERE id = %1").arg(m.locked1)), 0);
        QCOMPARE(db::StudentRepo(*m_owner).get(m.locked1)->lockKind, QStringLiteral("liveness"));
        // A student's review state moves only with a decision on their photo (schema step 3),
        // not by itself (reviewing through the app: reviewerDecidesAndUndoesThroughOwnLogin).
        QCOMPARE(change(c, QStringLiteral("UPDATE students SET state = 'approved' WHERE id = %1").arg(m.review1), &error), -1);
        QVERIFY2(error.contains(QStringLiteral("deciding")), qPrintable(error));
        QCOMPARE(change(c, QStringLiteral("UPDATE photos SET status = 'approved' WHERE id = %1").arg(m.photo2)), 0);
    }

    // A reviewer's own login decides and undoes: the undo withdraws the pending notification
    // (an UPDATE the outbox policy allows) instead of deleting it (which no staff login may).
    // With raw SQL the reviewer can do nothing else to notifications.
    void reviewerDecidesAndUndoesThroughOwnLogin()
    {
        db::DbTarget t = staffTarget(m_reviewerRole);
        db::Database staffDb(t);
        staffDb.open();
        const auto session = accounts::AuthService(staffDb).databaseSession();
        QVERIFY(session.has_value());
        const review::ReviewScope scope{session->staffId, session->schoolId, session->role, session->collegeId, session->displayName};
        review::DecisionService service(staffDb, scope);
        const int version = db::PhotoRepo(*m_owner).get(m.photo1)->rowVersion;
        const auto decided = service.decide({m.photo1, version, false, {QStringLiteral("background")}, {}});
        QVERIFY2(decided.ok(), qPrintable(decided.message));
        QCOMPARE(db::OutboxDeliveryRepo(*m_owner).get(decided.receipt.outboxId)->status, QStringLiteral("pending"));
        const auto undone = service.undo(decided.receipt);
        QVERIFY2(undone.ok(), qPrintable(undone.message));
        QCOMPARE(db::OutboxDeliveryRepo(*m_owner).get(decided.receipt.outboxId)->status, QStringLiteral("withdrawn"));
        QCOMPARE(db::PhotoRepo(*m_owner).get(m.photo1)->status, QStringLiteral("submitted"));
        QCOMPARE(db::AuditRepo(*m_owner).verify(), 0);

        // A notification of a student in another college: invisible, not withdrawable.
        OutboxMessage other;
        other.studentId = m.review2;
        other.kind = QStringLiteral("photo.approved");
        other.payloadJson = QStringLiteral("{}");
        other.idempotencyKey = QStringLiteral("rls-test-other");
        const qint64 otherId = db::OutboxRepo(*m_owner).enqueue(other);
        QSqlDatabase c = staffConnection(QStringLiteral("reviewer-outbox"), m_reviewerRole);
        QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(*) FROM notification_outbox WHERE id = %1").arg(otherId)), 0);
        QString error;
        // Withdrawing is the server's part of an undo (tucai_withdraw_notification), not an UPDATE.
        QCOMPARE(change(c, QStringLiteral("UPDATE notification_outbox SET status = 'withdrawn' WHERE id = %1").arg(otherId), &error), -1);
        QCOMPARE(scalar(c, QStringLiteral("SELECT tucai_withdraw_notification(%1)::int").arg(otherId)), 0);
        // Nor can a notification be faked as delivered, re-opened, rewritten or deleted.
        QVERIFY(change(c, QStringLiteral("UPDATE notification_outbox SET status = 'delivered' WHERE status = 'pending'"), &error) == -1
                || scalar(c, QStringLiteral("SELECT COUNT(*) FROM notification_outbox WHERE status = 'delivered'")) == 0);
        QCOMPARE(change(c, QStringLiteral("UPDATE notification_outbox SET status = 'pending' WHERE id = %1").arg(decided.receipt.outboxId)), -1);
        QCOMPARE(change(c, QStringLiteral("UPDATE notification_outbox SET payload_json = '{}'"), &error), -1);
        QVERIFY2(error.contains(QStringLiteral("permission denied")), qPrintable(error));
        QCOMPARE(change(c, QStringLiteral("DELETE FROM notification_outbox"), &error), -1);
        QCOMPARE(db::OutboxDeliveryRepo(*m_owner).get(otherId)->status, QStringLiteral("pending"));
        QCOMPARE(db::OutboxDeliveryRepo(*m_owner).get(decided.receipt.outboxId)->status, QStringLiteral("withdrawn"));
    }

    void appOnStaffLoginMapsRoleAndAudits()
    {
        // The app connected with the college admin's own database user.
        db::DbTarget t = staffTarget(m_collegeRole);
        db::Database staffDb(t);
        staffDb.openAndMigrate();
        const auto session = accounts::AuthService(staffDb).databaseSession();
        QVERIFY(session.has_value());
        QCOMPARE(session->staffId, m.collegeAdmin);
        QCOMPARE(session->role, StaffRole::CollegeAdmin);

        accounts::AccountActions actions(staffDb, *session);
        accounts::AccountActions::Request r;
        r.kind = accounts::AccountActions::Kind::UnlockLiveness;
        r.targets = {{m.locked1, 0}};
        r.reason = QStringLiteral("student came to the office with their ID card");
        QCOMPARE(actions.run(r).changed, 1);
        QCOMPARE(db::StudentRepo(*m_owner).get(m.locked1)->lockKind, QStringLiteral("none"));
        // Another college's student does not even exist for this login.
        r.targets = {{m.locked2, 0}};
        QVERIFY_THROWS_EXCEPTION(db::DbError, actions.run(r));
        QCOMPARE(db::StudentRepo(*m_owner).get(m.locked2)->lockKind, QStringLiteral("liveness"));
        // The entry written from the staff login continues the chain.
        db::AuditRepo audit(*m_owner);
        QCOMPARE(audit.recent(1).constFirst().staffName, QStringLiteral("college01"));
        QCOMPARE(audit.verify(), 0);
        // A staff login cannot forge an entry in someone else's name.
        QSqlDatabase c = staffConnection(QStringLiteral("college3"), m_collegeRole);
        QCOMPARE(change(c, QStringLiteral("INSERT INTO audit_log (occurred_at, staff_id, staff_name, action, target_type, target_id, "
                                          "prev_hash, hash) VALUES (0, %1, 'admin', 'x', 'x', '1', '', '')").arg(m.admin)), -1);

        // A reviewer's login through the app: refused before SQL, and by the server.
        t.user = m_reviewerRole;
        db::Database reviewerDb(t);
        reviewerDb.open();
        const auto rs = accounts::AuthService(reviewerDb).databaseSession();
        QVERIFY(rs.has_value());
        QCOMPARE(rs->role, StaffRole::Reviewer);
        db::Query(*m_owner, QStringLiteral("UPDATE students SET lock_kind = 'liveness', state = 'locked_liveness' WHERE id = :id"))
            .bind(QStringLiteral(":id"), m.locked1)
            .exec();
        r.targets = {{m.locked1, 0}};
        try {
            accounts::AccountActions(reviewerDb, *rs).run(r);
            QFAIL("a reviewer unlocked an account");
        } catch (const db::DbError &e) {
            QCOMPARE(int(e.kind()), int(db::DbError::Kind::Permission));
        }
        // Even with a forged school-admin session the server says no.
        accounts::Session forged = *rs;
        forged.role = StaffRole::SchoolAdmin;
        try {
            accounts::AccountActions(reviewerDb, forged).run(r);
            QFAIL("the server let a reviewer's login unlock an account");
        } catch (const db::DbError &e) {
            QVERIFY(e.kind() == db::DbError::Kind::Permission || e.kind() == db::DbError::Kind::Conflict);
        }
        QCOMPARE(db::StudentRepo(*m_owner).get(m.locked1)->lockKind, QStringLiteral("liveness"));
    }

    void disabledStaffCannotLogIn()
    {
        accounts::Session admin{m.admin, m.school, QStringLiteral("admin"), QStringLiteral("admin"), StaffRole::SchoolAdmin, 0};
        accounts::StaffService(*m_owner, admin).setActive(m.reviewer, false, QStringLiteral("left the school"));
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("disabled"));
        c.setHostName(m_owner->target().host);
        c.setPort(m_owner->target().port);
        c.setDatabaseName(m_owner->target().database);
        c.setUserName(m_reviewerRole);
        c.setPassword(kPassword);
        QVERIFY(!c.open());
        accounts::StaffService(*m_owner, admin).setActive(m.reviewer, true, QStringLiteral("came back"));
        QVERIFY(c.open());
    }

    void schoolAdminCreatesStaffWithRole()
    {
        // A school admin's own login creates a new staff member: the server makes the login role.
        db::DbTarget t = staffTarget(m_adminRole);
        db::Database adminDb(t);
        adminDb.open();
        const auto session = accounts::AuthService(adminDb).databaseSession();
        QVERIFY(session.has_value());
        accounts::StaffService::NewStaff n;
        n.username = QStringLiteral("reviewer9");
        n.displayName = QStringLiteral("审核员9");
        n.role = StaffRole::Reviewer;
        n.scopes = {{m.college2, 0}};
        n.password = kPassword;
        const qint64 id = accounts::StaffService(adminDb, *session).create(n);
        const QString role = db::StaffRepo(*m_owner).get(id)->dbRole;
        QVERIFY(!role.isEmpty());
        QSqlDatabase c = staffConnection(QStringLiteral("reviewer9"), role);
        QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(*) FROM students")), 2); // college 2 only
    }

    void staffChangesOwnDatabasePassword()
    {
        db::DbTarget t = staffTarget(m_collegeRole);
        {
            db::Database staffDb(t);
            staffDb.open();
            accounts::AuthService auth(staffDb);
            QVERIFY(!auth.changePassword(m.collegeAdmin, QStringLiteral("wrong-password-1"), QStringLiteral("Changed-2027")).isEmpty());
            QCOMPARE(auth.changePassword(m.collegeAdmin, kPassword, QStringLiteral("Changed-2027")), QString());
        }
        t.password = QStringLiteral("Changed-2027");
        db::Database again(t);
        again.open();
        QCOMPARE(accounts::AuthService(again).databaseSession()->staffId, m.collegeAdmin);
        again.closeThisThread();
        db::ServerSecurity(*m_owner).syncStaffRole(m.collegeAdmin, kPassword); // back for the other tests
        QCOMPARE(db::AuditRepo(*m_owner).recent(1).constFirst().action, QStringLiteral("staff.password_changed"));
    }

    void collegeAdminImportsThroughOwnLogin()
    {
        db::DbTarget t = staffTarget(m_collegeRole);
        db::Database staffDb(t);
        staffDb.open();
        const auto session = accounts::AuthService(staffDb).databaseSession();
        QVERIFY(session.has_value());
        auto id = [](int n) -> QString {
            const QString first17 = QStringLiteral("32010220000101%1").arg(n, 3, 10, QLatin1Char('0'));
            return first17 + idNumberCheckChar(first17);
        };
        import::TableData table;
        table.format = QStringLiteral("csv");
        table.rows = {{QStringLiteral("学号"), QStringLiteral("姓名"), QStringLiteral("身份证号"), QStringLiteral("学院"), QStringLiteral("班级")},
                      {QStringLiteral("2022015001"), QStringLiteral("黄一"), id(501), QStringLiteral("C01"), QStringLiteral("C0101")},
                      {QStringLiteral("2022025002"), QStringLiteral("黄二"), id(502), QStringLiteral("C02"), QStringLiteral("C0201")}};
        import::RosterImporter importer(staffDb, *session);
        const import::ImportPlan plan = importer.plan(table, import::ColumnMapping::guess(table.rows.first()));
        QCOMPARE(plan.problemLines(), QList<int>({3})); // the other college's row
        QCOMPARE(importer.apply(plan, QStringLiteral("roster.csv")).inserted, 1);
        QCOMPARE(db::StudentRepo(*m_owner).findByNumber(m.school, QStringLiteral("2022015001"))->collegeId, m.college1);
        QVERIFY(!db::StudentRepo(*m_owner).findByNumber(m.school, QStringLiteral("2022025002")));
        QCOMPARE(db::AuditRepo(*m_owner).verify(), 0);
    }

    void demoPasswordsFromTheCommandLine()
    {
        // A demo database: the accounts' app passwords are the published demo ones.
        int n = 0;
        const demo::DemoAccount *demoAccounts = demo::demoAccounts(&n);
        for (int i = 0; i < n; ++i)
            if (const auto s = db::StaffRepo(*m_owner).findByUsername(QString::fromLatin1(demoAccounts[i].username)))
                db::StaffRepo(*m_owner).setPasswordHash(s->id, accounts::hashPassword(QString::fromLatin1(demoAccounts[i].password),
                                                                                      accounts::HashStrength::Fast));
        QProcess p;
        p.start(QStringLiteral(TUCAI_CLI_PATH), {QStringLiteral("staff"), QStringLiteral("sync-roles"), QStringLiteral("--db"),
                                                 m_owner->target().url(true), QStringLiteral("--demo-passwords")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(QString::fromUtf8(p.readAllStandardOutput()).contains(m_collegeRole));
        db::DbTarget t = m_owner->target();
        t.user = m_collegeRole;
        t.password = QStringLiteral("College@2026");
        db::Database demoLogin(t);
        demoLogin.open();
        QCOMPARE(accounts::AuthService(demoLogin).databaseSession()->username, QStringLiteral("college01"));
        demoLogin.closeThisThread();

        // An account with a password of its own (a real database) never gets the demo one.
        const auto college = db::StaffRepo(*m_owner).findByUsername(QStringLiteral("college01"));
        db::StaffRepo(*m_owner).setPasswordHash(college->id, accounts::hashPassword(QStringLiteral("Own-Secret-2026"), accounts::HashStrength::Fast));
        db::ServerSecurity(*m_owner).syncStaffRole(college->id, QStringLiteral("Own-Secret-2026"));
        p.start(QStringLiteral(TUCAI_CLI_PATH), {QStringLiteral("staff"), QStringLiteral("sync-roles"), QStringLiteral("--db"),
                                                 m_owner->target().url(true), QStringLiteral("--demo-passwords")});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY(p.exitCode() != 0);
        QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(QStringLiteral("college01")));
        db::Database stillDemo(t);
        QVERIFY_THROWS_EXCEPTION(db::DbError, stillDemo.open());
        t.password = QStringLiteral("Own-Secret-2026");
        db::Database own(t);
        own.open();
        own.closeThisThread();
    }

    void cleanupTestCase()
    {
        for (const QString &n : QSqlDatabase::connectionNames())
            if (n != QLatin1String("qt_sql_default_connection"))
                QSqlDatabase::database(n, false).close();
    }
};

QTEST_GUILESS_MAIN(TestRls)
#include "test_rls.moc"
