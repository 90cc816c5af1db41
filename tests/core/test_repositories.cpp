// Repositories round-trip on SQLite and PostgreSQL.
#include "accounts/auth_service.h"
#include "accounts/password.h"
#include "db/audit_repo.h"
#include "db/database.h"
#include "db/misc_repos.h"
#include "db/photo_repo.h"
#include "db/school_repo.h"
#include "db/staff_repo.h"
#include "db/student_repo.h"
#include "model/id_number.h"
#include "test_support.h"

#include <QtTest>

using namespace tucai;

class TestRepositories : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<db::Database> make(const QString &name)
    {
        QFETCH(QString, engine);
        auto d = test::freshDatabase(engine, m_dir, name);
        if (d)
            d->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        return d;
    }
    struct Ids { qint64 school, college, cls; };
    Ids seedSchool(const db::Database &d)
    {
        db::SchoolRepo s(d);
        const qint64 school = s.insertSchool(QStringLiteral("10999"), QStringLiteral("测试大学"));
        const qint64 college = s.insertCollege(school, QStringLiteral("01"), QStringLiteral("计算机学院"));
        const qint64 cls = s.insertClass(college, QStringLiteral("0101"), QStringLiteral("计科2201班"), 2022);
        return {school, college, cls};
    }

private Q_SLOTS:
    void studentsAndAttempts_data() { TUCAI_ENGINE_ROWS(); }
    void studentsAndAttempts()
    {
        auto d = make(QStringLiteral("repo_students"));
        if (!d)
            QSKIP("no PostgreSQL test cluster");
        const Ids ids = seedSchool(*d);
        db::StudentRepo repo(*d);
        Student s;
        s.schoolId = ids.school;
        s.collegeId = ids.college;
        s.classId = ids.cls;
        s.studentNo = QStringLiteral("2022010101");
        s.name = QStringLiteral("欧阳\"娜娜'");
        s.idNumber = QStringLiteral("32010220010101001") + idNumberCheckChar(u"32010220010101001");
        s.phone = QStringLiteral("13800000000");
        s.state = StudentState::CoolingOff;
        s.lockKind = QStringLiteral("cooling");
        s.lockedUntil = 1'800'000'000'000;
        s.otherFailures = 3;
        repo.insert(s);
        QVERIFY(s.id > 0);
        const auto back = repo.get(s.id);
        QVERIFY(back);
        QCOMPARE(back->name, s.name);
        QCOMPARE(back->idNumber, s.idNumber);
        QVERIFY(isValidIdNumber(back->idNumber));
        QCOMPARE(back->state, StudentState::CoolingOff);
        QCOMPARE(back->lockedUntil, s.lockedUntil);
        QCOMPARE(back->otherFailures, 3);
        QCOMPARE(back->returnReasons, QString());
        QCOMPARE(repo.findByNumber(ids.school, s.studentNo)->id, s.id);
        QCOMPARE(repo.countByState().value(QStringLiteral("cooling_off")), 1);

        // Student numbers are unique per school.
        Student dup = s;
        QVERIFY_THROWS_EXCEPTION(db::DbError, repo.insert(dup));

        CaptureAttempt a{0, s.id, ids.college, 1000, QStringLiteral("liveness"), false, QStringLiteral("活体检测未通过")};
        repo.insertAttempt(a);
        CaptureAttempt b{0, s.id, ids.college, 2000, QStringLiteral("quality"), true, {}};
        repo.insertAttempt(b);
        const auto attempts = repo.attempts(s.id);
        QCOMPARE(attempts.size(), 2);
        QCOMPARE(attempts.at(0).kind, QStringLiteral("liveness"));
        QVERIFY(!attempts.at(0).passed);
        QCOMPARE(attempts.at(0).reason, QStringLiteral("活体检测未通过"));
        QVERIFY(attempts.at(1).passed);
    }

    void photosContentAddressed_data() { TUCAI_ENGINE_ROWS(); }
    void photosContentAddressed()
    {
        auto d = make(QStringLiteral("repo_photos"));
        if (!d)
            QSKIP("no PostgreSQL test cluster");
        const Ids ids = seedSchool(*d);
        Student s;
        s.schoolId = ids.school;
        s.collegeId = ids.college;
        s.classId = ids.cls;
        s.studentNo = QStringLiteral("1");
        s.name = QStringLiteral("A");
        db::StudentRepo(*d).insert(s);
        db::PhotoRepo photos(*d);
        QByteArray bytes(50000, '\0');
        for (int i = 0; i < bytes.size(); ++i)
            bytes[i] = char(i * 7 + 3); // includes NUL and high bytes
        const QString sha = photos.putBlob(bytes);
        QCOMPARE(sha.size(), 64);
        QCOMPARE(photos.putBlob(bytes), sha); // same bytes, same row
        QCOMPARE(photos.blobCount(), 1);
        QCOMPARE(photos.blobBytes(sha), bytes);
        photos.putUrlBlob(QString(64, QLatin1Char('a')), QStringLiteral("https://photos.example/a.jpg"), 1234);
        QCOMPARE(photos.blobUrl(QString(64, QLatin1Char('a'))), QStringLiteral("https://photos.example/a.jpg"));
        QVERIFY(photos.blobBytes(QString(64, QLatin1Char('a'))).isEmpty());

        Photo p;
        p.studentId = s.id;
        p.collegeId = ids.college;
        p.classId = ids.cls;
        p.kind = QStringLiteral("submitted");
        p.status = QStringLiteral("submitted");
        p.sha256 = sha;
        p.submittedAt = 5000;
        photos.insert(p);
        photos.storeCheck(p.id, QStringLiteral("{\"passed\":false}"), false, QStringLiteral("e1"), QStringLiteral("p1"),
                          {QStringLiteral("geometry.eye_line"), QStringLiteral("background.colour")});
        const auto back = photos.get(p.id);
        QVERIFY(back);
        QCOMPARE(back->checkPassed, 0);
        QCOMPARE(back->engineVersion, QStringLiteral("e1"));
        QCOMPARE(back->submittedAt, 5000);
        QCOMPARE(back->decidedAt, 0);
        QCOMPARE(db::Query(*d, QStringLiteral("SELECT COUNT(*) FROM photo_violations WHERE photo_id = :p"))
                     .bind(QStringLiteral(":p"), p.id)
                     .scalar()
                     .toInt(),
                 2);
        // A photo must point at stored bytes.
        Photo orphan = p;
        orphan.sha256 = QString(64, QLatin1Char('f'));
        QVERIFY_THROWS_EXCEPTION(db::DbError, photos.insert(orphan));
        QCOMPARE(photos.forStudent(s.id).size(), 1);
    }

    void staffLoginAndLockout_data() { TUCAI_ENGINE_ROWS(); }
    void staffLoginAndLockout()
    {
        auto d = make(QStringLiteral("repo_staff"));
        if (!d)
            QSKIP("no PostgreSQL test cluster");
        const Ids ids = seedSchool(*d);
        Staff st;
        st.schoolId = ids.school;
        st.username = QStringLiteral("rev");
        st.displayName = QStringLiteral("Reviewer");
        st.role = StaffRole::Reviewer;
        st.passwordHash = accounts::hashPassword(QStringLiteral("s3cret"), accounts::HashStrength::Fast);
        QVERIFY(st.passwordHash.startsWith(QStringLiteral("$argon2id$")));
        db::StaffRepo(*d).insert(st);
        db::StaffRepo(*d).addScope(st.id, ids.college);

        accounts::AuthService auth(*d);
        QVERIFY(auth.login(QStringLiteral("rev"), QStringLiteral("s3cret")).session);
        // An unknown user name and a wrong password: the same message, and both run the
        // password hash once (no early answer to time).
        int hashes = accounts::passwordVerifications();
        const auto unknown = auth.login(QStringLiteral("nobody"), QStringLiteral("x"));
        QCOMPARE(unknown.status, accounts::LoginResult::Status::UnknownUser);
        QCOMPARE(accounts::passwordVerifications(), hashes + 1);
        db::setFixedNowMs(10'000'000);
        hashes = accounts::passwordVerifications();
        const auto wrong = auth.login(QStringLiteral("rev"), QStringLiteral("wrong"));
        QCOMPARE(wrong.status, accounts::LoginResult::Status::WrongPassword);
        QCOMPARE(accounts::passwordVerifications(), hashes + 1);
        QCOMPARE(wrong.message(), unknown.message());
        QCOMPARE(wrong.attemptsLeft, accounts::AuthService::kMaxFailures - 1);
        for (int i = 2; i < accounts::AuthService::kMaxFailures; ++i) {
            const auto r = auth.login(QStringLiteral("rev"), QStringLiteral("wrong"));
            QCOMPARE(r.status, accounts::LoginResult::Status::WrongPassword);
            QCOMPARE(r.attemptsLeft, accounts::AuthService::kMaxFailures - i);
        }
        // The attempt that locks says nothing more than any other wrong one...
        auto r = auth.login(QStringLiteral("rev"), QStringLiteral("wrong"));
        QCOMPARE(r.status, accounts::LoginResult::Status::WrongPassword);
        QCOMPARE(r.message(), unknown.message());
        QVERIFY(r.lockedUntil > 10'000'000);
        // ...nor does a wrong password while locked (and it is not counted)...
        hashes = accounts::passwordVerifications();
        QCOMPARE(auth.login(QStringLiteral("rev"), QStringLiteral("wrong")).message(), unknown.message());
        QCOMPARE(accounts::passwordVerifications(), hashes + 1);
        QCOMPARE(db::StaffRepo(*d).get(st.id)->failedLogins, accounts::AuthService::kMaxFailures);
        // ...the right password is refused while locked, and only it learns of the lock...
        r = auth.login(QStringLiteral("rev"), QStringLiteral("s3cret"));
        QCOMPARE(r.status, accounts::LoginResult::Status::Locked);
        QVERIFY(r.message() != unknown.message());
        // ...and accepted after 15 minutes.
        db::setFixedNowMs(10'000'000 + accounts::AuthService::kLockMs + 1);
        QVERIFY(auth.login(QStringLiteral("rev"), QStringLiteral("s3cret")).session);
        db::setFixedNowMs(0);
        QCOMPARE(db::AuditRepo(*d).recent(10).first().action, QStringLiteral("staff.locked"));
    }

    void auditChainDetectsTampering_data() { TUCAI_ENGINE_ROWS(); }
    void auditChainDetectsTampering()
    {
        auto d = make(QStringLiteral("repo_audit"));
        if (!d)
            QSKIP("no PostgreSQL test cluster");
        db::AuditRepo audit(*d);
        for (int i = 0; i < 5; ++i) {
            db::Transaction tx(*d);
            AuditEntry e;
            e.staffName = QStringLiteral("admin");
            e.action = QStringLiteral("student.unlock");
            e.targetType = QStringLiteral("student");
            e.targetId = QString::number(i);
            e.reason = QStringLiteral("reason %1").arg(i);
            audit.append(e);
            tx.commit();
        }
        QCOMPARE(audit.verify(), 0);
        db::Query(*d, QStringLiteral("UPDATE audit_log SET reason = 'edited' WHERE id = 3")).exec();
        QString why;
        QCOMPARE(audit.verify(&why), 3);
        QVERIFY(why.contains(QLatin1String("3")));
    }

    void settingsNoticesOutbox_data() { TUCAI_ENGINE_ROWS(); }
    void settingsNoticesOutbox()
    {
        auto d = make(QStringLiteral("repo_misc"));
        if (!d)
            QSKIP("no PostgreSQL test cluster");
        const Ids ids = seedSchool(*d);
        db::SettingsRepo settings(*d);
        settings.set(ids.school, QStringLiteral("draft_capacity"), QStringLiteral("5"), 0);
        settings.set(ids.school, QStringLiteral("draft_capacity"), QStringLiteral("6"), 0);
        QCOMPARE(settings.value(ids.school, QStringLiteral("draft_capacity")), QStringLiteral("6"));
        QCOMPARE(settings.all(ids.school).size(), 1);

        db::NoticeRepo notices(*d);
        Notice n;
        n.schoolId = ids.school;
        n.title = QStringLiteral("通知");
        n.bodyHtml = QStringLiteral("<table><tr><td>x</td></tr></table>");
        n.feeCents = 1500;
        notices.insert(n);
        QCOMPARE(notices.get(n.id)->bodyHtml, n.bodyHtml);
        QCOMPARE(notices.get(n.id)->collegeId, 0);
        QCOMPARE(notices.versionCount(n.id), 1);

        db::OutboxRepo outbox(*d);
        OutboxMessage m;
        m.kind = QStringLiteral("student.unlocked");
        m.payloadJson = QStringLiteral("{}");
        m.idempotencyKey = QStringLiteral("k1");
        outbox.enqueue(m);
        OutboxMessage again = m;
        QVERIFY_THROWS_EXCEPTION(db::DbError, outbox.enqueue(again)); // the key is unique
        QCOMPARE(outbox.pending(10).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestRepositories)
#include "test_repositories.moc"
