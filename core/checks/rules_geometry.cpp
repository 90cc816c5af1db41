// Face count, framing (head top, eye line, face width, centring), pose and shoulders.
#include "engine_context.h"

#include <algorithm>
#include <cmath>

namespace tucai::checks::detail {
namespace {

constexpr double kRadToDeg = 180.0 / CV_PI;

} // namespace

void prepareSkin(Context &c)
{
    if (!c.face.found)
        return;
    const double ipd = std::max(10.0, c.face.interPupil);
    // The two patches under the eyes, masked within the rectangle that holds both (the sums are
    // exact integers, so the mean is the one over the whole photo with the same mask).
    const cv::Rect frame = c.frame();
    cv::Rect patches[2];
    cv::Rect both;
    for (int i = 0; i < 2; ++i) {
        const cv::Point2f e = i == 0 ? c.face.left.centre : c.face.right.centre;
        patches[i] = cv::Rect(int(e.x - 0.15 * ipd), int(e.y + 0.35 * ipd), int(0.3 * ipd), int(0.3 * ipd)) & frame;
        if (patches[i].area() > 0)
            both = both.area() > 0 ? (both | patches[i]) : patches[i];
    }
    if (both.area() <= 0)
        return;
    cv::Mat mask = cv::Mat::zeros(both.size(), CV_8U);
    for (const cv::Rect &r : patches)
        if (r.area() > 0)
            mask(r - both.tl()).setTo(255);
    if (cv::countNonZero(mask) < 10)
        return;
    const cv::Scalar m = cv::mean(c.labIn(both)(both), mask);
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
        RuleResult &r = c.add("face.count", n == 1 ? RuleStatus::Pass : RuleStatus::Fail, n, QStringLiteral("1"), geo);
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
                c.add(rule, RuleStatus::Uncertain, std::nullopt, {}, {}, notStd);
            return false;
        }
        return c.on(rule);
    };
    if (frameRule("geometry.head_top")) {
        const double lo = c.p("geometry.head_top", "min", 50), hi = c.p("geometry.head_top", "max", 110);
        if (!c.bgReady) {
            c.add("geometry.head_top", RuleStatus::Uncertain, std::nullopt, range(lo, hi), {}, QStringLiteral("background not found"));
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
            RuleResult &res = c.add("geometry.head_top", v >= lo && v <= hi ? RuleStatus::Pass : RuleStatus::Fail, v, range(lo, hi), geo);
            if (top == 0)
                res.why = QStringLiteral("the head touches the top edge");
        }
    }
    if (frameRule("geometry.eye_line")) {
        const double lo = c.p("geometry.eye_line", "min", 200), hi = c.p("geometry.eye_line", "max", 300);
        const double v = mid.y * c.toStd;
        c.add("geometry.eye_line", v >= lo && v <= hi ? RuleStatus::Pass : RuleStatus::Fail, v, range(lo, hi),
               {Shape::line(qpt(l), qpt(r)), Shape::line(QPointF(0, mid.y), QPointF(c.bgr.cols, mid.y))});
    }
    if (frameRule("geometry.face_width")) {
        const double lo = c.p("geometry.face_width", "min", 180), hi = c.p("geometry.face_width", "max", 300);
        // The Haar box runs a little wider than cheek to cheek; the factor maps its median onto
        // 2.15 x the true pupil distance on the FRLL set (skin-edge runs were less stable). 0.86 for
        // boxes found at quarter resolution; 0.82 at a fifth (boxes ~5% wider, tune half median).
        const double k = c.p("geometry.face_width", "boxFactor", 0.82);
        const double w = c.face.box.width * k;
        const QRectF box = qrect(c.face.box);
        const double y = mid.y + 0.45 * ipd;
        const QList<Shape> geo{Shape::line(QPointF(box.center().x() - w / 2, y), QPointF(box.center().x() + w / 2, y))};
        const double v = w * c.toStd;
        c.add("geometry.face_width", v >= lo && v <= hi ? RuleStatus::Pass : RuleStatus::Fail, v, range(lo, hi), geo);
    }
    if (frameRule("geometry.centred")) {
        const double maxOff = c.p("geometry.centred", "maxOffset", 24);
        const double v = (mid.x - c.bgr.cols / 2.0) * c.toStd;
        c.add("geometry.centred", std::abs(v) <= maxOff ? RuleStatus::Pass : RuleStatus::Fail, v, QStringLiteral("|offset|<=%1").arg(maxOff),
               {Shape::line(QPointF(c.bgr.cols / 2.0, 0), QPointF(c.bgr.cols / 2.0, c.bgr.rows)), Shape::point(qpt(mid))});
    }
    if (c.needFace("pose.roll") && c.on("pose.roll")) {
        const double maxDeg = c.p("pose.roll", "maxDegrees", 5);
        const double deg = std::atan2(r.y - l.y, r.x - l.x) * kRadToDeg;
        const QList<Shape> geo{Shape::line(qpt(l), qpt(r))};
        // Second opinion from the eye boxes' centres: when the two disagree, the eyes are not well
        // located (lids, glasses) and the angle is not trusted either way.
        const cv::Rect &bl = c.face.left.box, &br = c.face.right.box;
        const double boxDeg = std::atan2((br.y + br.height / 2.0) - (bl.y + bl.height / 2.0), (br.x + br.width / 2.0) - (bl.x + bl.width / 2.0)) * kRadToDeg;
        if (!c.face.left.located && !c.face.right.located)
            c.add("pose.roll", RuleStatus::Uncertain, deg, QStringLiteral("|angle|<=%1").arg(maxDeg), geo, QStringLiteral("eyes not located"));
        else if (std::abs(deg) > maxDeg && std::abs(boxDeg) <= maxDeg - 1)
            c.add("pose.roll", RuleStatus::Uncertain, deg, QStringLiteral("|angle|<=%1").arg(maxDeg), geo,
                   QStringLiteral("pupils give %1 deg, eye boxes %2 deg").arg(deg, 0, 'f', 1).arg(boxDeg, 0, 'f', 1));
        else
            c.add("pose.roll", std::abs(deg) <= maxDeg ? RuleStatus::Pass : RuleStatus::Fail, deg, QStringLiteral("|angle|<=%1").arg(maxDeg), geo);
    }
    if (c.on("pose.yaw")) {
        // From the generic 3-D face fitted to the landmarks (pose.cpp).
        const double maxDeg = c.p("pose.yaw", "maxDegrees", 12);
        const QString thr = QStringLiteral("|angle|<=%1").arg(maxDeg);
        if (c.needLandmarks("pose.yaw", thr)) {
            if (!c.pose.valid)
                c.add("pose.yaw", RuleStatus::Uncertain, std::nullopt, thr, {}, QStringLiteral("head pose not measurable"));
            else
                c.add("pose.yaw", std::abs(c.pose.yaw) <= maxDeg ? RuleStatus::Pass : RuleStatus::Fail, c.pose.yaw, thr,
                      {Shape::line(qpt(c.pose.axes[0]), qpt(c.pose.axes[3]))});
        }
    }
    if (c.on("pose.pitch")) {
        // The generic face's proportions put a level head of our population at a few degrees off
        // zero: the allowed range is not symmetric (set on the tune half).
        const double lo = c.p("pose.pitch", "minDegrees", -18), hi = c.p("pose.pitch", "maxDegrees", 8);
        const QString thr = range(lo, hi);
        if (c.needLandmarks("pose.pitch", thr)) {
            if (!c.pose.valid)
                c.add("pose.pitch", RuleStatus::Uncertain, std::nullopt, thr, {}, QStringLiteral("head pose not measurable"));
            else
                c.add("pose.pitch", c.pose.pitch >= lo && c.pose.pitch <= hi ? RuleStatus::Pass : RuleStatus::Fail, c.pose.pitch, thr,
                      {Shape::line(qpt(c.pose.axes[0]), qpt(c.pose.axes[3]))});
        }
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
            c.add("shoulders.level", RuleStatus::Uncertain, std::nullopt, QStringLiteral("|angle|<=%1").arg(maxDeg), {},
                   QStringLiteral("shoulders not visible"));
        } else {
            const double deg = std::atan2(yr - yl, 2 * dx) * kRadToDeg;
            c.add("shoulders.level", std::abs(deg) <= maxDeg ? RuleStatus::Pass : RuleStatus::Fail, deg, QStringLiteral("|angle|<=%1").arg(maxDeg),
                   {Shape::line(QPointF(mid.x - dx, yl), QPointF(mid.x + dx, yr))});
        }
    }
}

} // namespace tucai::checks::detail
