// Account actions (unlock, cooling-off, reset, extra attempts) on SQLite and
// PostgreSQL: permission checks, row versions, one audit entry and one outbox
// row per student in the same transaction; the audit chain catches any edit.
#include "test_accounts_fixture.h"
#include "test_support.h"

#include "accounts/account_actions.h"
#include "accounts/auth_service.h"
#include "db/account_repo.h"
#include "db/audit_query_repo.h"
#include "db/audit_repo.h"
#include "db/misc_repos.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

using namespace tucai;
using Kind = accounts::AccountActions::Kind;

class TestAccounts : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    std::unique_ptr<db::Database> open(const QString &engine, test::MiniSchool *m)
    {
        auto db = test::freshDatabase(engine, m_dir, QStringLiteral("tucai_test_accounts"));
        if (!db)
            return nullptr;
        db->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        *m = test::buildMiniSchool(*db);
        return db;
    }
    static accounts::Session session(const db::Database &db, qint64 staffId)
    {
        const auto s = db::StaffRepo(db).get(staffId);
        return {s->id, s->schoolId, s->username, s->displayName, s->role, s->collegeId};
    }
    static accounts::AccountActions::Request request(Kind k, QList<qint64> ids, const QString &reason = QStringLiteral("student asked at the office"))
    {
        accounts::AccountActions::Request r;
        r.kind = k;
        for (qint64 id : ids)
            r.targets.append({id, 0});
        r.reason = reason;
        return r;
    }

private Q_SLOTS:
    void everyActionIsAudited_data() { TUCAI_ENGINE_ROWS(); }
    void everyActionIsAudited()
    {
        QFETCH(QString, engine);
        test::MiniSchool m;
        auto db = open(engine, &m);
        if (!db)
            QSKIP("no PostgreSQL test cluster");
        db::StudentRepo students(*db);
        db::AuditRepo audit(*db);
        db::OutboxRepo outbox(*db);
        accounts::AccountActions actions(*db, session(*db, m.collegeAdmin));
        const qint64 audit0 = audit.count();
        const qint64 outbox0 = outbox.count();

        // Unlock: counter reset, back to "verified" (no drafts), version +1.
        const Student before = *students.get(m.locked1);
        auto r = actions.run(request(Kind::UnlockLiveness, {m.locked1}));
        QCOMPARE(r.changed, 1);
        Student s = *students.get(m.locked1);
        QCOMPARE(s.state, StudentState::Verified);
        QCOMPARE(s.livenessFailures, 0);
        QCOMPARE(s.lockKind, QStringLiteral("none"));
        QCOMPARE(s.rowVersion, before.rowVersion + 1);
        const AuditEntry e = audit.recent(1).constFirst();
        QCOMPARE(e.action, QStringLiteral("student.unlock"));
        QCOMPARE(e.targetId, QString::number(m.locked1));
        QCOMPARE(e.reason, QStringLiteral("student asked at the office"));
        QCOMPARE(e.staffName, QStringLiteral("college01"));
        QCOMPARE(QJsonDocument::fromJson(e.beforeJson.toUtf8()).object().value(QStringLiteral("state")).toString(), QStringLiteral("locked_liveness"));
        QCOMPARE(QJsonDocument::fromJson(e.afterJson.toUtf8()).object().value(QStringLiteral("liveness_failures")).toInt(), 0);
        QCOMPARE(outbox.count(), outbox0 + 1);
        QCOMPARE(outbox.pending(100).constLast().kind, QStringLiteral("account.account_unlocked"));

        // Unlocking again: not locked any more, nothing written.
        QVERIFY_THROWS_EXCEPTION(db::DbError, actions.run(request(Kind::UnlockLiveness, {m.locked1})));

        // Shorten, then lift a cooling-off.
        auto shorten = request(Kind::ShortenCooling, {m.cooling1});
        shorten.coolingUntil = db::nowMs() + 5 * 60 * 1000;
        actions.run(shorten);
        QCOMPARE(students.get(m.cooling1)->lockedUntil, shorten.coolingUntil);
        QCOMPARE(students.get(m.cooling1)->state, StudentState::CoolingOff);
        actions.run(request(Kind::LiftCooling, {m.cooling1}));
        s = *students.get(m.cooling1);
        QCOMPARE(s.lockKind, QStringLiteral("none"));
        QCOMPARE(s.lockedUntil, 0);
        QCOMPARE(s.otherFailures, 0);
        QCOMPARE(s.state, StudentState::Verified);

        // Extra attempts.
        auto grant = request(Kind::GrantAttempts, {m.fresh1});
        grant.attempts = 2;
        actions.run(grant);
        QCOMPARE(students.get(m.fresh1)->extraAttempts, 2);

        // Reset for a re-shoot: payment kept, drafts out of the box, submission returned.
        actions.run(request(Kind::ResetForReshoot, {m.review1}));
        s = *students.get(m.review1);
        QCOMPARE(s.state, StudentState::Verified);
        QVERIFY(s.paid);
        QCOMPARE(db::AccountRepo(*db).activeDraftCount(m.review1), 0);
        QCOMPARE(db::PhotoRepo(*db).get(m.photo1)->status, QStringLiteral("returned"));

        QCOMPARE(audit.count(), audit0 + 5);
        QCOMPARE(outbox.count(), outbox0 + 5);
        db::AuditFilter f;
        f.action = QStringLiteral("student.");
        QCOMPARE(db::AuditQueryRepo(*db).count(f), 5);
        QCOMPARE(audit.verify(), 0);
    }

    void permissionsAndConflicts_data() { TUCAI_ENGINE_ROWS(); }
    void permissionsAndConflicts()
    {
        QFETCH(QString, engine);
        test::MiniSchool m;
        auto db = open(engine, &m);
        if (!db)
            QSKIP("no PostgreSQL test cluster");
        db::StudentRepo students(*db);
        db::AuditRepo audit(*db);
        const qint64 audit0 = audit.count();
        auto expectKind = [&](const accounts::Session &who, const accounts::AccountActions::Request &r, db::DbError::Kind kind) {
            try {
                accounts::AccountActions(*db, who).run(r);
                QFAIL("the action should have been refused");
            } catch (const db::DbError &e) {
                QCOMPARE(int(e.kind()), int(kind));
                QVERIFY(!e.message().isEmpty());
            }
        };
        // A reviewer cannot unlock; a college admin cannot touch another college.
        expectKind(session(*db, m.reviewer), request(Kind::UnlockLiveness, {m.locked1}), db::DbError::Kind::Permission);
        expectKind(session(*db, m.collegeAdmin), request(Kind::UnlockLiveness, {m.locked2}), db::DbError::Kind::Permission);
        // A bulk request with one forbidden student changes nobody.
        expectKind(session(*db, m.collegeAdmin), request(Kind::UnlockLiveness, {m.locked1, m.locked2}), db::DbError::Kind::Permission);
        QCOMPARE(students.get(m.locked1)->lockKind, QStringLiteral("liveness"));
        // No reason, no action.
        expectKind(session(*db, m.admin), request(Kind::UnlockLiveness, {m.locked1}, QStringLiteral("  ")), db::DbError::Kind::Invalid);
        // A stale row version: someone else changed the student first.
        auto stale = request(Kind::UnlockLiveness, {m.locked1});
        stale.targets[0].rowVersion = students.get(m.locked1)->rowVersion + 7;
        expectKind(session(*db, m.admin), stale, db::DbError::Kind::Conflict);
        QCOMPARE(audit.count(), audit0);
        QCOMPARE(students.get(m.locked1)->lockKind, QStringLiteral("liveness"));

        // The school admin unlocks both in one go.
        auto bulk = request(Kind::UnlockLiveness, {m.locked1, m.locked2});
        bulk.targets[0].rowVersion = students.get(m.locked1)->rowVersion;
        QCOMPARE(accounts::AccountActions(*db, session(*db, m.admin)).run(bulk).changed, 2);
        QCOMPARE(audit.count(), audit0 + 2);
        QCOMPARE(students.get(m.locked2)->state, StudentState::Verified);
    }

    void editingAnyAuditRowIsNamed_data() { TUCAI_ENGINE_ROWS(); }
    void editingAnyAuditRowIsNamed()
    {
        QFETCH(QString, engine);
        test::MiniSchool m;
        auto db = open(engine, &m);
        if (!db)
            QSKIP("no PostgreSQL test cluster");
        accounts::AccountActions actions(*db, session(*db, m.admin));
        actions.run(request(Kind::UnlockLiveness, {m.locked1, m.locked2}));
        auto grant = request(Kind::GrantAttempts, {m.fresh1, m.review1, m.review2});
        grant.attempts = 1;
        actions.run(grant);
        db::AuditRepo audit(*db);
        QCOMPARE(audit.verify(), 0);
        const QList<AuditEntry> all = audit.recent(100);
        QCOMPARE(all.size(), 5);
        for (const AuditEntry &e : all) {
            db::Query(*db, QStringLiteral("UPDATE audit_log SET reason = :r WHERE id = :id"))
                .bind(QStringLiteral(":r"), QString(e.reason + QStringLiteral(" (edited)")))
                .bind(QStringLiteral(":id"), e.id)
                .exec();
            QString why;
            QCOMPARE(audit.verify(&why), e.id);
            QVERIFY2(why.contains(QString::number(e.id)), qPrintable(why));
            db::Query(*db, QStringLiteral("UPDATE audit_log SET reason = :r WHERE id = :id"))
                .bind(QStringLiteral(":r"), e.reason)
                .bind(QStringLiteral(":id"), e.id)
                .exec();
            QCOMPARE(audit.verify(), 0);
        }
        // The command line names the edited entry and fails.
        const qint64 victim = all.at(2).id;
        db::Query(*db, QStringLiteral("UPDATE audit_log SET after_json = '{}' WHERE id = :id")).bind(QStringLiteral(":id"), victim).exec();
        const QString url = engine == QLatin1String("postgres") ? db->target().url(true) : db->target().path;
        db->closeThisThread();
        QProcess p;
        p.start(QStringLiteral(TUCAI_CLI_PATH), {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"), url});
        QVERIFY(p.waitForFinished(60000));
        const QString output = QString::fromUtf8(p.readAllStandardOutput());
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(output.contains(QStringLiteral("entry %1").arg(victim)), qPrintable(output));
        // Deleting the newest entry is caught too.
        db::Query(*db, QStringLiteral("UPDATE audit_log SET after_json = :a WHERE id = :id"))
            .bind(QStringLiteral(":a"), all.at(2).afterJson)
            .bind(QStringLiteral(":id"), victim)
            .exec();
        QCOMPARE(audit.verify(), 0);
        db::Query(*db, QStringLiteral("DELETE FROM audit_log WHERE id = :id")).bind(QStringLiteral(":id"), all.at(0).id).exec();
        QVERIFY(audit.verify() != 0);
    }

    void passwordChangeOnSqlite()
    {
        test::MiniSchool m;
        auto db = open(QStringLiteral("sqlite"), &m);
        accounts::AuthService auth(*db);
        QVERIFY(!auth.changePassword(m.admin, QStringLiteral("wrong"), QStringLiteral("NewSecret-2027")).isEmpty());
        QVERIFY(!auth.changePassword(m.admin, QStringLiteral("Secret-2026"), QStringLiteral("short")).isEmpty());
        QCOMPARE(auth.changePassword(m.admin, QStringLiteral("Secret-2026"), QStringLiteral("NewSecret-2027")), QString());
        QVERIFY(auth.login(QStringLiteral("admin"), QStringLiteral("NewSecret-2027")).session.has_value());
        QVERIFY(!auth.login(QStringLiteral("admin"), QStringLiteral("Secret-2026")).session.has_value());
        QVERIFY(!auth.databaseSession().has_value()); // SQLite: no database roles
    }
};

QTEST_GUILESS_MAIN(TestAccounts)
#include "test_accounts.moc"
