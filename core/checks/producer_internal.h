#pragma once
// Private: the producing step with its by-products (person matte, eye positions), for the fixture
// generator that injects defects into produced photos. Includes OpenCV through cv_wrap.h.

#include "cv_wrap.h"
#include "photo_producer.h"

namespace tucai::checks::detail {

struct Produced
{
    cv::Mat bgr;       // 480x640 CV_8UC3, background replaced
    cv::Mat alpha;     // 480x640 CV_32F person matte, 1 = person
    cv::Point2f leftEye, rightEye;
    double interPupil = 0;
    int hairTop = 0;   // first row of the person matte above the eyes
};

// Runs the producer opt.method names.
bool produce(const QByteArray &portraitBytes, QPointF leftPupil, QPointF rightPupil,
             const ProduceOptions &opt, Produced *out, QString *error);
// Producer B itself (photo_producer_b.cpp), called by produce() once the pupils are checked.
bool produceB(const QByteArray &portraitBytes, QPointF leftPupil, QPointF rightPupil,
              const ProduceOptions &opt, Produced *out, QString *error);

// The encoder of the producer opt.method names (A: OpenCV; B: Qt's writer), at `quality`.
QByteArray encode(const cv::Mat &bgr, const ProduceOptions &opt, int quality);

// Composites `bgr` over a flat colour using the matte (used again after defects change the background).
cv::Mat composite(const cv::Mat &bgr, const cv::Mat &alpha, const cv::Mat &background);

} // namespace tucai::checks::detail
