// `tucai check`: runs the photo checks on files and folders; `tucai eval`: the labelled evaluation.
#include "cli_check.h"
#include "cli_common.h"

#include "checks/check_engine.h"
#include "checks/evaluation.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <cmath>
#include <functional>

using namespace tucai::checks;

namespace {

const QStringList kImageSuffixes{QStringLiteral("jpg"), QStringLiteral("jpeg"), QStringLiteral("jpe"), QStringLiteral("png"),
                                 QStringLiteral("bmp"), QStringLiteral("gif"), QStringLiteral("webp"), QStringLiteral("tif"),
                                 QStringLiteral("tiff"), QStringLiteral("heic")};

void checkUsage()
{
    tucai::cli::err() << QStringLiteral(
        "usage: tucai check [--profile FILE] [--json] [--full] [--jobs N] PATH...\n"
        "  PATH     photo files, or folders searched recursively for image files\n"
        "  --json   JSON Lines on stdout, one object per file\n"
        "  --full   with --json: include the full report (face, geometry) as \"report\"\n"
        "exit status: 0 all pass, 1 a photo fails a rule, 2 a file could not be checked\n");
}

struct Item
{
    QString path;
    QString readError;
};

struct Done
{
    QString path;
    CheckReport report;
};

QJsonObject jsonLine(const Done &d, bool full)
{
    QJsonArray violations;
    for (const RuleResult &r : d.report.violations())
        violations.append(QJsonObject{{QStringLiteral("rule"), r.rule},
                                      {QStringLiteral("severity"), toString(r.severity)},
                                      {QStringLiteral("value"), r.value ? QJsonValue(*r.value) : QJsonValue(QJsonValue::Null)},
                                      {QStringLiteral("threshold"), r.threshold},
                                      {QStringLiteral("message"), r.message},
                                      {QStringLiteral("messageZh"), r.messageZh}});
    QJsonObject o{{QStringLiteral("file"), d.path},
                  {QStringLiteral("decoded"), d.report.decoded},
                  {QStringLiteral("error"), d.report.error.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(d.report.error)},
                  {QStringLiteral("errorCode"), d.report.errorCode.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(d.report.errorCode)},
                  {QStringLiteral("passed"), d.report.passed},
                  {QStringLiteral("violations"), violations},
                  {QStringLiteral("uncertain"), QJsonArray::fromStringList(d.report.uncertainRules())},
                  {QStringLiteral("ms"), std::round(d.report.ms * 10) / 10}};
    if (full)
        o.insert(QStringLiteral("report"), d.report.toJson());
    return o;
}

QString textLine(const Done &d)
{
    const CheckReport &r = d.report;
    if (!r.decoded)
        return QStringLiteral("ERROR  %1  [%2] %3").arg(d.path, r.errorCode, r.error);
    QStringList parts;
    for (const RuleResult &v : r.violations()) {
        const QString val = v.value ? QString::number(*v.value, 'g', 4) : QStringLiteral("-");
        parts.append(QStringLiteral("%1%2=%3 (%4)").arg(v.rule, v.severity == Severity::Warning ? QStringLiteral("[w]") : QString(), val, v.threshold));
    }
    const QStringList unc = r.uncertainRules();
    QString line = QStringLiteral("%1  %2  %3 ms").arg(r.passed ? QStringLiteral("PASS ") : QStringLiteral("FAIL "), d.path).arg(r.ms, 0, 'f', 1);
    if (!parts.isEmpty())
        line += QStringLiteral("\n       fails: ") + parts.join(QStringLiteral(", "));
    if (!unc.isEmpty())
        line += QStringLiteral("\n       uncertain: ") + unc.join(QStringLiteral(", "));
    return line;
}

} // namespace

int runCheckCommand(const QStringList &argsIn)
{
    QStringList args = argsIn;
    if (tucai::cli::takeFlag(args, QStringLiteral("--help")) || tucai::cli::takeFlag(args, QStringLiteral("-h"))) {
        checkUsage();
        return tucai::cli::Ok;
    }
    const QString profilePath = tucai::cli::takeOption(args, QStringLiteral("--profile"));
    const bool json = tucai::cli::takeFlag(args, QStringLiteral("--json"));
    const bool full = tucai::cli::takeFlag(args, QStringLiteral("--full"));
    bool okJobs = true;
    const int jobs = tucai::cli::takeOption(args, QStringLiteral("--jobs"), QStringLiteral("1")).toInt(&okJobs);
    for (const QString &a : args)
        if (a.startsWith(QLatin1String("--"))) {
            tucai::cli::err() << QStringLiteral("tucai check: unknown option %1\n").arg(a);
            checkUsage();
            return tucai::cli::Usage;
        }
    if (args.isEmpty() || !okJobs || jobs < 1) {
        checkUsage();
        return tucai::cli::Usage;
    }
    CheckProfile profile = CheckProfile::loadDefault();
    if (!profilePath.isEmpty()) {
        QString error;
        profile = CheckProfile::fromFile(profilePath, &error);
        if (!profile.isValid()) {
            tucai::cli::err() << QStringLiteral("tucai check: %1\n").arg(error);
            return tucai::cli::Usage;
        }
    }

    // Expand folders (recursively, image suffixes only); named files are always checked.
    QList<Item> items;
    bool anyFolder = false;
    for (const QString &p : args) {
        const QFileInfo fi(p);
        if (fi.isDir()) {
            anyFolder = true;
            QStringList found;
            QDirIterator it(p, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString f = it.next();
                if (kImageSuffixes.contains(QFileInfo(f).suffix().toLower()))
                    found.append(f);
            }
            found.sort();
            for (const QString &f : found)
                items.append({f, {}});
        } else if (fi.exists()) {
            items.append({p, {}});
        } else {
            items.append({p, QStringLiteral("no such file or folder")});
        }
    }

    CheckEngine::setLibraryThreads(1);
    const CheckEngine engine(profile);
    const qint64 maxBytes = profile.maxFileBytes();
    QThreadPool pool;
    pool.setMaxThreadCount(jobs);
    std::function<Done(const Item &)> work = [&engine, maxBytes](const Item &it) {
        Done d{it.path, {}};
        QString readError = it.readError;
        QByteArray bytes;
        if (readError.isEmpty()) {
            QFile f(it.path);
            if (!f.open(QIODevice::ReadOnly))
                readError = f.errorString();
            else if (f.size() > maxBytes)
                bytes = f.read(maxBytes + 1);   // the engine reports file.too_large without reading it all
            else
                bytes = f.readAll();
        }
        if (!readError.isEmpty()) {
            d.report.engine = CheckEngine::version();
            d.report.error = QStringLiteral("cannot read: %1").arg(readError);
            d.report.errorCode = QStringLiteral("file.unreadable");
            return d;
        }
        d.report = engine.check(bytes, it.path);
        return d;
    };
    QElapsedTimer timer;
    timer.start();
    QFuture<Done> future = QtConcurrent::mapped(&pool, items, work);
    int worst = tucai::cli::Ok, failed = 0, errors = 0;
    QTextStream &out = tucai::cli::out();
    for (int i = 0; i < items.size(); ++i) {
        const Done d = future.resultAt(i);   // in input order, as soon as it is ready
        if (json)
            out << QString::fromUtf8(QJsonDocument(jsonLine(d, full)).toJson(QJsonDocument::Compact)) << '\n';
        else
            out << textLine(d) << '\n';
        out.flush();
        if (!d.report.decoded) {
            ++errors;
            worst = tucai::cli::Usage;
        } else if (!d.report.passed) {
            ++failed;
            if (worst == tucai::cli::Ok)
                worst = tucai::cli::Failed;
        }
        if (anyFolder && (i % 25 == 24 || i + 1 == items.size()))
            tucai::cli::err() << QStringLiteral("\r%1/%2 checked, %3 failing, %4 errors").arg(i + 1).arg(items.size()).arg(failed).arg(errors)
                              << (i + 1 == items.size() ? "\n" : "") << Qt::flush;
    }
    if (anyFolder || !json)
        tucai::cli::err() << QStringLiteral("%1 files in %2 s: %3 pass, %4 fail, %5 not checkable\n")
                                 .arg(items.size()).arg(timer.elapsed() / 1000.0, 0, 'f', 2)
                                 .arg(items.size() - failed - errors).arg(failed).arg(errors)
                             << Qt::flush;
    return worst;
}

int runEvalCommand(const QStringList &argsIn)
{
    QStringList args = argsIn;
    EvalOptions opt;
    opt.facesDir = tucai::cli::findFacesDir(tucai::cli::takeOption(args, QStringLiteral("--faces")));
    const QString profilePath = tucai::cli::takeOption(args, QStringLiteral("--profile"));
    opt.people = tucai::cli::takeOption(args, QStringLiteral("--people"), QStringLiteral("0")).toInt();
    opt.jobs = tucai::cli::takeOption(args, QStringLiteral("--jobs"), QStringLiteral("2")).toInt();
    opt.valuesCsv = tucai::cli::takeOption(args, QStringLiteral("--values"));
    opt.split = tucai::cli::takeOption(args, QStringLiteral("--split"));
    opt.producer = tucai::cli::takeOption(args, QStringLiteral("--producer"), QStringLiteral("both"));
    const QString defects = tucai::cli::takeOption(args, QStringLiteral("--defects"));
    if (!defects.isEmpty())
        opt.defects = defects.split(QLatin1Char(','), Qt::SkipEmptyParts);
    const QString levels = tucai::cli::takeOption(args, QStringLiteral("--levels"));
    if (!levels.isEmpty()) {
        opt.levels.clear();
        for (const QString &l : levels.split(QLatin1Char(','), Qt::SkipEmptyParts))
            opt.levels.append(l.toInt());
    }
    opt.real = !tucai::cli::takeFlag(args, QStringLiteral("--no-real"));
    opt.stability = tucai::cli::takeFlag(args, QStringLiteral("--stability"));
    const bool producerKnown = QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("both")}.contains(opt.producer);
    if (!producerKnown)
        tucai::cli::err() << QCoreApplication::translate("cli", "error: --producer must be a, b or both") << Qt::endl;
    if (!args.isEmpty() || !producerKnown) {
        tucai::cli::err() << QCoreApplication::translate("cli", "usage: tucai eval [--faces DIR] [--profile FILE] [--split tune|test|all] [--producer a|b|both] "
                                                                "[--people N] [--defects a,b] [--levels 1,2,3] [--no-real] [--stability] [--jobs N] [--values FILE.csv]\n"
                                                                "  --producer: which way of making the compliant photos is measured: a (GrabCut matte, "
                                                                "scale from the hair top), b (backdrop flood matte, scale from the pupil distance, "
                                                                "placement varied within the standard) or both (the default), each reported on its own\n");
        return tucai::cli::Usage;
    }
    opt.profile = CheckProfile::loadDefault();
    if (!profilePath.isEmpty()) {
        QString error;
        opt.profile = CheckProfile::fromFile(profilePath, &error);
        if (!opt.profile.isValid()) {
            tucai::cli::err() << QStringLiteral("tucai eval: %1\n").arg(error);
            return tucai::cli::Usage;
        }
    }
    CheckEngine::setLibraryThreads(1);
    QString error;
    if (!runEvaluation(opt, tucai::cli::out(), &error)) {
        tucai::cli::err() << QStringLiteral("tucai eval: %1\n").arg(error);
        return tucai::cli::Usage;
    }
    return tucai::cli::Ok;
}
