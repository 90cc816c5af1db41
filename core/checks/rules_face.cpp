// Rules on facial features: eyes open, mouth closed, red eye, glasses, ears, hair, head covering, jewellery.
#include "engine_context.h"

#include <algorithm>
#include <cmath>

namespace tucai::checks::detail {
namespace {

cv::Rect around(cv::Point2f c, double w, double h, const cv::Mat &img)
{
    return cv::Rect(int(c.x - w / 2), int(c.y - h / 2), int(w), int(h)) & cv::Rect(0, 0, img.cols, img.rows);
}

cv::Vec3f labAt(const cv::Mat &lab, int y, int x)
{
    const cv::Vec3b v = lab.at<cv::Vec3b>(y, x);
    return labUnits(cv::Vec3f(v[0], v[1], v[2]));
}

// Eye aspect ratio of the six contour points from `first` (outer corner, two upper lid points, inner
// corner, two lower lid points): lid opening over eye width. Open eyes ~0.3, closed ~0.1.
double eyeAspect(const Landmarks &m, int first)
{
    const auto d = [&](int a, int b) { return cv::norm(m[first + a] - m[first + b]); };
    const double width = d(0, 3);
    return width < 1 ? 0.0 : (d(1, 5) + d(2, 4)) / (2 * width);
}

QList<QPointF> contour(const Landmarks &m, int first, int count)
{
    QList<QPointF> pts;
    for (int i = first; i < first + count; ++i)
        pts.append(qpt(m[i]));
    return pts;
}

// Median grey of the columns x0..x1 at row base(x) + o, for each offset o in o0..o1: the profile of
// a band that follows a contour (a lid) or a straight row (the bridge).
template<typename Base>
std::vector<double> bandProfile(const cv::Mat &grey, int x0, int x1, int o0, int o1, Base base)
{
    std::vector<double> prof;
    std::vector<uchar> col;
    for (int o = o0; o <= o1; ++o) {
        col.clear();
        for (int x = std::max(0, x0); x <= std::min(grey.cols - 1, x1); ++x) {
            const int y = int(std::lround(base(x))) + o;
            if (y >= 0 && y < grey.rows)
                col.push_back(grey.at<uchar>(y, x));
        }
        if (col.size() < 3)
            return {};
        std::nth_element(col.begin(), col.begin() + long(col.size() / 2), col.end());
        prof.push_back(col[col.size() / 2]);
    }
    return prof;
}

// The strongest step along a profile (difference over 2*s rows) relative to the profile's own
// brightness: a frame's edge against the skin around it, Weber-like, so the same frame counts the
// same on light and dark skin.
double strongestEdge(const std::vector<double> &prof, int s)
{
    if (prof.size() < size_t(2 * s + 3))
        return 0;
    std::vector<double> sorted = prof;
    std::nth_element(sorted.begin(), sorted.begin() + long(sorted.size() / 2), sorted.end());
    const double ref = std::max(20.0, sorted[sorted.size() / 2]);
    double best = 0;
    for (size_t i = size_t(s); i + size_t(s) < prof.size(); ++i)
        best = std::max(best, std::abs(prof[i + size_t(s)] - prof[i - size_t(s)]));
    return best / ref;
}

// The lower lid of one eye (six contour points from `first`) at column x: the polyline outer corner ->
// lower lid points -> inner corner.
double lowerLidAt(const Landmarks &m, int first, double x)
{
    const cv::Point2f a = m[first], b = m[first + 5], c = m[first + 4], d = m[first + 3];
    const cv::Point2f pts[4] = {a, b, c, d};
    for (int i = 0; i < 3; ++i) {
        const cv::Point2f p = pts[i], q = pts[i + 1];
        const double lo = std::min(p.x, q.x), hi = std::max(p.x, q.x);
        if (x >= lo && x <= hi && hi - lo > 0.5)
            return p.y + (q.y - p.y) * (x - p.x) / (q.x - p.x);
    }
    return (a.y + d.y) / 2;
}

// Whether the skin under a lens continues into the lens (clear) or is darkened by it (tinted), for
// one eye (six contour points from `first`), on L* of `lab`: the row medians over the middle 60% of
// the eye's width, from just below the lower lid down to 0.9 pupil distances under the eye. Going up
// from the cheek, the first row darker than 75% of the brightest row within 0.15 pupil distances
// below it is the lens's lower rim (the frame, or a tint's edge); the value is the upper quartile of
// the 0.25 pupil distances above the rim (the frame itself skipped) over that brightest cheek row. A
// clear lens under a top light keeps its lower part as bright as the cheek below the rim, however
// dark the eye socket above it is; a tint darkens the lens down to its rim. -1 when no rim is found.
double lensOverCheekAtRim(Context &c, int first, double ipd)
{
    const Landmarks &m = c.marks;
    const double x0 = std::min(m[first].x, m[first + 3].x), x1 = std::max(m[first].x, m[first + 3].x), w = x1 - x0;
    const double lid = std::max(m[first + 4].y, m[first + 5].y);
    const int ys = std::max(0, int(lid + 0.05 * ipd)), ye = std::min(c.bgr.rows - 1, int(m.mean(first, 6).y + 0.9 * ipd));
    const int xa = std::max(0, int(x0 + 0.2 * w)), xb = std::min(c.bgr.cols - 1, int(x1 - 0.2 * w));
    if (xb - xa < 2 || ye - ys < 4)
        return -1;
    const cv::Mat &lab = c.labIn(cv::Rect(cv::Point(xa, ys), cv::Point(xb + 1, ye + 1)));
    std::vector<double> prof;
    std::vector<uchar> row;
    for (int y = ys; y <= ye; ++y) {
        row.clear();
        for (int x = xa; x <= xb; ++x)
            row.push_back(lab.at<cv::Vec3b>(y, x)[0]);
        std::nth_element(row.begin(), row.begin() + long(row.size() / 2), row.end());
        prof.push_back(row[row.size() / 2] * 100.0 / 255.0);
    }
    const int below = std::max(2, int(0.15 * ipd)), frame = std::max(1, int(0.03 * ipd)), above = std::max(3, int(0.25 * ipd));
    for (int i = int(prof.size()) - 1 - below; i >= 0; --i) {
        const double cheek = *std::max_element(prof.begin() + i + 1, prof.begin() + i + below + 1);
        if (prof[size_t(i)] >= 0.75 * cheek)
            continue;
        const int lo = std::max(0, i - above), hi = i - frame >= lo ? i - frame : i;
        std::vector<double> lens(prof.begin() + lo, prof.begin() + hi + 1);
        std::nth_element(lens.begin(), lens.begin() + long(lens.size() * 3 / 4), lens.end());
        return lens[lens.size() * 3 / 4] / std::max(5.0, cheek);
    }
    return -1;
}

// A colour (Lab, a* and b* used) that may be the person's own scalp (shaved or bald head: skin under
// stubble or in shadow) rather than fabric: in a colour photo, within `maxHue` degrees of the skin's
// hue and between `minChroma` and `maxChroma` times its chroma. Never in a greyscale photo (no hue to
// compare). Brown or tan fabric of the skin's hue passes for scalp too.
struct ScalpTest
{
    double skinA = 0, skinB = 0, skinChroma = 0, maxHue = 25, minChroma = 0.3, maxChroma = 1.15;
    bool hasHue() const { return skinChroma >= 4; }
    bool operator()(const cv::Vec3f &u) const
    {
        if (!hasHue())
            return false;
        const double chroma = std::hypot(u[1], u[2]) / skinChroma;
        if (chroma < minChroma || chroma > maxChroma)
            return false;
        const double cosHue = (u[1] * skinA + u[2] * skinB) / (std::hypot(u[1], u[2]) * skinChroma);
        return cosHue >= std::cos(maxHue * CV_PI / 180);
    }
};

} // namespace

void prepareGlasses(Context &c)
{
    if (!c.marks.valid)
        return;
    const Landmarks &m = c.marks;
    const double ipd = std::max(10.0, double(cv::norm(m.mean(lm::kLeftEyeFirst, 6) - m.mean(lm::kRightEyeFirst, 6))));
    const int s = std::max(1, int(std::lround(0.025 * ipd)));
    // Bridge: rows from above the top of the nose bridge (high bridges sit near the brows) down the
    // bridge, over the middle 60% between the inner eye corners.
    const cv::Point2f inL = m[39], inR = m[42];
    const double gapW = inR.x - inL.x;
    const double top = std::min(m[27].y, (inL.y + inR.y) / 2) - 0.3 * ipd, bottom = (m[28].y + m[29].y) / 2;
    const std::vector<double> bridge = bandProfile(c.grey, int(inL.x + 0.2 * gapW), int(inR.x - 0.2 * gapW), int(top), int(bottom),
                                                   [](int) { return 0.0; });
    c.bridgeEdge = strongestEdge(bridge, s);
    // Rims: rows below each lower lid (from just past the lashes to 0.4 pupil distances down), over the
    // middle 70% of the eye; both eyes must show the edge.
    double rims = 10;
    for (int first : {lm::kLeftEyeFirst, lm::kRightEyeFirst}) {
        const double x0 = std::min(m[first].x, m[first + 3].x), x1 = std::max(m[first].x, m[first + 3].x), w = x1 - x0;
        const std::vector<double> prof = bandProfile(c.grey, int(x0 + 0.15 * w), int(x1 - 0.15 * w), int(0.06 * ipd), int(0.4 * ipd),
                                                     [&](int x) { return lowerLidAt(m, first, x); });
        rims = std::min(rims, strongestEdge(prof, s));
    }
    c.rimEdge = rims < 10 ? rims : 0;
    // Only the bridge decides: on the tune half the rims did not separate glasses from none (smiles,
    // winks and under-eye shadows give the same steps); they are reported for the reviewer.
    const double found = c.p("glasses.tinted", "bridgeFound", 0.25), none = c.p("glasses.tinted", "bridgeNone", 0.24);
    const double ev = c.bridgeEdge;
    c.glasses = ev >= found ? Context::Glasses::Found : ev < none ? Context::Glasses::None : Context::Glasses::Uncertain;
}

void runFeatureRules(Context &c)
{
    const cv::Point2f l = c.face.left.centre, r = c.face.right.centre, mid = (l + r) * 0.5f;
    const double ipd = std::max(10.0, c.face.interPupil);
    const bool skin = c.skinReady;
    const QString noSkin = QStringLiteral("skin colour not measurable");

    if (c.on("eyes.open")) {
        // Eye aspect ratio from the landmarks (lid opening / eye width), the smaller of the two eyes.
        // Between the limit and `uncertainBelow` a reviewer looks: narrow eyes and a smile's squint
        // overlap half-closed lids there.
        const double minAspect = c.p("eyes.open", "minEyeAspect", 0.2);
        const double unsure = c.p("eyes.open", "uncertainBelow", 0.24);
        const QString thr = QStringLiteral(">=%1").arg(minAspect);
        if (c.needLandmarks("eyes.open", thr)) {
            const auto aspectOf = [](const Landmarks &m) { return std::min(eyeAspect(m, lm::kLeftEyeFirst), eyeAspect(m, lm::kRightEyeFirst)); };
            double v = aspectOf(c.marks);
            // Near the limit the predictor's answer depends on where the face box landed, to a pixel
            // (`tucai eval --stability`: moving the photo by 3-4 px changed this rule on 6-12 of 64
            // real photos, Yale's small faces). There the aspect is the median of five fits: from the
            // box and from the box moved by 3% of its width left, right, up and down.
            if (v >= minAspect - 0.04 && v < unsure + 0.04) {
                std::vector<double> fits{v};
                const cv::Rect box = c.face.box;
                const int step = std::max(1, int(std::lround(0.03 * box.width)));
                for (const cv::Point d : {cv::Point(step, 0), cv::Point(-step, 0), cv::Point(0, step), cv::Point(0, -step)}) {
                    const Landmarks m = fitLandmarks(c.grey, box + d);
                    if (m.valid)
                        fits.push_back(aspectOf(m));
                }
                std::nth_element(fits.begin(), fits.begin() + long(fits.size() / 2), fits.end());
                v = fits[fits.size() / 2];
            }
            const RuleStatus st = v < minAspect ? RuleStatus::Fail : v < unsure ? RuleStatus::Uncertain : RuleStatus::Pass;
            c.add("eyes.open", st, v, thr,
                  {Shape::polygon(contour(c.marks, lm::kLeftEyeFirst, 6)), Shape::polygon(contour(c.marks, lm::kRightEyeFirst, 6))},
                  st == RuleStatus::Uncertain ? QStringLiteral("close to the limit") : QString());
        }
    }
    if (c.on("mouth.closed")) {
        // Two measures inside the inner lip contour: how far the lips are apart (relative to the face
        // height, nose bridge to chin) and how much of the mouth shows teeth (bright, nearly colourless
        // pixels; relative to the mouth width squared). Either over its limit fails.
        const double maxGap = c.p("mouth.closed", "maxLipGap", 0.045);
        const double maxTeeth = c.p("mouth.closed", "maxTeeth", 0.015);
        const QString thr = QStringLiteral("gap<=%1, teeth<=%2").arg(maxGap).arg(maxTeeth);
        if (c.needLandmarks("mouth.closed", thr)) {
            const Landmarks &m = c.marks;
            const double faceH = std::max(1.0, cv::norm(m[lm::kChin] - m[lm::kNoseBridge]));
            const double mouthW = std::max(1.0, cv::norm(m[lm::kMouthRight] - m[lm::kMouthLeft]));
            const int i = lm::kInnerLipFirst;
            const double gap = (cv::norm(m[i + 1] - m[i + 7]) + cv::norm(m[i + 2] - m[i + 6]) + cv::norm(m[i + 3] - m[i + 5])) / 3 / faceH;
            // Teeth: pixels inside the inner lip polygon.
            std::vector<cv::Point> poly;
            for (int k = i; k < i + 8; ++k)
                poly.emplace_back(int(std::lround(m[k].x)), int(std::lround(m[k].y)));
            const cv::Rect box = cv::boundingRect(poly) & c.frame();
            const cv::Mat &lab = c.labIn(box);
            int teeth = 0;
            const bool colour = c.skinReady && std::hypot(c.skinLab[1], c.skinLab[2]) >= 4;
            if (box.area() > 0) {
                cv::Mat inside = cv::Mat::zeros(box.size(), CV_8U);
                std::vector<cv::Point> local;
                for (const cv::Point &p : poly)
                    local.push_back(p - box.tl());
                cv::fillPoly(inside, std::vector<std::vector<cv::Point>>{local}, cv::Scalar(255));
                const double skinChroma = colour ? std::hypot(c.skinLab[1], c.skinLab[2]) : 0.0;
                for (int y = 0; y < box.height; ++y)
                    for (int x = 0; x < box.width; ++x) {
                        if (!inside.at<uchar>(y, x))
                            continue;
                        const cv::Vec3f u = labAt(lab, box.y + y, box.x + x);
                        // Colour photos: brighter than the skin's shadow side and much less coloured
                        // than the skin. Greyscale: only "bright" is left.
                        const bool bright = colour ? u[0] > std::max(45.0, c.skinLab[0] - 5.0) : u[0] > 70;
                        const bool pale = !colour || std::hypot(u[1], u[2]) < 0.6 * skinChroma + 3;
                        teeth += bright && pale;
                    }
            }
            const double teethFrac = teeth / (mouthW * mouthW);
            const QList<Shape> geo{Shape::polygon(contour(m, lm::kInnerLipFirst, 8))};
            if (gap > maxGap)
                c.add("mouth.closed", RuleStatus::Fail, gap, thr, geo, QStringLiteral("lips apart"));
            else if (teethFrac > maxTeeth)
                c.add("mouth.closed", RuleStatus::Fail, gap, thr, geo, QStringLiteral("teeth showing"));
            else
                c.add("mouth.closed", RuleStatus::Pass, gap, thr, geo);
        }
    }
    if (c.needFace("eyes.red") && c.on("eyes.red")) {
        const double maxRed = c.p("eyes.red", "maxRedness", 0.06);
        double worst = 0;
        QList<Shape> geo;
        for (const cv::Point2f &e : {l, r}) {
            // Red pixels around the located pupil, counted over a search box twice the pupil box
            // (the pupil is sometimes located a little off), relative to the pupil box (0.2 IPD).
            const cv::Rect b = around(e, 0.4 * ipd, 0.4 * ipd, c.bgr);
            const double pupilArea = std::max(1.0, 0.04 * ipd * ipd);
            int red = 0;
            for (int y = b.y; y < b.y + b.height; ++y)
                for (int x = b.x; x < b.x + b.width; ++x) {
                    const cv::Vec3b p = c.bgr.at<cv::Vec3b>(y, x);
                    if (p[2] > 90 && p[2] > 1.7 * p[1] && p[2] > 1.5 * p[0])
                        ++red;
                }
            worst = std::max(worst, std::min(1.0, red / pupilArea));
            geo.append(Shape::box(qrect(b)));
        }
        c.add("eyes.red", worst <= maxRed ? RuleStatus::Pass : RuleStatus::Fail, worst, QStringLiteral("<=%1").arg(maxRed), geo);
    }
    // The glasses rules decide only when glasses are found (prepareGlasses: a frame's edge across the
    // nose bridge). Without glasses they pass ("no glasses found"); when the finding is uncertain a
    // measure over its limit makes the rule uncertain, not a failure. Without landmarks (Unknown) the
    // measure decides alone, as before 2.1.0.
    using G = Context::Glasses;
    const QString noGlasses = QStringLiteral("no glasses found");
    const QString unsureGlasses = QStringLiteral("glasses not clearly found");
    const auto glassesVerdict = [&](bool over) {
        if (!over)
            return RuleStatus::Pass;
        return c.glasses == G::Found || c.glasses == G::Unknown ? RuleStatus::Fail : RuleStatus::Uncertain;
    };
    if (c.needFace("glasses.reflection") && c.on("glasses.reflection")) {
        // Near-white pixels over the lens area; a catchlight in the pupil is a few pixels only. The
        // area reaches 0.4 IPD above the located pupil and 0.2 below it: glare that hides the eye
        // pulls the landmarks' eye contour (and the pupil found inside it) down onto the lower rim,
        // so a box centred on that pupil missed the glare above it (tune half, strong glare found
        // 56% / 68% -> 72% / 72%). Counted against the lens-sized area it had before (0.6 x 0.4 IPD),
        // so a small reflection weighs as much as it did.
        const double maxFrac = c.p("glasses.reflection", "maxFraction", 0.03);
        const QString thr = QStringLiteral("<=%1").arg(maxFrac);
        if (c.glasses == G::None) {
            c.add("glasses.reflection", RuleStatus::Pass, std::nullopt, thr, {}, noGlasses);
        } else {
            double worst = 0;
            QList<Shape> geo;
            for (const cv::Point2f &e : {l, r}) {
                const cv::Rect b = around(e + cv::Point2f(0, float(-0.1 * ipd)), 0.6 * ipd, 0.6 * ipd, c.grey);
                const double frac = b.area() ? cv::countNonZero(c.grey(b) >= 240) / (0.24 * ipd * ipd) : 0.0;
                worst = std::max(worst, frac);
                geo.append(Shape::box(qrect(b)));
            }
            const RuleStatus st = glassesVerdict(worst > maxFrac);
            c.add("glasses.reflection", st, worst, thr, geo, st == RuleStatus::Uncertain ? unsureGlasses : QString());
        }
    }
    if (c.needFace("glasses.tinted") && c.on("glasses.tinted")) {
        // Tinted lenses darken the skin behind them: the lens area (around the pupil) without the eye
        // itself (iris, lashes and lids are dark on everyone; make-up darkens them more), its upper
        // quartile L* relative to the person's own skin outside any lens (cheeks below it and the
        // forehead).
        const double minRatio = c.p("glasses.tinted", "minLensRatio", 0.56);
        // A dark lens area is not a tint when the lens is as bright as the cheek just below its rim
        // (lensOverCheekAtRim): Yale's top light leaves clear lenses over dark sockets.
        const double minRim = c.p("glasses.tinted", "minRimRatio", 0.66);
        const QString thr = QStringLiteral(">=%1").arg(minRatio);
        if (c.glasses == G::None) {
            c.add("glasses.tinted", RuleStatus::Pass, std::nullopt, thr, {}, noGlasses);
        } else if (!skin) {
            c.add("glasses.tinted", RuleStatus::Uncertain, std::nullopt, thr, {}, noSkin);
        } else {
            // The brighter of the two references: a fringe can cover the forehead, a beard the cheeks.
            const auto medianL = [&](std::initializer_list<cv::Rect> boxes) {
                std::vector<uchar> v;
                for (cv::Rect b : boxes) {
                    b &= c.frame();
                    const cv::Mat &lab = c.labIn(b);
                    for (int y = b.y; y < b.y + b.height; ++y)
                        for (int x = b.x; x < b.x + b.width; ++x)
                            v.push_back(lab.at<cv::Vec3b>(y, x)[0]);
                }
                if (v.size() < 10)
                    return -1.0;
                std::nth_element(v.begin(), v.begin() + long(v.size() / 2), v.end());
                return v[v.size() / 2] * 100.0 / 255.0;
            };
            const double cheeks = medianL({cv::Rect(int(l.x - 0.15 * ipd), int(mid.y + 0.45 * ipd), int(0.3 * ipd), int(0.3 * ipd)),
                                           cv::Rect(int(r.x - 0.15 * ipd), int(mid.y + 0.45 * ipd), int(0.3 * ipd), int(0.3 * ipd))});
            const double brow = medianL({cv::Rect(int(mid.x - 0.3 * ipd), int(mid.y - 0.8 * ipd), int(0.6 * ipd), int(0.25 * ipd))});
            const double skinL = std::max({cheeks, brow, 0.0}) > 0 ? std::max(cheeks, brow) : double(c.skinLab[0]);
            double worst = 10;
            QList<Shape> geo;
            for (int side = 0; side < 2; ++side) {
                // Centred on the landmarks' eye contour when there is one: dark lenses hide the pupils
                // from the eye cascade, which can then settle on the frame.
                const cv::Point2f e = c.marks.valid ? c.marks.mean(side == 0 ? lm::kLeftEyeFirst : lm::kRightEyeFirst, 6) : (side == 0 ? l : r);
                const cv::Rect b = around(e, 0.6 * ipd, 0.36 * ipd, c.bgr);
                if (b.area() <= 0)
                    continue;
                cv::Mat keep(b.size(), CV_8U, cv::Scalar(255));
                if (c.marks.valid) {
                    std::vector<cv::Point> eye;
                    for (int k = 0; k < 6; ++k) {
                        const cv::Point2f q = c.marks[(side == 0 ? lm::kLeftEyeFirst : lm::kRightEyeFirst) + k];
                        eye.emplace_back(int(std::lround(q.x)) - b.x, int(std::lround(q.y)) - b.y);
                    }
                    cv::fillPoly(keep, std::vector<std::vector<cv::Point>>{eye}, cv::Scalar(0));
                    cv::erode(keep, keep, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(2 * int(0.05 * ipd) + 1, 2 * int(0.05 * ipd) + 1)));
                }
                std::vector<uchar> ls;
                const cv::Mat &lab = c.labIn(b);
                for (int y = 0; y < b.height; ++y)
                    for (int x = 0; x < b.width; ++x)
                        if (keep.at<uchar>(y, x))
                            ls.push_back(lab.at<cv::Vec3b>(y + b.y, x + b.x)[0]);
                if (ls.size() < 10)
                    continue;
                // The upper quartile: a frame's rim crossing the box is dark on every pair of
                // glasses; a tinted lens darkens all of it.
                std::nth_element(ls.begin(), ls.begin() + long(ls.size() * 3 / 4), ls.end());
                worst = std::min(worst, ls[ls.size() * 3 / 4] * 100.0 / 255.0 / std::max(5.0, skinL));
                geo.append(Shape::box(qrect(b)));
            }
            if (worst >= 10) {
                c.add("glasses.tinted", RuleStatus::Uncertain, std::nullopt, thr, {}, noSkin);
            } else {
                // The clearer lens decides (tinted glasses are tinted on both sides; one rim can be
                // missed or misread): only measured when the lens area is dark.
                double rim = -1;
                if (worst < minRatio && c.marks.valid)
                    rim = std::max(lensOverCheekAtRim(c, lm::kLeftEyeFirst, ipd), lensOverCheekAtRim(c, lm::kRightEyeFirst, ipd));
                const bool clearAtRim = rim >= minRim;
                const RuleStatus st = glassesVerdict(worst < minRatio && !clearAtRim);
                c.add("glasses.tinted", st, worst, thr, geo,
                      st == RuleStatus::Uncertain ? unsureGlasses
                      : clearAtRim ? QStringLiteral("lens as bright as the skin below its rim (%1)").arg(rim, 0, 'f', 2)
                                   : QString());
            }
        }
    }
    if (c.needFace("ears.visible") && c.on("ears.visible")) {
        const double maxHair = c.p("ears.visible", "maxHairFraction", 0.6);
        if (!skin || !c.bgReady) {
            c.add("ears.visible", RuleStatus::Uncertain, std::nullopt, QStringLiteral("<=%1").arg(maxHair), {}, noSkin);
        } else {
            // Beside the face box at eye-to-nose height: skin (an ear), background (flat ears), or hair.
            // Only hair over most of that area on a side counts as covered ears.
            const cv::Rect fb = c.face.box;
            const int h = int(0.6 * ipd), w = int(0.3 * ipd);
            const cv::Rect bl = cv::Rect(fb.x - w / 2, int(mid.y), w, h) & c.frame();
            const cv::Rect br = cv::Rect(fb.x + fb.width - w / 2, int(mid.y), w, h) & c.frame();
            auto hairFrac = [&](const cv::Rect &b) {
                int n = 0;
                const cv::Mat &lab = c.labIn(b);
                for (int y = b.y; y < b.y + b.height; ++y)
                    for (int x = b.x; x < b.x + b.width; ++x) {
                        const bool person = y / 2 < c.personHalf.rows && x / 2 < c.personHalf.cols && c.personHalf.at<uchar>(y / 2, x / 2);
                        n += person && deltaE(labAt(lab, y, x), c.skinLab) > 22;
                    }
                return b.area() ? double(n) / b.area() : 0.0;
            };
            const double v = std::max(hairFrac(bl), hairFrac(br));
            c.add("ears.visible", v <= maxHair ? RuleStatus::Pass : RuleStatus::Fail, v, QStringLiteral("hair<=%1").arg(maxHair),
                   {Shape::box(qrect(bl)), Shape::box(qrect(br))});
        }
    }
    if (c.needFace("hair.over_face") && c.on("hair.over_face")) {
        const double maxDark = c.p("hair.over_face", "maxDarkFraction", 0.35);
        const cv::Rect band = cv::Rect(int(l.x - 0.3 * ipd), int(mid.y - 0.62 * ipd), int(1.6 * ipd), int(0.42 * ipd)) & c.frame();
        if (!skin || band.area() < 20) {
            c.add("hair.over_face", RuleStatus::Uncertain, std::nullopt, QStringLiteral("<=%1").arg(maxDark), {}, noSkin);
        } else {
            // Brows cover part of this band; hair over the brows covers most of it.
            int dark = 0;
            const cv::Mat &lab = c.labIn(band);
            for (int y = band.y; y < band.y + band.height; ++y)
                for (int x = band.x; x < band.x + band.width; ++x) {
                    const cv::Vec3f u = labAt(lab, y, x);
                    dark += deltaE(u, c.skinLab) > 25 && u[0] < c.skinLab[0] - 12;
                }
            const double v = double(dark) / band.area();
            c.add("hair.over_face", v <= maxDark ? RuleStatus::Pass : RuleStatus::Fail, v, QStringLiteral("<=%1").arg(maxDark), {Shape::box(qrect(band))});
        }
    }
    if (c.needFace("head.covering") && c.on("head.covering")) {
        const double maxCov = c.p("head.covering", "maxCoverage", 0.5);
        // Fabric is smooth where hair is not: the fine gradient energy of the non-skin pixels,
        // relative to their brightness, is below ~0.1 on caps and scarves of every colour and above
        // ~0.14 on hair (tune half, EVALUATION.md "head.covering (after)").
        const double minCrownTex = c.p("head.covering", "minCrownTexture", 0.13);
        const double minSideTex = c.p("head.covering", "minTempleTexture", 0.115);
        // Bare scalp (stubble, shine, shadow) is smooth and can be far from the cheeks' colour, but it
        // keeps the skin's hue (ScalpTest).
        ScalpTest scalp;
        scalp.skinA = c.skinLab[1];
        scalp.skinB = c.skinLab[2];
        scalp.skinChroma = std::hypot(c.skinLab[1], c.skinLab[2]);
        scalp.maxHue = c.p("head.covering", "scalpMaxHue", 25);
        scalp.minChroma = c.p("head.covering", "scalpMinChroma", 0.3);
        scalp.maxChroma = c.p("head.covering", "scalpMaxChroma", 1.15);
        const QString thr = QStringLiteral("<=%1").arg(maxCov);
        // Crown area: hair is dark or moderately coloured; hats are saturated or very light.
        const cv::Rect crown = cv::Rect(int(mid.x - 0.7 * ipd), int(mid.y - 1.6 * ipd), int(1.4 * ipd), int(0.6 * ipd)) & c.frame();
        if (!skin || !c.bgReady || crown.area() < 20) {
            c.add("head.covering", RuleStatus::Uncertain, std::nullopt, thr, {}, noSkin);
        } else {
            int other = 0, counted = 0;
            const cv::Mat &crownLab = c.labIn(crown);
            for (int y = crown.y; y < crown.y + crown.height; ++y)
                for (int x = crown.x; x < crown.x + crown.width; ++x) {
                    if (y / 2 >= c.personHalf.rows || x / 2 >= c.personHalf.cols || !c.personHalf.at<uchar>(y / 2, x / 2))
                        continue;
                    ++counted;
                    const cv::Vec3f u = labAt(crownLab, y, x);
                    const double chroma = std::hypot(u[1], u[2]);
                    const bool skinLike = deltaE(u, c.skinLab) < 25;
                    other += !skinLike && (chroma > 38 || (u[0] > 88 && chroma < 10));
                }
            const double v = counted > 20 ? double(other) / counted : 0.0;
            // Texture of the person's non-skin pixels in a box (neither skin-coloured nor bare scalp),
            // away from the person's outline (the step against the background is not texture): the
            // share of such pixels and their
            // mean central-difference gradient |dx|+|dy| over their mean grey. -1 when too few.
            cv::Mat inner;
            cv::erode(c.personHalf, inner, cv::getStructuringElement(cv::MORPH_ELLIPSE, {7, 7}));
            struct Fabric { double share = 0, texture = -1; cv::Vec3f colour; };
            const auto fabricIn = [&](cv::Rect b) {
                Fabric f;
                b &= cv::Rect(1, 1, c.bgr.cols - 2, c.bgr.rows - 2);
                const cv::Mat &lab = c.labIn(b);
                int person = 0, nonSkin = 0;
                double grad = 0, grey = 0, sumA = 0, sumB = 0;
                for (int y = b.y; y < b.y + b.height; ++y)
                    for (int x = b.x; x < b.x + b.width; ++x) {
                        if (y / 2 >= inner.rows || x / 2 >= inner.cols || !inner.at<uchar>(y / 2, x / 2))
                            continue;
                        ++person;
                        const cv::Vec3f u = labAt(lab, y, x);
                        if (deltaE(u, c.skinLab) < 25)
                            continue;
                        ++nonSkin;
                        sumA += u[1];
                        sumB += u[2];
                        grad += std::abs(int(c.grey.at<uchar>(y, x + 1)) - int(c.grey.at<uchar>(y, x - 1)))
                                + std::abs(int(c.grey.at<uchar>(y + 1, x)) - int(c.grey.at<uchar>(y - 1, x)));
                        grey += c.grey.at<uchar>(y, x);
                    }
                if (person >= 20 && nonSkin >= 20) {
                    f.share = double(nonSkin) / person;
                    f.texture = grad / nonSkin / std::max(5.0, grey / nonSkin);
                    f.colour = cv::Vec3f(0, float(sumA / nonSkin), float(sumB / nonSkin));
                }
                return f;
            };
            const auto box = [&](double x0, double x1, double y0, double y1) {
                return cv::Rect(int(mid.x + x0 * ipd), int(mid.y + y0 * ipd), int((x1 - x0) * ipd), int((y1 - y0) * ipd)) & c.frame();
            };
            // A cap: the crown, mostly not skin, smooth. A scarf: beside the temples (hair or ears on
            // an open head), mostly not skin, smooth on both sides.
            const cv::Rect top = box(-0.7, 0.7, -1.75, -1.0), left = box(-1.35, -1.0, -0.7, -0.2), right = box(1.0, 1.35, -0.7, -0.2);
            const Fabric cr = fabricIn(top), tl = fabricIn(left), tr = fabricIn(right);
            // Smooth and not skin-coloured, but with the skin's hue (ScalpTest on the mean colour): a
            // bald or shaved head, not fabric.
            const bool capFound = cr.texture >= 0 && cr.share >= 0.5 && cr.texture < minCrownTex && !scalp(cr.colour);
            const bool scarfFound = tl.texture >= 0 && tr.texture >= 0 && (tl.share + tr.share) / 2 >= 0.6 && (tl.texture + tr.texture) / 2 < minSideTex
                                    && !scalp((tl.colour + tr.colour) * 0.5f);
            if (v > maxCov)
                c.add("head.covering", RuleStatus::Fail, v, thr, {Shape::box(qrect(crown))});
            else if ((capFound || scarfFound) && !scalp.hasHue())
                // Without colour (greyscale, or skin without measurable hue) smooth fabric and a bald
                // head's shine or stubble look the same: a reviewer decides.
                c.add("head.covering", RuleStatus::Uncertain, v, thr, {Shape::box(qrect(capFound ? top : left)), Shape::box(qrect(capFound ? top : right))},
                      QStringLiteral("no colour: fabric cannot be told from a bare scalp"));
            else if (capFound)
                c.add("head.covering", RuleStatus::Fail, v, thr, {Shape::box(qrect(top))}, QStringLiteral("smooth fabric over the crown"));
            else if (scarfFound)
                c.add("head.covering", RuleStatus::Fail, v, thr, {Shape::box(qrect(left)), Shape::box(qrect(right))}, QStringLiteral("smooth fabric beside the temples"));
            else
                c.add("head.covering", RuleStatus::Pass, v, thr, {Shape::box(qrect(crown))});
        }
    }
    if (c.needFace("jewellery") && c.on("jewellery")) {
        const double maxSpecks = c.p("jewellery", "maxSpecks", 3);
        // A solid gold blob at an earlobe, as large as a real earring (FRLL 013's: 0.0036 IPD^2), is an
        // earring by itself: a real one is one blob, which the speck count (made for small lit links)
        // let pass. Set on the tune half: no gold blob over 0.0014 IPD^2 at the earlobes of anyone
        // else on any of its ~5,000 photos (the largest: a strong yellow colour cast). Searched 0.1
        // IPD wider than the speck boxes: 013's earrings lie at the box's edge (producer B's right one
        // just outside), and a photo moved by 3-4 px made her outcome flip.
        const double minEarring = c.p("jewellery", "minEarringArea", 0.002);
        if (!skin) {
            c.add("jewellery", RuleStatus::Uncertain, std::nullopt, QStringLiteral("<=%1").arg(maxSpecks), {}, noSkin);
        } else {
            // Earlobes and neck: small shiny (near-white) or metallic-saturated specks that are not skin.
            const cv::Rect fb = c.face.box;
            const int w = int(0.4 * ipd);
            QList<cv::Rect> areas{cv::Rect(fb.x - w / 2, int(c.face.mouth.y - 0.5 * ipd), w, int(0.9 * ipd)),
                                  cv::Rect(fb.x + fb.width - w / 2, int(c.face.mouth.y - 0.5 * ipd), w, int(0.9 * ipd)),
                                  cv::Rect(int(mid.x - 0.9 * ipd), int(mid.y + 1.9 * ipd), int(1.8 * ipd), int(0.9 * ipd))};
            int specks = 0;
            double earring = 0;   // the largest gold blob at an earlobe, IPD^2
            QRectF earringBox;
            QList<Shape> geo;
            const auto isGold = [&](const cv::Vec3f &u) { return std::hypot(u[1], u[2]) > 45 && u[2] > 35 && deltaE(u, c.skinLab) > 30; };
            for (int k = 0; k < areas.size(); ++k) {
                const cv::Rect a = areas[k] & c.frame();
                if (a.area() < 20)
                    continue;
                // The gold pixels: at the earlobes (not the neck) over an area 0.1 IPD wider on each
                // side than the specks', so that an earring at the box's edge is found whole, and found
                // again when the photo is moved by a few pixels; the specks read their part of it.
                const cv::Rect ga = k < 2 ? cv::Rect(a.x - int(0.1 * ipd), a.y, a.width + 2 * int(0.1 * ipd), a.height) & c.frame() : a;
                const cv::Mat &lab = c.labIn(ga);
                cv::Mat gold(ga.size(), CV_8U);
                for (int y = 0; y < ga.height; ++y)
                    for (int x = 0; x < ga.width; ++x)
                        gold.at<uchar>(y, x) = isGold(labAt(lab, y + ga.y, x + ga.x)) ? 255 : 0;
                const cv::Mat goldInA = gold(a - ga.tl());
                cv::Mat m(a.size(), CV_8U);
                for (int y = 0; y < a.height; ++y)
                    for (int x = 0; x < a.width; ++x) {
                        const cv::Vec3f u = labAt(lab, y + a.y, x + a.x);
                        const bool shiny = u[0] > 92 && deltaE(u, c.bgLab) > 20;
                        m.at<uchar>(y, x) = (goldInA.at<uchar>(y, x) || shiny) ? 255 : 0;
                    }
                cv::Mat stats;
                if (k < 2) {
                    const int n = blobStats(gold, stats);
                    for (int i = 1; i < n; ++i)
                        if (const double area = stats.at<int>(i, cv::CC_STAT_AREA) / (ipd * ipd); area > earring) {
                            earring = area;
                            earringBox = blobBox(stats, i, ga.tl());
                        }
                }
                const int n = blobStats(m, stats);
                for (int i = 1; i < n; ++i) {
                    const int area = stats.at<int>(i, cv::CC_STAT_AREA);
                    if (area >= 4 && area <= 0.05 * ipd * ipd) {
                        ++specks;
                        geo.append(Shape::box(blobBox(stats, i, a.tl())));
                    }
                }
            }
            const QString thr = QStringLiteral("<=%1").arg(maxSpecks);
            if (earring >= minEarring)
                c.add("jewellery", RuleStatus::Fail, specks, thr, {Shape::box(earringBox)}, QStringLiteral("earring at the earlobe"));
            else
                c.add("jewellery", specks <= maxSpecks ? RuleStatus::Pass : RuleStatus::Fail, specks, thr, specks <= maxSpecks ? QList<Shape>{} : geo);
        }
    }
}

} // namespace tucai::checks::detail
