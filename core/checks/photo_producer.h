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

struct ProduceOptions
{
    QColor background = QColor(100, 197, 255);
    int jpegQuality = 90;
    double eyeLineY = 250;   // output eye line, px from the top edge
    double interPupil = 0;   // output pupil distance in px; 0 = auto (puts the hair top near 80 px)
};

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
