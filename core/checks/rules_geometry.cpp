// Face count, framing (head top, eye line, face width, centring), pose and shoulders.
#include "engine_context.h"

#include <algorithm>
#include <cmath>

namespace tucai::checks::detail {
namespace {

constexpr double kRadToDeg = 180.0 / CV_PI;

// Extent of the skin run through (x0, y) on one row: the face's left and right edges at that height.
bool skinRun(const Context &c, int y, int x0, int *left, int *right)
{
    if (!c.skinReady || y < 0 || y >= c.lab.rows || x0 < 0 || x0 >= c.lab.cols)
        return false;
    auto isSkin = [&](int x) {
        // Average a 3-row strip: eyebrows/lashes on one row must not end the run.
        double best = 1e9;
        for (int dy = -2; dy <= 2; dy += 2) {
            const int yy = std::clamp(y + dy, 0, c.lab.rows - 1);
            const cv::Vec3b v = c.lab.at<cv::Vec3b>(yy, x);
            best = std::min(best, deltaE(labUnits(cv::Vec3f(v[0], v[1], v[2])), c.skinLab));
        }
        return best < 20;
    };
    int l = x0, r = x0, gap = 0;
    for (int x = x0; x >= 0; --x) {
        if (isSkin(x)) { l = x; gap = 0; } else if (++gap > 3) break;
    }
    gap = 0;
    for (int x = x0; x < c.lab.cols; ++x) {
        if (isSkin(x)) { r = x; gap = 0; } else if (++gap > 3) break;
    }
    *left = l;
    *right = r;
    return r - l > 10;
}

} // namespace

void prepareSkin(Context &c)
{
    if (!c.face.found)
        return;
    const double ipd = std::max(10.0, c.face.interPupil);
    cv::Mat mask = cv::Mat::zeros(c.lab.size(), CV_8U);
    for (const cv::Point2f &e : {c.face.left.centre, c.face.right.centre}) {
        const cv::Rect r = cv::Rect(int(e.x - 0.15 * ipd), int(e.y + 0.35 * ipd), int(0.3 * ipd), int(0.3 * ipd)) & cv::Rect(0, 0, mask.cols, mask.rows);
        if (r.area() > 0)
            mask(r).setTo(255);
    }
    if (cv::countNonZero(mask) < 10)
        return;
    const cv::Scalar m = cv::mean(c.lab, mask);
    c.skinLab = labUnits(cv::Vec3f(float(m[0]), float(m[1]), float(m[2])));
    c.skinReady = true;
}

void runGeometryRules(Context &c)
{
    if (c.on("face.count")) {
        const int n = int(c.face.faces.size());
        QList<Shape> geo;
        for (const cv::Rect &r : c.face.faces)
            geo.append(Shape::box(qrect(r)));
        RuleResult &r = c.emit("face.count", n == 1 ? RuleStatus::Pass : RuleStatus::Fail, n, QStringLiteral("1"), geo);
        if (n == 0)
            r.why = QStringLiteral("no face found");
    }
    const QString notStd = QStringLiteral("the photo is not 3:4, so pixel positions cannot be compared with the standard");
    const cv::Point2f l = c.face.left.centre, r = c.face.right.centre, mid = (l + r) * 0.5f;
    const double ipd = std::max(1.0, c.face.interPupil);
    auto frameRule = [&](const char *rule) {
        if (!c.needFace(rule))
            return false;
        if (!c.standardFrame) {
            if (c.on(rule))
                c.emit(rule, RuleStatus::Uncertain, std::nullopt, {}, {}, notStd);
            return false;
        }
        return c.on(rule);
    };
    if (frameRule("geometry.head_top")) {
        const double lo = c.p("geometry.head_top", "min", 50), hi = c.p("geometry.head_top", "max", 110);
        if (!c.bgReady) {
            c.emit("geometry.head_top", RuleStatus::Uncertain, std::nullopt, range(lo, hi), {}, QStringLiteral("background not found"));
        } else {
            const cv::Rect b = c.face.box;
            const int x0 = std::clamp((b.x + b.width / 5) / 2, 0, c.personHalf.cols - 1);
            const int x1 = std::clamp((b.x + b.width * 4 / 5) / 2, x0 + 1, c.personHalf.cols);
            int top = -1;
            for (int y = 0; y < c.personHalf.rows && top < 0; ++y)
                if (cv::countNonZero(c.personHalf.row(y).colRange(x0, x1)) >= 2)
                    top = y;
            const double topPx = std::max(0, top) * 2.0;
            const double v = topPx * c.toStd;
            const QList<Shape> geo{Shape::line(QPointF(x0 * 2, topPx), QPointF(x1 * 2, topPx))};
            RuleResult &res = c.emit("geometry.head_top", v >= lo && v <= hi ? RuleStatus::Pass : RuleStatus::Fail, v, range(lo, hi), geo);
            if (top == 0)
                res.why = QStringLiteral("the head touches the top edge");
        }
    }
    if (frameRule("geometry.eye_line")) {
        const double lo = c.p("geometry.eye_line", "min", 200), hi = c.p("geometry.eye_line", "max", 300);
        const double v = mid.y * c.toStd;
        c.emit("geometry.eye_line", v >= lo && v <= hi ? RuleStatus::Pass : RuleStatus::Fail, v, range(lo, hi),
               {Shape::line(qpt(l), qpt(r)), Shape::line(QPointF(0, mid.y), QPointF(c.bgr.cols, mid.y))});
    }
    if (frameRule("geometry.face_width")) {
        const double lo = c.p("geometry.face_width", "min", 180), hi = c.p("geometry.face_width", "max", 300);
        // Cheek to cheek: the skin run just under the eyes; the detector box when the skin is not separable.
        int xl = 0, xr = 0;
        const int y = int(mid.y + 0.45 * ipd);
        double w = 0;
        QList<Shape> geo;
        if (skinRun(c, y, int(mid.x), &xl, &xr) && (xr - xl) > 1.4 * ipd && (xr - xl) < 3.2 * ipd) {
            w = xr - xl;
            geo.append(Shape::line(QPointF(xl, y), QPointF(xr, y)));
        } else {
            w = c.face.box.width;
            geo.append(Shape::box(qrect(c.face.box)));
        }
        const double v = w * c.toStd;
        c.emit("geometry.face_width", v >= lo && v <= hi ? RuleStatus::Pass : RuleStatus::Fail, v, range(lo, hi), geo);
    }
    if (frameRule("geometry.centred")) {
        const double maxOff = c.p("geometry.centred", "maxOffset", 24);
        const double v = (mid.x - c.bgr.cols / 2.0) * c.toStd;
        c.emit("geometry.centred", std::abs(v) <= maxOff ? RuleStatus::Pass : RuleStatus::Fail, v, QStringLiteral("|offset|<=%1").arg(maxOff),
               {Shape::line(QPointF(c.bgr.cols / 2.0, 0), QPointF(c.bgr.cols / 2.0, c.bgr.rows)), Shape::point(qpt(mid))});
    }
    if (c.needFace("pose.roll") && c.on("pose.roll")) {
        const double maxDeg = c.p("pose.roll", "maxDegrees", 5);
        const double deg = std::atan2(r.y - l.y, r.x - l.x) * kRadToDeg;
        const QList<Shape> geo{Shape::line(qpt(l), qpt(r))};
        if (!c.face.left.fromCascade && !c.face.right.fromCascade)
            c.emit("pose.roll", RuleStatus::Uncertain, deg, QStringLiteral("|angle|<=%1").arg(maxDeg), geo, QStringLiteral("eyes not located"));
        else
            c.emit("pose.roll", std::abs(deg) <= maxDeg ? RuleStatus::Pass : RuleStatus::Fail, deg, QStringLiteral("|angle|<=%1").arg(maxDeg), geo);
    }
    if (c.needFace("pose.yaw") && c.on("pose.yaw")) {
        // Turning the head moves the eyes' midpoint off the centre of the face outline.
        const double maxAsym = c.p("pose.yaw", "maxAsymmetry", 0.18);
        int xl = 0, xr = 0;
        const int y = int(mid.y + 0.45 * ipd);
        if (!skinRun(c, y, int(mid.x), &xl, &xr) || xr - xl < 1.2 * ipd) {
            c.emit("pose.yaw", RuleStatus::Uncertain, std::nullopt, QStringLiteral("<=%1").arg(maxAsym), {}, QStringLiteral("face outline not found"));
        } else {
            const double v = (mid.x - (xl + xr) / 2.0) / double(xr - xl);
            c.emit("pose.yaw", std::abs(v) <= maxAsym ? RuleStatus::Pass : RuleStatus::Fail, v, QStringLiteral("|asymmetry|<=%1").arg(maxAsym),
                   {Shape::line(QPointF(xl, y), QPointF(xr, y)), Shape::point(QPointF((xl + xr) / 2.0, y)), Shape::point(qpt(mid))});
        }
    }
    if (c.needFace("pose.pitch") && c.on("pose.pitch")) {
        // Raising or lowering the head shortens the eye-to-mouth distance relative to the eye distance.
        const double lo = c.p("pose.pitch", "minRatio", 0.85), hi = c.p("pose.pitch", "maxRatio", 1.45);
        const double v = (c.face.mouth.y - mid.y) / ipd;
        c.emit("pose.pitch", v >= lo && v <= hi ? RuleStatus::Pass : RuleStatus::Fail, v, range(lo, hi, 2),
               {Shape::line(qpt(mid), qpt(c.face.mouth))});
    }
    if (c.needFace("shoulders.level") && c.on("shoulders.level")) {
        const double maxDeg = c.p("shoulders.level", "maxDegrees", 6);
        auto shoulderY = [&](double x) -> int {
            // First person row below the chin, median over a few columns.
            std::vector<int> ys;
            for (int dx = -4; dx <= 4; dx += 2) {
                const int xh = int((x + dx) / 2);
                if (!c.bgReady || xh < 0 || xh >= c.personHalf.cols)
                    continue;
                for (int yh = int((mid.y + 1.2 * ipd) / 2); yh < c.personHalf.rows; ++yh)
                    if (c.personHalf.at<uchar>(yh, xh)) {
                        ys.push_back(yh * 2);
                        break;
                    }
            }
            if (ys.size() < 3)
                return -1;
            std::nth_element(ys.begin(), ys.begin() + long(ys.size() / 2), ys.end());
            return ys[ys.size() / 2];
        };
        const double dx = 1.9 * ipd;
        const int yl = shoulderY(mid.x - dx), yr = shoulderY(mid.x + dx);
        if (yl < 0 || yr < 0 || yl >= c.bgr.rows - 4 || yr >= c.bgr.rows - 4) {
            c.emit("shoulders.level", RuleStatus::Uncertain, std::nullopt, QStringLiteral("|angle|<=%1").arg(maxDeg), {},
                   QStringLiteral("shoulders not visible"));
        } else {
            const double deg = std::atan2(yr - yl, 2 * dx) * kRadToDeg;
            c.emit("shoulders.level", std::abs(deg) <= maxDeg ? RuleStatus::Pass : RuleStatus::Fail, deg, QStringLiteral("|angle|<=%1").arg(maxDeg),
                   {Shape::line(QPointF(mid.x - dx, yl), QPointF(mid.x + dx, yr))});
        }
    }
}

} // namespace tucai::checks::detail
