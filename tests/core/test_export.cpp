// The photo export end to end: a demo school, real zips read back with libzip,
// the manifest compared with the files and the database, unsafe names, re-encoding,
// cancel and a killed `tucai export`, formula cells in CSV and XLSX.
#include "db/audit_repo.h"
#include "db/database.h"
#include "db/export_repo.h"
#include "db/photo_repo.h"
#include "demo/demo_generator.h"
#include "export/file_names.h"
#include "export/photo_exporter.h"
#include "export/photo_fit.h"
#include "export/table_file.h"
#include "test_support.h"
#include "zip_read.h"
#include "http_test_server.h"
#include "net/photo_store.h"

#include <QtConcurrent/QtConcurrentRun>

#include <QBuffer>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QImage>
#include <QImageReader>
#include <QProcess>
#include <QStandardPaths>
#include <QXmlStreamReader>
#include <QtTest>

using namespace tucai;

namespace {

constexpr qint64 kDemoNow = 1772877348000; // 2026-03-07, fixed so two runs give the same school

QString sha(const QByteArray &b) { return QString::fromLatin1(QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex()); }

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// RFC 4180 CSV (what writeCsv produces), BOM skipped.
QList<QStringList> parseCsv(const QByteArray &bytes)
{
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\r')) {
        } else if (c == QLatin1Char('\n')) {
            row << field;
            rows << row;
            row.clear();
            field.clear();
        } else {
            field += c;
        }
    }
    return rows;
}

// Runs a program (the CLI) and returns what it printed.
QString run(const QString &program, const QStringList &args, int *exitCode = nullptr)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(120000);
    if (exitCode)
        *exitCode = p.exitCode();
    return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
}

// Column index by English header.
int col(const QStringList &header, const char *name) { return int(header.indexOf(QString::fromLatin1(name))); }

} // namespace

class TestExport : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_base; // a demo school on SQLite, copied by each test that changes data

    std::unique_ptr<db::Database> copyOfDemo(const QString &name)
    {
        const QString path = m_dir.filePath(name + QStringLiteral(".sqlite"));
        QFile::remove(path);
        if (!QFile::copy(m_base, path))
            qFatal("copy demo");
        auto database = std::make_unique<db::Database>(db::DbTarget::sqlite(path));
        database->openAndMigrate();
        return database;
    }

    static std::unique_ptr<db::Database> makeDemo(std::unique_ptr<db::Database> database, int students)
    {
        database->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        demo::DemoOptions opt;
        opt.students = students;
        opt.nowMs = kDemoNow;
        opt.facesDir = test::facesDir();
        opt.runChecks = false;
        demo::createDemoSchool(*database, opt);
        return database;
    }

    static exporting::ExportOptions options(const QString &outDir)
    {
        exporting::ExportOptions o;
        o.outDir = outDir;
        return o;
    }

    // Approved photo ids (one per student) in export order.
    static QList<qint64> approvedPhotoIds(const db::Database &database)
    {
        QList<qint64> ids;
        for (const db::ExportRow &r : db::ExportRepo(database).approvedPhotos({}))
            ids << r.photoId;
        return ids;
    }

    static void setStudent(const db::Database &database, qint64 photoId, const QString &column, const QString &value)
    {
        db::Query(database, QStringLiteral("UPDATE students SET %1 = :v WHERE id = (SELECT student_id FROM photos WHERE id = :p)").arg(column))
            .bind(QStringLiteral(":v"), value)
            .bind(QStringLiteral(":p"), photoId)
            .exec();
    }

    static QStringList zipEntries(const QString &zip) { return test::zipEntries(zip); }

    static QStringList filesIn(const QString &dir)
    {
        QStringList out;
        QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            out << QDir(dir).relativeFilePath(it.next());
        out.sort();
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_base = m_dir.filePath(QStringLiteral("base.sqlite"));
        auto database = makeDemo(std::make_unique<db::Database>(db::DbTarget::sqlite(m_base)), 240);
        database->closeThisThread(); // checkpoints the WAL: the file alone is the whole database
    }

    void safeFileNames()
    {
        using exporting::safeFileName;
        QCOMPARE(safeFileName(QStringLiteral("../../etc/passwd"), QStringLiteral(".jpg")), QStringLiteral("_._.._etc_passwd.jpg"));
        QCOMPARE(safeFileName(QStringLiteral("C:\\x:y"), QStringLiteral(".jpg")), QStringLiteral("C__x_y.jpg"));
        QCOMPARE(safeFileName(QStringLiteral("CON")), QStringLiteral("_CON"));
        QCOMPARE(safeFileName(QStringLiteral("con.txt")), QStringLiteral("_con.txt"));
        QCOMPARE(safeFileName(QStringLiteral("lpt1")), QStringLiteral("_lpt1"));
        QCOMPARE(safeFileName(QStringLiteral("name. . ")), QStringLiteral("name"));
        QCOMPARE(safeFileName(QStringLiteral("..")), QStringLiteral("_"));
        QCOMPARE(safeFileName(QString()), QStringLiteral("_"));
        QCOMPARE(safeFileName(QStringLiteral("a<b>c|d?e*f\"g\tz")), QStringLiteral("a_b_c_d_e_f_g_z"));
        QVERIFY(safeFileName(QString(300, QLatin1Char('x')), QStringLiteral(".jpg")).size() <= 124);
        QCOMPARE(exporting::expandNameTemplate(QStringLiteral("{学院}_{班级}_{姓名}.jpg"),
                                               {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("计算机/学院"),
                                                QStringLiteral("计科2201班"), QStringLiteral("张三")}),
                 QStringLiteral("计算机_学院_计科2201班_张三.jpg"));
        QVERIFY(!exporting::validateNameTemplate(QStringLiteral("photo.jpg")).isEmpty());
        QVERIFY(!exporting::validateNameTemplate(QStringLiteral("{unknown}.jpg")).isEmpty());
        QVERIFY(exporting::validateNameTemplate(QStringLiteral("{身份证号}.jpg")).isEmpty());
        exporting::UniqueNames names;
        bool renamed = false;
        QCOMPARE(names.take(QStringLiteral("a.jpg"), &renamed), QStringLiteral("a.jpg"));
        QVERIFY(!renamed);
        QCOMPARE(names.take(QStringLiteral("A.jpg"), &renamed), QStringLiteral("A_2.jpg"));
        QVERIFY(renamed);
        QCOMPARE(names.take(QStringLiteral("a_2.jpg")), QStringLiteral("a_2_2.jpg"));
        QCOMPARE(names.take(QStringLiteral("a.jpg")), QStringLiteral("a_3.jpg"));
    }

    void exportMatchesManifestAndDatabase_data() { TUCAI_ENGINE_ROWS(); }
    void exportMatchesManifestAndDatabase()
    {
        QFETCH(QString, engine);
        std::unique_ptr<db::Database> database;
        if (engine == QLatin1String("postgres")) {
            TUCAI_REQUIRE_PG();
            database = makeDemo(test::freshPgDatabase(QStringLiteral("export_manifest")), 120);
        } else {
            database = copyOfDemo(QStringLiteral("manifest"));
        }
        const QString out = m_dir.filePath(QStringLiteral("out-") + engine);
        const auto studentsIn = [&](const char *state) {
            return db::Query(*database, QStringLiteral("SELECT COUNT(*) FROM students WHERE state = :s"))
                .bind(QStringLiteral(":s"), QString::fromLatin1(state))
                .scalar()
                .toInt();
        };
        const int approvedStudents = studentsIn("approved");
        QVERIFY(approvedStudents > 10);
        QCOMPARE(studentsIn("exported"), 0);
        int lastDone = 0;
        const exporting::ExportResult r = exporting::PhotoExporter(*database, options(out)).run([&](int done, int) { lastDone = done; });
        QVERIFY2(r.complete(), qPrintable(r.error));
        // The approved students whose photos are in the packages are now "exported", audited.
        QCOMPARE(r.warning, QString());
        QCOMPARE(r.markedExported, approvedStudents);
        QCOMPARE(studentsIn("exported"), approvedStudents);
        QCOMPARE(studentsIn("approved"), 0);
        QCOMPARE(db::Query(*database, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'export.packages'")).scalar().toInt(), 1);
        QCOMPARE(db::AuditRepo(*database).verify(), 0);
        const qint64 approved = db::Query(*database, QStringLiteral("SELECT COUNT(DISTINCT student_id) FROM photos WHERE status = 'approved'"))
                                    .scalar().toLongLong();
        QVERIFY(approved > 10);
        QCOMPARE(r.selected, int(approved));
        QCOMPARE(r.files.size(), approved);
        QCOMPARE(lastDone, int(approved));
        QCOMPARE(r.packages.size(), 5); // one zip per college

        // Unzip with the real tool, then hash every file.
        QHash<QString, QString> extracted; // "package/path" -> sha
        const QString unpacked = m_dir.filePath(QStringLiteral("unpacked-") + engine);
        for (const QString &zip : r.packages) {
            const QString name = QFileInfo(zip).fileName();
            QDir().mkpath(unpacked + QLatin1Char('/') + name);
            QString log;
            QVERIFY2(test::unzipTo(zip, unpacked + QLatin1Char('/') + name, &log), qPrintable(log));
            for (const QString &f : filesIn(unpacked + QLatin1Char('/') + name))
                extracted.insert(name + QLatin1Char('/') + f, sha(readAll(unpacked + QLatin1Char('/') + name + QLatin1Char('/') + f)));
        }
        QCOMPARE(extracted.size(), approved);

        const QList<QStringList> csv = parseCsv(readAll(r.manifestCsv));
        QCOMPARE(csv.size(), approved + 1);
        const QStringList h = csv.first();
        const int cNo = col(h, "Student number"), cFile = col(h, "File name"), cSha = col(h, "SHA-256"), cBytes = col(h, "Bytes"),
                  cPkg = col(h, "Package"), cSrc = col(h, "Source SHA-256"), cRe = col(h, "Re-encoded"), cId = col(h, "ID number (masked)");
        QVERIFY(cNo >= 0 && cFile >= 0 && cSha >= 0 && cPkg >= 0 && cSrc >= 0 && cRe >= 0 && cId >= 0 && cBytes >= 0);
        for (int i = 1; i < csv.size(); ++i) {
            const QStringList &row = csv.at(i);
            const QString key = row.at(cPkg) + QLatin1Char('/') + row.at(cFile);
            QVERIFY2(extracted.contains(key), qPrintable(key));
            QCOMPARE(extracted.value(key), row.at(cSha));
            QCOMPARE(QFileInfo(unpacked + QLatin1Char('/') + key).size(), row.at(cBytes).toLongLong());
            // The database: the approved photo of that student has exactly these bytes.
            db::Query q(*database, QStringLiteral("SELECT p.sha256, s.id_number FROM photos p JOIN students s ON s.id = p.student_id "
                                                  "WHERE s.student_no = :n AND p.status = 'approved'"));
            q.bind(QStringLiteral(":n"), row.at(cNo)).exec();
            QVERIFY(q.next());
            QCOMPARE(row.at(cSrc), q.toString(0));
            if (row.at(cRe) == QLatin1String("no"))
                QCOMPARE(row.at(cSha), q.toString(0));
            QCOMPARE(row.at(cId), maskIdNumber(q.toString(1)));
            QVERIFY(!row.at(cId).contains(q.toString(1)));
            QVERIFY(row.at(cFile).endsWith(row.at(cNo) + QStringLiteral(".jpg")));
        }
        QCOMPARE(parseCsv(readAll(r.failureLog)).size(), 1); // header only
        QVERIFY(zipEntries(r.manifestXlsx).contains(QStringLiteral("xl/worksheets/sheet1.xml")));
        QVERIFY(!QDir(out).entryList({QStringLiteral("*.part")}, QDir::Files).size());

        // Again into another folder: the very same bytes.
        const QString again = m_dir.filePath(QStringLiteral("again-") + engine);
        const exporting::ExportResult r2 = exporting::PhotoExporter(*database, options(again)).run();
        QVERIFY(r2.complete());
        for (const QString &f : QDir(out).entryList(QDir::Files))
            QVERIFY2(readAll(out + QLatin1Char('/') + f) == readAll(again + QLatin1Char('/') + f), qPrintable(f));
    }

    void unsafeNamesAndDuplicates()
    {
        auto database = copyOfDemo(QStringLiteral("names"));
        const QList<qint64> ids = approvedPhotoIds(*database);
        QVERIFY(ids.size() > 6);
        setStudent(*database, ids.at(0), QStringLiteral("student_no"), QStringLiteral("../../evil"));
        setStudent(*database, ids.at(1), QStringLiteral("student_no"), QStringLiteral("C:\\Windows:stream"));
        setStudent(*database, ids.at(2), QStringLiteral("student_no"), QStringLiteral("CON"));
        setStudent(*database, ids.at(3), QStringLiteral("student_no"), QStringLiteral("/abs/path. "));
        // Same name twice in one class, for the {姓名} template.
        const auto rows = db::ExportRepo(*database).approvedPhotos({});
        QCOMPARE(rows.at(4).classId, rows.at(5).classId);
        setStudent(*database, ids.at(4), QStringLiteral("name"), QStringLiteral("张三"));
        setStudent(*database, ids.at(5), QStringLiteral("name"), QStringLiteral("张三"));

        const QString out = m_dir.filePath(QStringLiteral("names-no"));
        const exporting::ExportResult r = exporting::PhotoExporter(*database, options(out)).run();
        QVERIFY2(r.complete(), qPrintable(r.error));
        QStringList all;
        for (const QString &zip : r.packages)
            all += zipEntries(zip);
        QCOMPARE(all.size(), r.files.size());
        for (const QString &e : std::as_const(all)) {
            QVERIFY2(!e.startsWith(QLatin1Char('/')) && !e.contains(QLatin1Char('\\')) && !e.contains(QLatin1Char(':')), qPrintable(e));
            for (const QString &part : e.split(QLatin1Char('/'))) {
                QVERIFY2(part != QLatin1String("..") && part != QLatin1String(".") && !part.isEmpty(), qPrintable(e));
                QVERIFY2(!part.endsWith(QLatin1Char('.')) && !part.endsWith(QLatin1Char(' ')), qPrintable(e));
                QVERIFY2(part.section(QLatin1Char('.'), 0, 0).toUpper() != QLatin1String("CON"), qPrintable(e));
            }
        }
        QVERIFY(all.contains(rows.at(0).className + QStringLiteral("/_._.._evil.jpg")));
        QVERIFY(all.contains(rows.at(1).className + QStringLiteral("/C__Windows_stream.jpg")));
        QVERIFY(all.contains(rows.at(2).className + QStringLiteral("/_CON.jpg")));
        // Extracting really stays inside the target folder.
        const QString unpacked = m_dir.filePath(QStringLiteral("names-unpacked"));
        for (const QString &zip : r.packages)
            QVERIFY(test::unzipTo(zip, unpacked));
        QCOMPARE(filesIn(unpacked).size(), r.files.size());
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("evil.jpg"))));

        // {姓名}: the duplicate is renamed and reported.
        exporting::ExportOptions o = options(m_dir.filePath(QStringLiteral("names-name")));
        o.nameTemplate = QStringLiteral("{姓名}.jpg");
        const exporting::ExportResult r2 = exporting::PhotoExporter(*database, o).run();
        QVERIFY(r2.complete());
        QStringList entries;
        for (const QString &zip : r2.packages)
            entries += zipEntries(zip);
        QVERIFY(entries.contains(rows.at(4).className + QStringLiteral("/张三.jpg")));
        QVERIFY(entries.contains(rows.at(4).className + QStringLiteral("/张三_2.jpg")));
        QVERIFY(!r2.renamed.isEmpty());
        QVERIFY(r2.renamed.join(QLatin1Char('\n')).contains(QStringLiteral("张三_2.jpg")));
        const QString manifest = QString::fromUtf8(readAll(r2.manifestCsv));
        QVERIFY(manifest.contains(QStringLiteral("renamed from 张三.jpg")));
    }

    void reencodedPhotoFitsTheSpec()
    {
        auto database = copyOfDemo(QStringLiteral("reencode"));
        const QList<qint64> ids = approvedPhotoIds(*database);
        db::PhotoRepo photos(*database);
        const QImage original = QImage::fromData(photos.blobBytes(photos.get(ids.at(0))->sha256));
        QVERIFY(!original.isNull());
        // Too big: twice the size at quality 98 (well over 60 KB).
        QByteArray big;
        {
            QBuffer b(&big);
            b.open(QIODevice::WriteOnly);
            original.scaled(960, 1280, Qt::IgnoreAspectRatio, Qt::SmoothTransformation).save(&b, "JPEG", 98);
        }
        QVERIFY(big.size() > 60 * 1024);
        // Wrong format and size: a PNG of 300x420.
        QByteArray png;
        {
            QBuffer b(&png);
            b.open(QIODevice::WriteOnly);
            original.scaled(300, 420).save(&b, "PNG");
        }
        const QString bigSha = photos.putBlob(big), pngSha = photos.putBlob(png, QStringLiteral("image/png"));
        db::Query(*database, QStringLiteral("UPDATE photos SET sha256 = :h WHERE id = :id")).bind(QStringLiteral(":h"), bigSha).bind(QStringLiteral(":id"), ids.at(0)).exec();
        db::Query(*database, QStringLiteral("UPDATE photos SET sha256 = :h WHERE id = :id")).bind(QStringLiteral(":h"), pngSha).bind(QStringLiteral(":id"), ids.at(1)).exec();

        const QString out = m_dir.filePath(QStringLiteral("reencode-out"));
        const exporting::ExportResult r = exporting::PhotoExporter(*database, options(out)).run();
        QVERIFY2(r.complete(), qPrintable(r.error));
        QCOMPARE(r.reencodedCount(), 2);
        const exporting::FileSpec spec = exporting::FileSpec::fromDefaultProfile();
        QCOMPARE(spec.minBytes, 20 * 1024);
        QCOMPARE(spec.maxBytes, 60 * 1024);
        const QString unpacked = m_dir.filePath(QStringLiteral("reencode-unpacked"));
        for (const QString &zip : r.packages)
            QVERIFY(test::unzipTo(zip, unpacked));
        int checked = 0;
        for (const exporting::ExportedFile &f : r.files) {
            const QByteArray bytes = readAll(unpacked + QLatin1Char('/') + f.path);
            QCOMPARE(sha(bytes), f.sha256);
            if (!f.reencoded) {
                QCOMPARE(f.sha256, f.row.sha256); // byte for byte
                continue;
            }
            ++checked;
            QImageReader reader(unpacked + QLatin1Char('/') + f.path);
            QCOMPARE(reader.format(), QByteArray("jpeg"));
            QCOMPARE(reader.size(), QSize(480, 640));
            QVERIFY2(bytes.size() >= spec.minBytes && bytes.size() <= spec.maxBytes, qPrintable(QString::number(bytes.size())));
            QVERIFY(exporting::meetsSpec(bytes, spec));
            QVERIFY(!reader.read().isNull());
        }
        QCOMPARE(checked, 2);
        // A flat image compresses below 20 KB even at quality 100: padded up to the minimum.
        QImage flat(480, 640, QImage::Format_RGB32);
        flat.fill(QColor(100, 197, 255));
        QByteArray flatPng;
        {
            QBuffer b(&flatPng);
            b.open(QIODevice::WriteOnly);
            flat.save(&b, "PNG");
        }
        const exporting::FitResult fit = exporting::fitToSpec(flatPng, spec);
        QVERIFY(fit.error.isEmpty());
        QVERIFY(fit.bytes.size() >= spec.minBytes && fit.bytes.size() <= spec.maxBytes);
        QCOMPARE(QImage::fromData(fit.bytes).size(), QSize(480, 640));
    }

    // Photos kept at a URL are downloaded through the photo store, verified and packed byte
    // for byte; one whose server sends other bytes, and one whose server is down, are failures
    // named in the result; without a store, URL photos are failures too (nothing silently missing).
    void photosAtUrlsAreDownloaded()
    {
        auto shared = std::shared_ptr<db::Database>(copyOfDemo(QStringLiteral("urls")));
        const QList<qint64> ids = approvedPhotoIds(*shared);
        QVERIFY(ids.size() > 10);
        db::PhotoRepo photos(*shared);
        // Three photos with their own blobs, moved to the server (no bytes, a URL).
        QHash<QByteArray, QByteArray> served;
        QStringList urlShas;
        test::HttpTestServer server;
        for (int i = 0; i < 3; ++i) {
            const QImage img = QImage::fromData(photos.blobBytes(photos.get(ids.at(i))->sha256));
            QByteArray jpeg;
            QBuffer b(&jpeg);
            b.open(QIODevice::WriteOnly);
            img.save(&b, "JPEG", 90 - 3 * i); // distinct bytes per photo, even for a shared face
            const QString h = sha(jpeg);
            const QByteArray path = "/photo" + QByteArray::number(i) + ".jpg";
            photos.putUrlBlob(h, server.url(QString::fromLatin1(path)).toString(), jpeg.size());
            served.insert(path, i == 1 ? jpeg.left(jpeg.size() / 2) + QByteArray(jpeg.size() / 2, 'x') : jpeg);
            db::Query(*shared, QStringLiteral("UPDATE photos SET sha256 = :h WHERE id = :id")).bind(QStringLiteral(":h"), h).bind(QStringLiteral(":id"), ids.at(i)).exec();
            urlShas << h;
        }
        server.setHandler([&](const test::HttpTestServer::Request &r) {
            if (r.path == "/photo2.jpg")
                return test::HttpTestServer::Response{503, "down"};
            return test::HttpTestServer::Response{200, served.value(r.path)};
        });

        // Without a store: the three are failures that say where the photo is.
        exporting::ExportResult r = exporting::PhotoExporter(*shared, options(m_dir.filePath(QStringLiteral("urls-none")))).run();
        QCOMPARE(r.failures.size(), 3);
        QVERIFY(r.failures.constFirst().reason.contains(QLatin1String("http://127.0.0.1")));

        // With a store: the first is in the package as served; the damaged and the unreachable one fail.
        net::PhotoStoreOptions so;
        so.cacheDir = m_dir.filePath(QStringLiteral("urls-cache"));
        so.backoffBaseMs = 20;
        so.backoffMaxMs = 50;
        so.transferTimeoutMs = 3000;
        net::PhotoStore store(shared, so);
        exporting::ExportOptions o = options(m_dir.filePath(QStringLiteral("urls-out")));
        o.photoStore = &store;
        // The server lives on this thread: the export runs on another, as in the app.
        QFuture<exporting::ExportResult> job = QtConcurrent::run([&] { return exporting::PhotoExporter(*shared, o).run(); });
        QTRY_VERIFY_WITH_TIMEOUT(job.isFinished(), 60000);
        r = job.result();
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.selected, int(ids.size()));
        QCOMPARE(r.failures.size(), 2);
        QStringList reasons;
        for (const auto &f : r.failures)
            reasons << f.reason;
        QVERIFY2(reasons.join(QLatin1Char('\n')).contains(QLatin1String("do not match the stored SHA-256")), qPrintable(reasons.join(QLatin1Char('\n'))));
        QVERIFY2(reasons.join(QLatin1Char('\n')).contains(QLatin1String("503")), qPrintable(reasons.join(QLatin1Char('\n'))));
        const auto exported = std::find_if(r.files.cbegin(), r.files.cend(), [&](const auto &f) { return f.row.photoId == ids.at(0); });
        QVERIFY(exported != r.files.cend());
        QCOMPARE(exported->sha256, urlShas.at(0)); // byte for byte as downloaded and verified
        const QString unpacked = m_dir.filePath(QStringLiteral("urls-unpacked"));
        for (const QString &zip : r.packages)
            QVERIFY(test::unzipTo(zip, unpacked));
        QCOMPARE(sha(readAll(unpacked + QLatin1Char('/') + exported->path)), urlShas.at(0));
        QCOMPARE(int(r.files.size()), int(ids.size()) - 2);
    }

    void cancelLeavesNoFinalFile()
    {
        auto database = copyOfDemo(QStringLiteral("cancel"));
        const QString out = m_dir.filePath(QStringLiteral("cancel-out"));
        std::atomic_bool cancel{false};
        int seen = 0;
        const exporting::ExportResult r = exporting::PhotoExporter(*database, options(out)).run(
            [&](int done, int total) {
                seen = done;
                if (done >= total / 2)
                    cancel = true;
            },
            &cancel);
        QVERIFY(r.cancelled);
        QVERIFY(!r.complete());
        QVERIFY(seen > 0 && seen < r.selected);
        QVERIFY2(filesIn(out).isEmpty(), qPrintable(filesIn(out).join(QLatin1Char(' '))));
        // Nothing was exported, so nobody is marked.
        QCOMPARE(r.markedExported, 0);
        QCOMPARE(db::Query(*database, QStringLiteral("SELECT COUNT(*) FROM students WHERE state = 'exported'")).scalar().toInt(), 0);
    }

    void killedExportLeavesNoFinalFile()
    {
        // Enough photos that the export takes a moment: clone the approved students ten times.
        auto database = copyOfDemo(QStringLiteral("kill"));
        for (int k = 1; k <= 10; ++k) {
            db::Query(*database, QStringLiteral(
                "INSERT INTO students (school_id, college_id, class_id, student_no, name, id_number, paid, state, created_at, updated_at) "
                "SELECT school_id, college_id, class_id, student_no || :suffix, name, id_number, paid, state, created_at, updated_at "
                "FROM students WHERE state = 'approved' AND student_no NOT LIKE '%-%'"))
                .bind(QStringLiteral(":suffix"), QStringLiteral("-%1").arg(k)).exec();
        }
        db::Query(*database, QStringLiteral(
            "INSERT INTO photos (student_id, college_id, class_id, kind, status, sha256, stored_at, submitted_at, decision, reviewer_id, decided_at) "
            "SELECT s.id, p.college_id, p.class_id, p.kind, p.status, p.sha256, p.stored_at, p.submitted_at, p.decision, p.reviewer_id, p.decided_at "
            "FROM students s JOIN students o ON o.student_no = substr(s.student_no, 1, instr(s.student_no, '-') - 1) "
            "JOIN photos p ON p.student_id = o.id AND p.status = 'approved' WHERE s.student_no LIKE '%-%'")).exec();
        const int total = approvedPhotoIds(*database).size();
        QVERIFY(total > 500);
        const QString dbPath = database->target().path;
        database->closeThisThread();

        const QString out = m_dir.filePath(QStringLiteral("kill-out"));
        QProcess p;
        p.start(QStringLiteral(TUCAI_CLI_PATH), {QStringLiteral("export"), QStringLiteral("--db"), dbPath, QStringLiteral("--out"), out,
                                                 QStringLiteral("--quiet")});
        QVERIFY(p.waitForStarted());
        QElapsedTimer t;
        t.start();
        // Kill as soon as the first package is being written.
        while (t.elapsed() < 60000 && p.state() == QProcess::Running
               && QDir(out).entryList({QStringLiteral("*.part")}, QDir::Files).isEmpty())
            QThread::usleep(500);
        p.kill();
        p.waitForFinished();
        QCOMPARE(p.exitStatus(), QProcess::CrashExit); // it really was killed half-way
        const QStringList left = filesIn(out);
        for (const QString &f : left)
            QVERIFY2(f.endsWith(QLatin1String(".part")), qPrintable(f)); // nothing under a final name
        QVERIFY(!left.isEmpty());

        // The next run replaces the leftovers and finishes.
        int code = -1;
        const QString log = run(QStringLiteral(TUCAI_CLI_PATH), {QStringLiteral("export"), QStringLiteral("--db"), dbPath,
                                                                  QStringLiteral("--out"), out, QStringLiteral("--quiet")}, &code);
        QVERIFY2(code == 0, qPrintable(log));
        QVERIFY(QDir(out).entryList({QStringLiteral("*.part")}, QDir::Files).isEmpty());
        QCOMPARE(parseCsv(readAll(out + QStringLiteral("/manifest.csv"))).size(), total + 1);
    }

    // The disk fills up in the middle of an export: a real full file system (a small tmpfs in a
    // user and mount namespace of its own, where the export is the only writer). Nothing may be left
    // under a final name, the message must say the disk is full, and nobody is marked exported.
    void diskFullLeavesNoFinalFile()
    {
#ifndef Q_OS_LINUX
        QSKIP("needs a Linux mount namespace to make a small file system");
#else
        const QString unshare = QStandardPaths::findExecutable(QStringLiteral("unshare"));
        if (unshare.isEmpty())
            QSKIP("unshare (util-linux) not found");
        int code = -1;
        run(unshare, {QStringLiteral("-rm"), QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("mount -t tmpfs -o size=64k none /tmp")}, &code);
        if (code != 0)
            QSKIP("this machine does not allow a mount namespace (unshare -rm); the disk-full case is not run here");
        auto database = copyOfDemo(QStringLiteral("full"));
        const qint64 bytes = db::Query(*database, QStringLiteral(
            "SELECT SUM(b.byte_size) FROM photos p JOIN photo_blobs b ON b.sha256 = p.sha256 WHERE p.status = 'approved'")).scalar().toLongLong();
        // Room for about half of the photos: the disk fills up in the middle of the packages.
        const qint64 room = (bytes / 2) / 4096 * 4096;
        QVERIFY2(room >= 256 * 1024, qPrintable(QStringLiteral("the demo's approved photos take only %1 bytes").arg(bytes)));
        const QString dbPath = database->target().path;
        database->closeThisThread();
        const QString out = m_dir.filePath(QStringLiteral("full-out"));
        QVERIFY(QDir().mkpath(out));
        // Inside the namespace: the small file system over the output folder, the export, then what is
        // left in the folder (listed before the namespace and its tmpfs go away).
        const QString script = QStringLiteral("mount -t tmpfs -o size=%1 none \"$1\" || { echo MOUNT-FAILED; exit 99; }; "
                                              "\"$2\" export --db \"$3\" --out \"$1\" --quiet; rc=$?; ls -1 \"$1\" | sed 's/^/LEFT:/'; exit $rc")
                                   .arg(room);
        const QString log = run(unshare, {QStringLiteral("-rm"), QStringLiteral("sh"), QStringLiteral("-c"), script, QStringLiteral("sh"), out,
                                          QStringLiteral(TUCAI_CLI_PATH), dbPath}, &code);
        QVERIFY2(!log.contains(QLatin1String("MOUNT-FAILED")), qPrintable(log));
        QVERIFY2(code != 0, qPrintable(log)); // an export that could not be written is not a success
        QVERIFY2(log.contains(QLatin1String("the disk is full")), qPrintable(log));
        for (const QString &line : log.split(QLatin1Char('\n')))
            if (line.startsWith(QLatin1String("LEFT:")))
                QVERIFY2(line.trimmed().endsWith(QLatin1String(".part")), qPrintable(QStringLiteral("left under a final name: %1\n%2").arg(line, log)));
        auto again = std::make_unique<db::Database>(db::DbTarget::sqlite(dbPath));
        again->open();
        QCOMPARE(db::Query(*again, QStringLiteral("SELECT COUNT(*) FROM students WHERE state = 'exported'")).scalar().toInt(), 0);
#endif
    }

    void formulaCellsNeutralised()
    {
        auto database = copyOfDemo(QStringLiteral("formula"));
        const QList<qint64> ids = approvedPhotoIds(*database);
        const QString evil = QStringLiteral("=HYPERLINK(\"http://x.example\",\"y\")");
        setStudent(*database, ids.at(0), QStringLiteral("name"), evil);
        setStudent(*database, ids.at(1), QStringLiteral("name"), QStringLiteral("+1"));
        setStudent(*database, ids.at(2), QStringLiteral("name"), QStringLiteral("-2+3"));
        setStudent(*database, ids.at(3), QStringLiteral("name"), QStringLiteral("@SUM(A1)"));
        const QString out = m_dir.filePath(QStringLiteral("formula-out"));
        const exporting::ExportResult r = exporting::PhotoExporter(*database, options(out)).run();
        QVERIFY2(r.complete(), qPrintable(r.error));

        const QList<QStringList> csv = parseCsv(readAll(r.manifestCsv));
        const int cName = col(csv.first(), "Name");
        QStringList names;
        for (int i = 1; i < csv.size(); ++i)
            names << csv.at(i).at(cName);
        for (const QString &n : {evil, QStringLiteral("+1"), QStringLiteral("-2+3"), QStringLiteral("@SUM(A1)")}) {
            QVERIFY2(names.contains(QLatin1Char('\'') + n), qPrintable(n));
            QVERIFY(!names.contains(n));
        }

        // XLSX: read the shared strings and the sheet back out of the zip.
        const QString strings = QString::fromUtf8(test::zipEntry(r.manifestXlsx, QStringLiteral("xl/sharedStrings.xml")));
        QVERIFY(!strings.isEmpty());
        QStringList texts;
        QXmlStreamReader xml(strings);
        while (!xml.atEnd())
            if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("t"))
                texts << xml.readElementText();
        QVERIFY(!xml.hasError());
        for (const QString &n : {evil, QStringLiteral("+1"), QStringLiteral("-2+3"), QStringLiteral("@SUM(A1)")}) {
            QVERIFY2(texts.contains(QLatin1Char('\'') + n), qPrintable(n));
            QVERIFY(!texts.contains(n));
        }
        const QString sheet = QString::fromUtf8(test::zipEntry(r.manifestXlsx, QStringLiteral("xl/worksheets/sheet1.xml")));
        QVERIFY(sheet.contains(QLatin1String("<sheetData>")));
        QVERIFY(!sheet.contains(QLatin1String("<f>")));
        QCOMPARE(exporting::neutraliseCell(QStringLiteral("plain")), QStringLiteral("plain"));
        QCOMPARE(exporting::neutraliseCell(QStringLiteral("\t=1")), QStringLiteral("'\t=1"));
        // The one CSV field rule (tables, audit export, import problem rows).
        QCOMPARE(exporting::csvField(QStringLiteral("-2+3,\"x\"")), QStringLiteral("\"'-2+3,\"\"x\"\"\""));
        QCOMPARE(exporting::csvField(QStringLiteral("\r@SUM(A1)")), QStringLiteral("\"'\r@SUM(A1)\""));
        QCOMPARE(exporting::csvField(QStringLiteral("张三")), QStringLiteral("张三"));
    }

    void cliExitStatusAndFailureLog()
    {
        auto database = copyOfDemo(QStringLiteral("cli"));
        const QList<qint64> ids = approvedPhotoIds(*database);
        const QString dbPath = database->target().path;
        const QString out = m_dir.filePath(QStringLiteral("cli-ok"));
        int code = -1;
        QString log = run(QStringLiteral(TUCAI_CLI_PATH), {QStringLiteral("export"), QStringLiteral("--db"), dbPath, QStringLiteral("--out"), out,
                                                           QStringLiteral("--college"), QStringLiteral("01"), QStringLiteral("--paid-only"),
                                                           QStringLiteral("--name-template"), QStringLiteral("{身份证号}.jpg")}, &code);
        QVERIFY2(code == 0, qPrintable(log));
        QCOMPARE(QDir(out).entryList({QStringLiteral("*.zip")}, QDir::Files).size(), 1);
        // A damaged photo: bytes that do not match their hash.
        db::Query(*database, QStringLiteral("INSERT INTO photo_blobs (sha256, bytes, byte_size, mime, created_at) VALUES (:h, :b, 5, 'image/jpeg', 0)"))
            .bind(QStringLiteral(":h"), QString(64, QLatin1Char('a')))
            .bind(QStringLiteral(":b"), QByteArray("junk!"))
            .exec();
        db::Query(*database, QStringLiteral("UPDATE photos SET sha256 = :h WHERE id = :id")).bind(QStringLiteral(":h"), QString(64, QLatin1Char('a'))).bind(QStringLiteral(":id"), ids.at(0)).exec();
        const QString out2 = m_dir.filePath(QStringLiteral("cli-failed"));
        log = run(QStringLiteral(TUCAI_CLI_PATH), {QStringLiteral("export"), QStringLiteral("--db"), dbPath, QStringLiteral("--out"), out2,
                                                   QStringLiteral("--quiet")}, &code);
        QVERIFY2(code == 1, qPrintable(log));
        QVERIFY(log.contains(QLatin1String("1 failed")));
        const QList<QStringList> failures = parseCsv(readAll(out2 + QStringLiteral("/failures.csv")));
        QCOMPARE(failures.size(), 2);
        QVERIFY(failures.at(1).last().contains(QLatin1String("do not match")));
        // Usage errors.
        run(QStringLiteral(TUCAI_CLI_PATH), {QStringLiteral("export"), QStringLiteral("--db"), dbPath}, &code);
        QCOMPARE(code, 2);
        run(QStringLiteral(TUCAI_CLI_PATH), {QStringLiteral("export"), QStringLiteral("--db"), dbPath, QStringLiteral("--out"), out2,
                                             QStringLiteral("--name-template"), QStringLiteral("same.jpg")}, &code);
        QCOMPARE(code, 2);
        run(QStringLiteral(TUCAI_CLI_PATH), {QStringLiteral("export"), QStringLiteral("--db"), dbPath, QStringLiteral("--out"), out2,
                                             QStringLiteral("--college"), QStringLiteral("nope")}, &code);
        QCOMPARE(code, 2);
    }

    void stillMissingList()
    {
        auto database = copyOfDemo(QStringLiteral("missing"));
        const QList<db::MissingRow> missing = db::ExportRepo(*database).stillMissing({});
        const qint64 expected = db::Query(*database, QStringLiteral("SELECT COUNT(*) FROM students WHERE state NOT IN ('approved', 'exported')"))
                                    .scalar().toLongLong();
        QCOMPARE(missing.size(), expected);
        for (const db::MissingRow &m : missing)
            QVERIFY(m.state != QLatin1String("approved"));
        db::ExportSelection one;
        one.classIds = {missing.first().studentId ? db::Query(*database, QStringLiteral("SELECT class_id FROM students WHERE id = :i"))
                                                           .bind(QStringLiteral(":i"), missing.first().studentId).scalar().toLongLong() : 0};
        const auto perClass = db::ExportRepo(*database).stillMissing(one);
        QVERIFY(!perClass.isEmpty() && perClass.size() < missing.size());
        for (const db::MissingRow &m : perClass)
            QCOMPARE(m.className, missing.first().className);
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "test_export.moc"
