#pragma once
// Private: what the rule families share while checking one photo (decoded pixels, face fit,
// background matte) and the helper that turns a measurement into a report entry.

#include "check_profile.h"
#include "check_report.h"
#include "decode.h"
#include "face.h"
#include "pose.h"

#include <array>
#include <cmath>
#include <optional>

namespace tucai::checks::detail {

struct Context
{
    const CheckProfile &profile;
    const QByteArray &bytes;
    CheckReport &report;

    Decoded dec;
    cv::Mat bgr, grey;           // the photo as decoded
    // The photo in Lab (OpenCV 8-bit scaling), converted where the rules read it: the conversion
    // costs more than the JPEG decode (1.9 vs 1.3 ms at 480x640) and the rules read only the
    // face's surroundings, the chest and the shoulders. Read `labPx` only inside a rectangle passed
    // to labIn() first (elsewhere its pixels are not set).
    cv::Mat labPx;
    const cv::Mat &labIn(const cv::Rect &r);
    cv::Rect frame() const { return {0, 0, bgr.cols, bgr.rows}; }
    bool standardFrame = false;  // 3:4 aspect, so the px thresholds apply after scaling
    double toStd = 1;            // photo px -> standard 480-wide px
    FaceFit face;
    Landmarks marks;             // the 68 points of the main face (marks.valid false: why in marks.why)
    HeadPose pose;               // from `marks`

    // Background / person split, at half resolution (bgHalf: 255 = background).
    cv::Mat bgHalf, personHalf;
    cv::Mat labHalf;             // the photo at half resolution, Lab (shared by the background rules)
    bool bgReady = false;
    cv::Vec3f bgLab;             // median background colour, Lab (L 0-100, a/b signed)
    cv::Vec3f skinLab;           // reference skin colour (Lab 8-bit), from the cheeks
    bool skinReady = false;

    // Glasses from the landmarks (prepareGlasses): edge contrast of a frame across the nose bridge
    // (decides) and under each eye (reported), relative to the brightness along each profile.
    enum class Glasses { Unknown, None, Uncertain, Found };
    Glasses glasses = Glasses::Unknown;
    double bridgeEdge = 0, rimEdge = 0;

    std::vector<uchar> labTileDone;   // labIn(): per kLabTile square, converted

    bool on(const char *rule) const { return profile.enabled(QLatin1String(rule)); }
    double p(const char *rule, const char *key, double fallback) const
    {
        return profile.param(QLatin1String(rule), QLatin1String(key), fallback);
    }
    RuleResult &add(const char *rule, RuleStatus status, std::optional<double> value, const QString &threshold,
                     QList<Shape> geometry = {}, const QString &why = {});
    // For a rule that needs the face: emits `skipped` and returns false when there is none.
    bool needFace(const char *rule);
    // For a landmark rule: emits `uncertain` (no face, or no landmarks: never a guess) and returns
    // false when the landmarks are missing.
    bool needLandmarks(const char *rule, const QString &threshold);
};

// Shapes in photo coordinates.
inline QRectF qrect(const cv::Rect &r) { return QRectF(r.x, r.y, r.width, r.height); }
inline QPointF qpt(cv::Point2f p) { return QPointF(p.x, p.y); }
QString range(double lo, double hi, int decimals = 0);
QByteArray maskPng(const cv::Mat &mask8u);
// The 8-connected blobs of a binary mask: cv::connectedComponentsWithStats' stats (row i for blob i,
// from 1; row 0 is the rest) and the blob count plus one. A mask without a set pixel, the usual case,
// is not labelled at all (1).
int blobStats(const cv::Mat &mask8u, cv::Mat &stats);
// Blob i's bounding box from blobStats' stats, moved by `origin` (the mask's place in the photo) and
// scaled by `scale` (2 for a half-resolution mask).
QRectF blobBox(const cv::Mat &stats, int i, cv::Point origin = {}, double scale = 1);

// Lab in conventional units (L 0-100, a/b signed) from OpenCV's 8-bit Lab.
inline cv::Vec3f labUnits(cv::Vec3f v) { return {v[0] * 100.f / 255.f, v[1] - 128.f, v[2] - 128.f}; }
cv::Vec3f rgbToLabUnits(int r, int g, int b);
inline double deltaE(cv::Vec3f a, cv::Vec3f b) { return cv::norm(a - b); }

// deltaE(labUnits(v), ref) for 8-bit Lab pixels v, from a table per channel: the same value (the same
// float differences, squared and summed in double in the same order as cv::norm), without converting
// and taking a norm per pixel.
class DeltaE8
{
public:
    explicit DeltaE8(cv::Vec3f ref)
    {
        for (int v = 0; v < 256; ++v) {
            const cv::Vec3f u = labUnits(cv::Vec3f(float(v), float(v), float(v)));
            for (int k = 0; k < 3; ++k) {
                const double d = u[k] - ref[k];
                m_sq[size_t(k)][size_t(v)] = d * d;
            }
        }
    }
    double operator()(const cv::Vec3b &v) const { return std::sqrt(m_sq[0][v[0]] + m_sq[1][v[1]] + m_sq[2][v[2]]); }

private:
    std::array<std::array<double, 256>, 3> m_sq;
};

void prepareBackground(Context &c);
void prepareSkin(Context &c);
void prepareGlasses(Context &c);

void runFileRules(Context &c);
void runGeometryRules(Context &c);
void runFeatureRules(Context &c);
void runBackgroundRules(Context &c);
void runQualityRules(Context &c);

} // namespace tucai::checks::detail
