#include "evaluation.h"

#include "check_engine.h"
#include "fixtures.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLineF>
#include <QMap>
#include <QMutex>
#include <QTextStream>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace tucai::checks {
namespace {

struct Outcome
{
    QString person, defect, source;   // source: "generated", "frll-smiling", "yale"
    int level = 0;
    QStringList expect, deviations;
    CheckReport report;
    double visible = -1;   // second_face: visible share of the second face (the fixture's truth)
    QPointF leftEye, rightEye;   // compliant photos: the true pupils
    double ita = std::nan("");   // compliant photos: the skin's individual typology angle
    QString producer;            // generated photos: "a" or "b"
    CheckReport saved, moved;    // --stability: the photo saved again, and saved again moved (movedCopy)
};

// --stability: the photo saved again in its format (JPEG at quality 95, PNG lossless), once as it is
// and once moved right by 1/160 of its width and down by 1/160 of its height (3 and 4 px of a 480x640
// photo), the strip uncovered at the left and top filled with the mirror image of the pixels next to
// it. Two equally valid photos of the same shot, compared with each other (the file rules, which the
// saving itself changes, are left out); the face detector's box then lands up to a pixel
// differently at its resolution. Not repeated edges (a frame line on Yale's photos became an object
// on the background) and not scaled (the resampling smoothed the skin for the noise rules).
QByteArray movedCopy(const QByteArray &bytes, bool move)
{
    const std::vector<uchar> in(bytes.begin(), bytes.end());
    const cv::Mat img = cv::imdecode(in, cv::IMREAD_UNCHANGED);
    if (img.empty())
        return {};
    cv::Mat moved;   // a new image: the border is written while the photo is read
    if (move) {
        const int dx = std::max(1, int(std::lround(img.cols / 160.0))), dy = std::max(1, int(std::lround(img.rows / 160.0)));
        cv::copyMakeBorder(img(cv::Rect(0, 0, img.cols - dx, img.rows - dy)), moved, dy, 0, dx, 0, cv::BORDER_REFLECT_101);
    } else {
        moved = img;
    }
    const bool png = bytes.startsWith("\x89PNG");
    std::vector<uchar> out;
    if (!cv::imencode(png ? ".png" : ".jpg", moved, out, png ? std::vector<int>{} : std::vector<int>{cv::IMWRITE_JPEG_QUALITY, 95}))
        return {};
    return QByteArray(reinterpret_cast<const char *>(out.data()), qsizetype(out.size()));
}

// --stability: the two copies of `bytes` checked into `o`.
void checkCopies(const CheckEngine &engine, const QByteArray &bytes, Outcome &o)
{
    o.saved = engine.check(movedCopy(bytes, false));
    o.moved = engine.check(movedCopy(bytes, true));
}

// What each FRLL smile shows at the mouth, labelled by eye on the full-resolution photos (1350 px,
// the mouth enlarged; 2026-12-07, before any threshold was looked at for it). "Lips apart": teeth or
// the gap between the lips visible across the mouth, what a reviewer returns as 露齿/张嘴. "Closed": a
// closed-lip smile, a natural expression the standard accepts. "A glimpse": the lips meet except for
// a few millimetres in the middle where a tooth shows; a reviewer could decide either way, so it is
// reported and not scored. Not every smile in the set parts the lips, so "flagged" on the set as a
// whole was never a detection rate.
QString smileLabel(const QString &person)
{
    static const QStringList apart{QStringLiteral("002"), QStringLiteral("004"), QStringLiteral("006"), QStringLiteral("008"), QStringLiteral("009"),
                                   QStringLiteral("010"), QStringLiteral("012"), QStringLiteral("013"), QStringLiteral("016"), QStringLiteral("018"),
                                   QStringLiteral("020"), QStringLiteral("021"), QStringLiteral("022"), QStringLiteral("024"), QStringLiteral("025"),
                                   QStringLiteral("026"), QStringLiteral("027"), QStringLiteral("030"), QStringLiteral("032"), QStringLiteral("034"),
                                   QStringLiteral("036"), QStringLiteral("037"), QStringLiteral("038"), QStringLiteral("041"), QStringLiteral("061"),
                                   QStringLiteral("062"), QStringLiteral("063"), QStringLiteral("064"), QStringLiteral("066")};
    static const QStringList closed{QStringLiteral("001"), QStringLiteral("003"), QStringLiteral("005"), QStringLiteral("007"), QStringLiteral("011"),
                                    QStringLiteral("014"), QStringLiteral("017"), QStringLiteral("019"), QStringLiteral("029"), QStringLiteral("031"),
                                    QStringLiteral("042"), QStringLiteral("043"), QStringLiteral("044"), QStringLiteral("045"), QStringLiteral("067"),
                                    QStringLiteral("068"), QStringLiteral("069"), QStringLiteral("070")};
    static const QStringList glimpse{QStringLiteral("033"), QStringLiteral("039")};
    if (apart.contains(person))
        return QStringLiteral("smiling-lips-apart");
    if (closed.contains(person))
        return QStringLiteral("smiling-lips-closed");
    if (glimpse.contains(person))
        return QStringLiteral("smiling-glimpse-of-teeth");
    return QStringLiteral("smiling-not-labelled");
}

// FRLL people whose own hair hides their ears in the neutral portrait (labelled by eye on the ear
// regions of the 1350 px originals, 2026-12-07): "covered" hides both ears, "partly" one ear or most of
// both. Their compliant photos are not compliant for ears.visible: a failure there is a detection,
// not a false alarm, so the rule is left out of their false-alarm counts and reported on its own.
QString ownHairOverEars(const QString &person)
{
    static const QStringList covered{QStringLiteral("003"), QStringLiteral("034"), QStringLiteral("038"), QStringLiteral("041"), QStringLiteral("067")};
    static const QStringList partly{QStringLiteral("030"), QStringLiteral("039")};
    return covered.contains(person) ? QStringLiteral("covered") : partly.contains(person) ? QStringLiteral("partly") : QString();
}

// FRLL people wearing jewellery in the neutral portrait (labelled by eye on the earlobes and neck of
// the originals): 013 large earrings and a thin necklace; 030 and 043 small ear studs. Like the hidden
// ears: jewellery on their compliant photos is a detection, reported on its own. (026's nose ring is
// not what the rule looks for - earlobes and neck - and is not labelled.)
bool wearsJewellery(const QString &person)
{
    return person == QLatin1String("013") || person == QLatin1String("030") || person == QLatin1String("043");
}

// Yale, labelled by eye. The "glasses" condition per subject: subject03's are dark sunglasses (a real
// glasses.tinted defect), the others clear lenses whose rims catch small highlights but no glare over
// the eyes (no defect).
QString yaleGlassesCondition(const QString &subject)
{
    return subject == QLatin1String("subject03") ? QStringLiteral("glasses-tinted") : QStringLiteral("glasses-clear");
}

// Whether the person wears glasses in a photo: every subject in the glasses conditions, and subject08
// his own in every condition but "noglasses".
bool yaleGlassesWorn(const QString &subject, const QString &condition)
{
    return condition.startsWith(QLatin1String("glasses")) || (subject == QLatin1String("subject08") && condition != QLatin1String("noglasses"));
}

struct RealCase
{
    QString file, person, defect;
    QStringList expect;
};

// Wilson score interval (95%) of num/den, in percent.
QString ci(int num, int den)
{
    if (den <= 0)
        return QStringLiteral("-");
    const double z = 1.96, n = den, p = double(num) / den;
    const double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
    const double half = z * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n);
    return QStringLiteral("%1-%2%").arg(100 * std::max(0.0, centre - half), 0, 'f', 1).arg(100 * std::min(1.0, centre + half), 0, 'f', 1);
}

// The individual typology angle (ITA, degrees) of the skin on both cheeks, measured on the photo
// itself below the true pupils: atan((L* - 50) / b*) over the median L* and b* of two patches. The
// higher, the lighter the skin (> 41 light, 10-41 intermediate, <= 10 brown to dark, after Chardon's
// categories merged into three). NaN when the patches fall outside the photo. Measured here from the
// true pupils, not taken from the engine's own skin reference (which sits below the pupils the
// engine located), so that a photo's group never depends on the engine having found its eyes.
double skinIta(const QByteArray &jpeg, QPointF left, QPointF right)
{
    const cv::Mat raw(1, int(jpeg.size()), CV_8U, const_cast<char *>(jpeg.constData()));
    const cv::Mat bgr = cv::imdecode(raw, cv::IMREAD_COLOR);
    const double ipd = QLineF(left, right).length();
    if (bgr.empty() || ipd <= 0)
        return std::nan("");
    std::vector<int> ls, bs;
    for (const QPointF eye : {left, right}) {
        const int half = std::max(2, int(0.15 * ipd));
        const cv::Rect box(int(eye.x()) - half, int(eye.y() + 0.8 * ipd) - half, 2 * half, 2 * half);
        if ((box & cv::Rect(0, 0, bgr.cols, bgr.rows)) != box)
            return std::nan("");
        cv::Mat lab;
        cv::cvtColor(bgr(box), lab, cv::COLOR_BGR2Lab);
        for (int y = 0; y < lab.rows; ++y)
            for (int x = 0; x < lab.cols; ++x) {
                const cv::Vec3b v = lab.at<cv::Vec3b>(y, x);
                ls.push_back(v[0]);
                bs.push_back(v[2]);
            }
    }
    const auto median = [](std::vector<int> &v) {
        std::nth_element(v.begin(), v.begin() + long(v.size() / 2), v.end());
        return double(v[v.size() / 2]);
    };
    const double L = median(ls) * 100.0 / 255.0, b = median(bs) - 128.0;
    return std::atan2(L - 50.0, b) * 180.0 / CV_PI;
}

// "name count" per entry, comma-separated, in the map's order; `none` when the map is empty.
QString countsText(const QMap<QString, int> &counts, const QString &none = QStringLiteral("-"))
{
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
    return parts.isEmpty() ? none : parts.join(QStringLiteral(", "));
}

QString pct(int num, int den) { return den ? QStringLiteral("%1% (%2/%3)").arg(100.0 * num / den, 0, 'f', 1).arg(num).arg(den) : QStringLiteral("-"); }

// A compliant photo's verdict: rejected (an error-severity rule fails, or it cannot be decoded) and
// flagged (any rule fails, warnings included); the rules that failed. Known deviations of the
// source are not counted.
struct Verdict
{
    bool rejected = false, flagged = false;
    QStringList failed;
};

Verdict verdictOf(const Outcome &o)
{
    Verdict v;
    for (const RuleResult &r : o.report.results)
        if (r.status == RuleStatus::Fail && !o.deviations.contains(r.rule)) {
            v.failed << r.rule;
            v.rejected = v.rejected || r.severity == Severity::Error;
        }
    v.flagged = !v.failed.isEmpty() || !o.report.decoded;
    v.rejected = v.rejected || !o.report.decoded;
    return v;
}

bool anyFails(const CheckReport &r, const QStringList &rules)
{
    for (const QString &id : rules)
        if (const RuleResult *x = r.result(id); x && x->status == RuleStatus::Fail)
            return true;
    return false;
}

bool anyUncertain(const CheckReport &r, const QStringList &rules)
{
    for (const QString &id : rules)
        if (const RuleResult *x = r.result(id); x && (x->status == RuleStatus::Uncertain || x->status == RuleStatus::Skipped))
            return true;
    return false;
}

// --stability: per rule, how often its outcome (pass / fail / uncertain) differs between the photo
// saved again and its moved copy, on the compliant photos, the injected defects and the real photos;
// and how many photos got another verdict.
void writeStability(const QList<Outcome> &all, QTextStream &out)
{
    struct Count
    {
        int compared = 0, changed = 0;
    };
    QMap<QString, std::array<Count, 3>> perRule;   // compliant, defects, real
    std::array<int, 3> photos{}, photosChanged{}, verdictChanged{};
    QMap<QString, int> kinds;
    // The verdict without the file rules: an error-severity rule fails.
    const auto rejected = [](const CheckReport &r) {
        for (const RuleResult &x : r.results)
            if (x.status == RuleStatus::Fail && x.severity == Severity::Error && !x.rule.startsWith(QLatin1String("file.")))
                return true;
        return false;
    };
    for (const Outcome &o : all) {
        if (!o.saved.decoded || !o.moved.decoded)
            continue;
        const int k = o.source != QLatin1String("generated") ? 2 : o.defect == QLatin1String("none") ? 0 : 1;
        ++photos[size_t(k)];
        bool any = false;
        for (const RuleResult &r : o.saved.results) {
            if (r.rule.startsWith(QLatin1String("file.")))
                continue;
            const RuleResult *m = nullptr;
            for (const RuleResult &x : o.moved.results)
                if (x.rule == r.rule)
                    m = &x;
            if (!m || r.status == RuleStatus::Skipped || m->status == RuleStatus::Skipped)
                continue;
            Count &c = perRule[r.rule][size_t(k)];
            ++c.compared;
            if (m->status != r.status) {
                ++c.changed;
                any = true;
                ++kinds[toString(r.status) + QStringLiteral(" -> ") + toString(m->status)];
            }
        }
        photosChanged[size_t(k)] += any;
        verdictChanged[size_t(k)] += rejected(o.saved) != rejected(o.moved);
    }
    out << "\n## Stability: the photo saved again, as it is and moved by 1/160 of its size (file rules left out)\n\n"
        << "| photos | compared | any rule outcome changed (95% CI) | verdict changed (an error-severity rule fails) |\n|---|---|---|---|\n";
    const char *names[3] = {"compliant produced", "injected defects", "real (FRLL smiling, Yale)"};
    for (size_t k = 0; k < 3; ++k)
        out << "| " << names[k] << " | " << photos[k] << " | " << pct(photosChanged[k], photos[k]) << " (" << ci(photosChanged[k], photos[k])
            << ") | " << pct(verdictChanged[k], photos[k]) << " |\n";
    out << "\nRule outcomes that changed (pass / fail / uncertain), per rule:\n\n| rule | compliant | defects | real |\n|---|---|---|---|\n";
    for (auto it = perRule.cbegin(); it != perRule.cend(); ++it) {
        const auto &c = it.value();
        if (c[0].changed + c[1].changed + c[2].changed == 0)
            continue;
        out << "| " << it.key() << " | " << pct(c[0].changed, c[0].compared) << " | " << pct(c[1].changed, c[1].compared) << " | "
            << pct(c[2].changed, c[2].compared) << " |\n";
    }
    out << "\nChanges by kind: " << countsText(kinds) << "\n";
}

} // namespace

bool runEvaluation(const EvalOptions &opt, QTextStream &out, QString *error)
{
    QStringList people = frllPeople(opt.facesDir);
    if (people.isEmpty()) {
        if (error)
            *error = QStringLiteral("no FRLL portraits under %1/frll/neutral").arg(opt.facesDir);
        return false;
    }
    // Held-out split: thresholds are tuned on the first half of the FRLL people, the second half is
    // only ever evaluated.
    const qsizetype tuneCount = (people.size() + 1) / 2;
    if (opt.split == QLatin1String("tune"))
        people = people.mid(0, tuneCount);
    else if (opt.split == QLatin1String("test"))
        people = people.mid(tuneCount);
    else if (!opt.split.isEmpty() && opt.split != QLatin1String("all")) {
        if (error)
            *error = QStringLiteral("unknown split %1 (tune, test or all)").arg(opt.split);
        return false;
    }
    QStringList producers;
    if (opt.producer == QLatin1String("both"))
        producers = {QStringLiteral("a"), QStringLiteral("b")};
    else if (opt.producer == QLatin1String("a") || opt.producer == QLatin1String("b"))
        producers = {opt.producer};
    else {
        if (error)
            *error = QStringLiteral("unknown producer %1 (a, b or both)").arg(opt.producer);
        return false;
    }
    if (opt.people > 0 && opt.people < people.size())
        people = people.mid(0, opt.people);
    if (people.isEmpty()) {
        if (error)
            *error = QStringLiteral("no FRLL people in this split");
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    const CheckEngine engine(opt.profile.isValid() ? opt.profile : CheckProfile::loadDefault());
    QThreadPool pool;
    pool.setMaxThreadCount(std::max(1, opt.jobs));

    // Generated fixtures, one person per task (the fixtures of a person share one producing step).
    const QString facesDir = opt.facesDir;
    auto perPerson = [&](const QString &person) {
        QList<Outcome> res;
        QByteArray bytes, other;
        QPointF l, r, ol, orr;
        if (!loadFrll(facesDir, person, false, &bytes, &l, &r))
            return res;
        const QString otherId = people.at((people.indexOf(person) + 1) % people.size());
        loadFrll(facesDir, otherId, false, &other, &ol, &orr);
        for (const QString &producer : producers) {
            const ProducerMethod method = producer == QLatin1String("b") ? ProducerMethod::B : ProducerMethod::A;
            const QList<Fixture> fx = makeFixtures(bytes, l, r, person, opt.defects, opt.levels, nullptr, other, ol, orr, method);
            for (const Fixture &f : fx) {
                res.append({f.person, f.defect, QStringLiteral("generated"), f.level, f.expectRules, f.knownDeviations, engine.check(f.bytes),
                            f.visibleFraction, f.leftEye, f.rightEye});
                if (!ownHairOverEars(person).isEmpty() && !res.last().deviations.contains(QStringLiteral("ears.visible")))
                    res.last().deviations << QStringLiteral("ears.visible");
                if (wearsJewellery(person) && !res.last().deviations.contains(QStringLiteral("jewellery")))
                    res.last().deviations << QStringLiteral("jewellery");
                if (opt.stability)
                    checkCopies(engine, f.bytes, res.last());
                if (f.defect == QLatin1String("none"))
                    res.last().ita = skinIta(f.bytes, f.leftEye, f.rightEye);
                res.last().producer = producer;
            }
        }
        if (opt.real) {
            // The same person smiling, produced the same way: a real mouth.closed defect where the
            // smile parts the lips (smileLabel), a natural expression where it does not.
            QByteArray smile;
            QPointF sl, sr;
            if (loadFrll(facesDir, person, true, &smile, &sl, &sr)) {
                const QByteArray jpeg = producePhoto(smile, sl, sr);
                if (!jpeg.isEmpty()) {
                    const QString label = smileLabel(person);
                    const QStringList expect = label == QLatin1String("smiling-lips-apart") ? QStringList{QStringLiteral("mouth.closed")} : QStringList{};
                    res.append({person, label, QStringLiteral("frll-smiling"), 2, expect, {}, engine.check(jpeg)});
                    if (opt.stability)
                        checkCopies(engine, jpeg, res.last());
                }
            }
        }
        return res;
    };
    QList<Outcome> allOutcomes;
    const QList<QList<Outcome>> parts = QtConcurrent::blockingMapped<QList<QList<Outcome>>>(&pool, people, std::function<QList<Outcome>(const QString &)>(perPerson));
    for (const QList<Outcome> &p : parts)
        allOutcomes += p;

    // Yale: greyscale 320x243 research photos; only the rule the condition is about is scored.
    QList<RealCase> yale;
    if (opt.real) {
        const QDir yd(opt.facesDir + QStringLiteral("/yale"));
        const QMap<QString, QStringList> expect{{QStringLiteral("sleepy"), {QStringLiteral("eyes.open")}},
                                                {QStringLiteral("wink"), {QStringLiteral("eyes.open")}},
                                                {QStringLiteral("surprised"), {QStringLiteral("mouth.closed")}},
                                                {QStringLiteral("happy"), {QStringLiteral("mouth.closed")}},
                                                {QStringLiteral("leftlight"), {QStringLiteral("lighting.face_even")}},
                                                {QStringLiteral("rightlight"), {QStringLiteral("lighting.face_even")}},
                                                {QStringLiteral("glasses"), {}},   // per subject below
                                                {QStringLiteral("normal"), {}}, {QStringLiteral("noglasses"), {}}, {QStringLiteral("centerlight"), {}}};
        // The Yale subjects are split the same way: the first half tunes, the second half is held out.
        QStringList subjects;
        for (const QString &f : yd.entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name))
            if (const QString sub = f.section(QLatin1Char('.'), 0, 0); !subjects.contains(sub))
                subjects.append(sub);
        const qsizetype tuneSubjects = (subjects.size() + 1) / 2;
        if (opt.split == QLatin1String("tune"))
            subjects = subjects.mid(0, tuneSubjects);
        else if (opt.split == QLatin1String("test"))
            subjects = subjects.mid(tuneSubjects);
        for (const QString &f : yd.entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name)) {
            const QStringList parts2 = f.split(QLatin1Char('.'));
            if (parts2.size() != 3 || !expect.contains(parts2[1]) || !subjects.contains(parts2[0]))
                continue;
            if (parts2[1] == QLatin1String("glasses")) {
                const QString condition = yaleGlassesCondition(parts2[0]);
                yale.append({yd.filePath(f), parts2[0], condition,
                             condition == QLatin1String("glasses-tinted") ? QStringList{QStringLiteral("glasses.tinted")} : QStringList{}});
            } else {
                yale.append({yd.filePath(f), parts2[0], parts2[1], expect.value(parts2[1])});
            }
        }
        const QList<Outcome> yo = QtConcurrent::blockingMapped<QList<Outcome>>(&pool, yale, std::function<Outcome(const RealCase &)>([&](const RealCase &c) {
            QFile f(c.file);
            f.open(QIODevice::ReadOnly);
            const QByteArray bytes = f.readAll();
            Outcome o{c.person, c.defect, QStringLiteral("yale"), 2, c.expect, {}, engine.check(bytes)};
            if (opt.stability)
                checkCopies(engine, bytes, o);
            return o;
        }));
        allOutcomes += yo;
    }

    if (!opt.valuesCsv.isEmpty()) {
        QFile csv(opt.valuesCsv);
        if (csv.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            QTextStream cs(&csv);
            cs << "source,person,defect,level,rule,status,value,why,producer\n";
            for (const Outcome &o : allOutcomes) {
                // The glasses measure (not a rule: it decides whether the glasses rules apply).
                if (!o.report.face.glasses.isEmpty())
                    cs << o.source << ',' << o.person << ',' << o.defect << ',' << o.level << ",face.glasses," << o.report.face.glasses << ','
                       << QString::number(std::max(o.report.face.glassesBridge, o.report.face.glassesRims), 'g', 5) << ",\"bridge "
                       << QString::number(o.report.face.glassesBridge, 'g', 4) << " rims " << QString::number(o.report.face.glassesRims, 'g', 4)
                       << "\"," << o.producer << "\n";
                for (const RuleResult &r : o.report.results)
                    cs << o.source << ',' << o.person << ',' << o.defect << ',' << o.level << ',' << r.rule << ',' << toString(r.status) << ','
                       << (r.value ? QString::number(*r.value, 'g', 5) : QString()) << ",\"" << QString(r.why).replace(QLatin1Char('"'), QLatin1Char('\''))
                       << "\"," << o.producer << "\n";
            }
        }
    }

    out << "Engine " << CheckEngine::version() << ", profile " << engine.profile().id() << " version " << engine.profile().version()
        << ", split " << (opt.split.isEmpty() ? QStringLiteral("all") : opt.split) << ": FRLL people " << people.first() << "-" << people.last()
        << " (" << people.size() << "), producer " << producers.join(QStringLiteral(" and ")) << "\n\n";

    // Per producer: each producer's compliant photos and the defects injected into them, reported on
    // their own (a threshold that only holds for one way of making the photo shows up as a difference).
    if (producers.size() > 1) {
        out << "## False rejections per producer\n\n| producer | compliant photos | false rejections (95% CI) | flagged incl. warnings (95% CI) | "
               "error rules failed |\n|---|---|---|---|---|\n";
        for (const QString &producer : producers) {
            int n = 0, rej = 0, flagged = 0;
            QMap<QString, int> rules;
            for (const Outcome &o : allOutcomes) {
                if (o.producer != producer || o.source != QLatin1String("generated") || o.defect != QLatin1String("none"))
                    continue;
                ++n;
                const Verdict v = verdictOf(o);
                rej += v.rejected;
                flagged += v.flagged;
                for (const QString &rule : v.failed)
                    if (o.report.result(rule) && o.report.result(rule)->severity == Severity::Error)
                        ++rules[rule];
            }
            out << "| " << producer << " | " << n << " | " << pct(rej, n) << " (" << ci(rej, n) << ") | " << pct(flagged, n) << " (" << ci(flagged, n)
                << ") | " << countsText(rules) << " |\n";
        }
        out << "\n";
    }
    for (const QString &producer : producers) {
        // This producer's generated photos and every real one.
        QList<Outcome> all;
        for (const Outcome &o : allOutcomes)
            if (o.source != QLatin1String("generated") || o.producer == producer)
                all.append(o);
        // 1. Compliant generated photos.
        QList<const Outcome *> compliant;
        for (const Outcome &o : all)
            if (o.source == QLatin1String("generated") && o.defect == QLatin1String("none"))
                compliant.append(&o);
        int rejected = 0, rejectedAny = 0;
        for (const Outcome *o : compliant) {
            const Verdict v = verdictOf(*o);
            rejected += v.rejected;
            rejectedAny += v.flagged;
        }
        if (producer != producers.first())
            out << "\n";
        out << "## Compliant generated photos (" << compliant.size() << " FRLL people, produced 480x640 by producer " << producer << ")\n\n";
        out << "False rejection (any error-severity rule fails): " << pct(rejected, int(compliant.size())) << ", 95% CI "
            << ci(rejected, int(compliant.size())) << "  \n";
        out << "Flagged by any rule incl. warnings: " << pct(rejectedAny, int(compliant.size())) << ", 95% CI " << ci(rejectedAny, int(compliant.size()))
            << "\n\n";
        out << "| rule | severity | false rejections | uncertain |\n|---|---|---|---|\n";
        for (const RuleInfo &ri : ruleCatalog()) {
            int fail = 0, unc = 0, n = 0;
            for (const Outcome *o : compliant) {
                const RuleResult *r = o->report.result(ri.id);
                if (!r || o->deviations.contains(ri.id))
                    continue;
                ++n;
                fail += r->status == RuleStatus::Fail;
                unc += r->status == RuleStatus::Uncertain || r->status == RuleStatus::Skipped;
            }
            out << "| " << ri.id << " | " << toString(engine.profile().severity(ri.id)) << " | " << pct(fail, n) << " | " << pct(unc, n) << " |\n";
        }

        // False alarms by skin tone, the groups measured on each photo's cheeks (ITA), not taken from the
        // people's labels; their self-reported ethnicity (frll/people.tsv) is listed beside for reference.
        {
            QMap<QString, QString> ethnicity;
            QFile tsv(opt.facesDir + QStringLiteral("/frll/people.tsv"));
            if (tsv.open(QIODevice::ReadOnly | QIODevice::Text))
                for (const QByteArray &line : tsv.readAll().split('\n'))
                    if (const QList<QByteArray> f = line.trimmed().split('\t'); f.size() >= 4)
                        ethnicity.insert(QString::fromUtf8(f[0]), QString::fromUtf8(f[3]));
            struct Group
            {
                const char *name;
                double above, upTo;
                bool holds(double ita) const { return !std::isnan(ita) && ita > above && ita <= upTo; }
            };
            const Group groups[] = {{"light (ITA > 41)", 41, 1e9}, {"intermediate (10 < ITA <= 41)", 10, 41}, {"brown to dark (ITA <= 10)", -1e9, 10}};
            out << "\n### By skin tone (measured on the cheeks of each photo)\n\n";
            out << "| group | photos | ITA range | false rejections (95% CI) | flagged incl. warnings (95% CI) | rules failed | self-reported ethnicity |\n"
                   "|---|---|---|---|---|---|---|\n";
            int unmeasured = 0;
            for (const Outcome *o : compliant)
                unmeasured += std::isnan(o->ita);
            for (const Group &g : groups) {
                int n = 0, rej = 0, flagged = 0;
                double lo = 1e9, hi = -1e9;
                QMap<QString, int> rules, eth;
                for (const Outcome *o : compliant) {
                    if (!g.holds(o->ita))
                        continue;
                    ++n;
                    lo = std::min(lo, o->ita);
                    hi = std::max(hi, o->ita);
                    ++eth[ethnicity.value(o->person, QStringLiteral("?"))];
                    const Verdict v = verdictOf(*o);
                    for (const QString &rule : v.failed)
                        ++rules[rule];
                    rej += v.rejected;
                    flagged += v.flagged;
                }
                out << "| " << g.name << " | " << n << " | "
                    << (n ? QStringLiteral("%1 to %2").arg(lo, 0, 'f', 1).arg(hi, 0, 'f', 1) : QStringLiteral("-")) << " | " << pct(rej, n) << " ("
                    << ci(rej, n) << ") | " << pct(flagged, n) << " (" << ci(flagged, n) << ") | "
                    << countsText(rules) << " | " << countsText(eth, QString()) << " |\n";
            }
            if (unmeasured)
                out << "\n" << unmeasured << " photo(s) not measured (cheek patches outside the photo).\n";

            // The injected defects by the same groups (each person's group from their compliant photo).
            QMap<QString, double> itaOf;
            for (const Outcome *o : compliant)
                itaOf.insert(o->person, o->ita);
            bool anyDefect = false;
            for (const Outcome &o : all)
                anyDefect = anyDefect || (o.source == QLatin1String("generated") && o.defect != QLatin1String("none"));
            if (anyDefect) {
                out << "\n| group | injected defects detected: level 1 (95% CI) | level 2 (95% CI) | level 3 (95% CI) | missed at level 2 |\n|---|---|---|---|---|\n";
                for (const Group &g : groups) {
                    QString cells[3];
                    QMap<QString, int> missed;
                    for (int level = 1; level <= 3; ++level) {
                        int hit = 0, n = 0;
                        for (const Outcome &o : all) {
                            if (o.source != QLatin1String("generated") || o.defect == QLatin1String("none") || o.level != level)
                                continue;
                            if (!g.holds(itaOf.value(o.person, std::nan(""))))
                                continue;
                            ++n;
                            const bool found = anyFails(o.report, o.expect);
                            hit += found;
                            if (!found && level == 2)
                                ++missed[o.defect];
                        }
                        cells[level - 1] = QStringLiteral("%1 (%2)").arg(pct(hit, n), ci(hit, n));
                    }
                    out << "| " << g.name << " | " << cells[0] << " | " << cells[1] << " | " << cells[2] << " | "
                        << countsText(missed) << " |\n";
                }
            }
        }

        // Landmarks: the located pupils (and the centres of the 68-point eye contours) against where the
        // producer put the pupils, in pupil distances.
        {
            QList<double> errors, contourErrors, contourPx;
            int found = 0, marked = 0;
            for (const Outcome *o : compliant) {
                const FaceInfo &f = o->report.face;
                if (!f.found)
                    continue;
                ++found;
                const double ipd = QLineF(o->leftEye, o->rightEye).length();
                if (ipd <= 0)
                    continue;
                errors << QLineF(f.leftEye, o->leftEye).length() / ipd << QLineF(f.rightEye, o->rightEye).length() / ipd;
                if (f.landmarks.size() == 68) {
                    ++marked;
                    const auto centre = [&](int first) {
                        QPointF s;
                        for (int i = first; i < first + 6; ++i)
                            s += f.landmarks.at(i);
                        return s / 6;
                    };
                    const double el = QLineF(centre(36), o->leftEye).length(), er = QLineF(centre(42), o->rightEye).length();
                    contourErrors << el / ipd << er / ipd;
                    contourPx << el << er;
                }
            }
            const auto stats = [](QList<double> v, int decimals) {
                if (v.isEmpty())
                    return QStringLiteral("-");
                std::sort(v.begin(), v.end());
                return QStringLiteral("median %1, 90th percentile %2, max %3")
                    .arg(v.at(v.size() / 2), 0, 'f', decimals).arg(v.at(v.size() * 9 / 10), 0, 'f', decimals).arg(v.constLast(), 0, 'f', decimals);
            };
            out << "\nEye localisation on these photos (" << found << "/" << compliant.size() << " faces found): error per eye in pupil distances, "
                << stats(errors, 3) << "\n";
            out << "\n68 landmarks found on " << marked << "/" << compliant.size() << "; centre of each eye contour to the true pupil: "
                << stats(contourErrors, 3) << " pupil distances (" << stats(contourPx, 1) << " px)\n";
        }

        // 2. Injected defects per level.
        out << "\n## Injected defects (detection = an expected rule fails), producer " << producer << "\n\n";
        out << "| defect | expected rule(s) | level 1 (just past limit) | level 2 (clearly visible) | level 3 (strong) | uncertain (all levels) |\n|---|---|---|---|---|---|\n";
        for (const DefectKind &d : defectKinds()) {
            if (!opt.defects.isEmpty() && !opt.defects.contains(d.name))
                continue;
            QString cells[3];
            int unc = 0, tot = 0;
            for (int level = 1; level <= 3; ++level) {
                int hit = 0, n = 0;
                for (const Outcome &o : all)
                    if (o.source == QLatin1String("generated") && o.defect == d.name && o.level == level) {
                        ++n;
                        hit += anyFails(o.report, o.expect);
                        unc += !anyFails(o.report, o.expect) && anyUncertain(o.report, o.expect);
                    }
                tot += n;
                cells[level - 1] = pct(hit, n);
            }
            out << "| " << d.name << " | " << d.rules.join(QStringLiteral(", ")) << " | " << cells[0] << " | " << cells[1] << " | " << cells[2] << " | " << pct(unc, tot) << " |\n";
        }

        // The second face's truth: how much of it the fixture left visible (in frame, not behind the student).
        for (int level = 1; level <= 3; ++level) {
            std::vector<double> vis;
            for (const Outcome &o : all)
                if (o.defect == QLatin1String("second_face") && o.level == level && o.visible >= 0)
                    vis.push_back(o.visible);
            if (vis.empty())
                continue;
            std::sort(vis.begin(), vis.end());
            out << (level == 1 ? "\n" : "") << "second_face level " << level << ": visible share of the second face min "
                << QString::number(vis.front(), 'f', 2) << ", median " << QString::number(vis[vis.size() / 2], 'f', 2) << "  \n";
        }
    }

    // 3. Real defects.
    if (opt.real) {
        out << "\n## Real photos (../shared/faces)\n\n| set | condition | rule | flagged | uncertain |\n|---|---|---|---|---|\n";
        QMap<QString, QList<const Outcome *>> groups;
        for (const Outcome &o : allOutcomes)
            if (o.source != QLatin1String("generated"))
                groups[o.source + QLatin1Char('|') + o.defect].append(&o);
        for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
            const QStringList key = it.key().split(QLatin1Char('|'));
            QStringList rules = it.value().first()->expect;
            if (key[0] == QLatin1String("frll-smiling")) {
                // mouth.closed: detection on the smiles that part the lips, a false alarm on the others.
                // The smiling FRLL photos have open eyes: eyes.open failing there is a false alarm.
                rules = {QStringLiteral("mouth.closed"), QStringLiteral("eyes.open")};
            } else if (key[1].startsWith(QLatin1String("glasses-"))) {
                // Tinted: detection by glasses.tinted; clear: either glasses rule failing is a false alarm.
                rules = {QStringLiteral("glasses.tinted"), QStringLiteral("glasses.reflection")};
            } else if (rules.isEmpty()) {
                // Baseline conditions: how often the condition-specific rules fire on them (false alarms).
                rules = {QStringLiteral("eyes.open"), QStringLiteral("mouth.closed"), QStringLiteral("lighting.face_even")};
            }
            for (const QString &rule : rules) {
                int hit = 0, unc = 0;
                for (const Outcome *o : it.value()) {
                    hit += anyFails(o->report, {rule});
                    unc += anyUncertain(o->report, {rule});
                }
                out << "| " << key[0] << " | " << key[1] << " | " << rule << " | " << pct(hit, int(it.value().size())) << " | " << pct(unc, int(it.value().size())) << " |\n";
            }
        }
    }
    if (opt.real) {
        // The people whose own hair covers their ears: ears.visible on their compliant photos.
        QMap<QString, QPair<int, int>> ears;   // "label|producer" -> failed, photos
        QMap<QString, QStringList> missed;
        for (const Outcome &o : allOutcomes) {
            const QString label = ownHairOverEars(o.person);
            if (o.source != QLatin1String("generated") || o.defect != QLatin1String("none") || label.isEmpty())
                continue;
            const QString key = label + QLatin1Char('|') + o.producer;
            const bool failed = anyFails(o.report, {QStringLiteral("ears.visible")});
            ears[key].first += failed;
            ears[key].second += 1;
            if (!failed)
                missed[key] << o.person;
        }
        if (!ears.isEmpty()) {
            out << "\n### FRLL people whose own hair covers their ears (labelled by eye): ears.visible on their compliant photos\n\n"
                << "| hair over the ears | producer | ears.visible fails | passed |\n|---|---|---|---|\n";
            for (auto it = ears.cbegin(); it != ears.cend(); ++it) {
                const QStringList key = it.key().split(QLatin1Char('|'));
                out << "| " << key[0] << " | " << key[1] << " | " << pct(it.value().first, it.value().second) << " | "
                    << (missed.value(it.key()).isEmpty() ? QStringLiteral("-") : missed.value(it.key()).join(QStringLiteral(", "))) << " |\n";
            }
        }

        // The people wearing their own jewellery: the jewellery rule on their compliant photos.
        QStringList jewelHit, jewelMiss;
        int jewelFalse = 0, jewelOthers = 0;
        for (const Outcome &o : allOutcomes) {
            if (o.source != QLatin1String("generated") || o.defect != QLatin1String("none"))
                continue;
            const bool failed = anyFails(o.report, {QStringLiteral("jewellery")});
            if (wearsJewellery(o.person)) {
                (failed ? jewelHit : jewelMiss) << o.person + QLatin1Char(' ') + o.producer;
            } else {
                ++jewelOthers;
                jewelFalse += failed;
            }
        }
        if (!jewelHit.isEmpty() || !jewelMiss.isEmpty())
            out << "\nFRLL people wearing their own jewellery (labelled by eye; 013 earrings and necklace, 030 and 043 ear studs), compliant photos: "
                << "jewellery fails on " << pct(int(jewelHit.size()), int(jewelHit.size() + jewelMiss.size())) << " (missed: "
                << (jewelMiss.isEmpty() ? QStringLiteral("none") : jewelMiss.join(QStringLiteral(", "))) << "); on everyone else's: "
                << pct(jewelFalse, jewelOthers) << " (false alarms).\n";

        // The glasses finder decides whether the glasses rules apply at all: on Yale, where who wears
        // glasses in which photo is known (yaleGlassesWorn), "found" against the truth.
        int worn = 0, wornFound = 0, wornUnsure = 0, bare = 0, bareFound = 0, bareUnsure = 0, bareTinted = 0, bareGlare = 0;
        QStringList falseFound;
        for (const Outcome &o : allOutcomes) {
            if (o.source != QLatin1String("yale"))
                continue;
            const bool w = yaleGlassesWorn(o.person, o.defect);
            const QString &g = o.report.face.glasses;
            (w ? worn : bare) += 1;
            (w ? wornFound : bareFound) += g == QLatin1String("found");
            (w ? wornUnsure : bareUnsure) += g == QLatin1String("uncertain");
            if (!w && g == QLatin1String("found"))
                falseFound << o.person + QLatin1Char('.') + o.defect;
            if (!w) {
                bareTinted += anyFails(o.report, {QStringLiteral("glasses.tinted")});
                bareGlare += anyFails(o.report, {QStringLiteral("glasses.reflection")});
            }
        }
        if (worn + bare > 0) {
            out << "\n### Glasses finder on Yale (glasses worn, labelled by eye per photo)\n\n| truth | photos | found (95% CI) | uncertain |\n|---|---|---|---|\n"
                << "| glasses worn | " << worn << " | " << pct(wornFound, worn) << " (" << ci(wornFound, worn) << ") | " << wornUnsure << " |\n"
                << "| no glasses | " << bare << " | " << pct(bareFound, bare) << " (" << ci(bareFound, bare) << ") | " << bareUnsure << " |\n";
            out << "\nOn the photos without glasses, glasses.tinted failed on " << pct(bareTinted, bare) << " and glasses.reflection on "
                << pct(bareGlare, bare) << " (false alarms).";
            if (!falseFound.isEmpty())
                out << " Found where none are worn: " << falseFound.join(QStringLiteral(", ")) << ".";
            out << "\n";
        }
    }
    if (opt.stability)
        writeStability(allOutcomes, out);
    double ms = 0;
    for (const Outcome &o : allOutcomes)
        ms += o.report.ms + o.saved.ms + o.moved.ms;
    out << "\n" << allOutcomes.size() << " photos checked, mean " << QString::number(ms / std::max<qsizetype>(1, allOutcomes.size()), 'f', 1)
        << " ms per check, total " << QString::number(timer.elapsed() / 1000.0, 'f', 1) << " s wall with " << opt.jobs << " jobs.\n";
    return true;
}

} // namespace tucai::checks
