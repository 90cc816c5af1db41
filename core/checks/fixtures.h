#pragma once
// Labelled test photos: FRLL portraits made into standard photos, then one known defect injected at
// a known strength. The truth (which rule must fail) travels with each photo. Used by the evaluation
// command, the tests and the benchmark. OpenCV-free header.

#include "photo_producer.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace tucai::checks {

struct DefectKind
{
    QString name;            // e.g. "blur"
    QStringList rules;       // a detection = any of these rules fails
    QString description;
};

struct Fixture
{
    QString person;          // e.g. "012"
    QString defect;          // "none" for a compliant photo
    int level = 0;           // 0 compliant, 1 just past the limit, 2 clearly visible, 3 strong
    QStringList expectRules; // rules that should fail (empty for compliant)
    QStringList knownDeviations; // rules the source portrait itself breaks (not counted as false rejections)
    double visibleFraction = -1; // second_face: share of the second face's area (brows to chin) in the frame
                                 // and not behind the student; -1 for other defects
    QPointF leftEye, rightEye;   // compliant photo: where the producer put the pupils (truth, image left/right)
    QByteArray bytes;
};

const QList<DefectKind> &defectKinds();

// A produced photo of one FRLL person (by `producer`; B's options from producerBOptions(person number)) and, for each defect in `defects` (all when empty) and each
// level in `levels`, the defective variant. Returns an empty list and sets *error on failure.
QList<Fixture> makeFixtures(const QByteArray &portrait, QPointF leftPupil, QPointF rightPupil, const QString &person,
                            const QStringList &defects = {}, const QList<int> &levels = {1, 2, 3}, QString *error = nullptr,
                            const QByteArray &otherPortrait = {}, QPointF otherLeft = {}, QPointF otherRight = {},
                            ProducerMethod producer = ProducerMethod::A);

// FRLL people found under facesDir/frll/neutral (ids "001"...), sorted.
QStringList frllPeople(const QString &facesDir);
bool loadFrll(const QString &facesDir, const QString &person, bool smiling, QByteArray *bytes, QPointF *left, QPointF *right);

} // namespace tucai::checks
