// Collection codes: generation, check symbol, keyed hashes only, verify,
// revoke/expire/regenerate, the PDF sheet (rendered by pdftoppm, every QR
// decoded back) and the CSV, on SQLite and PostgreSQL; the `tucai codes` CLI.
#include "codes/code_key.h"
#include "codes/code_service.h"
#include "codes/code_sheet.h"
#include "codes/crockford.h"
#include "codes/qr_code.h"
#include "db/audit_repo.h"
#include "db/code_repo.h"
#include "db/database.h"
#include "db/dialect.h"
#include "qr_decode_helper.h"
#include "test_codes_support.h"
#include "test_support.h"

#include <QDir>
#include <QProcess>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QtTest>

using namespace tucai;
using codes::VerifyResult;

class TestCodes : public QObject
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
    static QString dataOf(const QString &grouped) { return codes::crockford::canonical(grouped).chopped(1); }

    // Every value of every table, as text: the "copy of the database".
    static QString dumpAll(const db::Database &d)
    {
        QString all;
        QSqlQuery tables(d.connection());
        tables.exec(d.dialect().listTablesSql());
        QStringList names;
        while (tables.next())
            names << tables.value(0).toString();
        for (const QString &t : names) {
            QSqlQuery q(d.connection());
            q.exec(QStringLiteral("SELECT * FROM %1").arg(t));
            while (q.next())
                for (int i = 0; i < q.record().count(); ++i)
                    all += q.value(i).toString() + QLatin1Char('|') + QString::fromLatin1(q.value(i).toByteArray().toHex()) + QLatin1Char('\n');
        }
        return all;
    }

private Q_SLOTS:
    void cleanup() { db::setFixedNowMs(0); }

    void crockfordCheckSymbol()
    {
        // Crockford's own example values: 1234 -> "16J", check 1234 % 37 = 13 -> 'D'.
        QCOMPARE(codes::crockford::encode(1234, 3), QStringLiteral("16J"));
        QCOMPARE(codes::crockford::checkSymbol(QStringLiteral("16J")), QChar(u'D'));
        QCOMPARE(codes::crockford::canonical(QStringLiteral("1-6j d")), QStringLiteral("16JD"));
        QCOMPARE(codes::crockford::canonical(QStringLiteral("oIl")), QStringLiteral("011"));
        QVERIFY(codes::crockford::canonical(QStringLiteral("AB!C")).isEmpty());
        // Every single-character mistake and every swap of neighbours is caught.
        for (int round = 0; round < 20; ++round) {
            const QString code = codes::CodeService::newCode(codes::CodeService::kStudentDataChars);
            QCOMPARE(code.size(), 13);
            QVERIFY(codes::CodeService::checkSymbolOk(code));
            for (int pos = 0; pos < 12; ++pos) {
                for (const char c : QByteArray(codes::crockford::kAlphabet)) {
                    if (QLatin1Char(c) == code.at(pos))
                        continue;
                    QString typo = code;
                    typo[pos] = QLatin1Char(c);
                    QVERIFY2(!codes::CodeService::checkSymbolOk(typo), qPrintable(typo));
                }
                if (pos < 11 && code.at(pos) != code.at(pos + 1)) {
                    QString swapped = code;
                    std::swap(swapped[pos], swapped[pos + 1]);
                    QVERIFY(!codes::CodeService::checkSymbolOk(swapped));
                }
            }
        }
    }

    void entropyAndUniqueness()
    {
        QSet<QString> seen;
        for (int i = 0; i < 20000; ++i)
            seen.insert(codes::CodeService::newCode(codes::CodeService::kStudentDataChars));
        QCOMPARE(seen.size(), 20000);
        QVERIFY(codes::CodeService::kStudentDataChars * 5 >= 50);
    }

    void generateVerifyRevokeExpire_data() { TUCAI_ENGINE_ROWS(); }
    void generateVerifyRevokeExpire()
    {
        auto d = make(QStringLiteral("codes_life"));
        if (!d)
            QSKIP("no PostgreSQL test cluster");
        const test::SmallSchool s = test::seedSmallSchool(*d);
        db::setFixedNowMs(1'780'000'000'000);
        const qint64 expires = 1'780'000'000'000 + 30LL * 86'400'000;
        codes::CodeService service(*d, {0, QStringLiteral("tester")});
        codes::CodeSelection sel;
        sel.schoolId = s.school;
        sel.classId = s.class1;
        const QList<codes::IssuedCode> issued = service.generateForStudents(sel, expires);
        QCOMPARE(issued.size(), 5);
        QSet<qint64> students;
        for (const codes::IssuedCode &c : issued) {
            students.insert(c.target.studentId);
            QCOMPARE(c.target.className, QStringLiteral("计科2201班"));
            const VerifyResult r = service.verify(c.code);
            QVERIFY2(r.ok(), qPrintable(r.message()));
            QCOMPARE(r.row.studentId, c.target.studentId);
            // Lower case and without hyphens still verifies.
            QVERIFY(service.verify(c.code.toLower().remove(QLatin1Char('-'))).ok());
        }
        QCOMPARE(students, QSet<qint64>(s.class1Students.begin(), s.class1Students.end()));

        // A mistyped character is caught by the check symbol (before any lookup).
        QString typo = issued.first().code;
        typo[2] = typo[2] == QLatin1Char('7') ? QLatin1Char('8') : QLatin1Char('7');
        QCOMPARE(service.verify(typo).status, VerifyResult::Status::Mistyped);
        QVERIFY(service.verify(typo).message().contains(QStringLiteral("mistyped")));
        QCOMPARE(service.verify(QStringLiteral("ABC")).status, VerifyResult::Status::BadFormat);
        // A well-formed code that was never issued.
        QCOMPARE(service.verify(codes::CodeService::newCode(12)).status, VerifyResult::Status::Unknown);

        // The database holds no code in clear text (nor its data symbols), only keyed hashes.
        const QString dump = dumpAll(*d);
        for (const codes::IssuedCode &c : issued) {
            QVERIFY(!dump.contains(dataOf(c.code)));
            QVERIFY(!dump.contains(c.code));
        }
        db::CodeRepo repo(*d);
        QCOMPARE(repo.countAll(), 5);
        const QByteArray key = codes::CodeKey::forSchool(*d, s.school, false);
        QCOMPARE(key.size(), 32);
        QVERIFY(repo.findByHash(codes::CodeKey::hash(key, dataOf(issued.at(1).code))).has_value());
        // A different key gives a different hash: the hash alone is useless without the key.
        QVERIFY(!repo.findByHash(codes::CodeKey::hash(QByteArray(32, 'x'), dataOf(issued.at(1).code))).has_value());

        // Revoke: that code fails with the reason; others still work.
        const VerifyResult before = service.verify(issued.at(0).code);
        QVERIFY(service.revoke(before.row.id, QStringLiteral("lost card")));
        QVERIFY(!service.revoke(before.row.id, QStringLiteral("again")));
        const VerifyResult revoked = service.verify(issued.at(0).code);
        QCOMPARE(revoked.status, VerifyResult::Status::Revoked);
        QVERIFY(revoked.message().contains(QStringLiteral("lost card")));
        QVERIFY(service.verify(issued.at(1).code).ok());

        // Expiry.
        db::setFixedNowMs(expires + 1);
        QCOMPARE(service.verify(issued.at(1).code).status, VerifyResult::Status::Expired);
        db::setFixedNowMs(expires - 1);
        QVERIFY(service.verify(issued.at(1).code).ok());

        // Regenerate the class: every old code stops working, the new ones work.
        const QList<codes::IssuedCode> again = service.generateForStudents(sel, 0);
        QCOMPARE(again.size(), 5);
        for (const codes::IssuedCode &c : issued)
            QVERIFY(!service.verify(c.code).ok());
        QCOMPARE(service.verify(issued.at(2).code).row.revokedReason, QStringLiteral("regenerated"));
        for (const codes::IssuedCode &c : again)
            QVERIFY(service.verify(c.code).ok());
        QCOMPARE(repo.countActive(s.school), 5);

        // A school/batch code.
        const codes::IssuedCode batch = service.generateBatchCode(s.school, 0, QStringLiteral("补采批次"), 0);
        QCOMPARE(dataOf(batch.code).size(), codes::CodeService::kBatchDataChars);
        const VerifyResult br = service.verify(batch.code);
        QVERIFY(br.ok());
        QCOMPARE(br.row.studentId, 0);
        QCOMPARE(br.row.batchKind, QStringLiteral("batch"));

        // Audited: generate x2, revoke, batch; the chain holds.
        db::AuditRepo audit(*d);
        QStringList actions;
        for (const AuditEntry &e : audit.recent(10))
            actions << e.action;
        QCOMPARE(actions.count(QStringLiteral("codes.generate")), 2);
        QVERIFY(actions.contains(QStringLiteral("codes.revoke")));
        QVERIFY(actions.contains(QStringLiteral("codes.generate_batch")));
        QCOMPARE(audit.verify(), 0);
    }

    void keyFileOverride()
    {
        auto d = test::freshSqliteDatabase(m_dir, QStringLiteral("codes_keyfile"));
        d->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        const test::SmallSchool s = test::seedSmallSchool(*d, 2);
        const QString keyFile = m_dir.filePath(QStringLiteral("code.key"));
        QFile f(keyFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(32, '\x5a').toHex() + "\n");
        f.close();
        qputenv("TUCAI_CODE_KEY_FILE", keyFile.toLocal8Bit());
        codes::CodeService service(*d, {});
        const auto issued = service.generateForStudents({s.school, 0, s.class3, {}}, 0);
        QCOMPARE(issued.size(), 2);
        QVERIFY(service.verify(issued.first().code).ok());
        // No key was written to the database.
        QVERIFY(db::CodeRepo(*d).allKeys().isEmpty());
        qunsetenv("TUCAI_CODE_KEY_FILE");
        QCOMPARE(service.verify(issued.first().code).status, VerifyResult::Status::Unknown);
    }

    // Codes issued before schema step 4 (BLAKE2b, batch codes of 8 symbols) still verify
    // wherever the key can be read (SQLite, the owner, a key file).
    void olderCodesStillVerify_data() { TUCAI_ENGINE_ROWS(); }
    void olderCodesStillVerify()
    {
        auto d = make(QStringLiteral("codes_legacy"));
        if (!d)
            QSKIP("no PostgreSQL test cluster");
        const test::SmallSchool s = test::seedSmallSchool(*d, 1);
        const QByteArray key = codes::CodeKey::forSchool(*d, s.school, true);
        QCOMPARE(key.size(), 32);
        const QString code = codes::CodeService::newCode(codes::CodeService::kLegacyBatchDataChars);
        db::CodeRepo repo(*d);
        db::CodeBatchRow batch;
        batch.schoolId = s.school;
        batch.kind = QStringLiteral("batch");
        batch.createdAt = db::nowMs();
        repo.insertBatch(batch);
        db::CodeRow r;
        r.batchId = batch.id;
        r.schoolId = s.school;
        r.codeHash = codes::CodeKey::legacyHash(key, code.chopped(1));
        r.createdAt = batch.createdAt;
        repo.insertCodes({r});
        codes::CodeService service(*d, {});
        QVERIFY(service.verify(code).ok());
        // New batch codes carry 60 bits, like a student's.
        const codes::IssuedCode fresh = service.generateBatchCode(s.school, 0, QStringLiteral("batch"), 0);
        QCOMPARE(dataOf(fresh.code).size(), codes::CodeService::kBatchDataChars);
        QCOMPARE(codes::CodeService::kBatchDataChars, 12);
        QVERIFY(service.verify(fresh.code).ok());
    }

    void pdfSheetDecodes()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftoppm")).isEmpty())
            QSKIP("pdftoppm (poppler-utils) not installed");
        if (!test::qrDecoderAvailable())
            QSKIP("zbarimg (zbar-tools) not installed");
        auto d = test::freshSqliteDatabase(m_dir, QStringLiteral("codes_pdf"));
        d->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        const test::SmallSchool s = test::seedSmallSchool(*d, 4); // 12 students: two pages
        codes::CodeService service(*d, {});
        const auto issued = service.generateForStudents({s.school, 0, 0, {}}, 1'900'000'000'000);
        QCOMPARE(issued.size(), 12);
        const QString pdf = m_dir.filePath(QStringLiteral("sheet.pdf"));
        QString error;
        QVERIFY2(codes::CodeSheet::writePdf(pdf, issued, {QStringLiteral("测试大学"), {}}, &error), qPrintable(error));
        QVERIFY(QFileInfo(pdf).size() > 1000);
        // Render with poppler: it must open, with one page per 8 cards.
        const QString prefix = m_dir.filePath(QStringLiteral("page"));
        QCOMPARE(QProcess::execute(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("150"), QStringLiteral("-png"), pdf, prefix}), 0);
        const QStringList pages = QDir(m_dir.path()).entryList({QStringLiteral("page*.png")}, QDir::Files, QDir::Name);
        QCOMPARE(pages.size(), 2);
        int decoded = 0;
        for (int i = 0; i < issued.size(); ++i) {
            const QImage page(m_dir.filePath(pages.at(i / codes::CodeSheet::kPerPage)));
            QVERIFY(!page.isNull());
            const qreal k = page.width() / codes::CodeSheet::kPageWidthMm;
            const QRectF mm = codes::CodeSheet::qrRectMm(i % codes::CodeSheet::kPerPage).adjusted(-2, -2, 2, 2);
            const QImage qr = page.copy(QRectF(mm.x() * k, mm.y() * k, mm.width() * k, mm.height() * k).toRect());
            QCOMPARE(test::decodeQr(qr), issued.at(i).code);
            ++decoded;
        }
        QCOMPARE(decoded, 12);
        if (qEnvironmentVariableIsSet("TUCAI_SCREENSHOT_DIR"))
            QFile::copy(m_dir.filePath(pages.first()), qEnvironmentVariable("TUCAI_SCREENSHOT_DIR") + QStringLiteral("/code_sheet.png"));

        // An unwritable path gives a clear error.
        QVERIFY(!codes::CodeSheet::writePdf(QStringLiteral("/nonexistent-dir/x.pdf"), issued, {}, &error));
        QVERIFY(error.contains(QStringLiteral("/nonexistent-dir/x.pdf")));

        // The CSV for mail merge: BOM, header, one row per code, Chinese intact.
        const QString csv = m_dir.filePath(QStringLiteral("codes.csv"));
        QVERIFY(codes::CodeSheet::writeCsv(csv, issued, &error));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF" "student_no,name,college,class,code,expires"));
        const QStringList lines = QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 13);
        QVERIFY(lines.at(1).contains(issued.first().code));
        QVERIFY(lines.at(1).contains(issued.first().target.name));
    }

    // The sheets are rendered before anything is written (no lock held while thousands of QR
    // codes are drawn), readable by their owner only; a failed rendering stores nothing.
    void sheetsBeforeTheTransactionOwnerOnly()
    {
        auto d = test::freshSqliteDatabase(m_dir, QStringLiteral("codes_order"));
        d->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        const test::SmallSchool s = test::seedSmallSchool(*d, 1);
        codes::CodeService service(*d, {});
        const auto batches = [&d] { return db::Query(*d, QStringLiteral("SELECT COUNT(*) FROM code_batches")).scalar().toInt(); };
        const QString csv = m_dir.filePath(QStringLiteral("owner only.csv"));
        QString error;
        int batchesWhileRendering = -1;
        const auto issued = service.generateForStudents({s.school, 0, 0, {}}, 0, {}, nullptr,
                                                        [&](const QList<codes::IssuedCode> &codes, QString *err) {
                                                            batchesWhileRendering = batches();
                                                            return codes::CodeSheet::writeCsv(csv, codes, err);
                                                        },
                                                        &error);
        QVERIFY2(!issued.isEmpty(), qPrintable(error));
        QCOMPARE(batchesWhileRendering, 0);
        QCOMPARE(batches(), 1);
#ifndef Q_OS_WIN
        QCOMPARE(QFileInfo(csv).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        const QString pdf = m_dir.filePath(QStringLiteral("owner only.pdf"));
        QVERIFY2(codes::CodeSheet::writePdf(pdf, issued, {}, &error), qPrintable(error));
        QCOMPARE(QFileInfo(pdf).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
#endif
        // Rendering fails: no batch, no revocation of the codes issued above.
        const auto none = service.generateForStudents({s.school, 0, 0, {}}, 0, {}, nullptr,
                                                      [](const QList<codes::IssuedCode> &, QString *err) {
                                                          *err = QStringLiteral("disk full");
                                                          return false;
                                                      },
                                                      &error);
        QVERIFY(none.isEmpty());
        QCOMPARE(error, QStringLiteral("disk full"));
        QCOMPARE(batches(), 1);
        QCOMPARE(db::Query(*d, QStringLiteral("SELECT COUNT(*) FROM collection_codes WHERE revoked_at IS NULL")).scalar().toInt(),
                 int(issued.size()));
    }

    void qrWrapper()
    {
        if (!test::qrDecoderAvailable())
            QSKIP("zbarimg (zbar-tools) not installed");
        const codes::QrCode qr(QStringLiteral("ABCD-EFGH-JKMN-P"));
        QVERIFY(qr.isValid());
        QCOMPARE(test::decodeQr(qr.toImage(6)), QStringLiteral("ABCD-EFGH-JKMN-P"));
    }

    void cli()
    {
        const QString exe = QStringLiteral(TUCAI_CLI_PATH);
        auto d = test::freshSqliteDatabase(m_dir, QStringLiteral("codes_cli"));
        d->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        const test::SmallSchool s = test::seedSmallSchool(*d, 3);
        const QString dbPath = d->target().path;
        d->closeThisThread();
        const QString pdf = m_dir.filePath(QStringLiteral("cli.pdf"));
        const QString csv = m_dir.filePath(QStringLiteral("cli.csv"));
        QProcess p;
        p.start(exe, {QStringLiteral("codes"), QStringLiteral("generate"), QStringLiteral("--db"), dbPath, QStringLiteral("--class"),
                      QStringLiteral("0102"), QStringLiteral("--pdf"), pdf, QStringLiteral("--csv"), csv});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QVERIFY(QFileInfo(pdf).size() > 1000);
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll().mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        f.close(); // Windows cannot replace a file that is still open (the second generate below)
        QCOMPARE(lines.size(), 4);
        const QString code = lines.at(1).section(QLatin1Char(','), 4, 4);
        QVERIFY(lines.at(1).contains(QStringLiteral("软件2201班")));
        auto verify = [&](const QString &c, QByteArray *outText) {
            QProcess v;
            v.start(exe, {QStringLiteral("codes"), QStringLiteral("verify"), QStringLiteral("--db"), dbPath, c});
            v.waitForFinished(30000);
            *outText = v.readAllStandardOutput() + v.readAllStandardError();
            return v.exitCode();
        };
        QByteArray text;
        QCOMPARE(verify(code, &text), 0);
        QVERIFY(text.contains("valid"));
        QString typo = code;
        typo[0] = typo[0] == QLatin1Char('Z') ? QLatin1Char('Y') : QLatin1Char('Z');
        QCOMPARE(verify(typo, &text), 1);
        QVERIFY(text.contains("mistyped"));
        // Regenerating the class revokes the old code.
        p.start(exe, {QStringLiteral("codes"), QStringLiteral("generate"), QStringLiteral("--db"), dbPath, QStringLiteral("--class"),
                      QStringLiteral("软件2201班"), QStringLiteral("--csv"), csv});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(verify(code, &text), 1);
        QVERIFY(text.contains("revoked"));
        // Usage errors.
        p.start(exe, {QStringLiteral("codes"), QStringLiteral("generate"), QStringLiteral("--db"), dbPath});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 2);
        Q_UNUSED(s);
    }
};

QTEST_MAIN(TestCodes)
#include "test_codes.moc"
