// Export of 10,000 approved photos without re-encoding (target: >= 500 photos/s).
//
//   ninja -C build-export bench_export
//   build-export/tests/bench/bench_export [--photos N] [--dir DIR] [--pg postgresql://user:pass@host:port/postgres]
//
// Builds a school with N approved students, each with a distinct compliant photo (480x640 JPEG within
// the profile's KB range: one encoded picture, made distinct by a JPEG comment), on SQLite in DIR
// (default a temporary folder) or on PostgreSQL (database tucai_bench_export), then times a full
// export: query, copy byte for byte, zips, libzip read-back, manifests, renames.
#include "db/batch_insert.h"
#include "db/database.h"
#include "db/photo_repo.h"
#include "db/school_repo.h"
#include "export/photo_exporter.h"
#include "export/photo_fit.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

using namespace tucai;

namespace {

QTextStream out(stdout);

// A photo-like picture (gradient + noise) encoded to the spec.
QByteArray basePhoto(const exporting::FileSpec &spec)
{
    QImage img(spec.width, spec.height, QImage::Format_RGB32);
    QRandomGenerator rng(7);
    for (int y = 0; y < img.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(img.scanLine(y));
        for (int x = 0; x < img.width(); ++x) {
            const int n = int(rng.bounded(24));
            line[x] = qRgb(100 + n + x / 12, 150 + n - y / 20, 200 + n / 2);
        }
    }
    QPainter p(&img);
    p.setBrush(QColor(230, 190, 160));
    p.drawEllipse(QRect(140, 150, 200, 260));
    p.end();
    QByteArray png;
    QBuffer b(&png);
    b.open(QIODevice::WriteOnly);
    img.save(&b, "PNG");
    return exporting::fitToSpec(png, spec).bytes;
}

// The same JPEG with a comment after SOI/APP0: distinct bytes, same picture, still within the spec.
QByteArray withComment(const QByteArray &jpeg, const QByteArray &text)
{
    int at = 2;
    if (quint8(jpeg[2]) == 0xFF && quint8(jpeg[3]) == 0xE0)
        at = 4 + ((quint8(jpeg[4]) << 8) | quint8(jpeg[5]));
    QByteArray seg("\xFF\xFE", 2);
    const int len = int(text.size()) + 2;
    seg.append(char(len >> 8)).append(char(len & 0xFF)).append(text);
    QByteArray outBytes = jpeg;
    outBytes.insert(at, seg);
    return outBytes;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto option = [&](const QString &name, const QString &fallback) {
        const int i = int(args.indexOf(name));
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
    };
    const int photos = option(QStringLiteral("--photos"), QStringLiteral("10000")).toInt();
    QTemporaryDir tmp;
    const QString dir = option(QStringLiteral("--dir"), tmp.path());
    const QString pg = option(QStringLiteral("--pg"), {});

    std::unique_ptr<db::Database> database;
    if (!pg.isEmpty()) {
        auto admin = db::DbTarget::parse(pg);
        {
            db::Database maintenance(*admin);
            QSqlQuery q(maintenance.connection());
            q.exec(QStringLiteral("DROP DATABASE IF EXISTS tucai_bench_export WITH (FORCE)"));
            q.exec(QStringLiteral("CREATE DATABASE tucai_bench_export"));
        }
        db::DbTarget t = *admin;
        t.database = QStringLiteral("tucai_bench_export");
        database = std::make_unique<db::Database>(t);
    } else {
        QFile::remove(dir + QStringLiteral("/bench_export.sqlite"));
        database = std::make_unique<db::Database>(db::DbTarget::sqlite(dir + QStringLiteral("/bench_export.sqlite")));
    }
    database->openAndMigrate(db::Database::OpenMode::CreateIfMissing);

    const exporting::FileSpec spec = exporting::FileSpec::fromDefaultProfile();
    const QByteArray base = basePhoto(spec);
    if (!exporting::meetsSpec(withComment(base, "S0000000"), spec))
        qFatal("the base photo does not meet the spec");
    QElapsedTimer fillTimer;
    fillTimer.start();
    {
        db::Transaction tx(*database);
        db::SchoolRepo schools(*database);
        const qint64 school = schools.insertSchool(QStringLiteral("B1"), QStringLiteral("Bench University"));
        QList<std::pair<qint64, qint64>> classes; // class, college
        for (int c = 1; c <= 10; ++c) {
            const qint64 college = schools.insertCollege(school, QStringLiteral("%1").arg(c, 2, 10, QLatin1Char('0')), QStringLiteral("学院%1").arg(c));
            for (int k = 1; k <= 10; ++k)
                classes.append({schools.insertClass(college, QStringLiteral("%1%2").arg(c).arg(k), QStringLiteral("班级%1-%2").arg(c).arg(k), 2022), college});
        }
        db::BatchInsert students(*database, QStringLiteral("students"),
                                 {QStringLiteral("id"), QStringLiteral("school_id"), QStringLiteral("college_id"), QStringLiteral("class_id"),
                                  QStringLiteral("student_no"), QStringLiteral("name"), QStringLiteral("id_number"), QStringLiteral("paid"),
                                  QStringLiteral("state"), QStringLiteral("created_at"), QStringLiteral("updated_at")});
        db::BatchInsert blobs(*database, QStringLiteral("photo_blobs"),
                              {QStringLiteral("sha256"), QStringLiteral("bytes"), QStringLiteral("byte_size"), QStringLiteral("created_at")});
        db::BatchInsert rows(*database, QStringLiteral("photos"),
                             {QStringLiteral("id"), QStringLiteral("student_id"), QStringLiteral("college_id"), QStringLiteral("class_id"),
                              QStringLiteral("kind"), QStringLiteral("status"), QStringLiteral("sha256"), QStringLiteral("stored_at"),
                              QStringLiteral("submitted_at"), QStringLiteral("decision"), QStringLiteral("decided_at")});
        rows.dependsOn(students);
        rows.dependsOn(blobs);
        for (int i = 1; i <= photos; ++i) {
            const auto &[cls, college] = classes.at(i % classes.size());
            const QString no = QStringLiteral("2022%1").arg(i, 6, 10, QLatin1Char('0'));
            const QByteArray bytes = withComment(base, no.toLatin1());
            const QString sha = db::PhotoRepo::sha256Hex(bytes);
            students.add({i, school, college, cls, no, QStringLiteral("学生%1").arg(i), QStringLiteral("32010220000101%1").arg(i % 10000, 4, 10, QLatin1Char('0')),
                          1, QStringLiteral("approved"), 0, 0});
            blobs.add({sha, bytes, qint64(bytes.size()), 0});
            rows.add({i, i, college, cls, QStringLiteral("submitted"), QStringLiteral("approved"), sha, 1772877348000LL, 1772877348000LL,
                      QStringLiteral("approved"), 1772877348000LL + i * 1000LL});
        }
        students.flush();
        blobs.flush();
        rows.flush();
        tx.commit();
    }
    out << "filled " << photos << " approved photos (" << base.size() / 1024 << " KB each) in " << fillTimer.elapsed() << " ms on "
        << database->target().displayName() << Qt::endl;

    exporting::ExportOptions opt;
    opt.outDir = dir + QStringLiteral("/out");
    QElapsedTimer t;
    t.start();
    const exporting::ExportResult r = exporting::PhotoExporter(*database, opt).run();
    const qint64 ms = std::max<qint64>(1, t.elapsed());
    if (!r.complete())
        qFatal("export incomplete: %s (%d failures)", qPrintable(r.error), int(r.failures.size()));
    const double rate = 1000.0 * double(r.files.size()) / double(ms);
    out << "exported " << r.files.size() << " photos (" << r.reencodedCount() << " re-encoded) into " << r.packages.size() << " zips in "
        << ms << " ms: " << qRound(rate) << " photos/s (target >= 500)" << Qt::endl;
    return rate >= 500 ? 0 : 1;
}
