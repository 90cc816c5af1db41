// Lighting on the face and technical image quality: exposure, evenness, highlights, sharpness, noise,
// colour cast, recapture (moire) and skin smoothing.
#include "engine_context.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace tucai::checks::detail {
namespace {

cv::Rect clampRect(const cv::Rect &r, const cv::Mat &m) { return r & cv::Rect(0, 0, m.cols, m.rows); }

double meanL(Context &c, const cv::Rect &r) { return r.area() ? cv::mean(c.labIn(r)(r))[0] * 100.0 / 255.0 : 0; }

// The variance of the detail a Gaussian of sigma `s1` removes (*fine) and of the band between the
// Gaussians of `s1` and `s2` (*band); both 0 for a region under 8x8. The blur of `s1` serves both.
void detailBands(const cv::Mat &grey, const cv::Rect &r, double s1, double s2, double *fine, double *band)
{
    *fine = *band = 0;
    if (r.width < 8 || r.height < 8)
        return;
    cv::Mat g, a, b;
    grey(r).convertTo(g, CV_32F);
    cv::GaussianBlur(g, a, cv::Size(0, 0), s1);
    cv::GaussianBlur(g, b, cv::Size(0, 0), s2);
    cv::Scalar mean, sd;
    cv::meanStdDev(g - a, mean, sd);
    *fine = sd[0] * sd[0];
    cv::meanStdDev(a - b, mean, sd);
    *band = sd[0] * sd[0];
}

// The value of rank `k` (0-based, in ascending order) among the values counted in `hist`: what
// std::nth_element at k gives on those values.
int rankInHistogram(const std::array<int, 256> &hist, size_t k)
{
    size_t seen = 0;
    for (int v = 0; v < 256; ++v) {
        seen += size_t(hist[size_t(v)]);
        if (seen > k)
            return v;
    }
    return 255;
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
    constexpr int half = n / 2;
    std::vector<cv::Mat> parts;
    cv::split(spec.colRange(0, half + 1), parts);
    cv::Mat mag;
    cv::magnitude(parts[0], parts[1], mag);
    CV_Assert(mag.isContinuous() && mag.cols == half + 1);
    const float *magAt = mag.ptr<float>(0);   // frequency (x, y) at y * (half + 1) + x
    // Which frequencies are compared with what is the same for every photo: worked out once per
    // process (each frequency's rounded radius, std::hypot per frequency, was a third of this test's
    // time), as lists of indices, so that a photo costs only the reads and the medians.
    struct Peak
    {
        int index;    // into magAt
        short ring;   // rounded radius, 24..half
        short line;   // the block-harmonic line it lies on: column x (0..half), row y (half+1+y), or -1
    };
    struct Layout
    {
        std::vector<std::vector<int>> rings;   // per radius: its frequencies' indices
        std::vector<Peak> peaks;
    };
    static const Layout layout = [] {
        Layout t;
        t.rings.resize(size_t(half + 1));
        const auto freq = [](int i) { return i <= half ? i : i - n; };
        for (int y = 0; y < n; ++y)
            for (int x = 0; x <= half; ++x) {
                const int rad = int(std::lround(std::hypot(x, freq(y))));
                if (rad < 24 || rad > half)
                    continue;
                const int index = y * (half + 1) + x;
                t.rings[size_t(rad)].push_back(index);
                const int fy = freq(y), fx = x;
                const bool gridX = std::abs(fx) % 32 <= 1 || std::abs(fx) % 32 >= 31, gridY = std::abs(fy) % 32 <= 1 || std::abs(fy) % 32 >= 31;
                if ((gridX && gridY) || fx == 0 || fy == 0)
                    continue;   // 8x8 JPEG block grid harmonics, and the axes (image and block edges)
                // On a block-harmonic line, compare with the line itself: blocking spreads along it, a
                // screen pattern is one sharp peak.
                t.peaks.push_back({index, short(rad), short(gridX ? x : gridY ? half + 1 + y : -1)});
            }
        return t;
    }();
    // The median magnitude of each ring (nth_element's value at size/2: the upper median).
    std::vector<float> med(size_t(half + 1), 0), v;
    for (int k = 24; k <= half; ++k) {
        const std::vector<int> &ring = layout.rings[size_t(k)];
        if (ring.empty())
            continue;
        v.resize(ring.size());
        for (size_t i = 0; i < ring.size(); ++i)
            v[i] = magAt[ring[i]];
        std::nth_element(v.begin(), v.begin() + long(v.size() / 2), v.end());
        med[size_t(k)] = v[v.size() / 2];
    }
    // Median magnitude along one spectrum column (x fixed) or row (y fixed), each computed once.
    std::vector<float> lineMed(size_t(half + 1 + n), -1.f);
    const auto lineMedian = [&](int line) {
        float &cached = lineMed[size_t(line)];
        if (cached >= 0)
            return cached;
        v.clear();
        if (line <= half)
            for (int y = 0; y < n; ++y)
                v.push_back(magAt[y * (half + 1) + line]);
        else
            for (int x = 0; x <= half; ++x)
                v.push_back(magAt[(line - half - 1) * (half + 1) + x]);
        std::nth_element(v.begin(), v.begin() + long(v.size() / 2), v.end());
        cached = v[v.size() / 2];
        return cached;
    };
    double best = 0;
    for (const Peak &pk : layout.peaks) {
        float ref = med[size_t(pk.ring)];
        if (pk.line >= 0)
            ref = std::max(ref, lineMedian(pk.line));
        if (ref <= 0)
            continue;
        best = std::max(best, double(magAt[pk.index]) / ref);
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
    std::vector<float> mags;
    // The resized grey levels are whole numbers: their percentiles come from a histogram.
    std::array<int, 256> greyHist{};
    size_t greys = 0;
    for (const cv::Rect &b : boxes) {
        if (b.width < 4 || b.height < 4)
            continue;
        geo->append(Shape::box(qrect(b)));
        cv::Mat g, dx, dy, mag;
        cv::resize(c.grey(b), g, cv::Size(), f, f, f < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
        for (int y = 0; y < g.rows; ++y) {
            const uchar *row = g.ptr<uchar>(y);
            for (int x = 0; x < g.cols; ++x)
                ++greyHist[row[x]];
        }
        greys += g.total();
        g.convertTo(g, CV_32F);
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
    const auto pct = [&](size_t k) { return double(rankInHistogram(greyHist, k)); };
    const double range = std::max(10.0, pct(greys * 95 / 100) - pct(greys * 5 / 100));
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
        // Skin near white, outside the eyes (sclera and catchlights are bright by nature). Counted
        // first; the photo-sized mask of those pixels is drawn only for a failing photo.
        const cv::Mat &lab = c.labIn(faceBox);
        const auto isBright = [](const cv::Vec3b &v) { return v[0] >= 240 && std::abs(v[1] - 128) + std::abs(v[2] - 128) < 16; };
        const auto forSkin = [&](auto visit) {
            for (int y = faceBox.y; y < faceBox.y + faceBox.height; ++y) {
                const cv::Vec3b *row = lab.ptr<cv::Vec3b>(y);
                const bool eyeRow = y >= eyesBox.y && y < eyesBox.y + eyesBox.height;
                for (int x = faceBox.x; x < faceBox.x + faceBox.width; ++x)
                    if (!eyeRow || x < eyesBox.x || x >= eyesBox.x + eyesBox.width)
                        visit(y, x, row[x]);
            }
        };
        int count = 0, total = 0;
        forSkin([&](int, int, const cv::Vec3b &v) {
            ++total;
            count += isBright(v);
        });
        const double v = total ? double(count) / total : 0.0;
        QList<Shape> geo{Shape::box(qrect(faceBox))};
        if (v > maxFrac) {
            cv::Mat bright = cv::Mat::zeros(c.bgr.size(), CV_8U);
            forSkin([&](int y, int x, const cv::Vec3b &px) {
                if (isBright(px))
                    bright.at<uchar>(y, x) = 255;
            });
            geo.append(Shape::mask(maskPng(bright)));
        }
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
            // Every other pixel (nearest neighbour); of those only the person's, gathered into one
            // row and converted there (cvtColor converts each pixel on its own: the same values as
            // converting the whole half), their L* percentile read from a histogram.
            cv::Mat half;
            cv::resize(c.bgr, half, c.personHalf.size(), 0, 0, cv::INTER_NEAREST);
            const int n = cv::countNonZero(c.personHalf);
            if (n > 100) {
                cv::Mat picked(1, n, CV_8UC3);
                cv::Vec3b *out = picked.ptr<cv::Vec3b>(0);
                for (int y = 0; y < half.rows; ++y) {
                    const uchar *m = c.personHalf.ptr<uchar>(y);
                    const cv::Vec3b *p = half.ptr<cv::Vec3b>(y);
                    for (int x = 0; x < half.cols; ++x)
                        if (m[x])
                            *out++ = p[x];
                }
                cv::cvtColor(picked, picked, cv::COLOR_BGR2Lab);
                std::array<int, 256> hist{};
                const cv::Vec3b *lab = picked.ptr<cv::Vec3b>(0);
                for (int i = 0; i < n; ++i)
                    ++hist[lab[i][0]];
                top = rankInHistogram(hist, size_t(n) * 99 / 100) * 100.0 / 255.0;
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
        double hi = 0, mid2 = 0;
        detailBands(c.grey, area, 0.8, 2.5, &hi, &mid2);
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
        // The residuals are whole grey levels: counted in a histogram (median and mean exact).
        std::array<int, 256> hist{};
        size_t n = 0;
        for (const cv::Rect &b : {cheekL, cheekR}) {
            if (b.width < 5 || b.height < 5)
                continue;
            const cv::Mat grey = c.grey(b);
            cv::Mat med;
            cv::medianBlur(grey, med, 3);
            for (int y = 1; y < b.height - 1; ++y) {
                const uchar *g = grey.ptr<uchar>(y), *m = med.ptr<uchar>(y);
                for (int x = 1; x < b.width - 1; ++x)
                    ++hist[size_t(std::abs(int(g[x]) - int(m[x])))];
            }
            n += size_t(b.width - 2) * size_t(b.height - 2);
        }
        if (n >= 50) {
            // The median of integers alone is coarse: a blend of the median and the mean.
            double mean = 0;
            for (int v = 0; v < 256; ++v)
                mean += double(v) * hist[size_t(v)];
            mean /= double(n);
            cheekResidual = 1.4826 * (0.5 * rankInHistogram(hist, n / 2) + 0.5 * mean);
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
