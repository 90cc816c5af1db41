#include "pose.h"

#include <opencv2/calib3d.hpp>

#include <cmath>

namespace tucai::checks::detail {
namespace {

constexpr double kRadToDeg = 180.0 / 3.14159265358979323846;

// A generic adult face, in model units (about 0.2 mm): x to the image right, y down, z away from
// the camera, origin at the nose tip. Widely used average proportions; the angles do not depend on
// the unit. Points: nose tip, chin, outer eye corners, mouth corners (image left first).
const std::array<cv::Point3d, 6> kModel{{{0, 0, 0},
                                         {0, 330, 65},
                                         {-225, -170, 135},
                                         {225, -170, 135},
                                         {-150, 150, 125},
                                         {150, 150, 125}}};
constexpr std::array<int, 6> kPoints{lm::kNoseTip, lm::kChin, lm::kLeftEyeOuter, lm::kRightEyeOuter, lm::kMouthLeft, lm::kMouthRight};

} // namespace

HeadPose headPose(const Landmarks &marks, cv::Size photo)
{
    HeadPose pose;
    if (!marks.valid || photo.width <= 0)
        return pose;
    std::vector<cv::Point3d> model(kModel.begin(), kModel.end());
    std::vector<cv::Point2d> image;
    for (int i : kPoints)
        image.emplace_back(marks[i].x, marks[i].y);
    // A phone portrait: focal length about the photo's width, centred, no distortion to speak of.
    const double f = photo.width;
    const cv::Matx33d camera(f, 0, photo.width / 2.0, 0, f, photo.height / 2.0, 0, 0, 1);
    // Start from a frontal head at the distance the eye corners' spacing gives.
    const double span = std::max(1.0, cv::norm(image[3] - image[2]));
    const double z = f * 450.0 / span;
    cv::Mat rvec = cv::Mat::zeros(3, 1, CV_64F);
    cv::Mat tvec = (cv::Mat_<double>(3, 1) << (image[0].x - photo.width / 2.0) * z / f, (image[0].y - photo.height / 2.0) * z / f, z);
    if (!cv::solvePnP(model, image, camera, cv::noArray(), rvec, tvec, true, cv::SOLVEPNP_ITERATIVE))
        return pose;
    cv::Matx33d r;
    cv::Rodrigues(rvec, r);
    // R = Rz(roll) * Ry(yaw) * Rx(pitch).
    const double fitYaw = std::asin(std::clamp(-r(2, 0), -1.0, 1.0));
    const double pitch = std::atan2(r(2, 1), r(2, 2)), roll = std::atan2(r(1, 0), r(0, 0));
    pose.pitch = pitch * kRadToDeg;
    pose.roll = roll * kRadToDeg;
    // Ry(+) turns the nose (model -z) towards the image left; report "towards the image right" positive.
    pose.fitYaw = -fitYaw * kRadToDeg;

    // Yaw from the nose tip alone: its offset from the middle of the outer eye corners, along the
    // line joining them, as a share of their distance. The six-point fit's yaw also follows each
    // person's chin and mouth corners: on compliant produced photos it spread to +-13 deg, the nose
    // offset to +-9 deg (both halves), while both grow alike on turned heads. The share is turned into
    // an angle with the same generic face (nose tip 135 units in front of the corners, 450 apart) seen
    // by the same camera at the fitted distance: at arm's length the nearer eye corner looks further
    // out and the tip drops off the corners' line, which an orthographic tan(yaw) = share * 450 / 135
    // ignores (it reads a 20 deg turn 30 cm away as 26 deg).
    const cv::Point2d le(marks[lm::kLeftEyeOuter].x, marks[lm::kLeftEyeOuter].y), re(marks[lm::kRightEyeOuter].x, marks[lm::kRightEyeOuter].y);
    const cv::Point2d tip(marks[lm::kNoseTip].x, marks[lm::kNoseTip].y);
    const auto shareOf = [](const cv::Point2d &l, const cv::Point2d &r, const cv::Point2d &t) {
        const cv::Point2d d = r - l;
        const double span = std::max(1e-9, cv::norm(d));
        return (t - (l + r) * 0.5).dot(d * (1.0 / span)) / span;
    };
    const double share = shareOf(le, re, tip);
    const double distance = std::max(tvec.at<double>(2), 2.0 * (kModel[3].x - kModel[2].x));
    const auto shareAt = [&](double a) {   // a: yaw, + = nose towards the image right
        const auto seen = [&](const cv::Point3d &m) {
            const double z = m.x * std::sin(a) + m.z * std::cos(a) + distance;
            return cv::Point2d((m.x * std::cos(a) - m.z * std::sin(a)) / z, m.y / z);
        };
        return shareOf(seen(kModel[2]), seen(kModel[3]), seen(kModel[0]));
    };
    double lo = -1.2, hi = 1.2;   // radians; shareAt rises with the angle over this range
    for (int i = 0; i < 40; ++i) {
        const double m = (lo + hi) / 2;
        (shareAt(m) < share ? lo : hi) = m;
    }
    const double yaw = (lo + hi) / 2;
    pose.yaw = yaw * kRadToDeg;

    std::vector<cv::Point2d> back;
    cv::projectPoints(model, rvec, tvec, camera, cv::noArray(), back);
    double err = 0;
    for (size_t i = 0; i < back.size(); ++i)
        err += cv::norm(back[i] - image[i]);
    const double ipd = std::max(1.0, cv::norm(marks.mean(lm::kRightEyeFirst, 6) - marks.mean(lm::kLeftEyeFirst, 6)));
    pose.fitError = err / double(back.size()) / ipd;

    // The drawn axes show the reported angles: the fit's pitch and roll with the nose tip's yaw.
    const double cy = std::cos(-yaw), sy = std::sin(-yaw), cp = std::cos(pitch), sp = std::sin(pitch), cr = std::cos(roll),
                 sr = std::sin(roll);
    const cv::Matx33d rz(cr, -sr, 0, sr, cr, 0, 0, 0, 1), ry(cy, 0, sy, 0, 1, 0, -sy, 0, cy), rx(1, 0, 0, 0, cp, -sp, 0, sp, cp);
    cv::Mat shown;
    cv::Rodrigues(cv::Mat(rz * ry * rx), shown);
    const std::vector<cv::Point3d> axes{{0, 0, 0}, {200, 0, 0}, {0, 200, 0}, {0, 0, -200}};
    std::vector<cv::Point2d> drawn;
    cv::projectPoints(axes, shown, tvec, camera, cv::noArray(), drawn);
    for (size_t i = 0; i < 4; ++i)
        pose.axes[i] = cv::Point2f(float(drawn[i].x), float(drawn[i].y));
    pose.valid = std::isfinite(pose.yaw) && std::isfinite(pose.pitch) && std::isfinite(pose.roll);
    return pose;
}

} // namespace tucai::checks::detail
