// Roster import with real files: a GBK CSV, a UTF-8 CSV with BOM and an XLSX
// written by libxlsxwriter, each with the same bad rows. The dry run must list
// exactly those rows; importing twice must leave one copy.
#include "test_accounts_fixture.h"
#include "test_support.h"

#include "db/audit_repo.h"
#include "import/roster_import.h"
#include "model/id_number.h"
#include "util/platform.h"

#include <QFile>
#include <QProcess>
#include <QStringEncoder>
#include <QtTest>

#include <xlsxwriter.h>

using namespace tucai;

namespace {

QString validId(int n)
{
    const QString first17 = QStringLiteral("32010219990101%1").arg(n, 3, 10, QLatin1Char('0'));
    return first17 + idNumberCheckChar(first17);
}

QString wrongCheckDigit(int n)
{
    const QString ok = validId(n);
    const QChar good = ok.back();
    return ok.left(17) + (good == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1'));
}

// Row 1 is the header; rows 6-12 are the bad ones.
QList<QStringList> rosterRows()
{
    const QString cs = QStringLiteral("计算机学院"), cls = QStringLiteral("计算机2201班");
    return {
        {QStringLiteral("学号"), QStringLiteral("姓名"), QStringLiteral("身份证号"), QStringLiteral("手机"), QStringLiteral("学院"), QStringLiteral("班级")},
        {QStringLiteral("2022011001"), QStringLiteral("王小明"), validId(101), QStringLiteral("13812345678"), cs, cls},
        {QStringLiteral("2022011002"), QStringLiteral("李华"), validId(102), QString(), cs, cls},
        {QStringLiteral("2022011003"), QStringLiteral("欧阳·娜娜"), validId(103), QStringLiteral("13912345678"), cs, cls},
        {QStringLiteral("2022021004"), QStringLiteral("陈静"), validId(104), QStringLiteral("15012345678"), QStringLiteral("外国语学院"), QStringLiteral("英语2201班")},
        {QStringLiteral("2022011001"), QStringLiteral("重复学号"), validId(106), QString(), cs, cls},                 // 6 duplicate number
        {QStringLiteral("2022011007"), QStringLiteral("赵错位"), wrongCheckDigit(107), QString(), cs, cls},             // 7 check digit
        {QStringLiteral("2022011008"), QStringLiteral("钱无班"), validId(108), QString(), cs, QStringLiteral("物理2201班")}, // 8 unknown class
        {QStringLiteral("2022011009"), QString(), validId(109), QString(), cs, cls},                                    // 9 empty name
        {QStringLiteral("2022011010"), QStringLiteral("=1+1"), validId(110), QString(), cs, cls},                       // 10 formula
        {QStringLiteral("2022011011"), QStringLiteral("孙\"三\""), validId(111), QString(), cs, cls},                   // 11 quotes
        {QStringLiteral("2022011012"), QStringLiteral("../etc/passwd"), validId(112), QString(), cs, cls},              // 12 ../
        {QStringLiteral("2022011013"), QStringLiteral("周末"), validId(113), QStringLiteral("18612345678"), cs, cls},
    };
}
const QList<int> kBadRows = {6, 7, 8, 9, 10, 11, 12};

QString csvText(const QList<QStringList> &rows)
{
    QString out;
    for (const QStringList &r : rows) {
        QStringList cells;
        for (QString c : r)
            cells << (c.contains(QLatin1Char('"')) || c.contains(QLatin1Char(',')) ? QLatin1Char('"') + c.replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"') : c);
        out += cells.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

class TestImport : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString makeFile(const QString &format)
    {
        const QList<QStringList> rows = rosterRows();
        if (format == QLatin1String("gbk")) {
            // Qt's own codec where it has ICU, else the system's (Windows: code page 54936, or 936).
            QStringEncoder gbk("GBK");
            QByteArray bytes;
            if (gbk.isValid())
                bytes = gbk.encode(csvText(rows));
            else if (!platform::encodeGb18030(csvText(rows), &bytes))
                qFatal("neither Qt nor the system can write GBK here");
            const QString path = m_dir.filePath(QStringLiteral("roster-gbk.csv"));
            writeFile(path, bytes);
            if (QString::fromUtf8(bytes) == csvText(rows))
                qFatal("GBK bytes should not be valid UTF-8 here");
            return path;
        }
        if (format == QLatin1String("utf8bom")) {
            const QString path = m_dir.filePath(QStringLiteral("roster-bom.csv"));
            writeFile(path, QByteArray("\xEF\xBB\xBF") + csvText(rows).toUtf8());
            return path;
        }
        // XLSX from libxlsxwriter: the formula is a real formula cell, one student number a number cell.
        const QString path = m_dir.filePath(QStringLiteral("roster.xlsx"));
        lxw_workbook *wb = workbook_new(QFile::encodeName(path).constData());
        lxw_worksheet *ws = workbook_add_worksheet(wb, "名单");
        for (int r = 0; r < rows.size(); ++r)
            for (int c = 0; c < rows.at(r).size(); ++c) {
                const QString v = rows.at(r).at(c);
                if (v.isEmpty())
                    continue;
                if (v.startsWith(QLatin1Char('=')))
                    worksheet_write_formula(ws, lxw_row_t(r), lxw_col_t(c), v.toUtf8().constData(), nullptr);
                else if (r == 2 && c == 0)
                    worksheet_write_number(ws, lxw_row_t(r), lxw_col_t(c), v.toDouble(), nullptr);
                else
                    worksheet_write_string(ws, lxw_row_t(r), lxw_col_t(c), v.toUtf8().constData(), nullptr);
            }
        if (workbook_close(wb) != LXW_NO_ERROR)
            qFatal("libxlsxwriter failed");
        return path;
    }

private Q_SLOTS:
    void decodesAndReads()
    {
        QString enc;
        QCOMPARE(import::decodeText(QByteArray("\xEF\xBB\xBF") + QStringLiteral("学号").toUtf8(), &enc), QStringLiteral("学号"));
        QCOMPARE(enc, QStringLiteral("UTF-8 (BOM)"));
        // GBK bytes of 班级,姓名 as Chinese Excel writes them (B0E0 BCB6 , D0D5 C3FB).
        const QByteArray gbkBytes("\xB0\xE0\xBC\xB6,\xD0\xD5\xC3\xFB");
        QCOMPARE(import::decodeText(gbkBytes, &enc), QStringLiteral("班级,姓名"));
        QCOMPARE(enc, QStringLiteral("GB18030"));
        QCOMPARE(import::encodeGb18030(QStringLiteral("班级,姓名")), gbkBytes);
        // The system converter alone (what a Qt without ICU uses: Windows), both ways.
        QString viaSystem;
        QVERIFY(platform::decodeGb18030(gbkBytes, &viaSystem));
        QCOMPARE(viaSystem, QStringLiteral("班级,姓名"));
        QByteArray back;
        QVERIFY(platform::encodeGb18030(viaSystem, &back));
        QCOMPARE(back, gbkBytes);
        QVERIFY(!platform::decodeGb18030(QByteArray("\xB0"), &viaSystem)); // half a character
        const auto rows = import::parseCsv(QStringLiteral("a,\"b,\"\"c\"\"\",d\r\n\r\n\"multi\nline\",x\n"));
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0), QStringList({QStringLiteral("a"), QStringLiteral("b,\"c\""), QStringLiteral("d")}));
        QVERIFY(rows.at(1).isEmpty());
        QCOMPARE(rows.at(2).at(0), QStringLiteral("multi\nline"));
        QCOMPARE(import::parseCsv(QStringLiteral("x;y\n1;2")).at(1), QStringList({QStringLiteral("1"), QStringLiteral("2")}));
        // Not a spreadsheet at all.
        writeFile(m_dir.filePath(QStringLiteral("fake.xlsx")), QByteArray("PK\x03\x04 garbage"));
        QVERIFY_THROWS_EXCEPTION(import::ImportError, import::readTableFile(m_dir.filePath(QStringLiteral("fake.xlsx"))));
    }

    void dryRunListsExactlyTheBadRows_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("format");
        for (const char *engine : {"sqlite", "postgres"})
            for (const char *format : {"gbk", "utf8bom", "xlsx"})
                QTest::newRow(qPrintable(QStringLiteral("%1-%2").arg(QLatin1String(engine), QLatin1String(format))))
                    << QString::fromLatin1(engine) << QString::fromLatin1(format);
    }
    void dryRunListsExactlyTheBadRows()
    {
        QFETCH(QString, engine);
        QFETCH(QString, format);
        auto db = test::freshDatabase(engine, m_dir, QStringLiteral("tucai_test_import"));
        if (!db)
            QSKIP("no PostgreSQL test cluster");
        db->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        const test::MiniSchool m = test::buildMiniSchool(*db);
        const accounts::Session admin{m.admin, m.school, QStringLiteral("admin"), QStringLiteral("admin"), StaffRole::SchoolAdmin, 0};
        const QString path = makeFile(format);

        const import::TableData table = import::readTableFile(path);
        QCOMPARE(table.format, format == QLatin1String("xlsx") ? QStringLiteral("xlsx") : QStringLiteral("csv"));
        if (format == QLatin1String("gbk"))
            QCOMPARE(table.encoding, QStringLiteral("GB18030"));
        if (format == QLatin1String("utf8bom"))
            QCOMPARE(table.encoding, QStringLiteral("UTF-8 (BOM)"));
        QCOMPARE(table.rows.size(), rosterRows().size());
        QCOMPARE(table.rows.at(3).at(1), QStringLiteral("欧阳·娜娜"));
        QCOMPARE(table.rows.at(2).at(0), QStringLiteral("2022011002"));   // a number cell in the XLSX
        QCOMPARE(table.rows.at(9).at(1), QStringLiteral("=1+1"));

        const import::ColumnMapping mapping = import::ColumnMapping::guess(table.rows.first());
        QVERIFY(mapping.isComplete());
        import::RosterImporter importer(*db, admin);
        const import::ImportPlan plan = importer.plan(table, mapping);
        for (const auto &r : plan.rows)
            if (r.outcome == import::RosterRow::Outcome::Problem)
                qDebug() << r.line << r.problems;
        QCOMPARE(plan.problemLines(), kBadRows);
        QCOMPARE(plan.newRows, 5);
        QCOMPARE(plan.problemRows, 7);
        // Each bad row says why.
        auto problemsOf = [&](int line) {
            for (const auto &r : plan.rows)
                if (r.line == line)
                    return r.problems.join(QLatin1Char(';'));
            return QString();
        };
        QVERIFY(problemsOf(6).contains(QStringLiteral("row 2")));
        QVERIFY(problemsOf(7).contains(QStringLiteral("check digit")));
        QVERIFY(problemsOf(8).contains(QStringLiteral("unknown class")));
        QVERIFY(problemsOf(9).contains(QStringLiteral("name is empty")));
        QVERIFY(problemsOf(10).contains(QStringLiteral("formula")));

        // The problem rows go to a file that reads back with the reasons.
        const QString problems = m_dir.filePath(QStringLiteral("problems-%1-%2.csv").arg(engine, format));
        import::RosterImporter::writeProblemRows(plan, problems);
        const import::TableData back = import::readTableFile(problems);
        QCOMPARE(back.encoding, QStringLiteral("UTF-8 (BOM)"));
        QCOMPARE(back.rows.size(), 1 + kBadRows.size());
        QCOMPARE(back.rows.at(1).at(0), QStringLiteral("6"));
        QCOMPARE(back.rows.at(5).at(2), QStringLiteral("'=1+1"));       // neutralised for spreadsheets
        QCOMPARE(back.rows.at(6).at(2), QStringLiteral("孙\"三\""));
        QVERIFY(back.rows.at(2).constLast().contains(QStringLiteral("check digit")));

        // Import, then import again: one copy, the second run writes nothing.
        db::StudentRepo students(*db);
        db::AuditRepo audit(*db);
        const qint64 before = students.count();
        const import::ImportResult first = importer.apply(plan, QStringLiteral("roster"));
        QCOMPARE(first.inserted, 5);
        QCOMPARE(first.skipped, 7);
        QCOMPARE(students.count(), before + 5);
        QVERIFY(first.auditId > 0);
        const qint64 auditCount = audit.count();
        const auto s = students.findByNumber(m.school, QStringLiteral("2022021004"));
        QVERIFY(s.has_value());
        QCOMPARE(s->collegeId, m.college2);
        QCOMPARE(s->classId, m.class2);
        QCOMPARE(s->state, StudentState::NotStarted);

        const import::ImportPlan again = importer.plan(import::readTableFile(path), mapping);
        QCOMPARE(again.newRows, 0);
        QCOMPARE(again.unchanged, 5);
        QCOMPARE(again.problemLines(), kBadRows);
        const import::ImportResult second = importer.apply(again, QStringLiteral("roster"));
        QCOMPARE(second.inserted, 0);
        QCOMPARE(second.updated, 0);
        QCOMPARE(students.count(), before + 5);
        QCOMPARE(audit.count(), auditCount);
        QCOMPARE(audit.verify(), 0);
    }

    void collegeAdminImportsOnlyOwnCollege()
    {
        auto db = test::freshDatabase(QStringLiteral("sqlite"), m_dir, QStringLiteral("import_scope"));
        db->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        const test::MiniSchool m = test::buildMiniSchool(*db);
        const accounts::Session ca{m.collegeAdmin, m.school, QStringLiteral("college01"), QStringLiteral("c"), StaffRole::CollegeAdmin, m.college1};
        import::RosterImporter importer(*db, ca);
        const import::TableData table = import::readTableFile(makeFile(QStringLiteral("utf8bom")));
        const import::ImportPlan plan = importer.plan(table, import::ColumnMapping::guess(table.rows.first()));
        QList<int> expected = kBadRows;
        expected.insert(0, 5); // row 5 is a student of the other college
        QCOMPARE(plan.problemLines(), expected);
        // An updated row (same number, new phone) is an update, audited.
        QCOMPARE(importer.apply(plan, QStringLiteral("r")).inserted, 4);
        import::TableData changed = table;
        changed.rows[1][3] = QStringLiteral("13700000000");
        const import::ImportPlan p2 = importer.plan(changed, import::ColumnMapping::guess(changed.rows.first()));
        QCOMPARE(p2.updates, 1);
        QCOMPARE(importer.apply(p2, QStringLiteral("r")).updated, 1);
        QCOMPARE(db::StudentRepo(*db).findByNumber(m.school, QStringLiteral("2022011001"))->phone, QStringLiteral("13700000000"));
    }

    void commandLineDryRun()
    {
        auto db = test::freshDatabase(QStringLiteral("sqlite"), m_dir, QStringLiteral("import_cli"));
        db->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        test::buildMiniSchool(*db);
        const QString path = db->target().path;
        db->closeThisThread();
        const QString file = makeFile(QStringLiteral("xlsx"));
        QProcess p;
        p.start(QStringLiteral(TUCAI_CLI_PATH), {QStringLiteral("import"), QStringLiteral("--db"), path, file, QStringLiteral("--dry-run"),
                                                 QStringLiteral("--problems"), m_dir.filePath(QStringLiteral("cli-problems.csv"))});
        QVERIFY(p.waitForFinished(60000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QCOMPARE(p.exitCode(), 1);
        for (int line : kBadRows)
            QVERIFY2(out.contains(QStringLiteral("row %1:").arg(line)), qPrintable(out));
        QVERIFY(!out.contains(QStringLiteral("row 2:")));
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("cli-problems.csv"))));
        p.start(QStringLiteral(TUCAI_CLI_PATH), {QStringLiteral("import"), QStringLiteral("--db"), path, file});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(QString::fromUtf8(p.readAllStandardOutput()).contains(QStringLiteral("5 added")));
    }
};

QTEST_GUILESS_MAIN(TestImport)
#include "test_import.moc"
