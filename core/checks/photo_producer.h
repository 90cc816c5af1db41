#pragma once
// Produces a standard 480x640 ID photo from a studio portrait and its two pupil positions: the same
// "making" step the student side runs (crop by the eyes, background replaced), used by the demo
// generator and the check engine's fixture generator. OpenCV-free on purpose.

#include <QByteArray>
#include <QColor>
#include <QImage>
#include <QPointF>
#include <QString>

namespace tucai::checks {

// Two independent ways of making the photo, so that no threshold can learn one pipeline:
// A (photo_producer.cpp): GrabCut matte, scale from the hair top, area + bilinear resampling, flat
//   background, OpenCV's JPEG encoder;
// B (photo_producer_b.cpp): colour-distance flood from the portrait's own backdrop with an edge stop and
//   a guided-filter alpha, scale from the pupil distance with a placement varied inside the standard's
//   bands, Lanczos resampling, a background shade and a slight gradient/grain within the standard, mild
//   camera realism, Qt's JPEG writer (progressive, optimised).
enum class ProducerMethod { A, B };

struct ProduceOptions
{
    QColor background = QColor(100, 197, 255);
    int jpegQuality = 90;
    double eyeLineY = 250;   // output eye line, px from the top edge
    double interPupil = 0;   // output pupil distance in px; 0 = auto (A: puts the hair top near 80 px;
                             // B: a pupil distance picked from `seed`, kept inside the hair-top band)
    ProducerMethod method = ProducerMethod::A;
    int seed = 0;            // B only: varies placement, shade and camera realism within the standard
};

// The second producer's options for one person (seed = the person's number): eye line 232-268 px,
// a shade of `base` 2-4 delta E away, JPEG quality 85.
ProduceOptions producerBOptions(int seed, QColor base = QColor(100, 197, 255));

// Turns a portrait (any size, plain light background) plus the two pupil positions (image coords) into a
// standard produced ID photo: 480x640, eyes level on the eye line, face width within 180-300 px, hair top
// 50-110 px, background replaced by `background` (segmentation of the person, feathered edge),
// JPEG-encoded. Returns an empty QByteArray and fills *error on failure.
QByteArray producePhoto(const QByteArray &portraitBytes, QPointF leftPupil, QPointF rightPupil,
                        const ProduceOptions &opt = {}, QString *error = nullptr);

// The same producing step returning the 480x640 image (for injecting defects before encoding).
QImage produceImage(const QByteArray &portraitBytes, QPointF leftPupil, QPointF rightPupil,
                    const ProduceOptions &opt = {}, QString *error = nullptr);

// Reads a FRLL .tem landmark file: first line = point count, then "x\ty" lines;
// point 0 = left pupil, 1 = right pupil (image left/right).
bool readTemPupils(const QString &temPath, QPointF *left, QPointF *right);

} // namespace tucai::checks
