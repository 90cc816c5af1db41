// `tucai db check` end to end on real SQLite files and the PostgreSQL test cluster: a clean demo
// school passes; each invariant broken by one direct SQL change (on a copy) is named, exactly that
// row, with exit 1; a missing, foreign or damaged database is a clear message with exit 3.
#include "test_support.h"

#include "integrity/integrity_check.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace tucai;

namespace {

using test::Run;
Run tucaiCli(const QStringList &args, int timeoutMs = 180000) { return test::runProgram(QStringLiteral(TUCAI_CLI_PATH), args, timeoutMs); }

// One row the check must name: rule, table, and the SQL that finds the row's id (%1: the picked
// id; none: the picked id itself).
struct Expect
{
    const char *rule;
    const char *table;
    const char *ids = nullptr;
};

// One way to break invariants: `pick` chooses the row (its id replaces %1 in the rest; no pick:
// the change names no row), `change` breaks it, and the check must name exactly the rows of
// `expect`, nothing else. `bypass`: PostgreSQL refuses the change by itself (a constraint or
// trigger), so it is shown refused, then made with the constraint triggers off.
struct Breakage
{
    const char *name;
    const char *pick;
    QStringList change;
    QList<Expect> expect;
    bool bypass = false;
};

const QList<Breakage> &breakages()
{
    // A student awaiting review with one submission only (no earlier returned photo).
#define FIRST_SUBMISSION "SELECT MIN(id) FROM students WHERE state = 'awaiting_review' AND submissions = 1"
    static const QList<Breakage> all{
        // Student states against their photos.
        {"approved_without_photo", "SELECT MIN(id) FROM students WHERE state = 'returned'",
         {QStringLiteral("UPDATE students SET state = 'approved' WHERE id = %1")}, {{"approved_photos", "students"}}},
        {"approved_photo_of_returned_student", "SELECT MIN(id) FROM students WHERE state = 'approved'",
         {QStringLiteral("UPDATE students SET state = 'returned' WHERE id = %1")},
         {{"returned_without_photo", "students"}, {"approved_photo_student", "photos", "SELECT id FROM photos WHERE student_id = %1 AND status = 'approved'"}}},
        {"review_without_photo", "SELECT MIN(id) FROM students WHERE state = 'returned'",
         {QStringLiteral("UPDATE students SET state = 'awaiting_review' WHERE id = %1")}, {{"review_without_photo", "students"}}},
        // A second photo awaiting review (its submission counted).
        {"two_photos_in_review", FIRST_SUBMISSION,
         {QStringLiteral("INSERT INTO photos (student_id, college_id, class_id, kind, status, sha256, stored_at, submitted_at) "
                         "SELECT student_id, college_id, class_id, kind, status, sha256, stored_at + 1, submitted_at + 1 "
                         "FROM photos WHERE student_id = %1 AND status = 'submitted'"),
          QStringLiteral("UPDATE students SET submissions = 2 WHERE id = %1")},
         {{"several_in_review", "students"}}},
        {"photo_in_review_of_approved_student", FIRST_SUBMISSION, {QStringLiteral("UPDATE students SET state = 'approved' WHERE id = %1")},
         {{"approved_photos", "students"},
          {"review_photo_student", "photos", "SELECT id FROM photos WHERE student_id = %1 AND status = 'submitted'"}}},
        {"payment_without_photo", "SELECT MIN(id) FROM students WHERE state = 'verified'",
         {QStringLiteral("UPDATE students SET state = 'awaiting_payment' WHERE id = %1")}, {{"payment_without_photo", "students"}}},
        {"photo_awaiting_payment_of_student_in_review", "SELECT MIN(id) FROM students WHERE state = 'awaiting_payment'",
         {QStringLiteral("UPDATE students SET state = 'awaiting_review' WHERE id = %1")},
         {{"review_without_photo", "students"}, {"payment_photo_student", "photos", "SELECT id FROM photos WHERE student_id = %1 AND status = 'awaiting_payment'"}}},
        {"payment_but_paid", "SELECT MIN(id) FROM students WHERE state = 'awaiting_payment'",
         {QStringLiteral("UPDATE students SET paid = 1 WHERE id = %1")}, {{"payment_but_paid", "students"}}},
        {"returned_without_photo", "SELECT MIN(id) FROM students WHERE state = 'verified'",
         {QStringLiteral("UPDATE students SET state = 'returned' WHERE id = %1")}, {{"returned_without_photo", "students"}}},
        {"not_started_with_drafts", "SELECT MIN(id) FROM students WHERE state = 'drafting'",
         {QStringLiteral("UPDATE students SET state = 'not_started' WHERE id = %1")}, {{"not_started_activity", "students"}}},
        {"drafting_without_draft", "SELECT MIN(id) FROM students WHERE state = 'drafting'",
         {QStringLiteral("UPDATE photos SET status = 'deleted' WHERE student_id = %1 AND kind = 'draft'")}, {{"drafting_without_draft", "students"}}},
        {"verified_with_drafts", "SELECT MIN(id) FROM students WHERE state = 'drafting'",
         {QStringLiteral("UPDATE students SET state = 'verified' WHERE id = %1")}, {{"verified_with_drafts", "students"}}},
        {"unknown_state", "SELECT MIN(id) FROM students WHERE state = 'verified'",
         {QStringLiteral("UPDATE students SET state = 'lost' WHERE id = %1")}, {{"student_state", "students"}}},

        // Photos.
        {"unknown_photo_status",
         "SELECT MIN(id) FROM photos WHERE kind = 'draft' AND status = 'draft' AND student_id IN "
         "(SELECT student_id FROM photos WHERE kind = 'draft' AND status = 'draft' GROUP BY student_id HAVING COUNT(*) > 1)",
         {QStringLiteral("UPDATE photos SET status = 'lost' WHERE id = %1")}, {{"photo_kind_status", "photos"}}},
        {"decision_without_time", "SELECT MIN(id) FROM photos WHERE status = 'approved'",
         {QStringLiteral("UPDATE photos SET decided_at = NULL WHERE id = %1")}, {{"photo_decision", "photos"}}},
        {"submission_without_time", "SELECT MIN(id) FROM photos WHERE status = 'approved'",
         {QStringLiteral("UPDATE photos SET submitted_at = NULL WHERE id = %1")}, {{"photo_submitted_at", "photos"}}},

        // Counters and locks.
        {"submission_counter", "SELECT MIN(id) FROM students WHERE state = 'approved'",
         {QStringLiteral("UPDATE students SET submissions = submissions + 1 WHERE id = %1")}, {{"submission_counter", "students"}}},
        {"negative_counter", "SELECT MIN(id) FROM students WHERE state = 'verified'",
         {QStringLiteral("UPDATE students SET extra_attempts = -1 WHERE id = %1")}, {{"negative_counter", "students"}}},
        {"liveness_counter", "SELECT MIN(id) FROM students WHERE state = 'locked_liveness'",
         {QStringLiteral("UPDATE students SET liveness_failures = liveness_failures + 1 WHERE id = %1")}, {{"liveness_counter", "students"}}},
        {"quality_counter", "SELECT MIN(id) FROM students WHERE state = 'cooling_off'",
         {QStringLiteral("UPDATE students SET other_failures = other_failures + 1 WHERE id = %1")}, {{"quality_counter", "students"}}},
        {"lock_without_state", "SELECT MIN(id) FROM students WHERE state = 'locked_liveness'",
         {QStringLiteral("UPDATE students SET lock_kind = 'none' WHERE id = %1")}, {{"liveness_lock_state", "students"}}},
        {"cooling_without_lock", "SELECT MIN(id) FROM students WHERE state = 'verified'",
         {QStringLiteral("UPDATE students SET state = 'cooling_off' WHERE id = %1")}, {{"cooling_state", "students"}}},
        {"liveness_lock_with_end", "SELECT MIN(id) FROM students WHERE state = 'locked_liveness'",
         {QStringLiteral("UPDATE students SET locked_until = 1772877348000 WHERE id = %1")}, {{"lock_until", "students"}}},
        {"lock_without_failures", "SELECT MIN(id) FROM students WHERE state = 'locked_liveness'",
         {QStringLiteral("UPDATE students SET liveness_failures = 0 WHERE id = %1")}, {{"lock_without_failures", "students"}}},

        // Drafts within the capacity setting.
        {"drafts_over_capacity", nullptr, {QStringLiteral("UPDATE settings SET value = '1' WHERE name = 'draft_capacity'")},
         {{"drafts_over_capacity", "students",
           "SELECT student_id FROM photos WHERE kind = 'draft' AND status = 'draft' GROUP BY student_id HAVING COUNT(*) > 1"}}},

        // A notification for every decision.
        {"decision_without_notification", "SELECT MIN(id) FROM photos WHERE status = 'approved'",
         {QStringLiteral("DELETE FROM notification_outbox WHERE idempotency_key = 'photo.approved:%1:1'")}, {{"decision_notification", "photos"}}},
        {"decision_notification_withdrawn", "SELECT MIN(id) FROM photos WHERE status = 'returned'",
         {QStringLiteral("UPDATE notification_outbox SET status = 'withdrawn' WHERE idempotency_key = 'photo.returned:%1:1'")},
         {{"decision_notification", "photos"}}},
        // A reset as AccountActions does it, but without its notification.
        {"reset_without_notification", "SELECT MIN(id) FROM students WHERE state = 'approved'",
         {QStringLiteral("UPDATE students SET state = 'verified' WHERE id = %1"),
          QStringLiteral("UPDATE photos SET status = 'deleted' WHERE student_id = %1 AND kind = 'draft'"),
          QStringLiteral("UPDATE photos SET status = 'returned', decision = 'returned', reasons = 'reset' WHERE student_id = %1 AND status = 'approved'")},
         {{"reset_notification", "photos", "SELECT id FROM photos WHERE student_id = %1 AND reasons = 'reset'"}}},

        // The audit chain.
        {"audit_entry_changed", "SELECT MIN(id) FROM audit_log",
         {QStringLiteral("UPDATE audit_log SET reason = 'forged' WHERE id = %1")}, {{"audit_chain", "audit_log"}}},
        {"audit_entry_removed", "SELECT MAX(id) FROM audit_log",
         {QStringLiteral("DELETE FROM audit_log WHERE id = %1")}, {{"audit_chain", "audit_log"}}},

        // Row versions.
        {"negative_row_version", "SELECT MIN(id) FROM photos WHERE status = 'submitted'",
         {QStringLiteral("UPDATE photos SET row_version = -1 WHERE id = %1")}, {{"row_version", "photos"}}},
        {"notice_ahead_of_history", "SELECT MIN(id) FROM notices",
         {QStringLiteral("UPDATE notices SET row_version = row_version + 1 WHERE id = %1")}, {{"notice_history", "notices"}}},

        // Places.
        {"class_of_another_college", "SELECT MIN(id) FROM students WHERE state = 'not_started'",
         {QStringLiteral("UPDATE students SET class_id = (SELECT MIN(cl.id) FROM classes cl WHERE cl.college_id <> students.college_id) "
                         "WHERE id = %1")},
         {{"student_class_college", "students"}}, true},
        {"college_of_another_school", "SELECT MIN(id) FROM students WHERE state = 'not_started'",
         {QStringLiteral("INSERT INTO schools (code, name, created_at) VALUES ('20999', 'other', 0)"),
          QStringLiteral("INSERT INTO colleges (school_id, code, name) SELECT id, '01', 'other' FROM schools WHERE code = '20999'"),
          QStringLiteral("UPDATE students SET college_id = (SELECT c.id FROM colleges c JOIN schools sc ON sc.id = c.school_id "
                         "WHERE sc.code = '20999') WHERE id = %1")},
         {{"student_college_school", "students"}, {"student_class_college", "students"}}, true},
        {"photo_away_from_student", "SELECT MIN(id) FROM photos WHERE status = 'approved'",
         {QStringLiteral("UPDATE photos SET class_id = (SELECT MIN(cl.id) FROM classes cl WHERE cl.college_id = photos.college_id "
                         "AND cl.id <> photos.class_id) WHERE id = %1")},
         {{"photo_place", "photos"}}, true},
        {"scope_class_of_another_college", "SELECT MIN(id) FROM staff WHERE username = 'reviewer1'",
         {QStringLiteral("INSERT INTO staff_scopes (staff_id, college_id, class_id) SELECT %1, sc.college_id, "
                         "(SELECT MIN(cl.id) FROM classes cl WHERE cl.college_id <> sc.college_id) FROM staff_scopes sc "
                         "WHERE sc.staff_id = %1 AND sc.class_id IS NULL ORDER BY sc.college_id LIMIT 1")},
         {{"scope_class_college", "staff_scopes"}}},
    };
    return all;
}
#undef FIRST_SUBMISSION

QSet<QString> namedRows(const QString &json, QString *problem)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    if (!doc.isObject()) {
        *problem = QStringLiteral("not JSON: ") + json.left(300);
        return {};
    }
    QSet<QString> out;
    for (const QJsonValue &v : doc.object().value(QStringLiteral("violations")).toArray()) {
        const QJsonObject o = v.toObject();
        out.insert(QStringLiteral("%1 %2 %3").arg(o.value(QStringLiteral("rule")).toString(), o.value(QStringLiteral("table")).toString())
                       .arg(qint64(o.value(QStringLiteral("id")).toDouble())));
    }
    return out;
}

} // namespace

class TestIntegrity : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_sqliteBase;
    std::optional<db::DbTarget> m_pgAdmin;
    QString m_pgBase;
    int m_copies = 0;

    // The demo school with placeholder photos (no faces to prepare: seconds, not minutes).
    static QStringList demoArgs(const QString &dbArg)
    {
        return {QStringLiteral("demo"), QStringLiteral("create"), QStringLiteral("--db"), dbArg, QStringLiteral("--students"),
                QStringLiteral("200"), QStringLiteral("--now"), QStringLiteral("2026-03-07T17:55:48+08:00"), QStringLiteral("--quiet"),
                QStringLiteral("--no-checks"), QStringLiteral("--faces"), QStringLiteral("/nonexistent-faces")};
    }

    db::DbTarget pgTarget(const QString &database) const
    {
        db::DbTarget t = *m_pgAdmin;
        t.database = database;
        return t;
    }

    // A copy of the demo database of `engine` (a file copy; a PostgreSQL database made from it as
    // template). Returns the target; empty when that engine is not available.
    std::optional<db::DbTarget> copyOfDemo(const QString &engine)
    {
        const int n = ++m_copies;
        if (engine == QLatin1String("sqlite")) {
            const QString path = m_dir.filePath(QStringLiteral("copy%1.sqlite").arg(n));
            if (!QFile::copy(m_sqliteBase, path))
                qFatal("cannot copy the demo database");
            if (QFile::exists(m_sqliteBase + QStringLiteral("-wal")))
                QFile::copy(m_sqliteBase + QStringLiteral("-wal"), path + QStringLiteral("-wal"));
            return db::DbTarget::sqlite(path);
        }
        if (!m_pgAdmin)
            return std::nullopt;
        const QString name = QStringLiteral("integrity_copy%1").arg(n);
        db::Database admin(*m_pgAdmin);
        QSqlQuery q(admin.connection());
        if (!q.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name))
            || !q.exec(QStringLiteral("CREATE DATABASE %1 TEMPLATE %2").arg(name, m_pgBase)))
            qFatal("copy of the demo database: %s", qPrintable(q.lastError().text()));
        return pgTarget(name);
    }

    static QString dbArg(const db::DbTarget &t) { return t.isPostgres() ? t.url(true) : t.path; }

    // Runs statements on the database as its owner in one transaction; false (with the error,
    // nothing changed) when one is refused.
    static bool execAll(const db::DbTarget &t, const QStringList &sql, bool bypass, QString *error = nullptr)
    {
        db::Database d(t);
        d.open();
        QSqlDatabase c = d.connection();
        if (!c.transaction())
            qFatal("begin: %s", qPrintable(c.lastError().text()));
        QSqlQuery q(c);
        if (bypass && t.isPostgres() && !q.exec(QStringLiteral("SET LOCAL session_replication_role = replica")))
            qFatal("%s", qPrintable(q.lastError().text()));
        for (const QString &s : sql) {
            if (!q.exec(s)) {
                if (error)
                    *error = q.lastError().text();
                q.finish();
                c.rollback();
                return false;
            }
        }
        q.finish();
        if (!c.commit())
            qFatal("commit: %s", qPrintable(c.lastError().text()));
        return true;
    }

    static QList<qint64> ids(const db::DbTarget &t, const QString &sql)
    {
        db::Database d(t);
        d.open();
        QSqlQuery q(d.connection());
        if (!q.exec(sql))
            qFatal("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        QList<qint64> out;
        while (q.next())
            if (!q.value(0).isNull())
                out.append(q.value(0).toLongLong());
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_sqliteBase = m_dir.filePath(QStringLiteral("demo.sqlite"));
        Run r = tucaiCli(demoArgs(m_sqliteBase));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        if (!test::pgAdminUrl().isEmpty()) {
            m_pgAdmin = db::DbTarget::parse(test::pgAdminUrl());
            QVERIFY(m_pgAdmin);
            m_pgBase = QStringLiteral("integrity_demo");
            test::freshPgDatabase(m_pgBase); // created, not connected: the copies use it as template
            r = tucaiCli(demoArgs(dbArg(pgTarget(m_pgBase))));
            QVERIFY2(r.code == 0, qPrintable(r.err));
        }
    }

    void cleanDemoPasses_data() { TUCAI_ENGINE_ROWS(); }
    void cleanDemoPasses()
    {
        QFETCH(QString, engine);
        const auto target = copyOfDemo(engine);
        if (!target)
            TUCAI_REQUIRE_PG();
        Run r = tucaiCli({QStringLiteral("db"), QStringLiteral("check"), QStringLiteral("--db"), dbArg(*target)});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("no violation of %1 rules").arg(integrity::allRules().size())), qPrintable(r.out));
        r = tucaiCli({QStringLiteral("db"), QStringLiteral("check"), QStringLiteral("--json"), QStringLiteral("--db"), dbArg(*target)});
        QCOMPARE(r.code, 0);
        const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(doc.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(doc.value(QStringLiteral("violations")).toArray().size(), 0);
        QCOMPARE(doc.value(QStringLiteral("rules")).toArray().size(), integrity::allRules().size());
        QVERIFY(!r.out.contains(QLatin1String("tucai-test"))); // never prints the password
    }

    void namesEachBrokenInvariant_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<int>("which");
        for (const char *engine : {"sqlite", "postgres"})
            for (int i = 0; i < breakages().size(); ++i)
                QTest::addRow("%s/%s", engine, breakages().at(i).name) << QString::fromLatin1(engine) << i;
    }
    void namesEachBrokenInvariant()
    {
        QFETCH(QString, engine);
        QFETCH(int, which);
        const Breakage &b = breakages().at(which);
        const auto target = copyOfDemo(engine);
        if (!target)
            TUCAI_REQUIRE_PG();
        const QList<qint64> picked = b.pick ? ids(*target, QString::fromLatin1(b.pick)) : QList<qint64>{0};
        QVERIFY2(picked.size() == 1, b.name);
        const QString id = QString::number(picked.first());
        QStringList change;
        for (const QString &sql : b.change)
            change.append(QString(sql).replace(QLatin1String("%1"), id));
        if (b.bypass && target->isPostgres()) {
            // The server refuses this change by itself (constraint or trigger).
            QString error;
            QVERIFY2(!execAll(*target, change, false, &error), "PostgreSQL accepted a change its constraints should refuse");
        }
        QVERIFY(execAll(*target, change, b.bypass));

        QSet<QString> expected;
        QList<qint64> firstIds;
        for (const Expect &e : b.expect) {
            const QList<qint64> rows = e.ids ? ids(*target, QString::fromLatin1(e.ids).replace(QLatin1String("%1"), id)) : picked;
            QVERIFY2(!rows.isEmpty(), e.rule);
            if (firstIds.isEmpty())
                firstIds = rows;
            for (qint64 row : rows)
                expected.insert(QStringLiteral("%1 %2 %3").arg(QString::fromLatin1(e.rule), QString::fromLatin1(e.table)).arg(row));
        }

        Run r = tucaiCli({QStringLiteral("db"), QStringLiteral("check"), QStringLiteral("--json"), QStringLiteral("--db"), dbArg(*target)});
        QCOMPARE(r.code, 1);
        QString problem;
        const QSet<QString> named = namedRows(r.out, &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY2(named == expected, qPrintable(QStringLiteral("named: %1\nexpected: %2")
                                                   .arg(QStringList(named.cbegin(), named.cend()).join(QStringLiteral("; ")),
                                                        QStringList(expected.cbegin(), expected.cend()).join(QStringLiteral("; ")))));

        // The plain output: one line per row, "TABLE ID: what is wrong", and the count.
        r = tucaiCli({QStringLiteral("db"), QStringLiteral("check"), QStringLiteral("--db"), dbArg(*target)});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains(QStringLiteral("%1 %2: ").arg(QString::fromLatin1(b.expect.constFirst().table)).arg(firstIds.first())),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("%1 violations of").arg(expected.size())), qPrintable(r.out));
    }

    // Found by `db check`: on SQLite a roster import that moved a student to another class left the
    // student's photos in the old class (PostgreSQL's foreign key cascades). Schema step 6.
    void photosFollowTheirStudentToAnotherClass_data() { TUCAI_ENGINE_ROWS(); }
    void photosFollowTheirStudentToAnotherClass()
    {
        QFETCH(QString, engine);
        const auto target = copyOfDemo(engine);
        if (!target)
            TUCAI_REQUIRE_PG();
        const QList<qint64> picked = ids(*target, QStringLiteral("SELECT MIN(student_id) FROM photos"));
        QVERIFY(picked.size() == 1);
        const QString id = QString::number(picked.first());
        const QString move = QStringLiteral("UPDATE students SET class_id = (SELECT MIN(cl.id) FROM classes cl "
                                            "WHERE cl.college_id = students.college_id AND cl.id <> students.class_id) WHERE id = %1").arg(id);
        QVERIFY(execAll(*target, {move}, false));
        const QList<qint64> left = ids(*target, QStringLiteral("SELECT p.id FROM photos p JOIN students s ON s.id = p.student_id "
                                                               "WHERE s.id = %1 AND p.class_id <> s.class_id").arg(id));
        QVERIFY2(left.isEmpty(), "a photo stayed in the student's old class");
        const Run r = tucaiCli({QStringLiteral("db"), QStringLiteral("check"), QStringLiteral("--db"), dbArg(*target)});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    }

    void limitPerRule()
    {
        const auto target = copyOfDemo(QStringLiteral("sqlite"));
        QVERIFY(execAll(*target, {QStringLiteral("UPDATE students SET submissions = submissions + 1")}, false));
        const Run r = tucaiCli({QStringLiteral("db"), QStringLiteral("check"), QStringLiteral("--limit"), QStringLiteral("3"),
                                QStringLiteral("--db"), dbArg(*target)});
        QCOMPARE(r.code, 1);
        QCOMPARE(r.out.count(QLatin1String("submission counter")), 3);
        QVERIFY2(r.out.contains(QLatin1String("submission_counter: more rows break this rule")), qPrintable(r.out));
    }

    void badInput()
    {
        auto check = [](const QString &db) {
            return tucaiCli({QStringLiteral("db"), QStringLiteral("check"), QStringLiteral("--db"), db});
        };
        // Missing file.
        Run r = check(m_dir.filePath(QStringLiteral("missing.sqlite")));
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QLatin1String("does not exist")), qPrintable(r.err));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("missing.sqlite")))); // not created
        // Not a database.
        const QString junk = m_dir.filePath(QStringLiteral("junk.sqlite"));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        r = check(junk);
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QLatin1String("not a Tucai database")), qPrintable(r.err));
        // An empty file: SQLite, but no schema.
        const QString empty = m_dir.filePath(QStringLiteral("empty.sqlite"));
        QFile e(empty);
        QVERIFY(e.open(QIODevice::WriteOnly));
        e.close();
        r = check(empty);
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QLatin1String("no Tucai Admin schema")), qPrintable(r.err));
        // A demo database cut short: read errors, not a crash.
        const QString cut = m_dir.filePath(QStringLiteral("cut.sqlite"));
        {
            QFile src(m_sqliteBase);
            QVERIFY(src.open(QIODevice::ReadOnly));
            QFile dst(cut);
            QVERIFY(dst.open(QIODevice::WriteOnly));
            dst.write(src.read(src.size() / 3));
        }
        r = check(cut);
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.startsWith(QLatin1String("error: ")), qPrintable(r.err));
        // A folder.
        r = check(m_dir.path());
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QLatin1String("folder")), qPrintable(r.err));
        // A server that is not there.
        r = check(QStringLiteral("postgresql://postgres@127.0.0.1:1/tucai"));
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QLatin1String("Cannot reach")), qPrintable(r.err));
        // Usage.
        r = tucaiCli({QStringLiteral("db"), QStringLiteral("check"), QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("usage: tucai db check")));
        QVERIFY(r.out.contains(QLatin1String("exit status")));
        r = tucaiCli({QStringLiteral("db"), QStringLiteral("check")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QLatin1String("--db is required")), qPrintable(r.err));
        r = tucaiCli({QStringLiteral("db"), QStringLiteral("check"), QStringLiteral("--db"), m_sqliteBase, QStringLiteral("--limit"),
                      QStringLiteral("none")});
        QCOMPARE(r.code, 2);
        r = tucaiCli({QStringLiteral("db"), QStringLiteral("check"), QStringLiteral("--db"), m_sqliteBase, QStringLiteral("--frob")});
        QCOMPARE(r.code, 2);
    }

    void cleanupTestCase()
    {
        if (!m_pgAdmin)
            return;
        db::Database admin(*m_pgAdmin);
        QSqlQuery q(admin.connection());
        for (int n = 1; n <= m_copies; ++n)
            q.exec(QStringLiteral("DROP DATABASE IF EXISTS integrity_copy%1 WITH (FORCE)").arg(n));
        q.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_pgBase));
    }
};

QTEST_GUILESS_MAIN(TestIntegrity)
#include "test_integrity.moc"
