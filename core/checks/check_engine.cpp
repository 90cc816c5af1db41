#include "check_engine.h"
#include "engine_context.h"

#include <QElapsedTimer>
#include <QThreadStorage>

#include <cmath>

namespace tucai::checks {
namespace detail {

QString range(double lo, double hi, int decimals)
{
    return QStringLiteral("%1-%2").arg(lo, 0, 'f', decimals).arg(hi, 0, 'f', decimals);
}

QByteArray maskPng(const cv::Mat &mask8u)
{
    std::vector<uchar> out;
    if (mask8u.empty() || !cv::imencode(".png", mask8u, out))
        return {};
    return QByteArray(reinterpret_cast<const char *>(out.data()), qsizetype(out.size()));
}

int blobStats(const cv::Mat &mask8u, cv::Mat &stats)
{
    if (!cv::countNonZero(mask8u))
        return 1;
    cv::Mat labels, centroids;
    return cv::connectedComponentsWithStats(mask8u, labels, stats, centroids, 8);
}

QRectF blobBox(const cv::Mat &stats, int i, cv::Point origin, double scale)
{
    return QRectF((origin.x + stats.at<int>(i, cv::CC_STAT_LEFT)) * scale, (origin.y + stats.at<int>(i, cv::CC_STAT_TOP)) * scale,
                  stats.at<int>(i, cv::CC_STAT_WIDTH) * scale, stats.at<int>(i, cv::CC_STAT_HEIGHT) * scale);
}

cv::Vec3f rgbToLabUnits(int r, int g, int b)
{
    cv::Mat px(1, 1, CV_8UC3, cv::Scalar(b, g, r));
    cv::Mat lab;
    cv::cvtColor(px, lab, cv::COLOR_BGR2Lab);
    const cv::Vec3b v = lab.at<cv::Vec3b>(0, 0);
    return labUnits(cv::Vec3f(v[0], v[1], v[2]));
}

const cv::Mat &Context::labIn(const cv::Rect &wanted)
{
    constexpr int kLabTile = 16;
    const int tilesX = (bgr.cols + kLabTile - 1) / kLabTile, tilesY = (bgr.rows + kLabTile - 1) / kLabTile;
    if (labPx.empty()) {
        // One buffer per thread, reused from photo to photo: a fresh 0.9 MB block per photo was
        // returned to the system and faulted in again each time (with two threads: 2 ms of system
        // time per photo).
        static QThreadStorage<cv::Mat> buffers;
        cv::Mat &buffer = buffers.localData();
        buffer.create(bgr.size(), CV_8UC3);
        labPx = buffer;
        labTileDone.assign(size_t(tilesX) * size_t(tilesY), 0);
    }
    const cv::Rect r = wanted & frame();
    if (r.area() <= 0)
        return labPx;
    // Each run of tiles not yet converted in a row of tiles is converted at once (into labPx's own
    // pixels: cvtColor keeps a destination of the right size and type). Per pixel the same values
    // as converting the whole photo.
    for (int ty = r.y / kLabTile; ty <= (r.y + r.height - 1) / kLabTile; ++ty) {
        const int last = (r.x + r.width - 1) / kLabTile;
        for (int tx = r.x / kLabTile; tx <= last; ++tx) {
            if (labTileDone[size_t(ty) * size_t(tilesX) + size_t(tx)])
                continue;
            int end = tx;
            while (end + 1 <= last && !labTileDone[size_t(ty) * size_t(tilesX) + size_t(end + 1)])
                ++end;
            const cv::Rect run = cv::Rect(tx * kLabTile, ty * kLabTile, (end - tx + 1) * kLabTile, kLabTile) & frame();
            cv::Mat dst = labPx(run);
            cv::cvtColor(bgr(run), dst, cv::COLOR_BGR2Lab);
            CV_Assert(dst.data == labPx(run).data);
            for (int k = tx; k <= end; ++k)
                labTileDone[size_t(ty) * size_t(tilesX) + size_t(k)] = 1;
            tx = end;
        }
    }
    return labPx;
}

RuleResult &Context::add(const char *rule, RuleStatus status, std::optional<double> value, const QString &threshold,
                          QList<Shape> geometry, const QString &why)
{
    const QString id = QLatin1String(rule);
    RuleResult r;
    r.rule = id;
    r.status = status;
    r.severity = profile.severity(id);
    r.value = value;
    r.threshold = threshold;
    const bool bad = status == RuleStatus::Fail;
    r.message = bad ? profile.text(id, QStringLiteral("message")) : profile.text(id, QStringLiteral("title"));
    r.messageZh = bad ? profile.text(id, QStringLiteral("messageZh")) : profile.text(id, QStringLiteral("titleZh"));
    r.why = why;
    r.geometry = std::move(geometry);
    report.results.append(r);
    return report.results.last();
}

bool Context::needLandmarks(const char *rule, const QString &threshold)
{
    if (marks.valid)
        return true;
    add(rule, RuleStatus::Uncertain, std::nullopt, threshold, {},
        face.found ? QStringLiteral("face landmarks not found") : QStringLiteral("no face found"));
    return false;
}

bool Context::needFace(const char *rule)
{
    if (face.found)
        return true;
    if (on(rule))
        add(rule, RuleStatus::Skipped, std::nullopt, {}, {}, QStringLiteral("no face found"));
    return false;
}

void runFileRules(Context &c)
{
    if (c.on("file.format")) {
        // The standard asks for JPEG with quality >= 60; the quality is estimated from the DQT table.
        const double minQ = c.p("file.format", "minQuality", 60);
        const bool jpeg = c.dec.format == QLatin1String("jpeg");
        const QString thr = QStringLiteral("JPEG, quality>=%1").arg(minQ);
        if (!jpeg)
            c.add("file.format", RuleStatus::Fail, std::nullopt, thr, {}, QStringLiteral("format is %1").arg(c.dec.format.toUpper()));
        else if (c.dec.jpegQuality < 0)
            c.add("file.format", RuleStatus::Uncertain, std::nullopt, thr, {}, QStringLiteral("JPEG quality could not be estimated"));
        else
            c.add("file.format", c.dec.jpegQuality >= minQ ? RuleStatus::Pass : RuleStatus::Fail, c.dec.jpegQuality, thr);
    }
    if (c.on("file.size")) {
        const double kb = double(c.bytes.size()) / 1024.0;
        const double lo = c.p("file.size", "minKB", 20), hi = c.p("file.size", "maxKB", 60);
        c.add("file.size", kb >= lo && kb <= hi ? RuleStatus::Pass : RuleStatus::Fail, kb, range(lo, hi) + QStringLiteral(" KB"));
    }
    if (c.on("image.dimensions")) {
        const int w = int(c.p("image.dimensions", "width", 480)), h = int(c.p("image.dimensions", "height", 640));
        const bool ok = c.bgr.cols == w && c.bgr.rows == h;
        RuleResult &r = c.add("image.dimensions", ok ? RuleStatus::Pass : RuleStatus::Fail, double(c.bgr.cols) / c.bgr.rows,
                               QStringLiteral("%1x%2").arg(w).arg(h));
        if (!ok)
            r.why = QStringLiteral("image is %1x%2").arg(c.bgr.cols).arg(c.bgr.rows);
    }
}

} // namespace detail

CheckEngine::CheckEngine(const CheckProfile &profile)
    : m_profile(profile.isValid() ? profile : CheckProfile::loadDefault())
{
}

void CheckEngine::setLibraryThreads(int n)
{
    cv::setNumThreads(n <= 0 ? -1 : n);
}

QString CheckEngine::version()
{
    return QStringLiteral("tucai-checks 2.4.0");
}

CheckReport CheckEngine::check(const QByteArray &bytes, const QString &fileName) const
{
    Q_UNUSED(fileName);
    QElapsedTimer timer;
    timer.start();
    CheckReport report;
    report.engine = version();
    report.profile = m_profile.id();
    report.profileVersion = m_profile.version();

    detail::Context c{m_profile, bytes, report};
    qint64 lastNs = 0;
    auto lap = [&](const char *stage) {
        const qint64 now = timer.nsecsElapsed();
        report.stageMs.append({QLatin1String(stage), double(now - lastNs) / 1e6});
        lastNs = now;
    };
    c.dec = detail::decodePhoto(bytes, {m_profile.maxFileBytes(), m_profile.maxPixels(), m_profile.maxSide()});
    if (!c.dec.errorCode.isEmpty()) {
        report.error = c.dec.error;
        report.errorCode = c.dec.errorCode;
        report.width = c.dec.width;
        report.height = c.dec.height;
        report.finish();
        report.ms = double(timer.nsecsElapsed()) / 1e6;
        return report;
    }
    report.decoded = true;
    try {
        c.bgr = c.dec.bgr;
        report.width = c.bgr.cols;
        report.height = c.bgr.rows;
        cv::cvtColor(c.bgr, c.grey, cv::COLOR_BGR2GRAY);
        c.standardFrame = std::abs(double(c.bgr.cols) / c.bgr.rows - 0.75) < 0.02;
        c.toStd = 480.0 / c.bgr.cols;
        lap("decode");

        detail::runFileRules(c);
        QString cascadeError, modelError;
        bool haveModel = false;   // asked only once a face is found (loading the model takes ~0.4 s)
        if (detail::cascadesAvailable(&cascadeError)) {
            // Faces first, then the landmarks of the main face. With valid landmarks the pupils are
            // the dark blobs inside their eye contours (closer to the truth than the eye cascade's:
            // median error 0.017 against 0.033 of the eye distance on the tune half, and 3 ms cheaper). Without them
            // the eye cascade places the pupils, on the photo turned +-15 deg when the upright photo
            // shows no face or misses an eye, and the landmarks are fitted again when that gave
            // another box.
            c.face = detail::detectFaces(c.grey);
            lap("faces");
            haveModel = c.face.found && detail::landmarkModelAvailable(&modelError);
            if (haveModel)
                c.marks = detail::fitLandmarks(c.grey, c.face.box);
            lap("landmarks");
            if (c.marks.valid) {
                detail::eyesFromLandmarks(c.bgr, c.grey, c.marks, c.face);
            } else {
                const bool upright = c.face.found;
                const cv::Rect uprightBox = c.face.box;
                c.face = detail::eyesByCascade(c.bgr, c.grey, std::move(c.face));
                if (c.face.found && !upright)
                    haveModel = detail::landmarkModelAvailable(&modelError);
                if (haveModel && (!upright || c.face.box != uprightBox))
                    c.marks = detail::fitLandmarks(c.grey, c.face.box);
            }
            report.detector = c.face.method;
            lap("eyes");
        } else {
            report.detector = QStringLiteral("none: ") + cascadeError;
        }
        if (c.face.found) {
            FaceInfo &f = report.face;
            f.found = true;
            f.box = detail::qrect(c.face.box);
            f.leftEye = detail::qpt(c.face.left.centre);
            f.rightEye = detail::qpt(c.face.right.centre);
            f.mouth = detail::qpt(c.face.mouth);
            if (haveModel)
                c.pose = detail::headPose(c.marks, c.grey.size());
            else // Stays visible in the report: the landmark rules all say uncertain.
                report.detector += QStringLiteral("; no landmarks: ") + modelError;
            if (c.marks.valid)
                for (const cv::Point2f &p : c.marks.pts)
                    f.landmarks.append(detail::qpt(p));
            if (c.pose.valid) {
                f.yaw = c.pose.yaw;
                f.pitch = c.pose.pitch;
                f.roll = c.pose.roll;
                for (const cv::Point2f &p : c.pose.axes)
                    f.poseAxes.append(detail::qpt(p));
            }
        }
        lap("pose");
        detail::prepareBackground(c);
        lap("background matte");
        detail::prepareSkin(c);
        detail::prepareGlasses(c);
        lap("skin, glasses");
        if (c.glasses != detail::Context::Glasses::Unknown) {
            using G = detail::Context::Glasses;
            report.face.glasses = c.glasses == G::Found ? QStringLiteral("found") : c.glasses == G::None ? QStringLiteral("none") : QStringLiteral("uncertain");
            report.face.glassesBridge = c.bridgeEdge;
            report.face.glassesRims = c.rimEdge;
        }
        detail::runGeometryRules(c);
        lap("geometry rules");
        detail::runFeatureRules(c);
        lap("feature rules");
        detail::runBackgroundRules(c);
        lap("background rules");
        detail::runQualityRules(c);
        lap("quality rules");
    } catch (const cv::Exception &e) {
        // A bug or an image OpenCV cannot process: report it for this file instead of crashing.
        report.error = QStringLiteral("internal error while checking: %1").arg(QString::fromUtf8(e.err.c_str()));
        report.errorCode = QStringLiteral("engine.internal");
        report.decoded = false;
    }
    report.finish();
    report.ms = double(timer.nsecsElapsed()) / 1e6;
    return report;
}

} // namespace tucai::checks
