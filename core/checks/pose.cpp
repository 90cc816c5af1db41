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
    const double yaw = std::asin(std::clamp(-r(2, 0), -1.0, 1.0));
    pose.pitch = std::atan2(r(2, 1), r(2, 2)) * kRadToDeg;
    pose.roll = std::atan2(r(1, 0), r(0, 0)) * kRadToDeg;
    // Ry(+) turns the nose (model -z) towards the image left; report "towards the image right" positive.
    pose.yaw = -yaw * kRadToDeg;

    std::vector<cv::Point2d> back;
    cv::projectPoints(model, rvec, tvec, camera, cv::noArray(), back);
    double err = 0;
    for (size_t i = 0; i < back.size(); ++i)
        err += cv::norm(back[i] - image[i]);
    const double ipd = std::max(1.0, cv::norm(marks.mean(lm::kRightEyeFirst, 6) - marks.mean(lm::kLeftEyeFirst, 6)));
    pose.fitError = err / double(back.size()) / ipd;

    const std::vector<cv::Point3d> axes{{0, 0, 0}, {200, 0, 0}, {0, 200, 0}, {0, 0, -200}};
    std::vector<cv::Point2d> drawn;
    cv::projectPoints(axes, rvec, tvec, camera, cv::noArray(), drawn);
    for (size_t i = 0; i < 4; ++i)
        pose.axes[i] = cv::Point2f(float(drawn[i].x), float(drawn[i].y));
    pose.valid = std::isfinite(pose.yaw) && std::isfinite(pose.pitch) && std::isfinite(pose.roll);
    return pose;
}

} // namespace tucai::checks::detail
