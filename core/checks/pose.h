#pragma once
// Private: head pose (yaw, pitch, roll) from the 68 landmarks, by fitting a generic 3-D face to six
// of them (cv::solvePnP); the yaw from the nose tip's offset between the eye corners.

#include "landmarks.h"

#include <array>

namespace tucai::checks::detail {

struct HeadPose
{
    bool valid = false;
    double yaw = 0;     // degrees; positive: the nose turned towards the image right (from the nose tip)
    double fitYaw = 0;  // the six-point fit's yaw, same sign (kept for comparison; the rules use yaw)
    double pitch = 0;   // degrees; positive: the chin raised
    double roll = 0;    // degrees; positive: clockwise in the image
    double fitError = 0;   // mean reprojection error of the six points, in pupil distances
    // For drawing: the nose tip and the ends of the head's x (right), y (down) and z (towards the
    // camera) axes, 200 model units (about 4 cm) long, projected into the photo.
    std::array<cv::Point2f, 4> axes{};
};

HeadPose headPose(const Landmarks &marks, cv::Size photo);

} // namespace tucai::checks::detail
