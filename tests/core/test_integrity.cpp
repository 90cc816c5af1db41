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

struct Run { int code; QString out; QString err; };

Run tucaiCli(const QStringList &args, int timeoutMs = 180000)
{
    QProcess p;
    p.start(QStringLiteral(TUCAI_CLI_PATH), args);
    if (!p.waitForFinished(timeoutMs))
        qFatal("tucai %s did not finish", qPrintable(args.join(QLatin1Char(' '))));
    if (p.exitStatus() != QProcess::NormalExit)
        qFatal("tucai %s crashed", qPrintable(args.join(QLatin1Char(' '))));
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

// One way to break one invariant: `pick` chooses the row (its id replaces %1 in the rest),
// `change` breaks it, and the check must name exactly the rows `expect` lists (default: the
// picked one; no `pick`: the change names no row) under `rule` in `table`. `bypass`: PostgreSQL refuses the change by itself (a
// constraint or trigger), so it is made with the constraint triggers off.
struct Breakage
{
    const char *name;
    const char *pick;
    QStringList change;
    const char *rule;
    const char *table;
    const char *expect = nullptr;
    bool bypass = false;
};

const QList<Breakage> &breakages()
{
    static const QList<Breakage> all{
        {"approved_without_photo", "SELECT MIN(id) FROM students WHERE state = 'returned'",
         {QStringLiteral("UPDATE students SET state = 'approved' WHERE id = %1")}, "approved_photos", "students"},
        {"review_without_photo", "SELECT MIN(id) FROM students WHERE state = 'returned'",
         {QStringLiteral("UPDATE students SET state = 'awaiting_review' WHERE id = %1")}, "review_without_photo", "students"},
        {"payment_but_paid", "SELECT MIN(id) FROM students WHERE state = 'awaiting_payment'",
         {QStringLiteral("UPDATE students SET paid = 1 WHERE id = %1")}, "payment_but_paid", "students"},
        {"submission_counter", "SELECT MIN(id) FROM students WHERE state = 'approved'",
         {QStringLiteral("UPDATE students SET submissions = submissions + 1 WHERE id = %1")}, "submission_counter", "students"},
        {"liveness_counter", "SELECT MIN(id) FROM students WHERE state = 'locked_liveness'",
         {QStringLiteral("UPDATE students SET liveness_failures = liveness_failures + 1 WHERE id = %1")}, "liveness_counter", "students"},
        {"lock_without_state", "SELECT MIN(id) FROM students WHERE state = 'locked_liveness'",
         {QStringLiteral("UPDATE students SET lock_kind = 'none' WHERE id = %1")}, "liveness_lock_state", "students"},
        {"drafts_over_capacity", nullptr,
         {QStringLiteral("UPDATE settings SET value = '1' WHERE name = 'draft_capacity'")}, "drafts_over_capacity", "students",
         "SELECT student_id FROM photos WHERE kind = 'draft' AND status = 'draft' GROUP BY student_id HAVING COUNT(*) > 1"},
        {"decision_without_notification", "SELECT MIN(id) FROM photos WHERE status = 'approved'",
         {QStringLiteral("DELETE FROM notification_outbox WHERE idempotency_key = 'photo.approved:%1:1'")}, "decision_notification",
         "photos"},
        {"audit_entry_changed", "SELECT MIN(id) FROM audit_log",
         {QStringLiteral("UPDATE audit_log SET reason = 'forged' WHERE id = %1")}, "audit_chain", "audit_log"},
        {"negative_row_version", "SELECT MIN(id) FROM photos WHERE status = 'submitted'",
         {QStringLiteral("UPDATE photos SET row_version = -1 WHERE id = %1")}, "row_version", "photos"},
        {"notice_ahead_of_history", "SELECT MIN(id) FROM notices",
         {QStringLiteral("UPDATE notices SET row_version = row_version + 1 WHERE id = %1")}, "notice_history", "notices"},
        {"class_of_another_college", "SELECT MIN(id) FROM students WHERE state = 'not_started'",
         {QStringLiteral("UPDATE students SET class_id = (SELECT MIN(cl.id) FROM classes cl WHERE cl.college_id <> students.college_id) "
                         "WHERE id = %1")},
         "student_class_college", "students", nullptr, true},
        {"photo_away_from_student", "SELECT MIN(id) FROM photos WHERE status = 'approved'",
         {QStringLiteral("UPDATE photos SET class_id = (SELECT MIN(cl.id) FROM classes cl WHERE cl.college_id = photos.college_id "
                         "AND cl.id <> photos.class_id) WHERE id = %1")},
         "photo_place", "photos", nullptr, true},
    };
    return all;
}

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

    // Runs statements on the database as its owner; false (with the error) when one is refused.
    static bool execAll(const db::DbTarget &t, const QStringList &sql, bool bypass, QString *error = nullptr)
    {
        db::Database d(t);
        d.open();
        QSqlQuery q(d.connection());
        if (bypass && t.isPostgres() && !q.exec(QStringLiteral("SET session_replication_role = replica")))
            qFatal("%s", qPrintable(q.lastError().text()));
        for (const QString &s : sql) {
            if (!q.exec(s)) {
                if (error)
                    *error = q.lastError().text();
                return false;
            }
        }
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
        QStringList change;
        for (const QString &s : b.change)
            change.append(s.contains(QLatin1String("%1")) ? s.arg(picked.first()) : s);
        if (b.bypass && target->isPostgres()) {
            // The server refuses this change by itself (constraint or trigger).
            QString error;
            QVERIFY2(!execAll(*target, change, false, &error), "PostgreSQL accepted a change its constraints should refuse");
        }
        QVERIFY(execAll(*target, change, b.bypass));

        QSet<QString> expected;
        const QList<qint64> expectedIds = b.expect ? ids(*target, QString::fromLatin1(b.expect)) : picked;
        QVERIFY(!expectedIds.isEmpty());
        for (qint64 id : expectedIds)
            expected.insert(QStringLiteral("%1 %2 %3").arg(QString::fromLatin1(b.rule), QString::fromLatin1(b.table)).arg(id));

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
        QVERIFY2(r.out.contains(QStringLiteral("%1 %2: ").arg(QString::fromLatin1(b.table)).arg(expectedIds.first())), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("%1 violations of").arg(expectedIds.size())), qPrintable(r.out));
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
