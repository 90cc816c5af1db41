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

// Height of the dark iris/lash blob through the eye centre, relative to the eye distance: an open
// eye shows the iris (about a fifth of the eye distance), a closed one only the lash line.
double eyeOpenness(const Context &c, const EyeFit &e, double ipd, cv::Rect *box)
{
    const cv::Rect r = around(e.centre, 0.5 * ipd, 0.4 * ipd, c.grey);
    *box = r;
    if (r.width < 6 || r.height < 6)
        return -1;
    cv::Mat g;
    cv::GaussianBlur(c.grey(r), g, cv::Size(3, 3), 0);
    std::vector<uchar> v(g.begin<uchar>(), g.end<uchar>());
    std::sort(v.begin(), v.end());
    const double p5 = v[v.size() / 20], p60 = v[v.size() * 6 / 10];
    const cv::Mat dark = g <= p5 + 0.45 * (p60 - p5);
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(dark, labels, stats, centroids, 8);
    // The component nearest the centre (the pupil), counted over its central columns only so that
    // lashes and brows joining at the corners do not make a closed eye look open.
    const cv::Point ctr(r.width / 2, r.height / 2);
    int best = -1;
    double bestD = 1e9;
    // Specks (a few dark pixels between catchlight and lid) are not the pupil.
    const int minArea = std::max(3, int(0.002 * ipd * ipd));
    for (int i = 1; i < n; ++i) {
        if (stats.at<int>(i, cv::CC_STAT_AREA) < minArea)
            continue;
        const double d = cv::norm(cv::Point2d(centroids.at<double>(i, 0), centroids.at<double>(i, 1)) - cv::Point2d(ctr));
        if (d < bestD) {
            bestD = d;
            best = i;
        }
    }
    if (best < 0)
        return 0;
    int top = r.height, bottom = -1;
    const int cx = int(centroids.at<double>(best, 0));
    for (int y = 0; y < r.height; ++y)
        for (int x = std::max(0, cx - r.width / 10); x <= std::min(r.width - 1, cx + r.width / 10); ++x)
            if (labels.at<int>(y, x) == best) {
                top = std::min(top, y);
                bottom = std::max(bottom, y);
            }
    return bottom < top ? 0 : (bottom - top + 1) / ipd;
}

} // namespace

void runFeatureRules(Context &c)
{
    const cv::Point2f l = c.face.left.centre, r = c.face.right.centre, mid = (l + r) * 0.5f;
    const double ipd = std::max(10.0, c.face.interPupil);
    const bool skin = c.skinReady;
    const QString noSkin = QStringLiteral("skin colour not measurable");

    if (c.needFace("eyes.open") && c.on("eyes.open")) {
        // Evidence per eye: the eye cascades (trained on open eyes) and the height of the dark iris blob.
        const double minOpen = c.p("eyes.open", "minOpenness", 0.08);
        cv::Rect bl, br;
        const double ol = eyeOpenness(c, c.face.left, ipd, &bl), orr = eyeOpenness(c, c.face.right, ipd, &br);
        const double v = std::min(ol, orr);
        const QList<Shape> geo{Shape::box(qrect(bl)), Shape::box(qrect(br))};
        const QString thr = QStringLiteral(">=%1").arg(minOpen);
        const bool lostL = !c.face.left.fromCascade, lostR = !c.face.right.fromCascade;
        if (v < 0) {
            c.add("eyes.open", RuleStatus::Uncertain, std::nullopt, thr, geo, QStringLiteral("eyes outside the photo"));
        } else if (!lostL && !lostR) {
            c.add("eyes.open", v >= minOpen ? RuleStatus::Pass : RuleStatus::Fail, v, thr, geo);
        } else if ((lostL && ol < 2 * minOpen) || (lostR && orr < 2 * minOpen)) {
            c.add("eyes.open", RuleStatus::Fail, v, thr, geo, QStringLiteral("eye not found by the eye detector and no open iris seen"));
        } else {
            c.add("eyes.open", RuleStatus::Uncertain, v, thr, geo, QStringLiteral("eye not found by the eye detector"));
        }
    }
    if (c.needFace("mouth.closed") && c.on("mouth.closed")) {
        const double maxTeeth = c.p("mouth.closed", "maxTeeth", 0.06);
        const cv::Rect box = around(c.face.mouth, 0.8 * ipd, 0.4 * ipd, c.lab);
        const bool colourless = skin && std::hypot(c.skinLab[1], c.skinLab[2]) < 4;
        if (!skin || box.area() < 20 || colourless) {
            c.add("mouth.closed", RuleStatus::Uncertain, std::nullopt, QStringLiteral("<=%1").arg(maxTeeth), {},
                   colourless ? QStringLiteral("greyscale photo: teeth cannot be told from skin") : noSkin);
        } else {
            // Teeth: brighter than the skin and nearly colourless; an open mouth: a dark cavity.
            int teeth = 0, cavity = 0;
            const double skinChroma = std::hypot(c.skinLab[1], c.skinLab[2]);
            for (int y = box.y; y < box.y + box.height; ++y)
                for (int x = box.x; x < box.x + box.width; ++x) {
                    const cv::Vec3f u = labAt(c.lab, y, x);
                    const double chroma = std::hypot(u[1], u[2]);
                    if (u[0] > std::max(45.0, c.skinLab[0] - 5.0) && chroma < 0.6 * skinChroma + 3)
                        ++teeth;
                    else if (u[0] < 0.35 * c.skinLab[0])
                        ++cavity;
                }
            const double v = double(teeth + cavity / 2) / box.area();
            // Just over the limit: pale lips or a highlight look like teeth too; let a reviewer look.
            const RuleStatus st = v <= maxTeeth ? RuleStatus::Pass : v <= 1.35 * maxTeeth ? RuleStatus::Uncertain : RuleStatus::Fail;
            c.add("mouth.closed", st, v, QStringLiteral("<=%1").arg(maxTeeth), {Shape::box(qrect(box))},
                   st == RuleStatus::Uncertain ? QStringLiteral("close to the limit") : QString());
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
    if (c.needFace("glasses.reflection") && c.on("glasses.reflection")) {
        // Near-white pixels over the lens area; a catchlight in the pupil is a few pixels only.
        const double maxFrac = c.p("glasses.reflection", "maxFraction", 0.03);
        double worst = 0;
        QList<Shape> geo;
        for (const cv::Point2f &e : {l, r}) {
            const cv::Rect b = around(e, 0.6 * ipd, 0.4 * ipd, c.grey);
            const double frac = b.area() ? double(cv::countNonZero(c.grey(b) >= 240)) / b.area() : 0.0;
            worst = std::max(worst, frac);
            geo.append(Shape::box(qrect(b)));
        }
        c.add("glasses.reflection", worst <= maxFrac ? RuleStatus::Pass : RuleStatus::Fail, worst, QStringLiteral("<=%1").arg(maxFrac), geo);
    }
    if (c.needFace("glasses.tinted") && c.on("glasses.tinted")) {
        // Tinted lenses darken the whole eye area (lids and sclera too) against the cheeks.
        const double minRatio = c.p("glasses.tinted", "minLensRatio", 0.55);
        if (!skin) {
            c.add("glasses.tinted", RuleStatus::Uncertain, std::nullopt, QStringLiteral(">=%1").arg(minRatio), {}, noSkin);
        } else {
            double worst = 10;
            QList<Shape> geo;
            for (const cv::Point2f &e : {l, r}) {
                const cv::Rect b = around(e, 0.6 * ipd, 0.36 * ipd, c.lab);
                if (b.area() <= 0)
                    continue;
                const double meanL = cv::mean(c.lab(b))[0] * 100.0 / 255.0;
                worst = std::min(worst, meanL / std::max(5.0f, c.skinLab[0]));
                geo.append(Shape::box(qrect(b)));
            }
            c.add("glasses.tinted", worst >= minRatio ? RuleStatus::Pass : RuleStatus::Fail, worst, QStringLiteral(">=%1").arg(minRatio), geo);
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
            const cv::Rect bl = cv::Rect(fb.x - w / 2, int(mid.y), w, h) & cv::Rect(0, 0, c.lab.cols, c.lab.rows);
            const cv::Rect br = cv::Rect(fb.x + fb.width - w / 2, int(mid.y), w, h) & cv::Rect(0, 0, c.lab.cols, c.lab.rows);
            auto hairFrac = [&](const cv::Rect &b) {
                int n = 0;
                for (int y = b.y; y < b.y + b.height; ++y)
                    for (int x = b.x; x < b.x + b.width; ++x) {
                        const bool person = y / 2 < c.personHalf.rows && x / 2 < c.personHalf.cols && c.personHalf.at<uchar>(y / 2, x / 2);
                        n += person && deltaE(labAt(c.lab, y, x), c.skinLab) > 22;
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
        const cv::Rect band = cv::Rect(int(l.x - 0.3 * ipd), int(mid.y - 0.62 * ipd), int(1.6 * ipd), int(0.42 * ipd)) & cv::Rect(0, 0, c.lab.cols, c.lab.rows);
        if (!skin || band.area() < 20) {
            c.add("hair.over_face", RuleStatus::Uncertain, std::nullopt, QStringLiteral("<=%1").arg(maxDark), {}, noSkin);
        } else {
            // Brows cover part of this band; hair over the brows covers most of it.
            int dark = 0;
            for (int y = band.y; y < band.y + band.height; ++y)
                for (int x = band.x; x < band.x + band.width; ++x) {
                    const cv::Vec3f u = labAt(c.lab, y, x);
                    dark += deltaE(u, c.skinLab) > 25 && u[0] < c.skinLab[0] - 12;
                }
            const double v = double(dark) / band.area();
            c.add("hair.over_face", v <= maxDark ? RuleStatus::Pass : RuleStatus::Fail, v, QStringLiteral("<=%1").arg(maxDark), {Shape::box(qrect(band))});
        }
    }
    if (c.needFace("head.covering") && c.on("head.covering")) {
        const double maxCov = c.p("head.covering", "maxCoverage", 0.5);
        // Crown area: hair is dark or moderately coloured; hats are saturated or very light.
        const cv::Rect crown = cv::Rect(int(mid.x - 0.7 * ipd), int(mid.y - 1.6 * ipd), int(1.4 * ipd), int(0.6 * ipd)) & cv::Rect(0, 0, c.lab.cols, c.lab.rows);
        if (!skin || !c.bgReady || crown.area() < 20) {
            c.add("head.covering", RuleStatus::Uncertain, std::nullopt, QStringLiteral("<=%1").arg(maxCov), {}, noSkin);
        } else {
            int other = 0, counted = 0;
            for (int y = crown.y; y < crown.y + crown.height; ++y)
                for (int x = crown.x; x < crown.x + crown.width; ++x) {
                    if (y / 2 >= c.personHalf.rows || x / 2 >= c.personHalf.cols || !c.personHalf.at<uchar>(y / 2, x / 2))
                        continue;
                    ++counted;
                    const cv::Vec3f u = labAt(c.lab, y, x);
                    const double chroma = std::hypot(u[1], u[2]);
                    const bool skinLike = deltaE(u, c.skinLab) < 25;
                    other += !skinLike && (chroma > 38 || (u[0] > 88 && chroma < 10));
                }
            const double v = counted > 20 ? double(other) / counted : 0.0;
            c.add("head.covering", v <= maxCov ? RuleStatus::Pass : RuleStatus::Fail, v, QStringLiteral("<=%1").arg(maxCov), {Shape::box(qrect(crown))});
        }
    }
    if (c.needFace("jewellery") && c.on("jewellery")) {
        const double maxSpecks = c.p("jewellery", "maxSpecks", 3);
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
            QList<Shape> geo;
            for (cv::Rect a : areas) {
                a &= cv::Rect(0, 0, c.lab.cols, c.lab.rows);
                if (a.area() < 20)
                    continue;
                cv::Mat m = cv::Mat::zeros(a.size(), CV_8U);
                for (int y = 0; y < a.height; ++y)
                    for (int x = 0; x < a.width; ++x) {
                        const cv::Vec3f u = labAt(c.lab, y + a.y, x + a.x);
                        const double chroma = std::hypot(u[1], u[2]);
                        const bool gold = chroma > 45 && u[2] > 35 && deltaE(u, c.skinLab) > 30;
                        const bool shiny = u[0] > 92 && deltaE(u, c.bgLab) > 20;
                        m.at<uchar>(y, x) = (gold || shiny) ? 255 : 0;
                    }
                cv::Mat labels, stats, centroids;
                const int n = cv::connectedComponentsWithStats(m, labels, stats, centroids, 8);
                for (int i = 1; i < n; ++i) {
                    const int area = stats.at<int>(i, cv::CC_STAT_AREA);
                    if (area >= 4 && area <= 0.05 * ipd * ipd) {
                        ++specks;
                        geo.append(Shape::box(QRectF(a.x + stats.at<int>(i, cv::CC_STAT_LEFT), a.y + stats.at<int>(i, cv::CC_STAT_TOP),
                                                     stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT))));
                    }
                }
            }
            c.add("jewellery", specks <= maxSpecks ? RuleStatus::Pass : RuleStatus::Fail, specks, QStringLiteral("<=%1").arg(maxSpecks),
                   specks <= maxSpecks ? QList<Shape>{} : geo);
        }
    }
}

} // namespace tucai::checks::detail
