// Benchmark: 10,000 collection codes generated (libsodium), hashed (keyed BLAKE2b),
// stored (old codes revoked, audited) and laid out as an A4 PDF sheet + CSV.
// Target: <= 10 s in total.
//   ninja -C build-notices bench_codes && build-notices/tests/bench/bench_codes [--students 10000] [--pg URL]
// Prints the time of each phase; the PDF and CSV stay in /tmp/bench-codes.{pdf,csv}.
#include "codes/code_service.h"
#include "codes/code_sheet.h"
#include "db/batch_insert.h"
#include "db/database.h"
#include "db/school_repo.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTemporaryDir>
#include <cstdio>

using namespace tucai;

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QStringList args = app.arguments();
    int students = 10000;
    QString pg;
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--students"))
            students = args.at(i + 1).toInt();
        if (args.at(i) == QLatin1String("--pg"))
            pg = args.at(i + 1);
    }
    QTemporaryDir dir;
    auto target = pg.isEmpty() ? db::DbTarget::sqlite(dir.filePath(QStringLiteral("bench.sqlite"))) : *db::DbTarget::parse(pg);
    db::Database database(target);
    database.openAndMigrate(db::Database::OpenMode::CreateIfMissing);

    // A school with 5 colleges x 10 classes, students spread over them.
    db::SchoolRepo schools(database);
    const qint64 school = schools.insertSchool(QStringLiteral("10999"), QStringLiteral("测试大学"));
    QList<QPair<qint64, qint64>> classes;
    for (int c = 0; c < 5; ++c) {
        const qint64 college = schools.insertCollege(school, QStringLiteral("%1").arg(c, 2, 10, QLatin1Char('0')), QStringLiteral("学院%1").arg(c));
        for (int k = 0; k < 10; ++k)
            classes.append({college, schools.insertClass(college, QStringLiteral("%1%2").arg(c).arg(k), QStringLiteral("班级%1-%2").arg(c).arg(k), 2022)});
    }
    {
        db::Transaction tx(database);
        db::BatchInsert ins(database, QStringLiteral("students"),
                            {QStringLiteral("school_id"), QStringLiteral("college_id"), QStringLiteral("class_id"), QStringLiteral("student_no"),
                             QStringLiteral("name"), QStringLiteral("created_at"), QStringLiteral("updated_at")});
        for (int i = 0; i < students; ++i) {
            const auto &k = classes.at(i % classes.size());
            ins.add({school, k.first, k.second, QStringLiteral("2022%1").arg(i, 6, 10, QLatin1Char('0')), QStringLiteral("学生%1").arg(i), 1, 1});
        }
        ins.flush();
        tx.commit();
    }

    codes::CodeService service(database, {0, QStringLiteral("bench")});
    QElapsedTimer total;
    total.start();
    qint64 tGenerate = 0, tPdf = 0, tCsv = 0;
    QElapsedTimer phase;
    const QString pdf = QStringLiteral("/tmp/bench-codes.pdf");
    const QString csv = QStringLiteral("/tmp/bench-codes.csv");
    phase.start();
    auto deliver = [&](const QList<codes::IssuedCode> &issued, QString *error) {
        tGenerate = phase.restart();
        const bool ok = codes::CodeSheet::writePdf(pdf, issued, {QStringLiteral("测试大学"), {}}, error);
        tPdf = phase.restart();
        const bool ok2 = ok && codes::CodeSheet::writeCsv(csv, issued, error);
        tCsv = phase.restart();
        return ok2;
    };
    QString error;
    const QList<codes::IssuedCode> issued = service.generateForStudents({school, 0, 0, {}}, 0, {}, nullptr, deliver, &error);
    const qint64 tCommit = phase.elapsed();
    const qint64 all = total.elapsed();
    if (issued.size() != students) {
        std::fprintf(stderr, "failed: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("engine %s, %d codes\n", pg.isEmpty() ? "sqlite" : "postgres", int(issued.size()));
    std::printf("generate + hash + store (in the transaction): %lld ms\n", tGenerate);
    std::printf("PDF layout (%d pages, %.1f MB): %lld ms\n", int((issued.size() + 7) / 8), QFileInfo(pdf).size() / 1e6, tPdf);
    std::printf("CSV: %lld ms\n", tCsv);
    std::printf("commit: %lld ms\n", tCommit);
    std::printf("total: %lld ms (target <= 10000 ms)\n", all);
    // Re-verify a sample: the stored hashes match.
    QElapsedTimer v;
    v.start();
    for (int i = 0; i < 100; ++i)
        if (!service.verify(issued.at(i * (students / 100)).code).ok())
            return 1;
    std::printf("verify: %.2f ms per code\n", v.elapsed() / 100.0);
    return 0;
}
