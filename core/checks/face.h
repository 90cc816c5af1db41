#pragma once
// Private: face and landmark finding on a produced photo. Cascades are loaded once per thread
// (cv::CascadeClassifier is not safe to share between threads while detecting).

#include "cv_wrap.h"

#include <QString>

#include <vector>

namespace tucai::checks::detail {

enum class FaceMethod { HaarAlt2, HaarDefault, LbpImproved };

struct EyeFit
{
    cv::Point2f centre;
    cv::Rect box;            // the eye region searched / found
    bool fromCascade = false;
};

struct FaceFit
{
    std::vector<cv::Rect> faces;   // every face found (after merging overlaps), largest first
    bool found = false;            // a main face exists
    cv::Rect box;                  // main face
    EyeFit left, right;            // image left/right
    cv::Point2f mouth;
    cv::Rect mouthBox;
    double interPupil = 0;
    QString method;                // what produced the landmarks, for the report
};

bool cascadesAvailable(QString *error);
FaceFit fitFace(const cv::Mat &bgr, const cv::Mat &grey, FaceMethod method = FaceMethod::HaarAlt2);

} // namespace tucai::checks::detail
