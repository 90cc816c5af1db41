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

#include <algorithm>

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
};

struct RealCase
{
    QString file, person, defect;
    QStringList expect;
};

QString pct(int num, int den) { return den ? QStringLiteral("%1% (%2/%3)").arg(100.0 * num / den, 0, 'f', 1).arg(num).arg(den) : QStringLiteral("-"); }

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
        const QList<Fixture> fx = makeFixtures(bytes, l, r, person, opt.defects, opt.levels, nullptr, other, ol, orr);
        for (const Fixture &f : fx)
            res.append({f.person, f.defect, QStringLiteral("generated"), f.level, f.expectRules, f.knownDeviations, engine.check(f.bytes),
                        f.visibleFraction, f.leftEye, f.rightEye});
        if (opt.real) {
            // The same person smiling (teeth): a real mouth.closed defect, produced the same way.
            QByteArray smile;
            QPointF sl, sr;
            if (loadFrll(facesDir, person, true, &smile, &sl, &sr)) {
                const QByteArray jpeg = producePhoto(smile, sl, sr);
                if (!jpeg.isEmpty())
                    res.append({person, QStringLiteral("smiling"), QStringLiteral("frll-smiling"), 2, {QStringLiteral("mouth.closed")}, {}, engine.check(jpeg)});
            }
        }
        return res;
    };
    QList<Outcome> all;
    const QList<QList<Outcome>> parts = QtConcurrent::blockingMapped<QList<QList<Outcome>>>(&pool, people, std::function<QList<Outcome>(const QString &)>(perPerson));
    for (const QList<Outcome> &p : parts)
        all += p;

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
                                                {QStringLiteral("glasses"), {QStringLiteral("glasses.reflection"), QStringLiteral("glasses.tinted")}},
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
            if (parts2.size() == 3 && expect.contains(parts2[1]) && subjects.contains(parts2[0]))
                yale.append({yd.filePath(f), parts2[0], parts2[1], expect.value(parts2[1])});
        }
        const QList<Outcome> yo = QtConcurrent::blockingMapped<QList<Outcome>>(&pool, yale, std::function<Outcome(const RealCase &)>([&](const RealCase &c) {
            QFile f(c.file);
            f.open(QIODevice::ReadOnly);
            return Outcome{c.person, c.defect, QStringLiteral("yale"), 2, c.expect, {}, engine.check(f.readAll())};
        }));
        all += yo;
    }

    if (!opt.valuesCsv.isEmpty()) {
        QFile csv(opt.valuesCsv);
        if (csv.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            QTextStream cs(&csv);
            cs << "source,person,defect,level,rule,status,value,why\n";
            for (const Outcome &o : all)
                for (const RuleResult &r : o.report.results)
                    cs << o.source << ',' << o.person << ',' << o.defect << ',' << o.level << ',' << r.rule << ',' << toString(r.status) << ','
                       << (r.value ? QString::number(*r.value, 'g', 5) : QString()) << ",\"" << QString(r.why).replace(QLatin1Char('"'), QLatin1Char('\'')) << "\"\n";
        }
    }

    // 1. Compliant generated photos.
    QList<const Outcome *> compliant;
    for (const Outcome &o : all)
        if (o.source == QLatin1String("generated") && o.defect == QLatin1String("none"))
            compliant.append(&o);
    int rejected = 0, rejectedAny = 0;
    for (const Outcome *o : compliant) {
        bool errorFail = false, anyFail = false;
        for (const RuleResult &r : o->report.results)
            if (r.status == RuleStatus::Fail && !o->deviations.contains(r.rule)) {
                anyFail = true;
                errorFail = errorFail || r.severity == Severity::Error;
            }
        rejected += errorFail || !o->report.decoded;
        rejectedAny += anyFail || !o->report.decoded;
    }
    out << "Engine " << CheckEngine::version() << ", profile " << engine.profile().id() << " version " << engine.profile().version()
        << ", split " << (opt.split.isEmpty() ? QStringLiteral("all") : opt.split) << ": FRLL people " << people.first() << "-" << people.last()
        << " (" << people.size() << ")\n\n";
    out << "## Compliant generated photos (" << compliant.size() << " FRLL people, produced 480x640)\n\n";
    out << "False rejection (any error-severity rule fails): " << pct(rejected, int(compliant.size())) << "  \n";
    out << "Flagged by any rule incl. warnings: " << pct(rejectedAny, int(compliant.size())) << "\n\n";
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
    out << "\n## Injected defects (detection = an expected rule fails)\n\n";
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

    // 3. Real defects.
    if (opt.real) {
        out << "\n## Real photos (../shared/faces)\n\n| set | condition | rule | flagged | uncertain |\n|---|---|---|---|---|\n";
        QMap<QString, QList<const Outcome *>> groups;
        for (const Outcome &o : all)
            if (o.source != QLatin1String("generated"))
                groups[o.source + QLatin1Char('|') + o.defect].append(&o);
        for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
            const QStringList key = it.key().split(QLatin1Char('|'));
            QStringList rules = it.value().first()->expect;
            // Baseline conditions: how often the condition-specific rules fire on them (false alarms).
            if (rules.isEmpty())
                rules = {QStringLiteral("eyes.open"), QStringLiteral("mouth.closed"), QStringLiteral("lighting.face_even")};
            // The smiling FRLL photos have open eyes: eyes.open failing there is a false alarm.
            if (key[0] == QLatin1String("frll-smiling"))
                rules.append(QStringLiteral("eyes.open"));
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
    double ms = 0;
    for (const Outcome &o : all)
        ms += o.report.ms;
    out << "\n" << all.size() << " photos checked, mean " << QString::number(ms / std::max<qsizetype>(1, all.size()), 'f', 1)
        << " ms per check, total " << QString::number(timer.elapsed() / 1000.0, 'f', 1) << " s wall with " << opt.jobs << " jobs.\n";
    return true;
}

} // namespace tucai::checks
