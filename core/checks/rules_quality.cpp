// Lighting on the face and technical image quality: exposure, evenness, highlights, sharpness, noise,
// colour cast, recapture (moire) and skin smoothing.
#include "engine_context.h"

#include <algorithm>
#include <cmath>

namespace tucai::checks::detail {
namespace {

cv::Rect clampRect(const cv::Rect &r, const cv::Mat &m) { return r & cv::Rect(0, 0, m.cols, m.rows); }

double meanL(Context &c, const cv::Rect &r) { return r.area() ? cv::mean(c.labIn(r)(r))[0] * 100.0 / 255.0 : 0; }

// Variance of the detail a Gaussian of `sigma` removes.
double detailEnergy(const cv::Mat &grey, const cv::Rect &r, double sigma)
{
    if (r.width < 8 || r.height < 8)
        return 0;
    cv::Mat g, b;
    grey(r).convertTo(g, CV_32F);
    cv::GaussianBlur(g, b, cv::Size(0, 0), sigma);
    cv::Scalar mean, sd;
    cv::meanStdDev(g - b, mean, sd);
    return sd[0] * sd[0];
}

double bandEnergy(const cv::Mat &grey, const cv::Rect &r, double s1, double s2)
{
    if (r.width < 8 || r.height < 8)
        return 0;
    cv::Mat g, a, b;
    grey(r).convertTo(g, CV_32F);
    cv::GaussianBlur(g, a, cv::Size(0, 0), s1);
    cv::GaussianBlur(g, b, cv::Size(0, 0), s2);
    cv::Scalar mean, sd;
    cv::meanStdDev(a - b, mean, sd);
    return sd[0] * sd[0];
}

// Periodic patterns (screen pixels, print rasters) show as isolated peaks in the spectrum; natural
// photos fall off smoothly. Peak over the median magnitude at the same radius, JPEG block
// frequencies excluded.
double moireScore(const cv::Mat &grey, cv::Rect *area)
{
    constexpr int n = 256;
    if (grey.cols < n || grey.rows < n) {
        *area = cv::Rect();
        return -1;
    }
    const cv::Rect r((grey.cols - n) / 2, std::max(0, (grey.rows - n) / 2 - grey.rows / 8), n, n);
    *area = r;
    cv::Mat f;
    grey(r).convertTo(f, CV_32F);
    // The window is the same for every photo: made once per process (65,536 cosines).
    static const cv::Mat win = [] {
        cv::Mat w;
        cv::createHanningWindow(w, cv::Size(n, n), CV_32F);
        return w;
    }();
    f = (f - cv::mean(f)[0]).mul(win);
    cv::Mat spec;
    cv::dft(f, spec, cv::DFT_COMPLEX_OUTPUT);
    // Only the half spectrum (frequencies x 0..n/2) is read below, a real image's spectrum being
    // symmetric: its magnitude alone (cv::magnitude on its real and imaginary parts, as before on
    // the whole spectrum: the same values, half the work).
    const int half = n / 2;
    std::vector<cv::Mat> parts;
    cv::split(spec.colRange(0, half + 1), parts);
    cv::Mat mag;
    cv::magnitude(parts[0], parts[1], mag);
    auto freq = [&](int i) { return i <= half ? i : i - n; };
    // The rounded radius of every frequency of the half spectrum: the same for every photo, computed
    // once per process (std::hypot per frequency, twice, was a third of this test's time).
    static const std::vector<short> radius = [&] {
        std::vector<short> t(size_t(n) * size_t(half + 1));
        for (int y = 0; y < n; ++y)
            for (int x = 0; x <= half; ++x)
                t[size_t(y) * size_t(half + 1) + size_t(x)] = short(std::lround(std::hypot(x, freq(y))));
        return t;
    }();
    const auto radiusAt = [&](int y, int x) { return int(radius[size_t(y) * size_t(half + 1) + size_t(x)]); };
    std::vector<std::vector<float>> rings(size_t(half + 1));
    for (int k = 24; k <= half; ++k)
        rings[size_t(k)].reserve(size_t(4 * k));
    for (int y = 0; y < n; ++y) {
        const float *row = mag.ptr<float>(y);
        for (int x = 0; x <= half; ++x) {
            const int rad = radiusAt(y, x);
            if (rad >= 24 && rad <= half)
                rings[size_t(rad)].push_back(row[x]);
        }
    }
    std::vector<float> med(size_t(half + 1), 0);
    for (int k = 24; k <= half; ++k) {
        auto &v = rings[size_t(k)];
        if (v.empty())
            continue;
        std::nth_element(v.begin(), v.begin() + long(v.size() / 2), v.end());
        med[size_t(k)] = v[v.size() / 2];
    }
    // Median magnitude along one spectrum column (x fixed) or row (y fixed), each computed once.
    std::vector<float> colMed(size_t(half + 1), -1.f), rowMed(size_t(n), -1.f);
    auto lineMedian = [&](bool column, int idx) {
        float &cached = column ? colMed[size_t(idx)] : rowMed[size_t(idx)];
        if (cached >= 0)
            return cached;
        std::vector<float> v;
        if (column)
            for (int y = 0; y < n; ++y)
                v.push_back(mag.at<float>(y, idx));
        else
            for (int x = 0; x <= half; ++x)
                v.push_back(mag.at<float>(idx, x));
        std::nth_element(v.begin(), v.begin() + long(v.size() / 2), v.end());
        cached = v[v.size() / 2];
        return cached;
    };
    double best = 0;
    for (int y = 0; y < n; ++y)
        for (int x = 0; x <= half; ++x) {
            const int fy = freq(y), fx = x;
            const bool gridX = std::abs(fx) % 32 <= 1 || std::abs(fx) % 32 >= 31, gridY = std::abs(fy) % 32 <= 1 || std::abs(fy) % 32 >= 31;
            if ((gridX && gridY) || fx == 0 || fy == 0)
                continue;   // 8x8 JPEG block grid harmonics, and the axes (image and block edges)
            // On a block-harmonic line, compare with the line itself: blocking spreads along it, a
            // screen pattern is one sharp peak.
            const int r0 = radiusAt(y, x);
            if (r0 < 24 || r0 > half)
                continue;
            float ref = med[size_t(r0)];
            if (gridX || gridY)
                ref = std::max(ref, lineMedian(gridX, gridX ? x : y));
            if (ref <= 0)
                continue;
            best = std::max(best, double(mag.at<float>(y, x)) / ref);
        }
    return std::log2(std::max(1.0, best));
}

// Edge energy at the eyes and lips: the 90th percentile of the gradient magnitude (grey levels per
// pixel, as a percentage of those regions' grey range) over boxes around the landmarks' eye contours and outer lip contour, with the
// face resampled so that the eye contours' centres are 64 px apart (the same measure on any photo
// size). Eyes and lips have edges on every face (iris and lids, lip line); blur flattens them
// whatever the rest of the photo does. -1 without landmarks.
double eyeLipEdgeEnergy(const Context &c, QList<Shape> *geo)
{
    if (!c.marks.valid)
        return -1;
    const Landmarks &m = c.marks;
    const double ipd = cv::norm(m.mean(lm::kLeftEyeFirst, 6) - m.mean(lm::kRightEyeFirst, 6));
    if (ipd < 8)
        return -1;
    const auto boxOf = [&](int first, int count, double pad) {
        std::vector<cv::Point2f> pts(m.pts.begin() + first, m.pts.begin() + first + count);
        const cv::Rect b = cv::boundingRect(pts);
        const int d = int(pad * ipd);
        return cv::Rect(b.x - d, b.y - d, b.width + 2 * d, b.height + 2 * d) & cv::Rect(0, 0, c.grey.cols, c.grey.rows);
    };
    const cv::Rect boxes[3] = {boxOf(lm::kLeftEyeFirst, 6, 0.12), boxOf(lm::kRightEyeFirst, 6, 0.12), boxOf(lm::kMouthLeft, 12, 0.08)};
    const double f = 64.0 / ipd;
    std::vector<float> mags, greys;
    for (const cv::Rect &b : boxes) {
        if (b.width < 4 || b.height < 4)
            continue;
        geo->append(Shape::box(qrect(b)));
        cv::Mat g, dx, dy, mag;
        cv::resize(c.grey(b), g, cv::Size(), f, f, f < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
        g.convertTo(g, CV_32F);
        for (int y = 0; y < g.rows; ++y)
            for (int x = 0; x < g.cols; ++x)
                greys.push_back(g.at<float>(y, x));
        cv::Sobel(g, dx, CV_32F, 1, 0, 3, 0.125);   // 0.125: grey levels per pixel
        cv::Sobel(g, dy, CV_32F, 0, 1, 3, 0.125);
        cv::magnitude(dx, dy, mag);
        for (int y = 1; y < mag.rows - 1; ++y)
            for (int x = 1; x < mag.cols - 1; ++x)
                mags.push_back(mag.at<float>(y, x));
    }
    if (mags.size() < 50)
        return -1;
    std::nth_element(mags.begin(), mags.begin() + long(mags.size() * 9 / 10), mags.end());
    // Relative to the contrast the eyes and lips have (their grey range, 5th to 95th percentile,
    // which blur barely changes): darker skin has the same sharp edges at a lower contrast.
    const auto pct = [&](size_t k) {
        std::nth_element(greys.begin(), greys.begin() + long(k), greys.end());
        return double(greys[k]);
    };
    const double range = std::max(10.0, pct(greys.size() * 95 / 100) - pct(greys.size() * 5 / 100));
    return 100.0 * mags[mags.size() * 9 / 10] / range;
}

} // namespace

void runQualityRules(Context &c)
{
    const cv::Point2f l = c.face.left.centre, r = c.face.right.centre, mid = (l + r) * 0.5f;
    const double ipd = std::max(10.0, c.face.interPupil);
    const cv::Rect cheekL = clampRect(cv::Rect(int(l.x - 0.22 * ipd), int(mid.y + 0.35 * ipd), int(0.4 * ipd), int(0.35 * ipd)), c.bgr);
    const cv::Rect cheekR = clampRect(cv::Rect(int(r.x - 0.18 * ipd), int(mid.y + 0.35 * ipd), int(0.4 * ipd), int(0.35 * ipd)), c.bgr);
    const cv::Rect forehead = clampRect(cv::Rect(int(mid.x - 0.5 * ipd), int(mid.y - 0.85 * ipd), int(1.0 * ipd), int(0.3 * ipd)), c.bgr);
    const cv::Rect faceBox = clampRect(cv::Rect(int(l.x - 0.4 * ipd), int(mid.y - 0.8 * ipd), int(1.8 * ipd), int(2.1 * ipd)), c.bgr);
    const cv::Rect eyesBox = clampRect(cv::Rect(int(l.x - 0.3 * ipd), int(mid.y - 0.2 * ipd), int(1.6 * ipd), int(0.4 * ipd)), c.bgr);

    if (c.needFace("lighting.face_even") && c.on("lighting.face_even")) {
        const double maxDiff = c.p("lighting.face_even", "maxDifference", 22);
        const double v = meanL(c, cheekL) - meanL(c, cheekR);
        c.add("lighting.face_even", std::abs(v) <= maxDiff ? RuleStatus::Pass : RuleStatus::Fail, v, QStringLiteral("|dL|<=%1").arg(maxDiff),
               {Shape::box(qrect(cheekL)), Shape::box(qrect(cheekR))});
    }
    if (c.needFace("lighting.highlights") && c.on("lighting.highlights")) {
        const double maxFrac = c.p("lighting.highlights", "maxFraction", 0.006);
        // Skin near white, outside the eyes (sclera and catchlights are bright by nature).
        cv::Mat bright = cv::Mat::zeros(c.bgr.size(), CV_8U);
        const cv::Mat &lab = c.labIn(faceBox);
        int count = 0, total = 0;
        for (int y = faceBox.y; y < faceBox.y + faceBox.height; ++y)
            for (int x = faceBox.x; x < faceBox.x + faceBox.width; ++x) {
                if (eyesBox.contains(cv::Point(x, y)))
                    continue;
                ++total;
                const cv::Vec3b v = lab.at<cv::Vec3b>(y, x);
                if (v[0] >= 240 && std::abs(v[1] - 128) + std::abs(v[2] - 128) < 16) {
                    ++count;
                    bright.at<uchar>(y, x) = 255;
                }
            }
        const double v = total ? double(count) / total : 0.0;
        QList<Shape> geo{Shape::box(qrect(faceBox))};
        if (v > maxFrac)
            geo.append(Shape::mask(maskPng(bright)));
        c.add("lighting.highlights", v <= maxFrac ? RuleStatus::Pass : RuleStatus::Fail, v, QStringLiteral("<=%1").arg(maxFrac), geo);
    }
    if (c.needFace("lighting.exposure") && c.on("lighting.exposure")) {
        const double lo = c.p("lighting.exposure", "minL", 45), hi = c.p("lighting.exposure", "maxL", 85);
        const double minTop = c.p("lighting.exposure", "minTopL", 60);
        // Brightest of the skin patches: a dark complexion still has a lit forehead or cheek.
        const double v = std::max({meanL(c, cheekL), meanL(c, cheekR), meanL(c, forehead)});
        // Dark skin is not under-exposure: then the brightest parts of the person (eye whites,
        // highlights, a light collar) stay bright. Under-exposure needs both the skin and those dark.
        double top = -1;   // unknown without a person mask: then the skin alone decides
        if (c.bgReady) {
            // Every other pixel (nearest neighbour), converted after picking: the same values.
            cv::Mat half;
            cv::resize(c.bgr, half, c.personHalf.size(), 0, 0, cv::INTER_NEAREST);
            cv::cvtColor(half, half, cv::COLOR_BGR2Lab);
            std::vector<uchar> ls;
            for (int y = 0; y < half.rows; ++y)
                for (int x = 0; x < half.cols; ++x)
                    if (c.personHalf.at<uchar>(y, x))
                        ls.push_back(half.at<cv::Vec3b>(y, x)[0]);
            if (ls.size() > 100) {
                std::nth_element(ls.begin(), ls.begin() + long(ls.size() * 99 / 100), ls.end());
                top = ls[ls.size() * 99 / 100] * 100.0 / 255.0;
            }
        }
        const bool under = top < 0 ? v < lo : top < minTop || (v < lo && top < minTop + 10), over = v > hi;
        RuleResult &res = c.add("lighting.exposure", under || over ? RuleStatus::Fail : RuleStatus::Pass, v, range(lo, hi),
                                 {Shape::box(qrect(cheekL)), Shape::box(qrect(cheekR)), Shape::box(qrect(forehead))});
        res.why = top < 0 ? QStringLiteral("person not separable from the background: skin alone")
                          : QStringLiteral("person 99th percentile L*=%1 (min %2)").arg(top, 0, 'f', 1).arg(minTop);
    }
    if (c.on("image.sharpness")) {
        const double minSharp = c.p("image.sharpness", "minSharpness", 0.32);
        const cv::Rect area = c.face.found ? faceBox : clampRect(cv::Rect(c.grey.cols / 4, c.grey.rows / 4, c.grey.cols / 2, c.grey.rows / 2), c.grey);
        // Finest detail relative to the next coarser band: blur removes the first, contrast cancels out.
        const double hi = detailEnergy(c.grey, area, 0.8), mid2 = bandEnergy(c.grey, area, 0.8, 2.5);
        // Strong uniform blur leaves the ratio of two almost empty bands to JPEG noise: the absolute
        // edge energy at the eyes and lips catches it. Either saying "blurred" fails.
        const double minEdge = c.p("image.sharpness", "minEdgeEnergy", 16);
        QList<Shape> edgeGeo;
        const double edge = eyeLipEdgeEnergy(c, &edgeGeo);
        const QString thr = edge >= 0 ? QStringLiteral(">=%1, eye/lip edges>=%2").arg(minSharp).arg(minEdge) : QStringLiteral(">=%1").arg(minSharp);
        const QString edgeWhy = edge >= 0 ? QStringLiteral("edge energy at the eyes and lips %1 (min %2)").arg(edge, 0, 'f', 1).arg(minEdge) : QString();
        const bool weakEdges = edge >= 0 && edge < minEdge;
        if (mid2 < 1 && !weakEdges) {
            c.add("image.sharpness", RuleStatus::Uncertain, std::nullopt, thr, {}, QStringLiteral("no detail to measure"));
        } else {
            const double v = mid2 < 1 ? 0.0 : hi / mid2;
            const bool blurred = (mid2 >= 1 && v < minSharp) || weakEdges;
            QList<Shape> geo{Shape::box(qrect(area))};
            if (weakEdges)
                geo = edgeGeo;
            c.add("image.sharpness", blurred ? RuleStatus::Fail : RuleStatus::Pass, v, thr, geo, edgeWhy);
        }
    }
    // Fine residual on the cheeks: a robust sigma of what a 3x3 median removes (sensor noise, pores).
    // Too much is noise; almost none left is skin smoothing. -1 when the cheeks are not visible.
    double cheekResidual = -1;
    if (c.face.found && (c.on("image.noise") || c.on("image.retouched"))) {
        std::vector<float> res;
        for (const cv::Rect &b : {cheekL, cheekR}) {
            if (b.width < 5 || b.height < 5)
                continue;
            cv::Mat med;
            cv::medianBlur(c.grey(b), med, 3);
            for (int y = 1; y < b.height - 1; ++y)
                for (int x = 1; x < b.width - 1; ++x)
                    res.push_back(std::abs(float(c.grey(b).at<uchar>(y, x)) - float(med.at<uchar>(y, x))));
        }
        if (res.size() >= 50) {
            std::nth_element(res.begin(), res.begin() + long(res.size() / 2), res.end());
            // The median of integers alone is coarse: a blend of the median and the mean.
            double mean = 0;
            for (float v : res)
                mean += v;
            mean /= double(res.size());
            cheekResidual = 1.4826 * (0.5 * res[res.size() / 2] + 0.5 * mean);
        }
    }
    if (c.needFace("image.noise") && c.on("image.noise")) {
        const double maxNoise = c.p("image.noise", "maxNoise", 3.2);
        if (cheekResidual < 0)
            c.add("image.noise", RuleStatus::Uncertain, std::nullopt, QStringLiteral("<=%1").arg(maxNoise), {}, QStringLiteral("cheeks not visible"));
        else
            c.add("image.noise", cheekResidual <= maxNoise ? RuleStatus::Pass : RuleStatus::Fail, cheekResidual, QStringLiteral("<=%1").arg(maxNoise),
                   {Shape::box(qrect(cheekL)), Shape::box(qrect(cheekR))});
    }
    if (c.needFace("image.colour_cast") && c.on("image.colour_cast")) {
        // Skin colour in a*/b* must fall in the natural range (OFIQ's "natural colour" idea).
        const double maxCast = c.p("image.colour_cast", "maxCast", 9);
        const double aLo = c.p("image.colour_cast", "minA", 3), aHi = c.p("image.colour_cast", "maxA", 26);
        const double bLo = c.p("image.colour_cast", "minB", 5), bHi = c.p("image.colour_cast", "maxB", 32);
        if (!c.skinReady) {
            c.add("image.colour_cast", RuleStatus::Uncertain, std::nullopt, {}, {}, QStringLiteral("skin not measurable"));
        } else {
            const double a = c.skinLab[1], b = c.skinLab[2];
            const double da = a < aLo ? aLo - a : a > aHi ? a - aHi : 0;
            const double db = b < bLo ? bLo - b : b > bHi ? b - bHi : 0;
            const double v = std::hypot(da, db);
            RuleResult &res = c.add("image.colour_cast", v <= maxCast ? RuleStatus::Pass : RuleStatus::Fail, v,
                                     QStringLiteral("<=%1 outside a*%2..%3 b*%4..%5").arg(maxCast).arg(aLo).arg(aHi).arg(bLo).arg(bHi),
                                     {Shape::box(qrect(cheekL)), Shape::box(qrect(cheekR))});
            res.why = QStringLiteral("skin a*=%1 b*=%2").arg(a, 0, 'f', 1).arg(b, 0, 'f', 1);
        }
    }
    if (c.on("image.recapture")) {
        const double maxMoire = c.p("image.recapture", "maxMoire", 4.0);
        cv::Rect area;
        const double v = moireScore(c.grey, &area);
        if (v < 0)
            c.add("image.recapture", RuleStatus::Uncertain, std::nullopt, QStringLiteral("<=%1").arg(maxMoire), {}, QStringLiteral("photo too small for the spectrum test"));
        else
            c.add("image.recapture", v <= maxMoire ? RuleStatus::Pass : RuleStatus::Fail, v, QStringLiteral("<=%1").arg(maxMoire),
                   v <= maxMoire ? QList<Shape>{} : QList<Shape>{Shape::box(qrect(area))});
    }
    if (c.needFace("image.retouched") && c.on("image.retouched")) {
        // Beautification flattens the skin: it removes the pores and the sensor noise the cheeks of
        // an untouched photo keep (even at JPEG quality 90), while edges stay. The cheek residual
        // then drops to the JPEG floor.
        const double minRes = c.p("image.retouched", "minCheekResidual", 0.27);
        if (cheekResidual < 0)
            c.add("image.retouched", RuleStatus::Uncertain, std::nullopt, QStringLiteral(">=%1").arg(minRes), {}, QStringLiteral("cheeks not visible"));
        else
            c.add("image.retouched", cheekResidual >= minRes ? RuleStatus::Pass : RuleStatus::Fail, cheekResidual, QStringLiteral(">=%1").arg(minRes),
                   {Shape::box(qrect(cheekL)), Shape::box(qrect(cheekR))});
    }
}

} // namespace tucai::checks::detail
