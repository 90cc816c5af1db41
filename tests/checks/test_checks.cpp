// The photo check engine on real images: broken files give named errors, produced compliant photos
// pass, injected defects fail their rule, reports survive JSON, the CLI keeps its exit codes.
#include "checks/check_engine.h"
#include "checks/evaluation.h"
#include "checks/face.h"
#include "checks/fixtures.h"
#include "checks/landmarks.h"
#include "checks/photo_producer.h"
#include "checks/pose.h"
#include "test_support.h"
#include "util/data_paths.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QHash>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineF>
#include <QProcess>
#include <QTemporaryDir>
#include <QDirIterator>
#include <QRegularExpression>
#include <QSet>
#include <QTextStream>
#include <QTest>
#include <QTranslator>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>

using namespace tucai::checks;

namespace {

QString facesDir() { return QStringLiteral(TUCAI_SHARED_DIR "/faces"); }

#define REQUIRE_FACES()                                                                                   \
    do {                                                                                                  \
        if (!QFileInfo::exists(facesDir() + QStringLiteral("/frll/neutral")))                             \
            QSKIP("../shared/faces not found next to the source tree: real-image tests skipped");         \
    } while (0)

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray encode(const QImage &img, const char *format, int quality = -1)
{
    QByteArray out;
    QBuffer buf(&out);
    buf.open(QIODevice::WriteOnly);
    img.save(&buf, format, quality);
    return out;
}

// A JPEG with an EXIF APP1 segment carrying only the orientation tag, inserted after SOI.
QByteArray withOrientation(const QByteArray &jpeg, quint16 orientation)
{
    QByteArray tiff("II*\0\x08\0\0\0", 8);
    tiff += QByteArray("\x01\0", 2);                                     // 1 entry
    tiff += QByteArray("\x12\x01\x03\0\x01\0\0\0", 8);                   // tag 0x0112, SHORT, count 1
    tiff += char(orientation & 0xff);
    tiff += char(orientation >> 8);
    tiff += QByteArray("\0\0\0\0\0\0", 6);                               // value padding + next IFD
    const QByteArray payload = QByteArray("Exif\0\0", 6) + tiff;
    const int len = int(payload.size()) + 2;
    QByteArray seg("\xFF\xE1", 2);
    seg += char(len >> 8);
    seg += char(len & 0xff);
    seg += payload;
    return jpeg.left(2) + seg + jpeg.mid(2);
}

const CheckEngine &engine()
{
    static const CheckEngine e(CheckProfile::loadDefault());
    return e;
}

// Status of a rule as text ("pass", "fail"...; "absent" when the report lacks it): readable in
// QCOMPARE failures, and QTest cannot print the enum.
QString status(const CheckReport &r, const char *rule)
{
    const RuleResult *x = r.result(QLatin1String(rule));
    return x ? toString(x->status) : QStringLiteral("absent");
}

QByteArray produced(const QString &person, bool smiling = false)
{
    QByteArray bytes;
    QPointF l, r;
    if (!loadFrll(facesDir(), person, smiling, &bytes, &l, &r))
        return {};
    return producePhoto(bytes, l, r);
}

// The person's compliant photo (producer A) and the defects injected into it at these levels; empty
// when the portrait cannot be read.
QList<Fixture> fixturesOf(const QString &person, const QStringList &defects, const QList<int> &levels)
{
    QByteArray bytes;
    QPointF l, r;
    if (!loadFrll(facesDir(), person, false, &bytes, &l, &r))
        return {};
    return makeFixtures(bytes, l, r, person, defects, levels);
}

} // namespace

class TestChecks final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // `tucai eval` groups the compliant photos by skin tone measured on their cheeks (ITA): every
    // person who calls themselves black lands in the darkest group, and the groups hold every photo.
    void evalGroupsBySkinTone()
    {
        REQUIRE_FACES();
        EvalOptions opt;
        opt.facesDir = facesDir();
        opt.profile = CheckProfile::loadDefault();
        opt.split = QStringLiteral("test");
        opt.defects = {QStringLiteral("none")};
        opt.real = false;
        opt.producer = QStringLiteral("a");
        QString text, error;
        QTextStream out(&text);
        QVERIFY2(runEvaluation(opt, out, &error), qPrintable(error));
        out.flush();
        const QStringList lines = text.split(QLatin1Char('\n'));
        const qsizetype start = lines.indexOf(QStringLiteral("### By skin tone (measured on the cheeks of each photo)"));
        QVERIFY2(start >= 0, qPrintable(text.left(2000)));
        int photos = 0, rows = 0, blackInDark = 0, blackElsewhere = 0;
        for (qsizetype i = start + 1; i < lines.size(); ++i) {
            const QStringList cells = lines.at(i).split(QStringLiteral(" | "));
            if (cells.size() != 7 || !lines.at(i).startsWith(QStringLiteral("| ")) || lines.at(i).startsWith(QStringLiteral("| group")))
                continue;
            ++rows;
            photos += cells.at(1).toInt();
            const QRegularExpression black(QStringLiteral("(^|, )black (\\d+)"));
            const QRegularExpressionMatch m = black.match(cells.at(6));
            const int n = m.hasMatch() ? m.captured(2).toInt() : 0;
            (cells.at(0).contains(QStringLiteral("dark")) ? blackInDark : blackElsewhere) += n;
            if (rows == 3)
                break;
        }
        QCOMPARE(rows, 3);
        // Every compliant photo of the held-out half (24 people) is measured and in one group.
        QCOMPARE(photos, 24);
        // people.tsv: how many of the held-out half say black.
        QFile tsv(facesDir() + QStringLiteral("/frll/people.tsv"));
        QVERIFY(tsv.open(QIODevice::ReadOnly));
        const QStringList people = frllPeople(facesDir());
        const QStringList held = people.mid((people.size() + 1) / 2);
        int black = 0;
        for (const QByteArray &line : tsv.readAll().split('\n'))
            if (const QList<QByteArray> f = line.trimmed().split('\t'); f.size() >= 4 && f[3] == "black" && held.contains(QString::fromUtf8(f[0])))
                ++black;
        QVERIFY(black > 0);
        QCOMPARE(blackInDark, black);
        QCOMPARE(blackElsewhere, 0);
    }

    void profileDefault()
    {
        const CheckProfile p = CheckProfile::loadDefault();
        QVERIFY(p.isValid());
        QCOMPARE(p.id(), QStringLiteral("default"));
        QCOMPARE(p.version(), QStringLiteral("6"));
        QCOMPARE(p.background(), QColor(100, 197, 255));
        QCOMPARE(p.param(QStringLiteral("file.size"), QStringLiteral("minKB"), -1), 20.0);
        QCOMPARE(p.param(QStringLiteral("file.size"), QStringLiteral("maxKB"), -1), 60.0);
        // Every catalogued rule is in the profile, with both titles.
        QVERIFY(ruleCatalog().size() >= 34);
        for (const RuleInfo &r : ruleCatalog()) {
            QVERIFY2(p.ruleIds().contains(r.id), qPrintable(r.id));
            QVERIFY2(!r.title.isEmpty() && !r.titleZh.isEmpty(), qPrintable(r.id));
        }
    }

    void profileOverride()
    {
        QString error;
        const CheckProfile p = CheckProfile::fromJson(R"({"id":"school-x","version":"7","background":{"rgb":[255,255,255]},
            "rules":{"file.size":{"maxKB":100},"jewellery":{"enabled":false}}})", &error);
        QVERIFY2(p.isValid(), qPrintable(error));
        QCOMPARE(p.id(), QStringLiteral("school-x"));
        QCOMPARE(p.background(), QColor(255, 255, 255));
        QCOMPARE(p.param(QStringLiteral("file.size"), QStringLiteral("maxKB"), -1), 100.0);
        QCOMPARE(p.param(QStringLiteral("file.size"), QStringLiteral("minKB"), -1), 20.0);   // kept from the default
        QVERIFY(!p.enabled(QStringLiteral("jewellery")));
        QVERIFY(p.enabled(QStringLiteral("face.count")));
        QVERIFY(!CheckProfile::fromJson("{not json", &error).isValid());
        QVERIFY(!error.isEmpty());
    }

    void brokenFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("code");
        QTest::newRow("gif") << "gif-content-named.jpg" << "file.unsupported_format";
        QTest::newRow("no-soi") << "no-soi.jpg" << "jpeg.missing_soi";
        QTest::newRow("huge-png") << "png-huge-dimensions.png" << "image.too_many_pixels";
        QTest::newRow("random") << "random-bytes.jpg" << "file.unknown_format";
        QTest::newRow("text") << "text-file.jpg" << "file.not_image";
        QTest::newRow("truncated") << "truncated-50pct.jpg" << "jpeg.truncated";
        QTest::newRow("empty") << "zero-bytes.jpg" << "file.empty";
    }

    void brokenFiles()
    {
        QFETCH(QString, file);
        QFETCH(QString, code);
        const QString path = facesDir() + QStringLiteral("/broken/") + file;
        if (!QFileInfo::exists(path))
            QSKIP("../shared/faces/broken not found");
        QElapsedTimer t;
        t.start();
        const CheckReport r = engine().check(readFile(path), path);
        QVERIFY(t.elapsed() < 1000);
        QVERIFY(!r.decoded);
        QVERIFY(!r.passed);
        QCOMPARE(r.errorCode, code);
        QVERIFY(!r.error.isEmpty());
        QVERIFY(r.results.isEmpty());
    }

    void decodeSynthetic()
    {
        QImage img(480, 640, QImage::Format_RGB888);
        img.fill(QColor(100, 197, 255));
        const QByteArray jpeg = encode(img, "JPG", 90);
        // Truncation inside the image data, and inside a header.
        QCOMPARE(engine().check(jpeg.left(jpeg.size() - 40)).errorCode, QStringLiteral("jpeg.truncated"));
        QCOMPARE(engine().check(jpeg.left(30)).errorCode, QStringLiteral("jpeg.truncated_header"));
        const QByteArray png = encode(img, "PNG");
        QCOMPARE(engine().check(png.left(png.size() - 20)).errorCode, QStringLiteral("png.truncated"));
        // A PNG is decoded and checked, but file.format fails.
        const CheckReport pr = engine().check(png);
        QVERIFY(pr.decoded);
        QCOMPARE(status(pr, "file.format"), QStringLiteral("fail"));
        // Over the file-size limit: refused before decoding.
        QString error;
        const CheckProfile small = CheckProfile::fromJson(R"({"limits":{"maxFileKB":1}})", &error);
        QCOMPARE(CheckEngine(small).check(jpeg).errorCode, QStringLiteral("file.too_large"));
        // EXIF orientation 6 (rotate 90 clockwise): a 640x480 stored image is a 480x640 photo.
        QImage wide(640, 480, QImage::Format_RGB888);
        wide.fill(Qt::white);
        const CheckReport rot = engine().check(withOrientation(encode(wide, "JPG", 90), 6));
        QVERIFY(rot.decoded);
        QCOMPARE(rot.width, 480);
        QCOMPARE(rot.height, 640);
        // Greyscale and alpha PNGs decode (alpha flattened).
        QImage grey(480, 640, QImage::Format_Grayscale8);
        grey.fill(128);
        QVERIFY(engine().check(encode(grey, "PNG")).decoded);
        QImage alpha(480, 640, QImage::Format_ARGB32);
        alpha.fill(QColor(0, 0, 0, 0));
        const CheckReport ar = engine().check(encode(alpha, "PNG"));
        QVERIFY(ar.decoded);
        // No face on a blank picture: face rules are skipped with a reason, face.count fails.
        QCOMPARE(status(ar, "face.count"), QStringLiteral("fail"));
        QCOMPARE(status(ar, "geometry.eye_line"), QStringLiteral("skipped"));
        QVERIFY(!ar.result(QStringLiteral("geometry.eye_line"))->why.isEmpty());
    }

    // `tucai eval --producer both` reports each producer's compliant photos on their own and sums
    // them up per producer; an unknown producer is an error, not a silent default.
    void evalPerProducer()
    {
        REQUIRE_FACES();
        EvalOptions opt;
        opt.facesDir = facesDir();
        opt.profile = CheckProfile::loadDefault();
        opt.split = QStringLiteral("tune");
        opt.people = 2;
        opt.defects = {QStringLiteral("none")};
        opt.real = false;
        QString text, error;
        QTextStream out(&text);
        QVERIFY2(runEvaluation(opt, out, &error), qPrintable(error));
        out.flush();
        QVERIFY2(text.contains(QStringLiteral("## False rejections per producer")), qPrintable(text.left(1500)));
        const QStringList lines = text.split(QLatin1Char('\n'));
        QVERIFY(std::any_of(lines.begin(), lines.end(), [](const QString &l) { return l.startsWith(QStringLiteral("| a | 2 | ")); }));
        QVERIFY(std::any_of(lines.begin(), lines.end(), [](const QString &l) { return l.startsWith(QStringLiteral("| b | 2 | ")); }));
        QCOMPARE(text.count(QStringLiteral("## Compliant generated photos (2 FRLL people, produced 480x640 by producer a)")), 1);
        QCOMPARE(text.count(QStringLiteral("## Compliant generated photos (2 FRLL people, produced 480x640 by producer b)")), 1);
        QCOMPARE(text.count(QStringLiteral("### By skin tone (measured on the cheeks of each photo)")), 2);

        opt.producer = QStringLiteral("c");
        QString text2;
        QTextStream out2(&text2);
        error.clear();
        QVERIFY(!runEvaluation(opt, out2, &error));
        QVERIFY2(error.contains(QStringLiteral("producer")), qPrintable(error));
    }

    void producedPhotosPass()
    {
        REQUIRE_FACES();
        const QStringList people = frllPeople(facesDir()).mid(0, 10);
        QVERIFY(people.size() >= 5);
        for (const QString &person : people) {
            QByteArray bytes;
            QPointF l, r;
            QVERIFY(loadFrll(facesDir(), person, false, &bytes, &l, &r));
            const QList<Fixture> fx = makeFixtures(bytes, l, r, person, {QStringLiteral("none")}, {});
            QCOMPARE(fx.size(), 1);
            const QImage img = QImage::fromData(fx.first().bytes);
            QCOMPARE(img.size(), QSize(480, 640));
            const CheckReport rep = engine().check(fx.first().bytes);
            QVERIFY(rep.decoded);
            // Haar faces; with valid landmarks the pupils come from the eye contours (no eye cascade).
            QCOMPARE(rep.detector, QStringLiteral("haar, pupils within the landmarks' eye contours"));
            for (const RuleResult &res : rep.results) {
                if (res.status == RuleStatus::Fail && res.severity == Severity::Error && !fx.first().knownDeviations.contains(res.rule))
                    QFAIL(qPrintable(QStringLiteral("%1: %2 failed with %3").arg(person, res.rule).arg(res.value.value_or(-1))));
            }
            // The eyes are found where the producer put them (eye line 250, centred).
            QVERIFY(rep.face.found);
            const QPointF mid = (rep.face.leftEye + rep.face.rightEye) / 2;
            QVERIFY2(std::abs(mid.y() - 250) < 12 && std::abs(mid.x() - 240) < 12, qPrintable(person));
        }
    }

    // Producer B (photo_producer_b.cpp) is a second, independent way of making the compliant photo:
    // its photos are 480x640 with the pupils where its truth says, the background in the shade it
    // asked for, and they differ from producer A's photo of the same person in placement, background
    // and encoder (a silent fall-back to A fails each of these); the engine accepts them.
    void producerBDiffersFromA()
    {
        REQUIRE_FACES();
        for (const QString &person : {QStringLiteral("005"), QStringLiteral("062")}) {
            QByteArray bytes;
            QPointF l, r;
            QVERIFY(loadFrll(facesDir(), person, false, &bytes, &l, &r));
            const QList<Fixture> a = makeFixtures(bytes, l, r, person, {QStringLiteral("none")}, {}, nullptr, {}, {}, {}, ProducerMethod::A);
            const QList<Fixture> b = makeFixtures(bytes, l, r, person, {QStringLiteral("none")}, {}, nullptr, {}, {}, {}, ProducerMethod::B);
            QCOMPARE(a.size(), 1);
            QCOMPARE(b.size(), 1);
            const Fixture &fa = a.first(), &fb = b.first();
            const QImage img = QImage::fromData(fb.bytes);
            QCOMPARE(img.size(), QSize(480, 640));

            // The engine finds the eyes where B's truth puts them: the centres of the landmarks' eye
            // contours within 0.1 pupil distance, the located pupils within 0.25.
            const CheckReport rep = engine().check(fb.bytes);
            QVERIFY(rep.decoded);
            QVERIFY(rep.face.found);
            QCOMPARE(rep.face.landmarks.size(), 68);
            const double ipd = QLineF(fb.leftEye, fb.rightEye).length();
            QVERIFY2(ipd >= 90 && ipd <= 114, qPrintable(QString::number(ipd)));
            const auto centre = [&](int first) {
                QPointF c;
                for (int i = first; i < first + 6; ++i)
                    c += rep.face.landmarks.at(i);
                return c / 6;
            };
            const double el = QLineF(centre(36), fb.leftEye).length() / ipd, er = QLineF(centre(42), fb.rightEye).length() / ipd;
            QVERIFY2(el < 0.1 && er < 0.1, qPrintable(QStringLiteral("%1: eye contours %2 / %3 IPD from B's truth").arg(person).arg(el).arg(er)));
            QVERIFY2(QLineF(rep.face.leftEye, fb.leftEye).length() < 0.25 * ipd && QLineF(rep.face.rightEye, fb.rightEye).length() < 0.25 * ipd,
                     qPrintable(person));
            for (const RuleResult &res : rep.results)
                if (res.status == RuleStatus::Fail && res.severity == Severity::Error && !fb.knownDeviations.contains(res.rule))
                    QFAIL(qPrintable(QStringLiteral("%1 (B): %2 failed with %3").arg(person, res.rule).arg(res.value.value_or(-1))));

            // Placement: B's pupils are not where A puts them (eye line 250, centred, level).
            const QPointF midA = (fa.leftEye + fa.rightEye) / 2, midB = (fb.leftEye + fb.rightEye) / 2;
            QVERIFY2(QLineF(midA, midB).length() > 2 || std::abs(QLineF(fa.leftEye, fa.rightEye).length() - ipd) > 2,
                     qPrintable(QStringLiteral("%1: B placed the eyes like A").arg(person)));

            // Background: the top corners are the shade producerBOptions asked for (within the grain and
            // JPEG), which is not A's colour.
            const QColor want = producerBOptions(person.toInt()).background;
            QVERIFY(want != QColor(100, 197, 255));
            const QImage imgA = QImage::fromData(fa.bytes);
            for (const QImage *im : {&img, &imgA}) {
                double sum[3] = {0, 0, 0};
                int n = 0;
                for (int y = 4; y < 24; ++y)
                    for (int x : {4, 8, 12, 16, 20, 460, 464, 468, 472, 476}) {
                        const QColor c = im->pixelColor(x, y);
                        sum[0] += c.red();
                        sum[1] += c.green();
                        sum[2] += c.blue();
                        ++n;
                    }
                const QColor asked = im == &img ? want : QColor(100, 197, 255);
                const double dr = sum[0] / n - asked.red(), dg = sum[1] / n - asked.green(), db = sum[2] / n - asked.blue();
                QVERIFY2(std::abs(dr) < 2.5 && std::abs(dg) < 2.5 && std::abs(db) < 2.5,
                         qPrintable(QStringLiteral("%1 (%2): corner colour off the asked one by %3 %4 %5").arg(person, im == &img ? QStringLiteral("B") : QStringLiteral("A")).arg(dr).arg(dg).arg(db)));
            }

            // B's own placement, not only its options: a residual roll and a sideways offset within the
            // standard (A's placement is exactly level and centred whatever the options).
            QVERIFY2(std::abs(fb.leftEye.y() - fb.rightEye.y()) > 0.5 && std::abs(midB.x() - 240) > 1,
                     qPrintable(QStringLiteral("%1: B's eyes level and centred like A's").arg(person)));
            QCOMPARE(fa.leftEye.y(), fa.rightEye.y());

            // Encoder: B's JPEG is progressive (SOF2), A's baseline (SOF0).
            QVERIFY(fb.bytes.contains(QByteArray("\xFF\xC2", 2)));
            QVERIFY(!fb.bytes.contains(QByteArray("\xFF\xC0", 2)));
            QVERIFY(fa.bytes.contains(QByteArray("\xFF\xC0", 2)));

            // Deterministic: the same person gives the same bytes.
            QCOMPARE(makeFixtures(bytes, l, r, person, {QStringLiteral("none")}, {}, nullptr, {}, {}, {}, ProducerMethod::B).first().bytes, fb.bytes);
        }
    }

    void injectedDefectsFail_data()
    {
        QTest::addColumn<QString>("defect");
        for (const char *d : {"roll", "off_centre", "eye_line", "head_big", "blur", "noise", "overexposed", "colour_cast", "side_shadow",
                              "highlights", "bg_tint", "bg_gradient", "bg_object", "halo", "wrong_size", "heavy_jpeg", "blue_clothes",
                              "clothes_like_bg", "second_face", "smoothing", "red_eye", "tinted_glasses", "moire", "underexposed",
                              "head_small", "shoulder_tilt", "glasses_glare", "hair_over_eyes", "jewellery", "file_large"})
            QTest::newRow(d) << QString::fromLatin1(d);
    }

    void injectedDefectsFail()
    {
        REQUIRE_FACES();
        QFETCH(QString, defect);
        for (const QString &person : {QStringLiteral("002"), QStringLiteral("005"), QStringLiteral("012")}) {
            const QList<Fixture> fx = fixturesOf(person, {defect}, {2});
            QCOMPARE(fx.size(), 2);   // the compliant photo and the defective one
            const Fixture &bad = fx.last();
            QCOMPARE(bad.defect, defect);
            const CheckReport rep = engine().check(bad.bytes);
            bool hit = false;
            for (const QString &rule : bad.expectRules)
                hit = hit || (rep.result(rule) && rep.result(rule)->status == RuleStatus::Fail);
            // Known miss of engine 2.2.0 at level 2 (EVALUATION.md): 005's glare is not found. Should it be
            // detected, the test says so (XPASS) and this list and the document are updated. (005's
            // tinted lenses, missed by 2.1.0, are found since the pupils come from the eye contours.)
            if (defect == QLatin1String("glasses_glare") && person == QLatin1String("005"))
                QEXPECT_FAIL("", "known miss of engine 2.2.0, see EVALUATION.md", Continue);
            QVERIFY2(hit, qPrintable(QStringLiteral("%1/%2: none of %3 failed").arg(person, defect, bad.expectRules.join(QLatin1Char(',')))));
            QVERIFY(!rep.passed || rep.result(bad.expectRules.first())->severity == Severity::Warning);
            // The failing rule says what it measured and where.
            const RuleResult *res = rep.result(bad.expectRules.first());
            if (res && res->status == RuleStatus::Fail) {
                QVERIFY(!res->message.isEmpty() && !res->messageZh.isEmpty());
                QVERIFY(!res->threshold.isEmpty());
            }
        }
    }

    // Every rule of the catalogue fails on at least one defective photo - a real one where the faces
    // set has it (FRLL 003's own fringe over her brows, a smile, Yale's sleepy eyes), else a defect
    // injected into a produced photo - and passes on the compliant counterpart (the same person's
    // produced photo, or the same subject's normal shot). A rule added to the catalogue without a
    // case here fails this test.
    void everyRuleFailsOnADefect()
    {
        REQUIRE_FACES();
        struct Case
        {
            const char *rule, *defect, *person;
            int level;
        };
        // defect: an injected defect of fixtures.cpp; "real" = the person's produced photo itself
        // (counterpart: another person), "smiling" = FRLL smiling portrait (counterpart: neutral),
        // "yale:" = a Yale file (counterpart: the same subject's normal shot).
        const Case cases[] = {
            {"file.format", "heavy_jpeg", "005", 2},          {"file.size", "file_large", "005", 1},
            {"image.dimensions", "wrong_size", "005", 1},     {"face.count", "second_face", "005", 2},
            {"geometry.head_top", "head_small", "005", 2},    {"geometry.eye_line", "eye_line", "005", 2},
            {"geometry.face_width", "head_big", "005", 3},    {"geometry.centred", "off_centre", "005", 2},
            {"pose.roll", "roll", "005", 2},                  {"pose.yaw", "yaw", "002", 2},
            {"pose.pitch", "pitch", "002", 3},                {"shoulders.level", "shoulder_tilt", "005", 2},
            {"eyes.open", "yale:subject03.sleepy", "", 0},    {"mouth.closed", "smiling", "002", 0},
            {"background.colour", "bg_tint", "005", 2},       {"background.uniform", "bg_gradient", "005", 2},
            {"background.edge", "halo", "005", 2},            {"lighting.face_even", "side_shadow", "005", 2},
            {"lighting.highlights", "highlights", "005", 2},  {"lighting.exposure", "underexposed", "005", 2},
            {"eyes.red", "red_eye", "005", 2},                {"glasses.reflection", "glasses_glare", "001", 2},
            {"glasses.tinted", "tinted_glasses", "001", 2},   {"ears.visible", "hair_over_ears", "005", 2},
            {"hair.over_face", "real", "003", 0},             {"head.covering", "head_cover", "008", 2},
            {"jewellery", "jewellery", "005", 2},             {"clothing.contrast", "clothes_like_bg", "005", 2},
            {"clothing.blue", "blue_clothes", "005", 2},      {"image.sharpness", "blur", "005", 2},
            {"image.noise", "noise", "005", 2},               {"image.colour_cast", "colour_cast", "005", 2},
            {"image.recapture", "moire", "005", 2},           {"image.retouched", "smoothing", "005", 2},
        };
        QSet<QString> covered;
        for (const Case &c : cases)
            covered.insert(QLatin1String(c.rule));
        QSet<QString> catalogue;
        for (const RuleInfo &r : ruleCatalog())
            catalogue.insert(r.id);
        QCOMPARE(covered, catalogue);
        QCOMPARE(catalogue.size(), 34);

        // The injected defects of each person, made in one go (one producing step per person).
        QHash<QString, QList<Fixture>> fixtures;
        for (const Case &c : cases) {
            const QString defect = QLatin1String(c.defect);
            if (defect == QLatin1String("real") || defect == QLatin1String("smiling") || defect.startsWith(QLatin1String("yale:")))
                continue;
            fixtures[QLatin1String(c.person)];
        }
        for (auto it = fixtures.begin(); it != fixtures.end(); ++it) {
            QStringList defects;
            for (const Case &c : cases)
                if (QLatin1String(c.person) == it.key())
                    defects << QLatin1String(c.defect);
            QByteArray bytes;
            QPointF l, r;
            QVERIFY(loadFrll(facesDir(), it.key(), false, &bytes, &l, &r));
            it.value() = makeFixtures(bytes, l, r, it.key(), defects, {1, 2, 3});
            QVERIFY(!it.value().isEmpty());
        }
        QStringList problems;
        for (const Case &c : cases) {
            const QString defect = QLatin1String(c.defect), person = QLatin1String(c.person);
            QByteArray bad, good;
            if (defect == QLatin1String("real")) {
                bad = produced(person);
                good = produced(QStringLiteral("005"));
            } else if (defect == QLatin1String("smiling")) {
                bad = produced(person, true);
                good = produced(person);
            } else if (defect.startsWith(QLatin1String("yale:"))) {
                const QString file = defect.mid(5);
                bad = readFile(facesDir() + QStringLiteral("/yale/") + file + QStringLiteral(".png"));
                good = readFile(facesDir() + QStringLiteral("/yale/") + file.section(QLatin1Char('.'), 0, 0) + QStringLiteral(".normal.png"));
            } else {
                const QList<Fixture> &fx = fixtures.value(person);
                good = fx.first().bytes;
                for (const Fixture &f : fx)
                    if (f.defect == defect && f.level == c.level)
                        bad = f.bytes;
            }
            QVERIFY2(!bad.isEmpty() && !good.isEmpty(), c.rule);
            const QString onBad = status(engine().check(bad), c.rule), onGood = status(engine().check(good), c.rule);
            if (onBad != QLatin1String("fail") || onGood != QLatin1String("pass"))
                problems << QStringLiteral("%1 (%2 %3/%4): defective %5, compliant %6").arg(QLatin1String(c.rule), defect, person).arg(c.level).arg(onBad, onGood);
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
    }

    // head.covering finds dark fabric by its smoothness, not its colour: a black (001, 009) and a
    // navy (003) knit cap and a head scarf (003 navy: its crown; 009 black: its sides, the crown
    // above it being the student's own hair) fail, each by the texture measure (its reason), while
    // the same people's compliant photos, dark hair included, pass. Tune-half people (the
    // thresholds come from that half).
    void headCoveringAnyColour()
    {
        REQUIRE_FACES();
        struct Case
        {
            const char *person;
            int level;
            const char *why;
        };
        const Case cases[] = {
            {"001", 1, "smooth fabric over the crown"},     {"001", 2, "smooth fabric over the crown"},
            {"003", 2, "smooth fabric over the crown"},     {"003", 3, "smooth fabric over the crown"},
            {"009", 2, "smooth fabric over the crown"},     {"009", 3, "smooth fabric beside the temples"},
        };
        QStringList problems;
        for (const char *person : {"001", "003", "009"}) {
            QByteArray bytes;
            QPointF l, r;
            QVERIFY(loadFrll(facesDir(), QLatin1String(person), false, &bytes, &l, &r));
            const QList<Fixture> fx = makeFixtures(bytes, l, r, QLatin1String(person), {QStringLiteral("head_cover")}, {1, 2, 3});
            QVERIFY(!fx.isEmpty());
            const auto resultOf = [&](const QByteArray &photo) {
                for (const RuleResult &res : engine().check(photo).results)
                    if (res.rule == QLatin1String("head.covering"))
                        return res;
                return RuleResult{};
            };
            for (const Fixture &f : fx) {
                if (f.defect == QLatin1String("none")) {
                    const RuleResult res = resultOf(f.bytes);
                    if (res.status != RuleStatus::Pass)
                        problems << QStringLiteral("%1 compliant: %2 (%3)").arg(QLatin1String(person), toString(res.status), res.why);
                    continue;
                }
                for (const Case &c : cases) {
                    if (QLatin1String(c.person) != QLatin1String(person) || c.level != f.level || f.defect != QLatin1String("head_cover"))
                        continue;
                    const RuleResult res = resultOf(f.bytes);
                    if (res.status != RuleStatus::Fail || res.why != QLatin1String(c.why))
                        problems << QStringLiteral("%1 level %2: %3 (%4)").arg(QLatin1String(person)).arg(c.level).arg(toString(res.status), res.why);
                }
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
    }

    // The compliant produced photos of eight people pass every rule, warnings included, except the
    // listed ones, each for a reason seen on the photo: FRLL 001's tall bun reaches the top edge (a
    // known deviation of the portrait), FRLL 003's own fringe covers her brows (a real defect of the
    // portrait), and FRLL 009's bare shoulders leave no clothing and no shoulder line to measure
    // (uncertain, with the reason).
    void compliantPhotosPassEveryRule()
    {
        REQUIRE_FACES();
        const QHash<QString, QString> expected{
            {QStringLiteral("001 geometry.head_top"), QStringLiteral("fail")},
            {QStringLiteral("003 hair.over_face"), QStringLiteral("fail")},
            {QStringLiteral("009 shoulders.level"), QStringLiteral("uncertain")},
            {QStringLiteral("009 clothing.contrast"), QStringLiteral("uncertain")},
        };
        QStringList problems;
        int checked = 0;
        for (const char *person : {"001", "002", "003", "004", "005", "006", "008", "009"}) {
            const CheckReport rep = engine().check(produced(QLatin1String(person)));
            QVERIFY2(rep.decoded, person);
            QCOMPARE(rep.results.size(), 34);
            for (const RuleResult &res : rep.results) {
                const QString key = QLatin1String(person) + QLatin1Char(' ') + res.rule;
                const QString want = expected.value(key, QStringLiteral("pass"));
                if (toString(res.status) != want)
                    problems << QStringLiteral("%1: %2 (%3)").arg(key, toString(res.status), res.why);
                if (res.status == RuleStatus::Uncertain && res.why.isEmpty())
                    problems << key + QStringLiteral(": uncertain without a reason");
                ++checked;
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
        QCOMPARE(checked, 8 * 34);
    }

    // A second person behind the student, placed where it is visible (the fixture records how
    // much), is counted; a head tilted 15 deg, which the upright cascade loses or misplaces the eyes
    // of, is found on the turned photo and its roll measured.
    void secondFaceAndStrongRoll()
    {
        REQUIRE_FACES();
        const QStringList people = frllPeople(facesDir());
        QVERIFY(people.size() >= 8);
        for (int i = 0; i < 8; ++i) {
            const QString person = people.at(i);
            QByteArray bytes, other;
            QPointF l, r, ol, orr;
            QVERIFY(loadFrll(facesDir(), person, false, &bytes, &l, &r));
            QVERIFY(loadFrll(facesDir(), people.at(i + 1), false, &other, &ol, &orr));
            const QList<Fixture> fx = makeFixtures(bytes, l, r, person, {QStringLiteral("second_face"), QStringLiteral("roll")}, {2, 3},
                                                   nullptr, other, ol, orr);
            QCOMPARE(fx.size(), 5);
            for (const Fixture &f : fx) {
                if (f.defect == QLatin1String("none"))
                    continue;
                const CheckReport rep = engine().check(f.bytes);
                const QString what = QStringLiteral("%1/%2/%3").arg(person, f.defect).arg(f.level);
                if (f.defect == QLatin1String("second_face")) {
                    QVERIFY2(f.visibleFraction >= (f.level == 2 ? 0.85 : 0.6), qPrintable(what));
                    QVERIFY2(rep.result(QStringLiteral("face.count")) && rep.result(QStringLiteral("face.count"))->value == 2.0, qPrintable(what));
                    // The student is still the main face, in the middle.
                    QVERIFY2(std::abs(rep.face.box.center().x() - 240) < 30, qPrintable(what));
                } else {
                    QCOMPARE(status(rep, "face.count"), QStringLiteral("pass"));
                    const RuleResult *roll = rep.result(QStringLiteral("pose.roll"));
                    QVERIFY2(roll && roll->value, qPrintable(what));
                    const double want = f.level == 2 ? 10 : 15;
                    QVERIFY2(std::abs(std::abs(*roll->value) - want) < 3, qPrintable(what + QStringLiteral(" roll %1").arg(*roll->value)));
                    QCOMPARE(status(rep, "pose.roll"), QStringLiteral("fail"));
                }
            }
        }
    }

    // A very dark photo (every pixel x0.12): the detector runs without histogram equalisation,
    // which loses such a face; it then retries equalised, so the face is found and the exposure
    // rule (not face.count) rejects the photo.
    void darkPhotoFaceFound()
    {
        REQUIRE_FACES();
        for (const char *person : {"004", "012", "030"}) {
            QImage img = QImage::fromData(produced(QLatin1String(person))).convertToFormat(QImage::Format_RGB32);
            QVERIFY(!img.isNull());
            for (int y = 0; y < img.height(); ++y) {
                QRgb *line = reinterpret_cast<QRgb *>(img.scanLine(y));
                for (int x = 0; x < img.width(); ++x)
                    line[x] = qRgb(qRed(line[x]) * 12 / 100, qGreen(line[x]) * 12 / 100, qBlue(line[x]) * 12 / 100);
            }
            const CheckReport rep = engine().check(encode(img, "JPEG", 90));
            QVERIFY2(rep.face.found, person);
            QCOMPARE(status(rep, "face.count"), QStringLiteral("pass"));
            QCOMPARE(status(rep, "lighting.exposure"), QStringLiteral("fail"));
        }
    }

    // FRLL 009 wears a top with one strap: the only clothing in the frame is at the shoulder, away
    // from the chest. Blue there is found; the compliant photo passes.
    void blueStrap()
    {
        REQUIRE_FACES();
        QByteArray bytes;
        QPointF l, r;
        QVERIFY(loadFrll(facesDir(), QStringLiteral("009"), false, &bytes, &l, &r));
        const QList<Fixture> fx = makeFixtures(bytes, l, r, QStringLiteral("009"), {QStringLiteral("blue_clothes")}, {2});
        QCOMPARE(fx.size(), 2);
        QCOMPARE(status(engine().check(fx.first().bytes), "clothing.blue"), QStringLiteral("pass"));
        QCOMPARE(status(engine().check(fx.last().bytes), "clothing.blue"), QStringLiteral("fail"));
    }

    void realDefects()
    {
        REQUIRE_FACES();
        // Strong side light in the Yale set: uneven face lighting.
        for (const char *f : {"subject01.leftlight.png", "subject02.rightlight.png", "subject03.leftlight.png"}) {
            const QString path = facesDir() + QStringLiteral("/yale/") + QLatin1String(f);
            const CheckReport rep = engine().check(readFile(path));
            QVERIFY(rep.decoded);
            QCOMPARE(status(rep, "lighting.face_even"), QStringLiteral("fail"));
            QCOMPARE(status(rep, "image.dimensions"), QStringLiteral("fail"));
            QCOMPARE(status(rep, "file.format"), QStringLiteral("fail"));   // PNG
        }
        // FRLL 002 smiling shows teeth.
        const CheckReport smile = engine().check(produced(QStringLiteral("002"), true));
        QCOMPARE(status(smile, "mouth.closed"), QStringLiteral("fail"));
        QVERIFY(!smile.passed);
    }

    // The 68 landmarks: on produced compliant photos the centre of each eye contour lies within a few
    // pixels of the pupil the producer placed (FRLL .tem truth through the producing transform).
    void landmarksNearPupils()
    {
        REQUIRE_FACES();
        QList<double> errors;
        for (const QString &person : frllPeople(facesDir()).mid(0, 8)) {
            QByteArray bytes;
            QPointF l, r;
            QVERIFY(loadFrll(facesDir(), person, false, &bytes, &l, &r));
            const QList<Fixture> fx = makeFixtures(bytes, l, r, person, {QStringLiteral("roll")}, {1});
            QVERIFY(!fx.isEmpty() && fx.first().defect == QLatin1String("none"));
            const CheckReport rep = engine().check(fx.first().bytes);
            QCOMPARE(rep.face.landmarks.size(), 68);
            QCOMPARE(rep.face.poseAxes.size(), 4);
            const auto centre = [&](int first) {
                QPointF s;
                for (int i = first; i < first + 6; ++i)
                    s += rep.face.landmarks.at(i);
                return s / 6;
            };
            const double el = QLineF(centre(36), fx.first().leftEye).length(), er = QLineF(centre(42), fx.first().rightEye).length();
            QVERIFY2(el < 8 && er < 8, qPrintable(QStringLiteral("%1: %2 / %3 px").arg(person).arg(el).arg(er)));
            errors << el << er;
        }
        std::sort(errors.begin(), errors.end());
        QVERIFY2(errors.at(errors.size() / 2) < 4.5, qPrintable(QString::number(errors.at(errors.size() / 2))));
    }

    // The engine evaluates dlib's regression trees with its own loop (flat arrays, no BLAS call per
    // tree): on real faces - produced photos, turned heads, Yale's small greyscale faces - it gives
    // exactly the points dlib::shape_predictor gives on the same model.
    void landmarksMatchDlib()
    {
        REQUIRE_FACES();
        QList<QByteArray> photos;
        const QStringList people = frllPeople(facesDir());
        for (const QString &person : {people.at(0), people.at(5), people.at(20), people.at(33), people.at(47)}) {
            QByteArray bytes;
            QPointF l, r;
            QVERIFY(loadFrll(facesDir(), person, false, &bytes, &l, &r));
            for (const Fixture &f : makeFixtures(bytes, l, r, person, {QStringLiteral("yaw"), QStringLiteral("pitch"), QStringLiteral("roll")}, {3}))
                photos << f.bytes;
        }
        for (const char *f : {"subject01.surprised.png", "subject03.sleepy.png", "subject04.wink.png", "subject08.glasses.png"})
            photos << readFile(facesDir() + QStringLiteral("/yale/") + QLatin1String(f));
        int compared = 0, valid = 0;
        for (const QByteArray &b : photos) {
            const cv::Mat bgr = cv::imdecode(cv::Mat(1, int(b.size()), CV_8UC1, const_cast<char *>(b.constData())), cv::IMREAD_COLOR);
            QVERIFY(!bgr.empty());
            cv::Mat grey;
            cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
            const detail::FaceFit face = detail::detectFaces(grey);
            if (!face.found)
                continue;
            const detail::Landmarks ours = detail::fitLandmarks(grey, face.box);
            const detail::Landmarks theirs = detail::fitLandmarksWithDlib(grey, face.box);
            QCOMPARE(ours.valid, theirs.valid);
            QCOMPARE(ours.why, theirs.why);
            for (int i = 0; i < detail::lm::kCount; ++i) {
                QCOMPARE(ours[i].x, theirs[i].x);
                QCOMPARE(ours[i].y, theirs[i].y);
            }
            valid += ours.valid ? 1 : 0;
            ++compared;
        }
        QVERIFY2(compared >= 18 && valid >= 18, qPrintable(QStringLiteral("%1 faces, %2 with landmarks").arg(compared).arg(valid)));
    }

    // With valid landmarks the pupils are the dark blobs inside the eye contours, also behind dark
    // lenses that hide the eyes from an eye cascade: they lie near the true pupils and pose.roll can
    // decide.
    void pupilsFromLandmarksBehindDarkLenses()
    {
        REQUIRE_FACES();
        for (const char *person : {"001", "002", "004", "012"}) {
            QByteArray bytes;
            QPointF l, r;
            QVERIFY(loadFrll(facesDir(), QLatin1String(person), false, &bytes, &l, &r));
            const QList<Fixture> fx = makeFixtures(bytes, l, r, QLatin1String(person), {QStringLiteral("tinted_glasses")}, {3});
            QCOMPARE(fx.size(), 2);
            const Fixture &f = fx.last();
            const CheckReport rep = engine().check(f.bytes);
            QVERIFY2(rep.face.landmarks.size() == 68, person);
            QVERIFY2(rep.detector.contains(QLatin1String("landmarks' eye contours")), qPrintable(rep.detector));
            // The truth travels with the compliant photo; the lenses do not move the head.
            const Fixture &truth = fx.first();
            const double ipd = QLineF(truth.leftEye, truth.rightEye).length();
            const double el = QLineF(rep.face.leftEye, truth.leftEye).length(), er = QLineF(rep.face.rightEye, truth.rightEye).length();
            QVERIFY2(el < 0.1 * ipd && er < 0.1 * ipd, qPrintable(QStringLiteral("%1: %2 / %3 px").arg(QLatin1String(person)).arg(el).arg(er)));
            QVERIFY2(status(rep, "pose.roll") == QLatin1String("pass"), person);
        }
    }

    // The pupils on compliant photos of both producers lie where the producer put them (the FRLL
    // annotation carried through its transform): per eye within 0.06 of the pupil distance, median
    // under 0.03 (the eye cascade's pupils, used before 2.2.0: median 0.033, 90th percentile 0.15).
    void pupilsNearTruth()
    {
        REQUIRE_FACES();
        std::vector<double> errors;
        for (const QString &person : frllPeople(facesDir()).mid(0, 8)) {
            QByteArray bytes;
            QPointF l, r;
            QVERIFY(loadFrll(facesDir(), person, false, &bytes, &l, &r));
            for (const ProducerMethod m : {ProducerMethod::A, ProducerMethod::B}) {
                const QList<Fixture> fx = makeFixtures(bytes, l, r, person, {QStringLiteral("none")}, {}, nullptr, {}, {}, {}, m);
                QCOMPARE(fx.size(), 1);
                const Fixture &f = fx.first();
                const CheckReport rep = engine().check(f.bytes);
                QVERIFY2(rep.face.found, qPrintable(person));
                const double ipd = QLineF(f.leftEye, f.rightEye).length();
                for (const double e : {QLineF(rep.face.leftEye, f.leftEye).length() / ipd, QLineF(rep.face.rightEye, f.rightEye).length() / ipd}) {
                    QVERIFY2(e < 0.06, qPrintable(QStringLiteral("%1: %2 of the pupil distance").arg(person).arg(e)));
                    errors.push_back(e);
                }
            }
        }
        std::sort(errors.begin(), errors.end());
        QVERIFY2(errors[errors.size() / 2] < 0.03, qPrintable(QString::number(errors[errors.size() / 2])));
    }

    // Glasses are found by a frame's edge across the nose bridge: the Yale tune subjects (01-04) with
    // their glasses (clear lenses, and 03's sunglasses) and the framed tinted-glasses fixtures are
    // found; the same Yale subjects without glasses and compliant FRLL photos are not, and then the
    // glasses rules pass with "no glasses found".
    void glassesFoundByFrame()
    {
        REQUIRE_FACES();
        for (const char *sub : {"subject01", "subject02", "subject03", "subject04"}) {
            const QString dir = facesDir() + QStringLiteral("/yale/") + QLatin1String(sub);
            const CheckReport with = engine().check(readFile(dir + QStringLiteral(".glasses.png")));
            const CheckReport without = engine().check(readFile(dir + QStringLiteral(".noglasses.png")));
            QVERIFY2(with.face.glasses == QLatin1String("found"), qPrintable(QStringLiteral("%1: %2 (bridge %3)").arg(QLatin1String(sub), with.face.glasses).arg(with.face.glassesBridge)));
            QVERIFY2(without.face.glasses == QLatin1String("none"), qPrintable(QStringLiteral("%1: %2 (bridge %3)").arg(QLatin1String(sub), without.face.glasses).arg(without.face.glassesBridge)));
            for (const char *rule : {"glasses.tinted", "glasses.reflection"}) {
                QCOMPARE(status(without, rule), QStringLiteral("pass"));
                QCOMPARE(without.result(QLatin1String(rule))->why, QStringLiteral("no glasses found"));
            }
        }
        // Subject 03's sunglasses are tinted.
        QCOMPARE(status(engine().check(readFile(facesDir() + QStringLiteral("/yale/subject03.glasses.png"))), "glasses.tinted"), QStringLiteral("fail"));
        for (const char *person : {"002", "004", "012"}) {
            QByteArray bytes;
            QPointF l, r;
            QVERIFY(loadFrll(facesDir(), QLatin1String(person), false, &bytes, &l, &r));
            const QList<Fixture> fx = makeFixtures(bytes, l, r, QLatin1String(person), {QStringLiteral("tinted_glasses")}, {2, 3});
            QCOMPARE(fx.size(), 3);
            const CheckReport plain = engine().check(fx.first().bytes);
            QVERIFY2(plain.face.glasses == QLatin1String("none"), person);
            QCOMPARE(status(plain, "glasses.tinted"), QStringLiteral("pass"));
            for (const Fixture &f : fx.mid(1)) {
                const CheckReport rep = engine().check(f.bytes);
                QVERIFY2(rep.face.glasses == QLatin1String("found"), person);
                QVERIFY2(status(rep, "glasses.tinted") == QLatin1String("fail"), qPrintable(QStringLiteral("%1 level %2").arg(QLatin1String(person)).arg(f.level)));
            }
        }
    }

    // The outside set's false rejections: glasses.tinted on people who wear no glasses, a dark-skinned
    // man and a woman with dark eye make-up. Every FRLL person who says they are black passes on their
    // compliant photo; so does a compliant photo with the eyelids and sockets darkened around the
    // landmarks' eye contours (eye shadow, eyeliner) - also when the glasses finding is forced to
    // "found", so the lens measure itself (lens area without the eye, against the cheeks and forehead)
    // is not fooled by it, while the same darkening over the whole lens area is.
    void tintedNotDarkSkinOrMakeup()
    {
        REQUIRE_FACES();
        QStringList black;
        QFile tsv(facesDir() + QStringLiteral("/frll/people.tsv"));
        QVERIFY(tsv.open(QIODevice::ReadOnly | QIODevice::Text));
        for (const QByteArray &line : tsv.readAll().split('\n'))
            if (const QList<QByteArray> f = line.trimmed().split('\t'); f.size() >= 4 && f[3] == "black")
                black << QString::fromUtf8(f[0]);
        QVERIFY(black.size() >= 5);
        for (const QString &person : black) {
            const CheckReport rep = engine().check(produced(person));
            QVERIFY2(status(rep, "glasses.tinted") == QLatin1String("pass"), qPrintable(person));
            qInfo("%s: glasses %s (bridge %.3f), glasses.tinted %s", qPrintable(person), qPrintable(rep.face.glasses), rep.face.glassesBridge,
                  qPrintable(status(rep, "glasses.tinted")));
        }
        QString err;
        const CheckProfile forced = CheckProfile::fromJson(R"({"rules":{"glasses.tinted":{"bridgeFound":-1,"bridgeNone":-1}}})", &err);
        QVERIFY2(forced.isValid(), qPrintable(err));
        const CheckEngine always(forced);
        for (const char *person : {"001", "003", "010", "025", "044"}) {
            const QByteArray jpeg = produced(QLatin1String(person));
            const CheckReport plain = engine().check(jpeg);
            QCOMPARE(plain.face.landmarks.size(), 68);
            const auto darkened = [&](bool wholeLens) {
                cv::Mat bgr = cv::imdecode(cv::Mat(1, int(jpeg.size()), CV_8UC1, const_cast<char *>(jpeg.constData())), cv::IMREAD_COLOR);
                const auto at = [&](int i) { return cv::Point(qRound(plain.face.landmarks[i].x()), qRound(plain.face.landmarks[i].y())); };
                const double ipd = QLineF(plain.face.leftEye, plain.face.rightEye).length();
                cv::Mat mask = cv::Mat::zeros(bgr.size(), CV_32F);
                for (int side = 0; side < 2; ++side) {
                    const int eye = side == 0 ? 36 : 42, brow = side == 0 ? 17 : 22;
                    if (wholeLens) {
                        const QPointF c = side == 0 ? plain.face.leftEye : plain.face.rightEye;
                        cv::ellipse(mask, cv::Point(qRound(c.x()), qRound(c.y())), cv::Size(int(0.4 * ipd), int(0.28 * ipd)), 0, 0, 360, cv::Scalar(1), cv::FILLED);
                        continue;
                    }
                    // Eye shadow: from the upper lid up to two thirds of the way to the brow.
                    std::vector<cv::Point> lid;
                    for (int k : {0, 1, 2, 3})
                        lid.push_back(at(eye + k));
                    std::vector<cv::Point> poly = lid;
                    for (int k = 3; k >= 0; --k) {
                        const cv::Point b = at(brow + (side == 0 ? k + 1 : 3 - k)), e = lid[size_t(k)];
                        poly.push_back(e + (b - e) * 2 / 3);
                    }
                    cv::fillPoly(mask, std::vector<std::vector<cv::Point>>{poly}, cv::Scalar(1));
                    // Eyeliner along the whole contour.
                    std::vector<cv::Point> contour;
                    for (int k = 0; k < 6; ++k)
                        contour.push_back(at(eye + k));
                    cv::polylines(mask, std::vector<std::vector<cv::Point>>{contour}, true, cv::Scalar(1), std::max(2, int(0.04 * ipd)));
                }
                cv::GaussianBlur(mask, mask, cv::Size(0, 0), std::max(1.0, 0.02 * ipd));
                for (int y = 0; y < bgr.rows; ++y)
                    for (int x = 0; x < bgr.cols; ++x) {
                        const float k = 1.f - 0.6f * mask.at<float>(y, x);   // 60% darker where painted
                        cv::Vec3b &v = bgr.at<cv::Vec3b>(y, x);
                        for (int ch = 0; ch < 3; ++ch)
                            v[ch] = cv::saturate_cast<uchar>(v[ch] * k);
                    }
                std::vector<uchar> out;
                cv::imencode(".jpg", bgr, out, {cv::IMWRITE_JPEG_QUALITY, 90});
                return QByteArray(reinterpret_cast<const char *>(out.data()), qsizetype(out.size()));
            };
            const QByteArray makeup = darkened(false);
            const CheckReport rep = engine().check(makeup);
            QVERIFY2(status(rep, "glasses.tinted") == QLatin1String("pass"), person);
            QVERIFY2(status(always.check(makeup), "glasses.tinted") == QLatin1String("pass"), person);
            QVERIFY2(status(always.check(darkened(true)), "glasses.tinted") == QLatin1String("fail"), person);
        }
    }

    // Clear glasses under Yale's top light: the eye sockets behind the lenses are dark, so the lens
    // area is as dark as a tint's (subject 02: lens/skin 0.27 against 0.56), but the lens's lower part
    // is as bright as the cheek below its rim, which a tint never is. The tune subjects' clear glasses
    // pass (02 by that measure, with its reason), subject 03's sunglasses still fail.
    // Also asserted, as a regression guard only, on the held-out subjects' clear glasses (05, 07, 08;
    // failed with engine 2.1.0 at lens/skin 0.37-0.47): they were looked at after the threshold was set
    // on the tune half, never used to set it.
    void tintedNotClearGlassesUnderTopLight()
    {
        REQUIRE_FACES();
        const auto yale = [](const char *file) { return engine().check(readFile(facesDir() + QStringLiteral("/yale/") + QLatin1String(file))); };
        for (const char *f : {"subject01.glasses.png", "subject02.glasses.png", "subject04.glasses.png", "subject05.glasses.png", "subject07.glasses.png",
                              "subject08.glasses.png"}) {
            const CheckReport rep = yale(f);
            QVERIFY2(rep.face.glasses == QLatin1String("found"), f);
            const RuleResult *res = rep.result(QStringLiteral("glasses.tinted"));
            QVERIFY2(res && res->status == RuleStatus::Pass, qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(f), res ? res->why : QString())));
        }
        const RuleResult *two = yale("subject02.glasses.png").result(QStringLiteral("glasses.tinted"));
        QVERIFY(two && two->value && *two->value < 0.56);
        QVERIFY2(two->why.startsWith(QLatin1String("lens as bright as the skin below its rim")), qPrintable(two->why));
        const CheckReport sun = yale("subject03.glasses.png");
        QCOMPARE(status(sun, "glasses.tinted"), QStringLiteral("fail"));
        QVERIFY(sun.result(QStringLiteral("glasses.tinted"))->why.isEmpty());
    }

    // Glare that hides the eye pulls the landmarks' eye contour (and the pupil found in it) down onto
    // the lower rim; glasses.reflection then has to look above the located pupil. Tune-half people
    // whose strong glare (level 3) engine 2.3.0 passed; Yale's clear glasses, whose rims catch small
    // highlights but no glare over the eyes, still pass (a regression guard on real photos).
    void glareAboveTheLocatedPupil()
    {
        REQUIRE_FACES();
        for (const QString &person : {QStringLiteral("006"), QStringLiteral("012")}) {
            const QList<Fixture> fx = fixturesOf(person, {QStringLiteral("glasses_glare")}, {3});
            QCOMPARE(fx.size(), 2);
            const CheckReport rep = engine().check(fx.last().bytes);
            QCOMPARE(rep.face.glasses, QStringLiteral("found"));
            // The located pupil sits below the true one (the glare covers the upper eye).
            QVERIFY2(rep.face.leftEye.y() > fx.last().leftEye.y() + 5, qPrintable(QStringLiteral("%1: pupil %2, truth %3").arg(person).arg(rep.face.leftEye.y()).arg(fx.last().leftEye.y())));
            QCOMPARE(status(rep, "glasses.reflection"), QStringLiteral("fail"));
        }
        for (const char *f : {"subject01.glasses.png", "subject02.glasses.png", "subject04.glasses.png", "subject05.glasses.png", "subject07.glasses.png",
                              "subject08.glasses.png"}) {
            const CheckReport rep = engine().check(readFile(facesDir() + QStringLiteral("/yale/") + QLatin1String(f)));
            QCOMPARE(rep.face.glasses, QStringLiteral("found"));
            QVERIFY2(status(rep, "glasses.reflection") == QLatin1String("pass"), f);
        }
    }

    // FRLL 013 wears her own large gold earrings: one solid blob per ear, which the speck count (made
    // for small lit links) let pass. Her produced photo fails jewellery for the earring itself; the
    // people beside her in the tune half, who wear none, pass.
    void realEarringsFound()
    {
        REQUIRE_FACES();
        const CheckReport rep = engine().check(produced(QStringLiteral("013")));
        const RuleResult *res = rep.result(QStringLiteral("jewellery"));
        QVERIFY(res);
        QCOMPARE(toString(res->status), QStringLiteral("fail"));
        QCOMPARE(res->why, QStringLiteral("earring at the earlobe"));
        QVERIFY(res->value && *res->value <= 4);   // not by the speck count
        QCOMPARE(res->geometry.size(), 1);
        // The earring's box lies beside the face, at the earlobe's height (below the eyes, above the mouth).
        const QRectF box = res->geometry.first().rect;
        QVERIFY2(box.center().x() < rep.face.leftEye.x() - 50 || box.center().x() > rep.face.rightEye.x() + 50, qPrintable(QString::number(box.center().x())));
        QVERIFY(box.center().y() > rep.face.leftEye.y() && box.center().y() < rep.face.mouth.y());
        for (const char *person : {"011", "012", "014"})
            QCOMPARE(status(engine().check(produced(QLatin1String(person))), "jewellery"), QStringLiteral("pass"));
        // Producer B places her a little differently: one earring then lies just outside the speck box.
        QByteArray bytes;
        QPointF l, r;
        QVERIFY(loadFrll(facesDir(), QStringLiteral("013"), false, &bytes, &l, &r));
        const QList<Fixture> b = makeFixtures(bytes, l, r, QStringLiteral("013"), {QStringLiteral("none")}, {}, nullptr, {}, {}, {}, ProducerMethod::B);
        QCOMPARE(b.size(), 1);
        const RuleResult *rb = engine().check(b.first().bytes).result(QStringLiteral("jewellery"));
        QVERIFY(rb && rb->status == RuleStatus::Fail && rb->why == QLatin1String("earring at the earlobe"));
    }

    // Real shaved heads (held-out FRLL 037, stubble at the temples: 'smooth fabric beside the temples'
    // with engine 2.1.0) pass head.covering - a regression guard only, looked at after the scalp test
    // was set on the tune half. FRLL 068's smile (also shaved) still fails: a known miss, kept as an
    // expected failure that turns into a failure (XPASS) once fixed. Yale subject05 (bald, greyscale)
    // is uncertain: without colour the scalp cannot be told from fabric.
    void headCoveringNotShavedHead()
    {
        REQUIRE_FACES();
        for (const bool smiling : {false, true}) {
            const CheckReport rep = engine().check(produced(QStringLiteral("037"), smiling));
            const RuleResult *res = rep.result(QStringLiteral("head.covering"));
            QVERIFY(res);
            QVERIFY2(res->status == RuleStatus::Pass, qPrintable(QStringLiteral("037%1: %2 (%3)").arg(smiling ? QStringLiteral(" smiling") : QString(), toString(res->status), res->why)));
        }
        for (const char *f : {"subject05.glasses.png", "subject05.happy.png"}) {
            const RuleResult *res = engine().check(readFile(facesDir() + QStringLiteral("/yale/") + QLatin1String(f))).result(QStringLiteral("head.covering"));
            QVERIFY(res);
            QVERIFY2(res->status != RuleStatus::Fail, f);
        }
        const RuleResult *res = engine().check(produced(QStringLiteral("068"), true)).result(QStringLiteral("head.covering"));
        QVERIFY(res);
        QEXPECT_FAIL("", "known miss (EVALUATION.md): 068's smiling photo, a shaved head, fails head.covering at the temples", Continue);
        QCOMPARE(toString(res->status), QStringLiteral("pass"));
    }

    // A shaved head: the hair above the brows and beside the temples replaced by smooth skin-hued
    // stubble (the person's own skin colour, 30 L* darker, half its chroma, a faint grain) is not a head
    // covering, while the same area in smooth dark fabric (navy, black, bottle green) is; in greyscale
    // the fabric never fails (no hue to tell it from a scalp). Tune-half people of several skin tones.
    void headCoveringNotBareScalp()
    {
        REQUIRE_FACES();
        QStringList problems;
        int greyUncertain = 0;
        for (const char *person : {"005", "008", "012", "025"}) {
            const QByteArray jpeg = produced(QLatin1String(person));
            const CheckReport plain = engine().check(jpeg);
            QCOMPARE(plain.face.landmarks.size(), 68);
            QCOMPARE(status(plain, "head.covering"), QStringLiteral("pass"));
            const cv::Mat bgr = cv::imdecode(cv::Mat(1, int(jpeg.size()), CV_8UC1, const_cast<char *>(jpeg.constData())), cv::IMREAD_COLOR);
            cv::Mat lab;
            cv::cvtColor(bgr, lab, cv::COLOR_BGR2Lab);
            const QPointF le = plain.face.leftEye, re = plain.face.rightEye, mid = (le + re) / 2;
            const double ipd = QLineF(le, re).length();
            // The person's skin: the median of the cheeks under the eyes (OpenCV's 8-bit Lab).
            std::vector<uchar> ch[3];
            for (const QPointF &e : {le, re})
                for (int y = int(e.y() + 0.4 * ipd); y < int(e.y() + 0.65 * ipd); ++y)
                    for (int x = int(e.x() - 0.12 * ipd); x < int(e.x() + 0.12 * ipd); ++x)
                        for (int k = 0; k < 3; ++k)
                            ch[k].push_back(lab.at<cv::Vec3b>(y, x)[k]);
            double skin[3];
            for (int k = 0; k < 3; ++k) {
                std::nth_element(ch[k].begin(), ch[k].begin() + long(ch[k].size() / 2), ch[k].end());
                skin[k] = ch[k][ch[k].size() / 2];
            }
            const cv::Vec3b bg(255, 197, 100);   // the produced background (BGR)
            const auto painted = [&](double L, double a, double b) {   // L 0-100, a/b signed
                cv::Mat out = lab.clone();
                cv::RNG rng(7);
                for (int y = 0; y < out.rows; ++y)
                    for (int x = 0; x < out.cols; ++x) {
                        const bool above = y < mid.y() - 0.65 * ipd;
                        const bool temple = y < mid.y() - 0.1 * ipd && std::abs(x - mid.x()) > 0.95 * ipd;
                        if ((!above && !temple) || cv::norm(cv::Vec3d(bgr.at<cv::Vec3b>(y, x)) - cv::Vec3d(bg)) < 60)
                            continue;
                        out.at<cv::Vec3b>(y, x) = cv::Vec3b(cv::saturate_cast<uchar>((L + rng.gaussian(0.4)) * 255 / 100), cv::saturate_cast<uchar>(a + 128),
                                                            cv::saturate_cast<uchar>(b + 128));
                    }
                cv::Mat back;
                cv::cvtColor(out, back, cv::COLOR_Lab2BGR);
                std::vector<uchar> enc;
                cv::imencode(".jpg", back, enc, {cv::IMWRITE_JPEG_QUALITY, 90});
                return QByteArray(reinterpret_cast<const char *>(enc.data()), qsizetype(enc.size()));
            };
            const double skinL = skin[0] * 100 / 255, skinA = skin[1] - 128, skinB = skin[2] - 128;
            const RuleResult *res = nullptr;
            const CheckReport shaved = engine().check(painted(std::max(12.0, skinL - 30), 0.5 * skinA, 0.5 * skinB));
            res = shaved.result(QStringLiteral("head.covering"));
            if (!res || res->status == RuleStatus::Fail)
                problems << QStringLiteral("%1 stubble: %2").arg(QLatin1String(person), res ? res->why : QStringLiteral("absent"));
            const struct { const char *name; double L, a, b; } fabrics[] = {{"navy", 22, 8, -32}, {"black", 12, 0, 0}, {"green", 30, -30, 15}};
            for (const auto &f : fabrics) {
                const QByteArray capJpeg = painted(f.L, f.a, f.b);
                res = engine().check(capJpeg).result(QStringLiteral("head.covering"));
                if (!res || res->status != RuleStatus::Fail)
                    problems << QStringLiteral("%1 %2: %3").arg(QLatin1String(person), QLatin1String(f.name), res ? toString(res->status) : QStringLiteral("absent"));
                // The same photo in greyscale: no hue to tell the cap from a scalp, so never a failure
                // by texture - a reviewer decides (or, a cap as light as the skin, it is not seen).
                const QImage grey = QImage::fromData(capJpeg).convertToFormat(QImage::Format_Grayscale8);
                const CheckReport greyRep = engine().check(encode(grey, "JPEG", 90));
                res = greyRep.result(QStringLiteral("head.covering"));
                if (!res || res->status == RuleStatus::Fail
                    || (res->status == RuleStatus::Uncertain && res->why != QLatin1String("no colour: fabric cannot be told from a bare scalp")))
                    problems << QStringLiteral("%1 %2 greyscale: %3 (%4)").arg(QLatin1String(person), QLatin1String(f.name), res ? toString(res->status) : QStringLiteral("absent"), res ? res->why : QString());
                greyUncertain += res && res->status == RuleStatus::Uncertain;
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
        QVERIFY2(greyUncertain >= 6, qPrintable(QString::number(greyUncertain)));   // of 12
    }

    // Strong uniform blur (the whole photo, background included, Gaussian sigma 3 px) fails
    // image.sharpness on every person, and mostly also when sensor noise came after the blur (noise sigma 4): the
    // noise refills the finest band, so the band ratio alone passes such photos (checked here with the
    // edge measure switched off), and the absolute edge energy at the eyes and lips catches them. The
    // compliant photos of the same people pass. Not every noisy one is caught: on 061 (dark skin, low
    // contrast at the eyes) the noise refills the edge measure too; at least 5 of the 6 must be.
    void sharpnessCatchesUniformBlur()
    {
        REQUIRE_FACES();
        QString err;
        const CheckProfile ratioOnly = CheckProfile::fromJson(R"({"rules":{"image.sharpness":{"minEdgeEnergy":0}}})", &err);
        QVERIFY2(ratioOnly.isValid(), qPrintable(err));
        const CheckEngine bandRatio(ratioOnly);
        int ratioMissed = 0, noisyCaught = 0;
        for (const char *person : {"002", "004", "012", "025", "044", "061"}) {
            const QByteArray jpeg = produced(QLatin1String(person));
            QCOMPARE(status(engine().check(jpeg), "image.sharpness"), QStringLiteral("pass"));
            cv::Mat bgr = cv::imdecode(cv::Mat(1, int(jpeg.size()), CV_8UC1, const_cast<char *>(jpeg.constData())), cv::IMREAD_COLOR);
            cv::GaussianBlur(bgr, bgr, cv::Size(0, 0), 3);
            const auto encoded = [](const cv::Mat &m) {
                std::vector<uchar> out;
                cv::imencode(".jpg", m, out, {cv::IMWRITE_JPEG_QUALITY, 90});
                return QByteArray(reinterpret_cast<const char *>(out.data()), qsizetype(out.size()));
            };
            QVERIFY2(status(engine().check(encoded(bgr)), "image.sharpness") == QLatin1String("fail"), person);
            cv::Mat noise(bgr.size(), CV_16SC3), noisy;
            cv::theRNG().state = 1234;
            cv::randn(noise, 0, 4);
            bgr.convertTo(noisy, CV_16SC3);
            noisy += noise;
            noisy.convertTo(noisy, CV_8UC3);
            const QByteArray blurredNoisy = encoded(noisy);
            const CheckReport rep = engine().check(blurredNoisy);
            const bool caught = status(rep, "image.sharpness") == QLatin1String("fail");
            noisyCaught += caught;
            qInfo("%s blurred + noise: %s, %s", person, caught ? "fail" : "pass", qPrintable(rep.result(QStringLiteral("image.sharpness"))->why));
            ratioMissed += status(bandRatio.check(blurredNoisy), "image.sharpness") == QLatin1String("pass");
        }
        qInfo("band ratio alone passed %d of 6 blurred photos with noise", ratioMissed);
        QVERIFY(ratioMissed >= 3);
        QVERIFY2(noisyCaught >= 5, qPrintable(QString::number(noisyCaught)));
    }

    // The outside set's false rejection of geometry.face_width on a narrow ordinary face: the four
    // FRLL people with the narrowest faces on their compliant photos, measured by the jaw contour
    // (widest of the landmark pairs 0-16, 1-15, 2-14, 3-13), pass the rule.
    void narrowestFacesPassFaceWidth()
    {
        REQUIRE_FACES();
        const QStringList people = frllPeople(facesDir());
        QVERIFY(people.size() >= 40);
        struct Width
        {
            QString person;
            double jaw = 0;
            QString status;
            double value = 0;
        };
        const QList<Width> widths = QtConcurrent::blockingMapped<QList<Width>>(people, std::function<Width(const QString &)>([](const QString &person) {
            const CheckReport rep = engine().check(produced(person));
            Width w{person, 1e9, status(rep, "geometry.face_width"), -1};
            if (rep.face.landmarks.size() == 68) {
                w.jaw = 0;
                for (int i = 0; i <= 3; ++i)
                    w.jaw = std::max(w.jaw, QLineF(rep.face.landmarks[i], rep.face.landmarks[16 - i]).length());
            }
            if (const RuleResult *r = rep.result(QStringLiteral("geometry.face_width")); r && r->value)
                w.value = *r->value;
            return w;
        }));
        QList<Width> sorted = widths;
        std::sort(sorted.begin(), sorted.end(), [](const Width &a, const Width &b) { return a.jaw < b.jaw; });
        QVERIFY(sorted.first().jaw < 1e9);
        for (const Width &w : sorted.mid(0, 4)) {
            qInfo("%s: jaw %.0f px, geometry.face_width %.0f %s", qPrintable(w.person), w.jaw, w.value, qPrintable(w.status));
            QVERIFY2(w.status == QLatin1String("pass"), qPrintable(w.person));
        }
    }

    // eyes.open on the landmarks' eye aspect ratio: real closed eyes (Yale "sleepy", a wink) fail,
    // the same subjects with open eyes and produced compliant photos pass.
    void eyesOpenLandmarks()
    {
        REQUIRE_FACES();
        for (const char *f : {"subject03.sleepy.png", "subject04.wink.png"}) {
            const CheckReport rep = engine().check(readFile(facesDir() + QStringLiteral("/yale/") + QLatin1String(f)));
            QVERIFY2(rep.face.landmarks.size() == 68, f);
            QVERIFY2(status(rep, "eyes.open") == QLatin1String("fail"), f);
        }
        for (const char *f : {"subject03.normal.png", "subject02.noglasses.png"})
            QVERIFY2(status(engine().check(readFile(facesDir() + QStringLiteral("/yale/") + QLatin1String(f))), "eyes.open") == QLatin1String("pass"), f);
        for (const char *person : {"001", "005", "012", "037"})
            QVERIFY2(status(engine().check(produced(QLatin1String(person))), "eyes.open") == QLatin1String("pass"), person);
    }

    // mouth.closed on the inner lip contour: FRLL smiles that show teeth fail; the same people
    // neutral pass, and so do bearded men (037, 041 and 022's goatee: dark hair around the lips).
    void mouthClosedLandmarks()
    {
        REQUIRE_FACES();
        for (const char *person : {"002", "009", "010", "025", "026"}) {
            QVERIFY2(status(engine().check(produced(QLatin1String(person), true)), "mouth.closed") == QLatin1String("fail"), person);
            QVERIFY2(status(engine().check(produced(QLatin1String(person))), "mouth.closed") == QLatin1String("pass"), person);
        }
        for (const char *person : {"037", "041", "022"})
            QVERIFY2(status(engine().check(produced(QLatin1String(person))), "mouth.closed") == QLatin1String("pass"), person);
        // An open mouth in greyscale (Yale "surprised"): the lip gap alone decides.
        QCOMPARE(status(engine().check(readFile(facesDir() + QStringLiteral("/yale/subject01.surprised.png"))), "mouth.closed"),
                 QStringLiteral("fail"));
    }

    // pose.yaw and pose.pitch from solvePnP on the landmarks: a head turned (22 deg) or raised /
    // lowered (30 deg) in 3-D fails; the same compliant photos pass.
    void poseFromLandmarks()
    {
        REQUIRE_FACES();
        const auto check = [](const char *person, const char *defect, int level, const char *rule) {
            QByteArray bytes;
            QPointF l, r;
            if (!loadFrll(facesDir(), QLatin1String(person), false, &bytes, &l, &r))
                return QStringLiteral("no portrait");
            const QList<Fixture> fx = makeFixtures(bytes, l, r, QLatin1String(person), {QLatin1String(defect)}, {level});
            if (fx.size() != 2)
                return QStringLiteral("no fixture");
            return QString(status(engine().check(fx.first().bytes), rule) + QLatin1Char('/') + status(engine().check(fx.last().bytes), rule));
        };
        for (const char *person : {"001", "002", "003", "004"})
            QCOMPARE(check(person, "yaw", 2, "pose.yaw"), QStringLiteral("pass/fail"));
        for (const char *person : {"002", "008", "011", "013"})
            QCOMPARE(check(person, "pitch", 3, "pose.pitch"), QStringLiteral("pass/fail"));
    }

    // pose.yaw from the nose tip: the generic face itself, turned by a known angle and projected
    // through a camera, gives that angle back (sign and scale), as does the six-point fit; the drawn
    // axes turn with it. Then real faces: the compliant photos of the East Asian FRLL people (our
    // population; 067 was rejected at 13.1 deg by the six-point fit's yaw) pass.
    void yawFromNoseTip()
    {
        using namespace tucai::checks::detail;
        const cv::Point3d model[] = {{0, 0, 0}, {0, 330, 65}, {-225, -170, 135}, {225, -170, 135}, {-150, 150, 125}, {150, 150, 125}};
        const int index[] = {lm::kNoseTip, lm::kChin, lm::kLeftEyeOuter, lm::kRightEyeOuter, lm::kMouthLeft, lm::kMouthRight};
        const cv::Size photo(480, 640);
        for (double deg : {-20.0, -8.0, 0.0, 5.0, 14.0}) {
            const double a = -deg * 3.14159265358979323846 / 180;   // Ry(a): the nose towards the image left for a > 0
            Landmarks marks;
            for (int i = 0; i < 6; ++i) {
                const cv::Point3d &m = model[i];
                const double x = m.x * std::cos(a) + m.z * std::sin(a), z = -m.x * std::sin(a) + m.z * std::cos(a) + 1500;
                marks.pts[size_t(index[i])] = cv::Point2f(float(240 + 480 * x / z), float(300 + 480 * m.y / z));
            }
            for (int i = 0; i < 6; ++i) {   // eye contours: only their means are read (the pupil distance)
                marks.pts[size_t(lm::kLeftEyeFirst + i)] = marks[lm::kLeftEyeOuter];
                marks.pts[size_t(lm::kRightEyeFirst + i)] = marks[lm::kRightEyeOuter];
            }
            marks.valid = true;
            const HeadPose pose = headPose(marks, photo);
            QVERIFY(pose.valid);
            QVERIFY2(std::abs(pose.yaw - deg) < 1.0, qPrintable(QStringLiteral("%1 deg measured %2").arg(deg).arg(pose.yaw)));
            QVERIFY2(std::abs(pose.fitYaw - deg) < 1.0, qPrintable(QStringLiteral("%1 deg fitted %2").arg(deg).arg(pose.fitYaw)));
            // The z axis (towards the camera) points the way the nose turned.
            const double dx = pose.axes[3].x - pose.axes[0].x;
            QVERIFY2(deg == 0 ? std::abs(dx) < 3 : (dx > 0) == (deg > 0), qPrintable(QString::number(dx)));
        }
        REQUIRE_FACES();
        for (const char *person : {"005", "024", "030", "034", "036", "045", "067"}) {
            const CheckReport rep = engine().check(produced(QLatin1String(person)));
            QVERIFY2(status(rep, "pose.yaw") == QLatin1String("pass"),
                     qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(person)).arg(rep.result(QStringLiteral("pose.yaw"))->value.value_or(-99))));
        }
    }

    // No face, or a face without landmarks: the landmark rules cannot decide and say so (uncertain,
    // never a guess).
    void landmarkRulesUncertainWithoutFace()
    {
        QImage flat(480, 640, QImage::Format_RGB32);
        flat.fill(QColor(100, 197, 255));
        const CheckReport rep = engine().check(encode(flat, "JPEG", 90));
        QVERIFY(rep.decoded);
        QVERIFY(!rep.face.found);
        for (const char *rule : {"eyes.open", "mouth.closed", "pose.yaw", "pose.pitch"}) {
            QVERIFY2(status(rep, rule) == QLatin1String("uncertain"), rule);
            QVERIFY(!rep.result(QLatin1String(rule))->value.has_value());
        }
        QVERIFY(!rep.passed);
    }

    // Every reason a rule gives for not deciding reaches the reviewer in their language:
    // whyText() knows each text the engine produces on a wide mix of photos (a translator
    // that marks what it translates shows which ones it recognised).
    void everyWhyIsTranslatable()
    {
        struct Marking final : QTranslator
        {
            QString translate(const char *context, const char *source, const char *, int) const override
            {
                return qstrcmp(context, "CheckWhy") == 0 ? QStringLiteral("[zh]") + QString::fromUtf8(source) : QString();
            }
            bool isEmpty() const override { return false; }
        } marking;
        QCoreApplication::installTranslator(&marking);
        QList<QByteArray> photos;
        QImage flat(480, 640, QImage::Format_RGB32);
        flat.fill(QColor(100, 197, 255));
        photos << encode(flat, "JPEG", 90) << encode(flat.scaled(640, 480), "JPEG", 90) << encode(flat.scaled(60, 80), "PNG");
        QImage grey(480, 640, QImage::Format_Grayscale8);
        grey.fill(128);
        photos << encode(grey, "JPEG", 90);
        if (!facesDir().isEmpty()) {
            for (const QString &person : frllPeople(facesDir()).mid(0, 6)) {
                QByteArray bytes;
                QPointF l, r;
                if (!loadFrll(facesDir(), person, false, &bytes, &l, &r))
                    continue;
                for (const Fixture &f : makeFixtures(bytes, l, r, person, {}, {2}))
                    photos << f.bytes;
                photos << produced(person, true);
            }
            QDirIterator yale(facesDir() + QStringLiteral("/yale"), QDir::Files);
            for (int i = 0; yale.hasNext() && i < 40; ++i)
                photos << readFile(yale.next());
        }
        QSet<QString> seen;
        QStringList unknown;
        for (const QByteArray &bytes : std::as_const(photos))
            for (const RuleResult &r : engine().check(bytes).results)
                if (!r.why.isEmpty() && !seen.contains(r.why)) {
                    seen.insert(r.why);
                    if (!whyText(r.why).startsWith(QLatin1String("[zh]")))
                        unknown << r.why;
                }
        QCoreApplication::removeTranslator(&marking);
        QVERIFY2(unknown.isEmpty(), qPrintable(unknown.join(QStringLiteral(" | "))));
        QVERIFY2(seen.size() >= 5, qPrintable(QStringList(seen.values()).join(QStringLiteral(" | "))));
        qInfo("%d different reasons seen, all translatable", int(seen.size()));
    }

    void reportJson()
    {
        REQUIRE_FACES();
        const CheckReport rep = engine().check(produced(QStringLiteral("004")), QStringLiteral("004.jpg"));
        const QJsonObject o = rep.toJson();
        for (const char *key : {"engine", "profile", "profileVersion", "decoded", "error", "errorCode", "width", "height", "passed",
                                "ms", "detector", "face", "results"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        QCOMPARE(o.value(QStringLiteral("engine")).toString(), CheckEngine::version());
        QVERIFY(o.value(QStringLiteral("error")).isNull());
        const QJsonObject face = o.value(QStringLiteral("face")).toObject();
        QCOMPARE(face.value(QStringLiteral("box")).toArray().size(), 4);
        QCOMPARE(face.value(QStringLiteral("leftEye")).toArray().size(), 2);
        const QJsonObject first = o.value(QStringLiteral("results")).toArray().first().toObject();
        for (const char *key : {"rule", "status", "severity", "value", "threshold", "message", "messageZh", "why", "geometry"})
            QVERIFY2(first.contains(QLatin1String(key)), key);
        // Round trip through text.
        bool ok = false;
        const CheckReport back = CheckReport::fromJson(QJsonDocument::fromJson(QJsonDocument(o).toJson()).object(), &ok);
        QVERIFY(ok);
        QCOMPARE(back.results.size(), rep.results.size());
        QCOMPARE(back.passed, rep.passed);
        QCOMPARE(back.face.leftEye.toPoint(), rep.face.leftEye.toPoint());
        // The landmarks and the head pose travel with the report.
        QCOMPARE(face.value(QStringLiteral("landmarks")).toArray().size(), 68);
        QCOMPARE(face.value(QStringLiteral("pose")).toObject().value(QStringLiteral("axes")).toArray().size(), 4);
        QCOMPARE(back.face.landmarks.size(), 68);
        QCOMPARE(back.face.poseAxes.size(), 4);
        QCOMPARE(qRound(back.face.yaw * 10), qRound(rep.face.yaw * 10));
        // So does the glasses finding (004 wears none).
        QCOMPARE(rep.face.glasses, QStringLiteral("none"));
        QCOMPARE(face.value(QStringLiteral("glasses")).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("none"));
        QCOMPARE(back.face.glasses, rep.face.glasses);
        QCOMPARE(qRound(back.face.glassesBridge * 100), qRound(rep.face.glassesBridge * 100));
        for (int i = 0; i < rep.results.size(); ++i) {
            QCOMPARE(back.results[i].rule, rep.results[i].rule);
            QCOMPARE(toString(back.results[i].status), toString(rep.results[i].status));
            QCOMPARE(back.results[i].geometry.size(), rep.results[i].geometry.size());
        }
        QCOMPARE(back.toJson(), QJsonDocument::fromJson(QJsonDocument(o).toJson()).object());
    }

    void threads()
    {
        REQUIRE_FACES();
        // One engine used from several threads at once gives the same answers as one thread.
        QList<QByteArray> photos;
        for (const QString &p : {QStringLiteral("005"), QStringLiteral("006"), QStringLiteral("007"), QStringLiteral("008")})
            photos << produced(p);
        QList<QByteArray> many;
        for (int i = 0; i < 4; ++i)
            many += photos;
        const QList<QJsonObject> serial = [&] {
            QList<QJsonObject> out;
            for (const QByteArray &b : many)
                out << engine().check(b).toJson();
            return out;
        }();
        QThreadPool pool;
        pool.setMaxThreadCount(4);
        const QList<QJsonObject> parallel = QtConcurrent::blockingMapped<QList<QJsonObject>>(&pool, many, std::function<QJsonObject(const QByteArray &)>(
            [](const QByteArray &b) { return engine().check(b).toJson(); }));
        QCOMPARE(parallel.size(), serial.size());
        for (int i = 0; i < serial.size(); ++i) {
            QJsonObject a = serial[i], b = parallel[i];
            a.remove(QStringLiteral("ms"));
            b.remove(QStringLiteral("ms"));
            QCOMPARE(a, b);
        }
    }

    void brokenLandmarkModelMakesLandmarkRulesUncertain()
    {
        // The engine reads dlib's model format itself (landmarks.cpp). A damaged model must give a
        // clear reason and "uncertain" landmark rules, never a crash or a guess; the intact copy in
        // the same folder (Chinese characters and spaces) must load. A separate `tucai check` per
        // model: the model is read once per process.
        REQUIRE_FACES();
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString dir = tmp.path() + QStringLiteral("/模型 目录");
        const QString notCopied = tucai::test::copyCascades(dir);
        QVERIFY2(notCopied.isEmpty(), qPrintable(notCopied));
        QFile src(tucai::findDataFile(QStringLiteral("dlib/shape_predictor_68_face_landmarks.dat")));
        QVERIFY(src.open(QIODevice::ReadOnly));
        const QByteArray model = src.readAll();
        QVERIFY(model.size() > 1000000);
        QByteArray otherVersion = model;
        otherVersion[1] = char(2);   // the version: control byte 0x01, then the value 1
        QByteArray badControl = model;
        badControl[0] = char(0x0F);  // an integer of 15 bytes
        QVERIFY(QDir().mkpath(dir + QStringLiteral("/dlib")));

        QByteArray bytes;
        QPointF l, r;
        QVERIFY(loadFrll(facesDir(), QStringLiteral("005"), false, &bytes, &l, &r));
        const QString photo = tmp.filePath(QStringLiteral("good.jpg"));
        QFile out(photo);
        QVERIFY(out.open(QIODevice::WriteOnly) && out.write(makeFixtures(bytes, l, r, QStringLiteral("005"), {QStringLiteral("blur")}, {3}).value(0).bytes) > 0);
        out.close();

        const struct
        {
            const char *name;
            QByteArray bytes;
            const char *why;
        } cases[] = {{"intact", model, nullptr},
                     {"cut in half", model.left(model.size() / 2), "the file ends early"},
                     {"empty", QByteArray(), "the file ends early"},
                     {"another version", otherVersion, "unexpected shape_predictor version"},
                     {"malformed integer", badControl, "a malformed integer"}};
        for (const auto &c : cases) {
            QFile m(dir + QStringLiteral("/dlib/shape_predictor_68_face_landmarks.dat"));
            QVERIFY(m.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QCOMPARE(m.write(c.bytes), c.bytes.size());
            m.close();
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("TUCAI_DATA_DIR"), QDir::toNativeSeparators(dir));
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(TUCAI_CLI_PATH), {QStringLiteral("check"), QStringLiteral("--json"), QStringLiteral("--full"), photo});
            QVERIFY(p.waitForFinished(120000));
            QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() <= 1, c.name);
            const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
            const QJsonObject report = o.value(QStringLiteral("report")).toObject();
            const QString detector = report.value(QStringLiteral("detector")).toString();
            QVERIFY2(o.value(QStringLiteral("decoded")).toBool(), c.name);
            const QStringList uncertain = o.value(QStringLiteral("uncertain")).toVariant().toStringList();
            if (!c.why) {
                QVERIFY2(!detector.contains(QLatin1String("no landmarks")), qPrintable(detector));
                QVERIFY2(!uncertain.contains(QStringLiteral("eyes.open")), qPrintable(uncertain.join(u',')));
                QVERIFY2(o.value(QStringLiteral("passed")).toBool(), c.name);
            } else {
                QVERIFY2(detector.contains(QStringLiteral("no landmarks: landmark model cannot be read: ") + QLatin1String(c.why)),
                         qPrintable(QLatin1String(c.name) + QStringLiteral(": ") + detector));
                QVERIFY2(uncertain.contains(QStringLiteral("eyes.open")) && uncertain.contains(QStringLiteral("mouth.closed")),
                         qPrintable(QLatin1String(c.name) + QStringLiteral(": ") + uncertain.join(u',')));
            }
        }
    }

    void cli()
    {
        REQUIRE_FACES();
        const QString exe = QStringLiteral(TUCAI_CLI_PATH);
        QProcess p;
        // Broken files: exit 2, one JSON line each with a specific error.
        p.start(exe, {QStringLiteral("check"), QStringLiteral("--json"), facesDir() + QStringLiteral("/broken")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
        const QList<QByteArray> lines = p.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(lines.size(), QDir(facesDir() + QStringLiteral("/broken")).entryList(QDir::Files).size());
        QSet<QString> codes;
        for (const QByteArray &line : lines) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            QVERIFY(o.contains(QStringLiteral("file")));
            QCOMPARE(o.value(QStringLiteral("decoded")).toBool(), false);
            QVERIFY(!o.value(QStringLiteral("error")).toString().isEmpty());
            QVERIFY(o.value(QStringLiteral("violations")).isArray());
            QVERIFY(o.value(QStringLiteral("uncertain")).isArray());
            codes.insert(o.value(QStringLiteral("errorCode")).toString());
        }
        QCOMPARE(codes.size(), lines.size());   // a different, specific error per file

        // A compliant photo: exit 0; with a defective one too: exit 1 and the violation listed.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QByteArray bytes;
        QPointF l, r;
        QVERIFY(loadFrll(facesDir(), QStringLiteral("005"), false, &bytes, &l, &r));
        const QList<Fixture> fx = makeFixtures(bytes, l, r, QStringLiteral("005"), {QStringLiteral("blur")}, {3});
        QFile good(dir.filePath(QStringLiteral("good.jpg"))), bad(dir.filePath(QStringLiteral("blurred.jpg")));
        QVERIFY(good.open(QIODevice::WriteOnly) && good.write(fx[0].bytes) > 0);
        QVERIFY(bad.open(QIODevice::WriteOnly) && bad.write(fx[1].bytes) > 0);
        good.close();
        bad.close();
        p.start(exe, {QStringLiteral("check"), QStringLiteral("--json"), good.fileName()});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(QJsonDocument::fromJson(p.readAllStandardOutput()).object().value(QStringLiteral("passed")).toBool());
        p.start(exe, {QStringLiteral("check"), QStringLiteral("--json"), QStringLiteral("--jobs"), QStringLiteral("2"), dir.path()});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 1);
        bool sawBlur = false;
        for (const QByteArray &line : p.readAllStandardOutput().trimmed().split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value(QStringLiteral("file")).toString().endsWith(QLatin1String("blurred.jpg")))
                for (const QJsonValue &v : o.value(QStringLiteral("violations")).toArray())
                    sawBlur = sawBlur || v.toObject().value(QStringLiteral("rule")).toString() == QLatin1String("image.sharpness");
        }
        QVERIFY(sawBlur);
        // Usage errors: exit 2.
        p.start(exe, {QStringLiteral("check"), QStringLiteral("--bogus")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);

        // The held-out split: `--split test` starts after the tuning half; an unknown split is a usage error.
        const QStringList people = frllPeople(facesDir());
        const QString firstHeldOut = people.at((people.size() + 1) / 2);
        p.start(exe, {QStringLiteral("eval"), QStringLiteral("--faces"), facesDir(), QStringLiteral("--split"), QStringLiteral("test"),
                      QStringLiteral("--people"), QStringLiteral("1"), QStringLiteral("--defects"), QStringLiteral("none"),
                      QStringLiteral("--no-real"), QStringLiteral("--stability"), QStringLiteral("--jobs"), QStringLiteral("1")});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);
        const QString evalOut = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(evalOut.contains(QStringLiteral("split test: FRLL people %1-%1 (1)").arg(firstHeldOut)), qPrintable(evalOut.left(300)));
        QVERIFY(evalOut.contains(QStringLiteral("False rejection")));
        // --stability: both producers' compliant photos saved again, moved, and compared.
        QVERIFY2(evalOut.contains(QStringLiteral("## Stability: the photo saved again, as it is and moved by 1/160 of its size")), qPrintable(evalOut.right(800)));
        QVERIFY2(evalOut.contains(QStringLiteral("| compliant produced | 2 | ")), qPrintable(evalOut.right(800)));
        p.start(exe, {QStringLiteral("eval"), QStringLiteral("--faces"), facesDir(), QStringLiteral("--split"), QStringLiteral("bogus")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
    }

    void fuzzRegressions()
    {
        // Inputs kept from fuzzing runs (tests/fuzz/regressions): each must give a report, never crash.
        const QDir d(QStringLiteral(TUCAI_FUZZ_REGRESSIONS));
        const QStringList files = d.entryList(QDir::Files);
        if (files.isEmpty())
            QSKIP("no fuzz regression inputs");
        for (const QString &f : files) {
            const CheckReport r = engine().check(readFile(d.filePath(f)));
            QVERIFY2(r.decoded || !r.errorCode.isEmpty(), qPrintable(f));
        }
    }
};

QTEST_GUILESS_MAIN(TestChecks)
#include "test_checks.moc"
