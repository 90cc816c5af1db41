#pragma once
// The result of checking one photo: what the review page draws, the database stores and the CLI
// prints. OpenCV-free; JSON names are a contract with the review page and stored reports.

#include <QJsonObject>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <optional>

namespace tucai::checks {

enum class RuleStatus { Pass, Fail, Uncertain, Skipped };
enum class Severity { Error, Warning };

QString toString(RuleStatus s);
QString toString(Severity s);
RuleStatus ruleStatusFromString(const QString &s, bool *ok = nullptr);
Severity severityFromString(const QString &s, bool *ok = nullptr);

// One thing to draw over the photo, in photo pixel coordinates.
struct Shape
{
    enum class Type { Box, Line, Point, Polygon, Mask };
    Type type = Type::Box;
    QRectF rect;             // Box
    QPointF p1, p2;          // Line (p1, p2), Point (p1)
    QList<QPointF> points;   // Polygon
    QByteArray png;          // Mask: PNG bytes (decoded, not base64); white = flagged

    static Shape box(const QRectF &r) { Shape s; s.type = Type::Box; s.rect = r; return s; }
    static Shape line(QPointF a, QPointF b) { Shape s; s.type = Type::Line; s.p1 = a; s.p2 = b; return s; }
    static Shape point(QPointF p) { Shape s; s.type = Type::Point; s.p1 = p; return s; }
    static Shape polygon(const QList<QPointF> &pts) { Shape s; s.type = Type::Polygon; s.points = pts; return s; }
    static Shape mask(const QByteArray &png) { Shape s; s.type = Type::Mask; s.png = png; return s; }
};

struct RuleResult
{
    QString rule;                   // stable id, e.g. "geometry.eye_line"
    RuleStatus status = RuleStatus::Skipped;
    Severity severity = Severity::Error;
    std::optional<double> value;    // the measured number, if any
    QString threshold;              // human-readable limit, e.g. "200-300"
    QString message;                // English
    QString messageZh;              // Chinese
    QString why;                    // for uncertain/skipped: why the rule could not decide
    QList<Shape> geometry;
};

// A rule's "why" in the user's language (translated by the running application's translator;
// unknown texts come back unchanged).
QString whyText(const QString &why);

struct FaceInfo
{
    bool found = false;
    QRectF box;
    QPointF leftEye, rightEye, mouth;   // image left/right
    QList<QPointF> landmarks;           // the 68 points (iBUG 300-W markup) when they were found, else empty
    // Head pose from the landmarks (degrees: yaw + = nose towards the image right, pitch + = chin
    // raised, roll + = clockwise) and, for drawing, the nose tip and the ends of the head's x, y and z
    // (towards the camera) axes. poseAxes is empty when there is no pose.
    double yaw = 0, pitch = 0, roll = 0;
    QList<QPointF> poseAxes;
    // Glasses from the landmarks: "found", "none" or "uncertain"; empty when not measured (no
    // landmarks). The two edge contrasts, each relative to the brightness along its own profile: the
    // strongest step down the nose bridge, which decides, and the weaker eye's step below the lower
    // lid, reported only.
    QString glasses;
    double glassesBridge = 0, glassesRims = 0;
};

struct CheckReport
{
    QString engine;            // "tucai-checks 2.0.0"
    QString profile;           // profile id
    QString profileVersion;
    bool decoded = false;
    QString error;             // human-readable decode/read error, empty when none
    QString errorCode;         // stable code, e.g. "jpeg.truncated"
    int width = 0;
    int height = 0;
    bool passed = false;       // decoded and no error-severity rule failed
    double ms = 0;
    // Wall time of each stage of this check, in order (decode, faces, landmarks, ...): for the
    // benchmark; not part of the JSON.
    QList<QPair<QString, double>> stageMs;
    QString detector;          // face detection method used
    FaceInfo face;
    QList<RuleResult> results;

    const RuleResult *result(const QString &rule) const;
    // Failed rules (errors and warnings) and the ids of rules that could not decide.
    QList<RuleResult> violations() const;
    QStringList uncertainRules() const;
    // Recomputes `passed` from the results.
    void finish();

    QJsonObject toJson() const;
    static CheckReport fromJson(const QJsonObject &o, bool *ok = nullptr);
};

} // namespace tucai::checks
