// Codes, notices and settings through a staff member's own PostgreSQL login
// (row-level security on): what a college administrator can do with the app code.
#include "accounts/staff_service.h"
#include "codes/code_key.h"
#include "codes/code_service.h"
#include "db/database.h"
#include "db/notice_repo.h"
#include "db/server_security.h"
#include "notices/notice_service.h"
#include "test_accounts_fixture.h"
#include "test_support.h"

#include <QtTest>

using namespace tucai;

class TestCodesRls : public QObject
{
    Q_OBJECT
    std::unique_ptr<db::Database> m_owner;
    test::MiniSchool m;
    QString m_collegeRole;
    const QString kPassword = QStringLiteral("Staff-Pass-2026");

    std::unique_ptr<db::Database> asStaff(const QString &role)
    {
        db::DbTarget t = m_owner->target();
        t.user = role;
        t.password = kPassword;
        auto d = std::make_unique<db::Database>(t);
        d->open();
        return d;
    }

private Q_SLOTS:
    void initTestCase()
    {
        TUCAI_REQUIRE_PG();
        m_owner = test::freshPgDatabase(QStringLiteral("tucai_test_codes_rls"));
        m_owner->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        m = test::buildMiniSchool(*m_owner);
        accounts::StaffService::syncAllRoles(*m_owner);
        m_collegeRole = db::ServerSecurity(*m_owner).syncStaffRole(m.collegeAdmin, kPassword);
    }

    void collegeAdminNotices()
    {
        auto d = asStaff(m_collegeRole);
        notices::NoticeService service(*d, {m.collegeAdmin, QStringLiteral("college01")});
        Notice n;
        n.schoolId = m.school;
        n.collegeId = m.college1;
        n.title = QStringLiteral("计算机学院补采");
        QCOMPARE(service.save(n), QString());
        QCOMPARE(service.publishNow(n), QString());
        QCOMPARE(db::NoticeRepo(*d).visibleAt(m.school, m.college1, db::nowMs()).size(), 1);
        // Another college's notice is refused by the server.
        Notice other;
        other.schoolId = m.school;
        other.collegeId = m.college2;
        other.title = QStringLiteral("外国语学院");
        bool refused = false;
        try {
            refused = !service.save(other).isEmpty();
        } catch (const db::DbError &) {
            refused = true;
        }
        QVERIFY(refused);
    }

    void collegeAdminGeneratesCodes()
    {
        auto d = asStaff(m_collegeRole);
        codes::CodeService service(*d, {m.collegeAdmin, QStringLiteral("college01")});
        QList<codes::IssuedCode> issued;
        QString error;
        try {
            issued = service.generateForStudents({m.school, m.college1, 0, {}}, 0);
        } catch (const db::DbError &e) {
            error = e.message();
        }
        // The first codes of a school create its hash key: a college admin's login may
        // insert into code_keys (core/db/server_security.cpp grants it).
        if (!error.isEmpty())
            qInfo("server said: %s", qPrintable(error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(issued.size(), 4);
        QVERIFY(service.verify(issued.first().code).ok());
    }

    void collegeAdminGeneratesCodesWithExistingKey()
    {
        // Once the key exists (made by the owner or a school admin), a college admin issues codes for
        // their college, and the old codes stop working.
        QCOMPARE(codes::CodeKey::forSchool(*m_owner, m.school, true).size(), 32);
        auto d = asStaff(m_collegeRole);
        codes::CodeService service(*d, {m.collegeAdmin, QStringLiteral("college01")});
        QList<codes::IssuedCode> first;
        try {
            first = service.generateForStudents({m.school, m.college1, 0, {}}, 0);
        } catch (const db::DbError &e) {
            qInfo("server said: %s", qPrintable(e.detail()));
        }
        QCOMPARE(first.size(), 4);
        QVERIFY(service.verify(first.first().code).ok());
        const QList<codes::IssuedCode> again = service.generateForStudents({m.school, m.college1, 0, {}}, 0);
        QCOMPARE(again.size(), 4);
        QCOMPARE(service.verify(first.first().code).status, codes::VerifyResult::Status::Revoked);
        // Another college's students are not even visible: nothing to issue.
        QVERIFY(service.generateForStudents({m.school, m.college2, 0, {}}, 0).isEmpty());
    }
};

QTEST_MAIN(TestCodesRls)
#include "test_codes_rls.moc"
