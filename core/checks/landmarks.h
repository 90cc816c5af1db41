#pragma once
// Private: the 68 face landmarks (dlib's shape predictor, iBUG 300-W markup). dlib itself is included
// by landmarks.cpp only; this header is plain OpenCV types.

#include "cv_wrap.h"

#include <QString>

#include <array>

namespace tucai::checks::detail {

// Indices of the iBUG 300-W markup, image left/right (the subject's right eye is the image's left).
namespace lm {
constexpr int kCount = 68;
constexpr int kChin = 8;
constexpr int kNoseBridge = 27, kNoseTip = 30;
constexpr int kLeftEyeFirst = 36, kRightEyeFirst = 42;      // six points each: outer corner first, clockwise
constexpr int kLeftEyeOuter = 36, kRightEyeOuter = 45;
constexpr int kMouthLeft = 48, kMouthRight = 54;
constexpr int kInnerLipFirst = 60;                           // eight points, 60-67
} // namespace lm

struct Landmarks
{
    std::array<cv::Point2f, lm::kCount> pts{};
    bool valid = false;
    QString why;   // when not valid: why (for the rules' "uncertain")

    const cv::Point2f &operator[](int i) const { return pts[size_t(i)]; }
    cv::Point2f mean(int first, int count) const;
};

// Loads the model on first use, once per process (the predictor is read-only afterwards and shared by
// every thread). False, with *error, when the data file is missing or cannot be read.
bool landmarkModelAvailable(QString *error);

// The landmarks of the face in `faceBox` (a box from detectFaces) on the 8-bit grey photo. The predictor
// runs on the face region scaled so that the face is kFitWidth px wide. Not valid (with `why`) when
// the model is missing or the points do not form a plausible face.
constexpr int kFitWidth = 160;
Landmarks fitLandmarks(const cv::Mat &grey, const cv::Rect &faceBox);
// The same with dlib::shape_predictor itself instead of the engine's own evaluation of its trees
// (for the test that the two agree; loads a second copy of the model on first use).
Landmarks fitLandmarksWithDlib(const cv::Mat &grey, const cv::Rect &faceBox);

} // namespace tucai::checks::detail
