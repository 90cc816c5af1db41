#pragma once
// Private: face and landmark finding on a produced photo. Cascades are loaded once per thread
// (cv::CascadeClassifier is not safe to share between threads while detecting).

#include "cv_wrap.h"
#include "landmarks.h"

#include <QString>

#include <vector>

namespace tucai::checks::detail {

enum class FaceMethod { HaarAlt2, HaarDefault, LbpImproved };

struct EyeFit
{
    cv::Point2f centre;
    cv::Rect box;            // the eye region found (eye cascade) or around the landmarks' eye contour
    bool located = false;    // found by the eye cascade or the landmarks; false: guessed from the face box
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

// The engine's order: faces on the upright photo (detectFaces: no eyes yet), the landmarks on the main
// face, then the pupils: inside the landmarks' eye contours when the landmarks are valid
// (eyesFromLandmarks), otherwise by the eye cascade (eyesByCascade), which also searches the photo
// turned +-15 deg when the upright photo shows no face or the cascade misses an eye.
FaceFit detectFaces(const cv::Mat &grey, FaceMethod method = FaceMethod::HaarAlt2);
void eyesFromLandmarks(const cv::Mat &bgr, const cv::Mat &grey, const Landmarks &marks, FaceFit &f);
FaceFit eyesByCascade(const cv::Mat &bgr, const cv::Mat &grey, FaceFit upright,
                      FaceMethod method = FaceMethod::HaarAlt2);

} // namespace tucai::checks::detail
