// Benchmark of the photo check engine (not a ctest test).
//
//   ninja -C build bench_checks && build/tests/bench/bench_checks [--photos N] [--reps R]
//     median full check of one produced 480x640 JPEG on one core (decode included) and, in the same
//     run, the median cv::imdecode of the same files, and their ratio.
//   build/tests/bench/bench_checks --write DIR [--count 1000] [--defects a,b] [--level L] [--people a,b] [--producer a|b]
//     writes COUNT labelled fixture photos (compliant and defective) for the throughput test:
//     time build/app/tucai check --jobs 2 --json DIR > /dev/null
//     (--level: only that strength instead of 1, 2, 3 in turn; --people: only these FRLL ids; both to
//     look at one kind of defect)
#include "checks/check_engine.h"
#include "checks/fixtures.h"
#include "util/platform.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QTextStream>

#include <algorithm>

using namespace tucai::checks;

namespace {

using tucai::platform::threadCpuMs;

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    auto option = [&](const QString &name, const QString &fallback) {
        const int i = int(args.indexOf(name));
        return i >= 0 && i + 1 < args.size() ? args[i + 1] : fallback;
    };
    QTextStream out(stdout);
    const QString faces = option(QStringLiteral("--faces"), QStringLiteral(TUCAI_SHARED_DIR "/faces"));
    QStringList people = frllPeople(faces);
    if (const QStringList only = option(QStringLiteral("--people"), {}).split(QLatin1Char(','), Qt::SkipEmptyParts); !only.isEmpty())
        people = only;
    if (people.isEmpty()) {
        out << "no FRLL portraits under " << faces << "\n";
        return 2;
    }

    const QString writeDir = option(QStringLiteral("--write"), {});
    if (!writeDir.isEmpty()) {
        const int count = option(QStringLiteral("--count"), QStringLiteral("1000")).toInt();
        // Optional: only these defects (plus the compliant photo), e.g. to look at one kind.
        const QStringList only = option(QStringLiteral("--defects"), {}).split(QLatin1Char(','), Qt::SkipEmptyParts);
        const int level = option(QStringLiteral("--level"), QStringLiteral("0")).toInt();
        // Which producer makes the photos the defects are injected into: a (default) or b.
        const ProducerMethod producer = option(QStringLiteral("--producer"), QStringLiteral("a")) == QLatin1String("b") ? ProducerMethod::B : ProducerMethod::A;
        QDir().mkpath(writeDir);
        int written = 0;
        for (int round = 0; written < count; ++round) {
            for (const QString &p : people) {
                QByteArray bytes;
                QPointF l, r;
                if (!loadFrll(faces, p, false, &bytes, &l, &r))
                    continue;
                // The next person is the second face, as in `tucai eval`.
                QByteArray other;
                QPointF ol, orr;
                loadFrll(faces, people.at((people.indexOf(p) + 1) % people.size()), false, &other, &ol, &orr);
                const QList<Fixture> fx = makeFixtures(bytes, l, r, p, only, {level > 0 ? level : 1 + round % 3}, nullptr, other, ol, orr, producer);
                for (const Fixture &f : fx) {
                    if (written >= count)
                        break;
                    QFile o(QStringLiteral("%1/%2_%3_%4_%5.jpg").arg(writeDir, p, f.defect).arg(f.level).arg(round));
                    if (o.open(QIODevice::WriteOnly))
                        o.write(f.bytes);
                    ++written;
                }
                if (written >= count)
                    break;
            }
        }
        out << written << " photos written to " << writeDir << "\n";
        return 0;
    }

    const int nPhotos = std::min(int(people.size()), option(QStringLiteral("--photos"), QStringLiteral("30")).toInt());
    const int reps = option(QStringLiteral("--reps"), QStringLiteral("5")).toInt();
    // One core: OpenCV's own worker threads off.
    CheckEngine::setLibraryThreads(1);
    QList<QByteArray> photos;
    for (const QString &p : people.mid(0, nPhotos)) {
        QByteArray bytes;
        QPointF l, r;
        if (loadFrll(faces, p, false, &bytes, &l, &r))
            photos << producePhoto(bytes, l, r);
    }
    const CheckEngine engine(CheckProfile::loadDefault());
    engine.check(photos.first());   // loads the cascades for this thread
    std::vector<double> checkMs, decodeMs, checkCpu, decodeCpu;
    QStringList stageNames;                      // in the order the engine runs them
    QHash<QString, std::vector<double>> stageMs; // wall ms of each stage, per check
    qint64 bytesTotal = 0;
    for (int rep = 0; rep < reps; ++rep) {
        for (const QByteArray &b : photos) {
            QElapsedTimer t;
            t.start();
            double c0 = threadCpuMs();
            const cv::Mat m = cv::imdecode(cv::Mat(1, int(b.size()), CV_8UC1, const_cast<char *>(b.constData())), cv::IMREAD_COLOR);
            decodeCpu.push_back(threadCpuMs() - c0);
            decodeMs.push_back(double(t.nsecsElapsed()) / 1e6);
            if (m.empty())
                return 3;
            t.restart();
            c0 = threadCpuMs();
            const CheckReport r = engine.check(b);
            checkCpu.push_back(threadCpuMs() - c0);
            checkMs.push_back(double(t.nsecsElapsed()) / 1e6);
            if (!r.decoded)
                return 3;
            for (const auto &[stage, ms] : r.stageMs) {
                if (!stageNames.contains(stage))
                    stageNames << stage;
                stageMs[stage].push_back(ms);
            }
            bytesTotal += b.size();
        }
    }
    const double mc = median(checkMs), md = median(decodeMs);
    out << "photos: " << photos.size() << " produced 480x640 JPEGs (mean " << bytesTotal / qint64(checkMs.size()) / 1024 << " KB), "
        << reps << " repetitions, 1 thread\n";
    const double cc = median(checkCpu), cd = median(decodeCpu);
    out << QStringLiteral("                   wall median  wall p90   cpu median  cpu p90\n");
    out << QStringLiteral("cv::imdecode       %1 ms  %2 ms  %3 ms  %4 ms\n").arg(md, 8, 'f', 2).arg(percentile(decodeMs, 0.9), 7, 'f', 2)
               .arg(cd, 8, 'f', 2).arg(percentile(decodeCpu, 0.9), 7, 'f', 2);
    out << QStringLiteral("full check         %1 ms  %2 ms  %3 ms  %4 ms  (decode included)\n").arg(mc, 8, 'f', 2).arg(percentile(checkMs, 0.9), 7, 'f', 2)
               .arg(cc, 8, 'f', 2).arg(percentile(checkCpu, 0.9), 7, 'f', 2);
    out << QStringLiteral("ratio              full check = %1 x decode (wall), %2 x (cpu)\n").arg(mc / std::max(1e-9, md), 0, 'f', 1)
               .arg(cc / std::max(1e-9, cd), 0, 'f', 1);
    // Where the time goes: each stage's median (the medians need not add up to the full check's).
    out << QStringLiteral("stages (wall median, p90)\n");
    for (const QString &s : stageNames)
        out << QStringLiteral("  %1 %2 ms  %3 ms\n").arg(s, -18).arg(median(stageMs[s]), 6, 'f', 2).arg(percentile(stageMs[s], 0.9), 6, 'f', 2);
    return 0;
}
