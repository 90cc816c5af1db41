// The demo school: every state present, real photos, same seed -> same database on both engines.
#include "db/database.h"
#include "db/photo_repo.h"
#include "db/student_repo.h"
#include "demo/demo_generator.h"
#include "model/id_number.h"
#include "test_support.h"

#include <QCryptographicHash>
#include <QImage>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QtTest>

using namespace tucai;

namespace {
// 2026-03-07 17:55:48 +08:00
constexpr qint64 kNow = 1772877348000;

QByteArray tableDigest(const db::Database &d, const QString &sql)
{
    QSqlQuery q(d.connection());
    if (!q.exec(sql))
        qFatal("%s", qPrintable(q.lastError().text()));
    QCryptographicHash h(QCryptographicHash::Sha256);
    int rows = 0;
    while (q.next()) {
        ++rows;
        for (int c = 0; c < q.record().count(); ++c) {
            const QVariant v = q.value(c);
            h.addData(v.isNull() ? QByteArrayLiteral("<null>") : v.toString().toUtf8());
            h.addData(QByteArrayLiteral("\x1f"));
        }
    }
    return h.result().toHex() + ':' + QByteArray::number(rows);
}
} // namespace

class TestDemo : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<db::Database> create(const QString &engine, const QString &name, int students, quint64 seed, bool checks = false)
    {
        auto d = test::freshDatabase(engine, m_dir, name);
        if (!d)
            return nullptr;
        d->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        demo::DemoOptions opt;
        opt.students = students;
        opt.seed = seed;
        opt.nowMs = kNow;
        opt.facesDir = test::facesDir();
        opt.runChecks = checks;
        const auto summary = demo::createDemoSchool(*d, opt);
        if (summary.students != students)
            qFatal("demo created %d students", summary.students);
        return d;
    }

private Q_SLOTS:
    void everyStateAndRealPhotos_data() { TUCAI_ENGINE_ROWS(); }
    void everyStateAndRealPhotos()
    {
        QFETCH(QString, engine);
        auto d = create(engine, QStringLiteral("demo_states"), 800, 7, /*checks=*/true);
        if (!d)
            QSKIP("no PostgreSQL test cluster");
        db::StudentRepo students(*d);
        QCOMPARE(students.count(), 800);
        const auto counts = students.countByState();
        for (const char *state : {"not_started", "drafting", "cooling_off", "locked_liveness", "awaiting_payment",
                                  "awaiting_review", "approved", "returned"})
            QVERIFY2(counts.value(QString::fromLatin1(state)) > 0, state);
        QVERIFY(db::Query(*d, QStringLiteral("SELECT COUNT(*) FROM colleges")).scalar().toInt() >= 3);
        // Cooling-off students are locked until a time after "now"; liveness locks have no end.
        QCOMPARE(db::Query(*d, QStringLiteral("SELECT COUNT(*) FROM students WHERE state = 'cooling_off' AND "
                                              "(lock_kind <> 'cooling' OR locked_until IS NULL OR locked_until <= :now)"))
                     .bind(QStringLiteral(":now"), kNow)
                     .scalar()
                     .toInt(),
                 0);
        QCOMPARE(db::Query(*d, QStringLiteral("SELECT COUNT(*) FROM students WHERE state = 'locked_liveness' AND "
                                              "(lock_kind <> 'liveness' OR liveness_failures < 3)"))
                     .scalar()
                     .toInt(),
                 0);
        // Returned students carry reasons; every ID number has a valid check digit.
        QCOMPARE(db::Query(*d, QStringLiteral("SELECT COUNT(*) FROM students WHERE state = 'returned' AND return_reasons = ''"))
                     .scalar()
                     .toInt(),
                 0);
        QSqlQuery ids(d->connection());
        QVERIFY(ids.exec(QStringLiteral("SELECT id_number FROM students")));
        while (ids.next())
            QVERIFY2(isValidIdNumber(ids.value(0).toString()), qPrintable(ids.value(0).toString()));
        // Attempts history and staff of each role.
        QVERIFY(db::Query(*d, QStringLiteral("SELECT COUNT(*) FROM capture_attempts WHERE kind = 'liveness' AND passed = 0"))
                    .scalar()
                    .toInt() > 0);
        QCOMPARE(db::Query(*d, QStringLiteral("SELECT COUNT(DISTINCT role) FROM staff")).scalar().toInt(), 3);
        QVERIFY(db::Query(*d, QStringLiteral("SELECT COUNT(*) FROM notices")).scalar().toInt() >= 3);

        // Every stored photo decodes as a 480x640 JPEG.
        QSqlQuery blobs(d->connection());
        QVERIFY(blobs.exec(QStringLiteral("SELECT sha256, bytes FROM photo_blobs")));
        int n = 0;
        while (blobs.next()) {
            const QByteArray bytes = blobs.value(1).toByteArray();
            QVERIFY(bytes.startsWith("\xFF\xD8"));
            QCOMPARE(db::PhotoRepo::sha256Hex(bytes), blobs.value(0).toString());
            const QImage img = QImage::fromData(bytes, "JPEG");
            QCOMPARE(img.size(), QSize(480, 640));
            ++n;
        }
        QVERIFY(n > 10);

        // Submitted photos carry a stored check report with engine and profile versions.
        QVERIFY(db::Query(*d, QStringLiteral("SELECT COUNT(*) FROM photos WHERE kind = 'submitted' AND check_report IS NOT NULL "
                                             "AND engine_version IS NOT NULL AND profile_version IS NOT NULL"))
                    .scalar()
                    .toInt() > 0);
        // A failed photo names the rules it failed (the reviewers' rule filter relies on it).
        QCOMPARE(db::Query(*d, QStringLiteral("SELECT COUNT(*) FROM photos p WHERE p.check_passed = 0 AND NOT EXISTS "
                                              "(SELECT 1 FROM photo_violations v WHERE v.photo_id = p.id)"))
                     .scalar()
                     .toInt(),
                 0);
    }

    void namesMatchTheFacesGender()
    {
        // With ../shared/faces the genders come from frll/people.tsv; without it the
        // placeholders alternate. Either way a student's given name fits their photo.
        auto d = create(QStringLiteral("sqlite"), QStringLiteral("demo_names"), 300, 3);
        // Every student with photos has the compliant one (their first draft).
        demo::DemoFaces faces(test::facesDir());
        QHash<QString, int> personOf;
        for (int person = 0; person < faces.people(); ++person)
            personOf.insert(db::PhotoRepo::sha256Hex(faces.photo(demo::DemoFaces::Variant::Compliant, person)), person);
        const QString female = demo::givenNameCharacters(demo::DemoFaces::Gender::Female);
        const QString male = demo::givenNameCharacters(demo::DemoFaces::Gender::Male);
        for (const QChar c : female)
            QVERIFY2(!male.contains(c), "the two lists share a character");
        QSqlQuery q(d->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT DISTINCT s.name, p.sha256 FROM students s JOIN photos p ON p.student_id = s.id")));
        int checked = 0, women = 0, men = 0;
        while (q.next()) {
            const QString name = q.value(0).toString();
            const auto it = personOf.constFind(q.value(1).toString());
            if (it == personOf.constEnd())
                continue; // a smiling, dark, blurred or shifted variant
            const bool isFemale = faces.gender(*it) == demo::DemoFaces::Gender::Female;
            const QString &chars = isFemale ? female : male;
            // The last character is given; so is the second last of a three-character name
            // (two-character surnames like 欧阳 make four).
            QVERIFY2(chars.contains(name.back()), qPrintable(name));
            if (name.size() == 3 && !name.startsWith(QStringLiteral("欧阳")))
                QVERIFY2(chars.contains(name.at(1)), qPrintable(name));
            ++checked;
            (isFemale ? women : men) += 1;
        }
        QVERIFY(checked > 80);
        QVERIFY2(women > 20 && men > 20, qPrintable(QStringLiteral("%1 women, %2 men").arg(women).arg(men)));
        if (!faces.realFaces())
            qInfo("../shared/faces not found: checked against the placeholders' alternating genders");
    }

    void sameSeedSameDatabase()
    {
        TUCAI_REQUIRE_PG();
        auto a = create(QStringLiteral("sqlite"), QStringLiteral("demo_same_a"), 300, 42);
        auto b = create(QStringLiteral("postgres"), QStringLiteral("demo_same_b"), 300, 42);
        auto c = create(QStringLiteral("sqlite"), QStringLiteral("demo_same_c"), 300, 43);
        const QStringList queries = {
            QStringLiteral("SELECT id, college_id, class_id, student_no, name, id_number, phone, paid, state, liveness_failures, "
                           "other_failures, lock_kind, locked_until, return_reasons FROM students ORDER BY id"),
            QStringLiteral("SELECT id, student_id, kind, status, sha256, stored_at, submitted_at, decision, reasons FROM photos ORDER BY id"),
            QStringLiteral("SELECT sha256, byte_size FROM photo_blobs ORDER BY sha256"),
            QStringLiteral("SELECT student_id, occurred_at, kind, passed, reason FROM capture_attempts ORDER BY student_id, occurred_at, kind"),
            QStringLiteral("SELECT code, name FROM classes ORDER BY id"),
        };
        for (const QString &q : queries) {
            QCOMPARE(tableDigest(*a, q), tableDigest(*b, q));
        }
        QVERIFY(tableDigest(*a, queries.first()) != tableDigest(*c, queries.first()));
    }

    void refusesNonEmptyDatabase()
    {
        auto d = test::freshSqliteDatabase(m_dir, QStringLiteral("demo_twice"));
        d->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        demo::DemoOptions opt;
        opt.students = 20;
        opt.nowMs = kNow;
        opt.runChecks = false;
        demo::createDemoSchool(*d, opt);
        try {
            demo::createDemoSchool(*d, opt);
            QFAIL("second demo school accepted");
        } catch (const db::DbError &e) {
            QCOMPARE(e.kind(), db::DbError::Kind::Invalid);
        }
        QCOMPARE(db::StudentRepo(*d).count(), 20);
    }

    void cancelKeepsNothing()
    {
        auto d = test::freshSqliteDatabase(m_dir, QStringLiteral("demo_cancel"));
        d->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        std::atomic_bool cancel{false};
        demo::DemoOptions opt;
        opt.students = 3000;
        opt.nowMs = kNow;
        opt.runChecks = false;
        opt.cancel = &cancel;
        opt.progress = [&](int done, int, const QString &) {
            if (done >= 1000)
                cancel = true;
        };
        const auto s = demo::createDemoSchool(*d, opt);
        QVERIFY(s.cancelled);
        QCOMPARE(db::StudentRepo(*d).count(), 0);
        QCOMPARE(db::Query(*d, QStringLiteral("SELECT COUNT(*) FROM schools")).scalar().toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDemo)
#include "test_demo.moc"
