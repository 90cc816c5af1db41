// Collection notices (states, versions, the student-side view, attachments)
// and collection settings (validation, audit), on SQLite and PostgreSQL.
#include "db/audit_repo.h"
#include "db/database.h"
#include "db/notice_repo.h"
#include "db/settings_repo.h"
#include "notices/notice_service.h"
#include "settings/collection_settings.h"
#include "test_codes_support.h"
#include "test_support.h"

#include <QtTest>

using namespace tucai;

class TestNotices : public QObject
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
    static constexpr qint64 kT0 = 1'780'000'000'000;
    static constexpr qint64 kHour = 3'600'000;

private Q_SLOTS:
    void cleanup() { db::setFixedNowMs(0); }

    void lifecycle_data() { TUCAI_ENGINE_ROWS(); }
    void lifecycle()
    {
        auto d = make(QStringLiteral("notices_life"));
        if (!d)
            QSKIP("no PostgreSQL test cluster");
        const test::SmallSchool s = test::seedSmallSchool(*d, 1);
        db::setFixedNowMs(kT0);
        notices::NoticeService service(*d, {0, QStringLiteral("editor")});
        db::NoticeRepo repo(*d);

        Notice n;
        n.schoolId = s.school;
        n.title = QStringLiteral("2026届图像采集通知");
        n.bodyHtml = QStringLiteral("<h2>通知</h2><table><tr><td>时间</td></tr></table><a href=\"https://example.edu\">链接</a>");
        n.windowStart = kT0 + 24 * kHour;
        n.windowEnd = kT0 + 20 * 24 * kHour;
        n.dailyHours = QStringLiteral("08:00-21:00");
        n.feeCents = 1500;
        QVERIFY(service.save(n).isEmpty());
        QVERIFY(n.id > 0);
        QCOMPARE(n.state, QStringLiteral("draft"));
        QVERIFY(repo.visibleAt(s.school, 0, kT0 + 1000 * kHour).isEmpty()); // drafts are never visible

        // Edit: a version with what changed.
        n.title = QStringLiteral("2026届毕业生图像采集通知");
        QVERIFY(service.save(n).isEmpty());
        QCOMPARE(repo.versions(n.id).first().summary, QStringLiteral("title"));

        // Stale row version: refused, nothing lost.
        Notice stale = n;
        stale.rowVersion -= 1;
        stale.contacts = QStringLiteral("x");
        QVERIFY(service.save(stale).contains(QStringLiteral("Someone else")));

        // Invalid: window end before start, negative fee, bad hours.
        Notice bad = n;
        bad.windowEnd = bad.windowStart - 1;
        bad.feeCents = -1;
        bad.dailyHours = QStringLiteral("21:00-08:00");
        const QStringList problems = notices::NoticeService::validate(bad);
        QCOMPARE(problems.size(), 3);
        QVERIFY(!service.save(bad).isEmpty());

        // Scheduling in the past is refused; in the future works.
        QVERIFY(!service.schedule(n, kT0 - 1).isEmpty());
        QVERIFY(service.schedule(n, kT0 + 2 * kHour).isEmpty());
        QCOMPARE(n.state, QStringLiteral("scheduled"));

        // The student side's view applies the schedule: invisible before, visible at its time.
        QVERIFY(repo.visibleAt(s.school, 0, kT0 + 2 * kHour - 1).isEmpty());
        const QList<Notice> visible = repo.visibleAt(s.school, 0, kT0 + 2 * kHour);
        QCOMPARE(visible.size(), 1);
        QCOMPARE(visible.first().title, n.title);
        QCOMPARE(visible.first().feeCents, 1500);
        // Also with the pinned clock: the effective state follows the time.
        QCOMPARE(notices::NoticeService::effectiveState(n, kT0 + 2 * kHour - 1), QStringLiteral("scheduled"));
        QCOMPARE(notices::NoticeService::effectiveState(n, kT0 + 2 * kHour), QStringLiteral("published"));

        // The admin side materialises it when the time has come.
        QCOMPARE(service.publishDue(kT0 + kHour), 0);
        db::setFixedNowMs(kT0 + 3 * kHour);
        QCOMPARE(service.publishDue(db::nowMs()), 1);
        n = *repo.get(n.id);
        QCOMPARE(n.state, QStringLiteral("published"));
        QCOMPARE(n.publishedAt, kT0 + 2 * kHour);
        QCOMPARE(repo.visibleAt(s.school, 0, db::nowMs()).size(), 1);

        // A college notice: visible to that college only.
        Notice c;
        c.schoolId = s.school;
        c.collegeId = s.college1;
        c.title = QStringLiteral("计算机学院补采");
        QVERIFY(service.save(c).isEmpty());
        QVERIFY(service.publishNow(c).isEmpty());
        QCOMPARE(repo.visibleAt(s.school, s.college1, db::nowMs()).size(), 2);
        QCOMPARE(repo.visibleAt(s.school, s.college1, db::nowMs()).first().id, c.id); // newest first
        QCOMPARE(repo.visibleAt(s.school, s.college2, db::nowMs()).size(), 1);

        // Archive: gone from the student side; no way back to published; no edits.
        QVERIFY(service.archive(n).isEmpty());
        QCOMPARE(repo.visibleAt(s.school, s.college2, db::nowMs()).size(), 0);
        QVERIFY(!service.publishNow(n).isEmpty());
        QVERIFY(!service.save(n).isEmpty());

        // Unschedule goes back to draft.
        Notice u;
        u.schoolId = s.school;
        u.title = QStringLiteral("待定");
        QVERIFY(service.save(u).isEmpty());
        QVERIFY(service.schedule(u, db::nowMs() + kHour).isEmpty());
        QVERIFY(service.unschedule(u).isEmpty());
        QCOMPARE(u.state, QStringLiteral("draft"));
        QCOMPARE(u.publishAt, 0);

        // Version history: every save and state change, newest first, with what changed.
        const QList<db::NoticeVersion> versions = repo.versions(n.id);
        QStringList summaries;
        for (const auto &v : versions)
            summaries << v.summary;
        QCOMPARE(summaries, (QStringList{QStringLiteral("published -> archived"), QStringLiteral("scheduled -> published"),
                                         QStringLiteral("draft -> scheduled"), QStringLiteral("title"), QStringLiteral("created")}));
        QCOMPARE(versions.last().title, QStringLiteral("2026届图像采集通知"));

        // Audit entries for each step; the chain holds.
        QStringList actions;
        for (const AuditEntry &e : db::AuditRepo(*d).recent(50))
            actions << e.action;
        for (const char *a : {"notice.create", "notice.edit", "notice.schedule", "notice.publish", "notice.archive", "notice.unschedule"})
            QVERIFY2(actions.contains(QString::fromLatin1(a)), a);
        QCOMPARE(db::AuditRepo(*d).verify(), 0);
    }

    void attachments_data() { TUCAI_ENGINE_ROWS(); }
    void attachments()
    {
        auto d = make(QStringLiteral("notices_att"));
        if (!d)
            QSKIP("no PostgreSQL test cluster");
        const test::SmallSchool s = test::seedSmallSchool(*d, 1);
        db::NoticeRepo repo(*d);
        Notice n;
        n.schoolId = s.school;
        n.title = QStringLiteral("附件");
        repo.insert(n);
        QByteArray pdf("%PDF-1.4\n\x00\x01\x02\xff binary", 24);
        const qint64 id = repo.addAttachment(n.id, QStringLiteral("采集须知.pdf"), QStringLiteral("application/pdf"), pdf);
        const auto list = repo.attachments(n.id);
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().fileName, QStringLiteral("采集须知.pdf"));
        QCOMPARE(list.first().byteSize, pdf.size());
        QCOMPARE(repo.attachmentBytes(id), pdf);
        repo.removeAttachment(id);
        QVERIFY(repo.attachments(n.id).isEmpty());
    }

    void settings_data() { TUCAI_ENGINE_ROWS(); }
    void settings()
    {
        auto d = make(QStringLiteral("notices_settings"));
        if (!d)
            QSKIP("no PostgreSQL test cluster");
        const test::SmallSchool s = test::seedSmallSchool(*d, 1);
        using settings::CollectionSettings;
        CollectionSettings cs = CollectionSettings::load(*d, s.school);
        QCOMPARE(cs.draftRetentionHours, 24);
        cs.windowStart = kT0;
        cs.windowEnd = kT0 + 30 * 24 * kHour;
        cs.paymentRequired = true;
        cs.feeCents = 1500;
        QStringList changed;
        QVERIFY(cs.save(*d, s.school, 0, QStringLiteral("admin"), QStringLiteral("学校通知"), &changed).isEmpty());
        QCOMPARE(changed.size(), 11); // nothing stored before
        // The student side reads the table.
        QCOMPARE(db::SettingsRepo(*d).value(s.school, QStringLiteral("fee_cents")), QStringLiteral("1500"));
        QCOMPARE(db::SettingsRepo(*d).value(s.school, QStringLiteral("draft_retention_hours")), QStringLiteral("24"));
        QCOMPARE(CollectionSettings::load(*d, s.school), cs);

        // One change, one audit entry with before/after.
        cs.coolingMinutes = 45;
        QVERIFY(cs.save(*d, s.school, 0, QStringLiteral("admin"), QStringLiteral("延长冷静期"), &changed).isEmpty());
        QCOMPARE(changed, QStringList{QStringLiteral("cooling_minutes")});
        const AuditEntry last = db::AuditRepo(*d).recent(1).first();
        QCOMPARE(last.action, QStringLiteral("settings.change"));
        QCOMPARE(last.targetId, QStringLiteral("cooling_minutes"));
        QCOMPARE(last.beforeJson, QStringLiteral("{\"cooling_minutes\":\"30\"}"));
        QCOMPARE(last.afterJson, QStringLiteral("{\"cooling_minutes\":\"45\"}"));
        QCOMPARE(last.reason, QStringLiteral("延长冷静期"));
        // Saving unchanged settings writes no audit entry.
        const qint64 count = db::AuditRepo(*d).count();
        QVERIFY(cs.save(*d, s.school, 0, QStringLiteral("admin"), {}, &changed).isEmpty());
        QVERIFY(changed.isEmpty());
        QCOMPARE(db::AuditRepo(*d).count(), count);

        // Invalid values are refused and nothing is written.
        CollectionSettings bad = cs;
        bad.windowEnd = bad.windowStart - 1;
        bad.coolingMinutes = -5;
        bad.draftCapacity = 0;
        bad.feeCents = -1;
        const QStringList problems = bad.save(*d, s.school, 0, QStringLiteral("admin"), {});
        QCOMPARE(problems.size(), 4); // window, cooling, capacity, fee
        QCOMPARE(CollectionSettings::load(*d, s.school), cs);
        QCOMPARE(db::AuditRepo(*d).count(), count);
    }
};

QTEST_MAIN(TestNotices)
#include "test_notices.moc"
