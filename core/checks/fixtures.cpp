#include "fixtures.h"
#include "producer_internal.h"

#include <QDir>
#include <QFile>

#include <algorithm>
#include <cmath>
#include <functional>

namespace tucai::checks {
namespace {

using detail::Produced;

struct Defect
{
    const char *name;
    QStringList rules;
    const char *description;
};

QStringList sl(std::initializer_list<const char *> ids)
{
    QStringList out;
    for (const char *id : ids)
        out.append(QLatin1String(id));
    return out;
}

cv::Vec3b bgColour(const ProduceOptions &o) { return cv::Vec3b(uchar(o.background.blue()), uchar(o.background.green()), uchar(o.background.red())); }

// Applies `f` to the person only: the background replacement happens after the camera, so camera
// defects (blur, noise, exposure...) never reach the new background.
template<typename F>
cv::Mat onPerson(const Produced &p, const cv::Vec3b &bg, F f)
{
    cv::Mat changed = p.bgr.clone();
    f(changed);
    return detail::composite(changed, p.alpha, cv::Mat(p.bgr.size(), CV_8UC3, cv::Scalar(bg[0], bg[1], bg[2])));
}

cv::Mat warpPerson(const Produced &p, const cv::Vec3b &bg, const cv::Mat &M)
{
    cv::Mat img, a;
    cv::warpAffine(p.bgr, img, M, p.bgr.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    cv::warpAffine(p.alpha, a, M, p.bgr.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    return detail::composite(img, a, cv::Mat(p.bgr.size(), CV_8UC3, cv::Scalar(bg[0], bg[1], bg[2])));
}

// The head turned in 3-D: the face taken as the front of an ellipsoid (1.3 x 2.0 x 1.2 pupil
// distances, centred between the eyes and the mouth) with a nose on it (0.35 pupil distances high),
// rotated about the vertical axis (yaw) or the horizontal one (pitch, + = chin raised) and seen from
// the front. A fake: nothing is hidden behind the nose and the face is smoother than a real one; what
// it gives is a head whose landmarks move the way a turned head's do. The warp fades out towards the
// rim so that the head outline and the rest of the photo stay put.
cv::Mat turnHead(const Produced &p, const cv::Vec3b &bg, double yawDeg, double pitchDeg)
{
    const cv::Point2f mid = (p.leftEye + p.rightEye) * 0.5f;
    const double ipd = p.interPupil;
    const double cx = mid.x, cy = mid.y + 0.5 * ipd, a = 1.3 * ipd, b = 2.0 * ipd, c = 1.2 * ipd;
    const double noseX = mid.x, noseY = mid.y + 0.45 * ipd, noseH = 0.35 * ipd, sx = 0.2 * ipd, sy = 0.3 * ipd;
    const double ty = yawDeg * CV_PI / 180, tp = pitchDeg * CV_PI / 180;
    const cv::Matx33d rot = cv::Matx33d(1, 0, 0, 0, std::cos(tp), -std::sin(tp), 0, std::sin(tp), std::cos(tp))
                            * cv::Matx33d(std::cos(ty), 0, std::sin(ty), 0, 1, 0, -std::sin(ty), 0, std::cos(ty));
    // Where a point of the face (photo coordinates) goes, as a displacement.
    const auto shift = [&](double x, double y) {
        const double u = (x - cx) / a, v = (y - cy) / b, r = std::hypot(u, v);
        if (r >= 1)
            return cv::Vec2d(0, 0);
        const double z = c * std::sqrt(1 - r * r)
                         + noseH * std::exp(-0.5 * ((x - noseX) * (x - noseX) / (sx * sx) + (y - noseY) * (y - noseY) / (sy * sy)));
        const cv::Vec3d q = rot * cv::Vec3d(x - cx, y - cy, z);
        const double w = r < 0.8 ? 1.0 : (1 - r) / 0.2;
        return cv::Vec2d(w * (q[0] - (x - cx)), w * (q[1] - (y - cy)));
    };
    // The source of each output pixel: s = out - shift(s), by fixed-point iteration (the shift is
    // smooth enough to converge).
    cv::Mat mapX(p.bgr.size(), CV_32F), mapY(p.bgr.size(), CV_32F);
    for (int y = 0; y < p.bgr.rows; ++y)
        for (int x = 0; x < p.bgr.cols; ++x) {
            double srcX = x, srcY = y;
            for (int it = 0; it < 6; ++it) {
                const cv::Vec2d d = shift(srcX, srcY);
                srcX = x - d[0];
                srcY = y - d[1];
            }
            mapX.at<float>(y, x) = float(srcX);
            mapY.at<float>(y, x) = float(srcY);
        }
    cv::Mat img, al;
    cv::remap(p.bgr, img, mapX, mapY, cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    cv::remap(p.alpha, al, mapX, mapY, cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    return detail::composite(img, al, cv::Mat(p.bgr.size(), CV_8UC3, cv::Scalar(bg[0], bg[1], bg[2])));
}

cv::Mat skinMask(const cv::Mat &bgr, const Produced &p)
{
    // Skin colour from the cheeks under the eyes, then a Lab distance threshold.
    cv::Mat lab;
    cv::cvtColor(bgr, lab, cv::COLOR_BGR2Lab);
    const double ipd = p.interPupil;
    cv::Mat m = cv::Mat::zeros(bgr.size(), CV_8U);
    for (const cv::Point2f &e : {p.leftEye, p.rightEye})
        m(cv::Rect(int(e.x - 0.15 * ipd), int(e.y + 0.35 * ipd), int(0.3 * ipd), int(0.3 * ipd)) & cv::Rect(0, 0, m.cols, m.rows)).setTo(255);
    const cv::Scalar s = cv::mean(lab, m);
    cv::Mat out(bgr.size(), CV_8U);
    for (int y = 0; y < lab.rows; ++y)
        for (int x = 0; x < lab.cols; ++x) {
            const cv::Vec3b v = lab.at<cv::Vec3b>(y, x);
            const double d = std::hypot(std::hypot((v[0] - s[0]) * 0.6, v[1] - s[1]), v[2] - s[2]);
            out.at<uchar>(y, x) = d < 22 ? 255 : 0;
        }
    return out;
}

cv::Mat clothingMask(const Produced &p)
{
    const cv::Mat skin = skinMask(p.bgr, p);
    cv::Mat m(p.bgr.size(), CV_8U, cv::Scalar(0));
    const int top = int(p.leftEye.y + 2.3 * p.interPupil);
    for (int y = std::max(0, top); y < m.rows; ++y)
        for (int x = 0; x < m.cols; ++x)
            m.at<uchar>(y, x) = (p.alpha.at<float>(y, x) > 0.5f && !skin.at<uchar>(y, x)) ? 255 : 0;
    return m;
}

// ---- Accessories, hair and posture (the warning rules without labelled photos) ----------------
// Each paints what a real photo would show, in colours taken from the person's own photo where the
// thing is theirs (hair), shaded by the light on the person. The rules were read to know where they
// look; what they miss is reported (tests/checks/EVALUATION.md), not drawn around.

// Median colour of the person's own hair: matte pixels of the head above the brows that are not
// skin. A bald or shaved head has too few: then a dark brown.
cv::Vec3b hairColour(const Produced &p)
{
    const cv::Mat skin = skinMask(p.bgr, p);
    const cv::Point2f mid = (p.leftEye + p.rightEye) * 0.5f;
    const double ipd = p.interPupil;
    std::vector<uchar> ch[3];
    const int y0 = std::max(0, p.hairTop), y1 = std::min(p.bgr.rows, int(mid.y - 0.9 * ipd));
    const int x0 = std::max(0, int(mid.x - 1.1 * ipd)), x1 = std::min(p.bgr.cols, int(mid.x + 1.1 * ipd));
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x)
            if (p.alpha.at<float>(y, x) > 0.9f && !skin.at<uchar>(y, x)) {
                const cv::Vec3b v = p.bgr.at<cv::Vec3b>(y, x);
                for (int c = 0; c < 3; ++c)
                    ch[c].push_back(v[c]);
            }
    if (ch[0].size() < 200)
        return cv::Vec3b(35, 42, 55);
    cv::Vec3b out;
    for (int c = 0; c < 3; ++c) {
        auto m = ch[c].begin() + long(ch[c].size() / 2);
        std::nth_element(ch[c].begin(), m, ch[c].end());
        out[c] = *m;
    }
    return out;
}

// Streaks along `dir` (unit vector): noise smeared by a line kernel, 0..1 around 0.5. Hair strands,
// knit ribs.
cv::Mat streaks(cv::Size size, cv::Point2f dir, double length, cv::RNG &rng)
{
    cv::Mat n(size, CV_32F);
    rng.fill(n, cv::RNG::UNIFORM, 0.0, 1.0);
    const int k = std::max(3, int(length) | 1);
    cv::Mat kernel = cv::Mat::zeros(k, k, CV_32F);
    cv::line(kernel, cv::Point2f(k / 2.f, k / 2.f) - dir * float(k / 2), cv::Point2f(k / 2.f, k / 2.f) + dir * float(k / 2), cv::Scalar(1), 1, cv::LINE_AA);
    kernel /= cv::sum(kernel)[0];
    cv::Mat s;
    cv::filter2D(n, s, CV_32F, kernel, cv::Point(-1, -1), 0, cv::BORDER_REFLECT);
    cv::normalize(s, s, 0, 1, cv::NORM_MINMAX);
    return s;
}

// Hair drawn strand by strand: each strand starts on the root line (from `rootA` to `rootB`, in
// pupil distances from the eyes' midpoint), flows along `flow` (direction at a point, given the
// strand's place s 0..1 on the root line) for its own length, in a shade of the person's hair
// colour. Under the strands a darker body of the same colour; the tips end unevenly as real locks
// do. Hair that leaves the person grows the matte. Only inside `clip` when it is not empty.
struct Lock
{
    cv::Point2f rootA, rootB;
    double minLen = 1, maxLen = 1;                  // pupil distances
    std::function<cv::Point2f(cv::Point2f, double)> flow;
    int strands = 500;
};

void paintLock(cv::Mat &img, cv::Mat &alpha, const Lock &lock, const cv::Point2f &mid, double ipd, cv::Vec3b c, cv::RNG &rng,
               const cv::Mat &clip = {})
{
    cv::Mat body = cv::Mat::zeros(img.size(), CV_8U);
    cv::Mat layer(img.size(), CV_8UC3, cv::Scalar(0, 0, 0)), cover = cv::Mat::zeros(img.size(), CV_8U);
    std::vector<std::pair<std::vector<cv::Point>, double>> paths;
    for (int i = 0; i < lock.strands; ++i) {
        const double s = rng.uniform(0.0, 1.0);
        cv::Point2f q = mid + (lock.rootA + (lock.rootB - lock.rootA) * float(s)) * float(ipd);
        q += cv::Point2f(float(rng.gaussian(0.01 * ipd)), float(rng.gaussian(0.01 * ipd)));
        // Most strands near the full length, some shorter: uneven tips.
        const double len = (lock.maxLen - (lock.maxLen - lock.minLen) * std::pow(rng.uniform(0.0, 1.0), 1.8)) * ipd;
        const double wobble = rng.uniform(0.0, 2 * CV_PI), wAmp = rng.uniform(0.0, 0.06), turn = rng.gaussian(0.035);
        std::vector<cv::Point> path;
        for (double t = 0; t < len; t += 1.5) {
            path.emplace_back(int(std::lround(q.x * 4)), int(std::lround(q.y * 4)));
            cv::Point2f d = lock.flow((q - mid) / float(ipd), s);
            d /= std::max(1e-3f, float(cv::norm(d)));
            const double w = turn + wAmp * std::sin(wobble + t / (0.25 * ipd));
            q += cv::Point2f(float(d.x - w * d.y), float(d.y + w * d.x)) * 1.5f;
        }
        if (path.size() >= 2)
            paths.push_back({path, rng.uniform(0.55, 1.45)});
    }
    // The body: the strands' area, closed, inside their outline.
    for (const auto &[path, shade] : paths)
        cv::polylines(body, std::vector<std::vector<cv::Point>>{path}, false, cv::Scalar(255), 2, cv::LINE_8, 2);
    cv::morphologyEx(body, body, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_ELLIPSE, {5, 5}));
    cv::erode(body, body, cv::getStructuringElement(cv::MORPH_ELLIPSE, {5, 5}));
    layer.setTo(cv::Scalar(c[0] * 0.8, c[1] * 0.8, c[2] * 0.8), body);
    cover.setTo(255, body);
    for (const auto &[path, shade] : paths) {
        const cv::Scalar col(std::min(255.0, c[0] * shade + 3), std::min(255.0, c[1] * shade + 3), std::min(255.0, c[2] * shade + 3));
        cv::polylines(layer, std::vector<std::vector<cv::Point>>{path}, false, col, 1, cv::LINE_AA, 2);
        cv::polylines(cover, std::vector<std::vector<cv::Point>>{path}, false, cv::Scalar(255), 1, cv::LINE_AA, 2);
    }
    if (!clip.empty())
        cover &= clip;
    cv::Mat a;
    cover.convertTo(a, CV_32F, 1.0 / 255);
    cv::GaussianBlur(a, a, cv::Size(0, 0), 0.6);
    cv::GaussianBlur(layer, layer, cv::Size(0, 0), 0.5);
    for (int y = 0; y < img.rows; ++y)
        for (int x = 0; x < img.cols; ++x) {
            const float w = a.at<float>(y, x);
            if (w <= 0.01f)
                continue;
            cv::Vec3b &o = img.at<cv::Vec3b>(y, x);
            const cv::Vec3b h = layer.at<cv::Vec3b>(y, x);
            for (int k = 0; k < 3; ++k)
                o[k] = cv::saturate_cast<uchar>((1 - w) * o[k] + w * h[k]);
            alpha.at<float>(y, x) = std::max(alpha.at<float>(y, x), w);
        }
}

std::vector<cv::Point> pts(const cv::Point2f &mid, double ipd, std::initializer_list<std::pair<double, double>> xy)
{
    std::vector<cv::Point> out;
    for (const auto &[x, y] : xy)
        out.emplace_back(int(std::lround(mid.x + x * ipd)), int(std::lround(mid.y + y * ipd)));
    return out;
}

// The outer edge of the ear lobe on one side (-1 image left, +1 right) at height y: the outermost
// skin pixel between 0.9 and 1.5 pupil distances from the centre; 1.1 when hair hides it.
float earLobeX(const Produced &p, const cv::Mat &skin, int y, int side)
{
    const cv::Point2f mid = (p.leftEye + p.rightEye) * 0.5f;
    const double ipd = p.interPupil;
    float best = float(mid.x + side * 1.1 * ipd);
    for (double f = 1.5; f >= 0.9; f -= 0.01) {
        const int x = int(mid.x + side * f * ipd);
        if (x >= 0 && x < skin.cols && y >= 0 && y < skin.rows && skin.at<uchar>(y, x)) {
            best = float(x);
            break;
        }
    }
    return best;
}

// Metal (gold or silver) at `pt` with radius r: a shaded ball with a specular glint.
void metalBall(cv::Mat &img, cv::Point2f pt, float r, cv::Vec3b metal, double light)
{
    const cv::Rect box = cv::Rect(int(pt.x - r - 1), int(pt.y - r - 1), int(2 * r + 3), int(2 * r + 3)) & cv::Rect(0, 0, img.cols, img.rows);
    for (int y = box.y; y < box.y + box.height; ++y)
        for (int x = box.x; x < box.x + box.width; ++x) {
            const float dx = (x - pt.x) / r, dy = (y - pt.y) / r, d2 = dx * dx + dy * dy;
            if (d2 > 1.1f)
                continue;
            const float a = std::clamp((1.1f - d2) / 0.2f, 0.f, 1.f);
            // Lit from above-left: brighter there, a white glint near the top.
            const float shade = float(light) * (0.75f + 0.45f * std::max(0.f, -0.6f * dx - 0.8f * dy));
            const float glint = std::exp(-((dx + 0.35f) * (dx + 0.35f) + (dy + 0.4f) * (dy + 0.4f)) / 0.06f);
            cv::Vec3b &o = img.at<cv::Vec3b>(y, x);
            for (int k = 0; k < 3; ++k) {
                const float v = std::min(255.f, metal[k] * shade) * (1 - glint) + 252 * glint;
                o[k] = cv::saturate_cast<uchar>((1 - a) * o[k] + a * v);
            }
        }
}

// A chain of small links along `path`: each link lit differently, an occasional glint.
void chain(cv::Mat &img, const std::vector<cv::Point2f> &path, cv::Vec3b metal, double light, float width, cv::RNG &rng)
{
    float along = 0;
    for (size_t i = 1; i < path.size(); ++i) {
        const cv::Point2f a = path[i - 1], b = path[i];
        const float len = float(cv::norm(b - a));
        for (float t = 0; t < len; t += 0.5f) {
            const cv::Point2f q = a + (b - a) * (t / len);
            const float phase = std::fmod(along + t, 3.f) / 3.f;   // a link every 3 px
            const double shade = light * (0.45 + 0.8 * std::sin(CV_PI * phase)) * rng.uniform(0.85, 1.15);
            cv::Scalar col(std::min(255.0, metal[0] * shade), std::min(255.0, metal[1] * shade), std::min(255.0, metal[2] * shade));
            cv::circle(img, cv::Point(int(std::lround(q.x * 4)), int(std::lround(q.y * 4))), int(width * 2), col, cv::FILLED, cv::LINE_AA, 2);
        }
        along += len;
    }
    for (size_t i = 3; i + 3 < path.size(); i += 7 + size_t(rng.uniform(0, 5)))
        cv::circle(img, cv::Point(int(std::lround(path[i].x * 4)), int(std::lround(path[i].y * 4))), int(width * 2.4), cv::Scalar(250, 252, 252), cv::FILLED, cv::LINE_AA, 2);
}

// The photo with one of these defects; empty for any other defect name.
cv::Mat accessoryDefect(const Produced &p, const cv::Vec3b &bg, const QString &d, int L, int seed)
{
    const cv::Point2f mid = (p.leftEye + p.rightEye) * 0.5f;
    const double ipd = p.interPupil;
    const cv::Mat bgMat(p.bgr.size(), CV_8UC3, cv::Scalar(bg[0], bg[1], bg[2]));
    cv::RNG rng(uint64(seed) * 7919u + uint64(L) * 131u + 17u);
    const int side = seed % 2 ? 1 : -1;

    if (d == QLatin1String("shoulder_tilt")) {
        // One shoulder raised under a level head: the body below the chin turned about the neck,
        // the turn growing from nothing at the chin to its full angle at the collar, so the neck
        // bends the way it does when someone leans on one side.
        const double deg[] = {8, 12, 18};
        const double ang = side * deg[L] * CV_PI / 180;
        const cv::Point2f pivot(mid.x, float(mid.y + 1.6 * ipd));
        const double y0 = mid.y + 1.3 * ipd, y1 = mid.y + 2.2 * ipd;
        cv::Mat mapX(p.bgr.size(), CV_32F), mapY(p.bgr.size(), CV_32F);
        for (int y = 0; y < p.bgr.rows; ++y) {
            const double t = std::clamp((y - y0) / (y1 - y0), 0.0, 1.0);
            const double a = -ang * t * t * (3 - 2 * t), ca = std::cos(a), sa = std::sin(a);
            for (int x = 0; x < p.bgr.cols; ++x) {
                const double dx = x - pivot.x, dy = y - pivot.y;
                mapX.at<float>(y, x) = float(pivot.x + ca * dx - sa * dy);
                mapY.at<float>(y, x) = float(pivot.y + sa * dx + ca * dy);
            }
        }
        cv::Mat img, al;
        cv::remap(p.bgr, img, mapX, mapY, cv::INTER_LINEAR, cv::BORDER_REPLICATE);
        cv::remap(p.alpha, al, mapX, mapY, cv::INTER_LINEAR, cv::BORDER_REPLICATE);
        return detail::composite(img, al, bgMat);
    }
    if (d == QLatin1String("glasses_glare")) {
        // Clear glasses (thin dark frames, lenses that barely change the eyes) with the flash or a
        // window reflected on the lenses: a bright, soft-edged streak, on one lens (level 1) or
        // both, growing until it hides the eye.
        const double gw[] = {0.14, 0.19, 0.28}, gh[] = {0.06, 0.08, 0.14};
        const cv::Scalar frames[] = {cv::Scalar(28, 28, 30), cv::Scalar(30, 45, 75), cv::Scalar(110, 110, 118)};
        const cv::Scalar frame = frames[seed % 3];
        cv::Mat img = p.bgr.clone();
        const cv::Size lens(int(0.42 * ipd), int(0.3 * ipd));
        cv::Mat lensMask = cv::Mat::zeros(img.size(), CV_8U);
        for (const cv::Point2f &e : {p.leftEye, p.rightEye})
            cv::ellipse(lensMask, e + cv::Point2f(0, float(0.03 * ipd)), lens, 0, 0, 360, cv::Scalar(255), cv::FILLED, cv::LINE_AA);
        cv::Mat dim;
        img.convertTo(dim, -1, 0.95, 0);
        dim.copyTo(img, lensMask);
        int lensNo = 0;
        for (const cv::Point2f &e : {p.leftEye, p.rightEye}) {
            const bool outerIsLeft = lensNo == 0;
            ++lensNo;
            if (L == 0 && (lensNo == 1) != (side > 0))
                continue;   // level 1: one lens only
            // The reflection sits on the upper outer part of the lens, tilted like a window's.
            const cv::Point2f c = e + cv::Point2f(float((outerIsLeft ? -1 : 1) * 0.1 * ipd), float(-0.06 * ipd));
            const double rot = (outerIsLeft ? -1 : 1) * 20 * CV_PI / 180;
            const int R = int(0.45 * ipd);
            for (int y = int(c.y) - R; y <= int(c.y) + R; ++y)
                for (int x = int(c.x) - R; x <= int(c.x) + R; ++x) {
                    if (x < 0 || y < 0 || x >= img.cols || y >= img.rows || !lensMask.at<uchar>(y, x))
                        continue;
                    const double dx = x - c.x, dy = y - c.y;
                    const double u = (std::cos(rot) * dx + std::sin(rot) * dy) / (gw[L] * ipd), v = (-std::sin(rot) * dx + std::cos(rot) * dy) / (gh[L] * ipd);
                    const double a = std::clamp(1.7 * (1 - (u * u + v * v)), 0.0, 1.0);
                    if (a <= 0)
                        continue;
                    cv::Vec3b &o = img.at<cv::Vec3b>(y, x);
                    const cv::Vec3b glare(250, 252, 253);
                    for (int k = 0; k < 3; ++k)
                        o[k] = cv::saturate_cast<uchar>((1 - a) * o[k] + a * glare[k]);
                }
        }
        const int th = std::max(2, int(std::lround(0.03 * ipd)));
        for (const cv::Point2f &e : {p.leftEye, p.rightEye})
            cv::ellipse(img, e + cv::Point2f(0, float(0.03 * ipd)), lens, 0, 0, 360, frame, th, cv::LINE_AA);
        // Bridge and temples.
        cv::line(img, p.leftEye + cv::Point2f(float(0.42 * ipd), float(-0.02 * ipd)), p.rightEye - cv::Point2f(float(0.42 * ipd), float(0.02 * ipd)), frame, th, cv::LINE_AA);
        cv::line(img, p.leftEye - cv::Point2f(float(0.42 * ipd), 0), p.leftEye - cv::Point2f(float(0.62 * ipd), float(0.04 * ipd)), frame, th, cv::LINE_AA);
        cv::line(img, p.rightEye + cv::Point2f(float(0.42 * ipd), 0), p.rightEye + cv::Point2f(float(0.62 * ipd), float(-0.04 * ipd)), frame, th, cv::LINE_AA);
        return detail::composite(img, p.alpha, bgMat);
    }
    if (d == QLatin1String("hair_over_ears") || d == QLatin1String("hair_over_eyes")) {
        const cv::Vec3b hc = hairColour(p);
        cv::Mat img = p.bgr.clone(), al = p.alpha.clone();
        if (d == QLatin1String("hair_over_ears")) {
            // Locks from the temples falling over the ears: over the upper ear (level 1), the whole
            // ear to the jaw (2), long hair in front of the shoulders (3).
            const double reach[] = {1.5, 2.1, 2.95};
            for (int s : {-1, 1}) {
                Lock lk;
                // From inside the hair at the side of the head: over the curve of the head, down
                // past the ear (the outer strands swelling out over it), the ends falling in.
                // (pupils at +-0.5, the cheeks' edge at about +-1.05 pupil distances)
                lk.rootA = cv::Point2f(float(s * 0.92), -1.15f);
                lk.rootB = cv::Point2f(float(s * 1.38), -0.8f);
                lk.minLen = reach[L] - 0.2;
                lk.maxLen = reach[L] + 0.15;
                lk.strands = 550;
                lk.flow = [s](cv::Point2f q, double t) {
                    double out = std::clamp(0.4 * (-0.6 - q.y), 0.0, 0.3);
                    if (q.y < 0.5)
                        out += 0.12 * (t - 0.3);
                    return cv::Point2f(float(s * out), 1.f);
                };
                paintLock(img, al, lk, mid, ipd, hc, rng);
            }
        } else {
            // A fringe from the hairline: to the brows (level 1), over the brows to the upper lids
            // (2), swept to one side across the brow and one eye (3).
            const double tip[] = {-0.34, -0.18, -0.32};
            cv::Mat head;
            cv::dilate(p.alpha > 0.5f, head, cv::getStructuringElement(cv::MORPH_ELLIPSE, {9, 9}));
            for (int part = 0; part < 3; ++part) {
                Lock lk;
                // Three stretches of hairline, the middle one highest.
                // (rooted on the crown, under the hair on top, so no forehead shows above the fringe)
                const float xs[] = {-0.95f, -0.35f, 0.35f, 0.95f}, ys[] = {-1.3f, -1.7f, -1.7f, -1.3f};
                lk.rootA = cv::Point2f(xs[part], ys[part]);
                lk.rootB = cv::Point2f(xs[part + 1], ys[part + 1]);
                const double startY = std::max(ys[part], ys[part + 1]);
                lk.minLen = tip[L] - startY - 0.06 + (part == 1 ? 0.0 : -0.02);
                lk.maxLen = tip[L] - std::min(ys[part], ys[part + 1]) + 0.03;
                lk.strands = 260;
                lk.flow = [](cv::Point2f q, double) { return cv::Point2f(0.25f * q.x, 1.f); };
                paintLock(img, al, lk, mid, ipd, hc, rng, head);
            }
            if (L == 2) {
                // The lock across one eye, from the parting on the other side.
                Lock lk;
                lk.rootA = cv::Point2f(float(-side * 0.35), -1.6f);
                lk.rootB = cv::Point2f(float(side * 0.05), -1.6f);
                lk.minLen = 1.85;
                lk.maxLen = 2.15;
                lk.strands = 350;
                lk.flow = [s = side](cv::Point2f q, double) { return cv::Point2f(float(s * (q.y < -1.2 ? 0.2 : q.y < -0.3 ? 0.9 : 0.45)), 1.f); };
                paintLock(img, al, lk, mid, ipd, hc, rng, head);
            }
        }
        return detail::composite(img, al, bgMat);
    }
    if (d == QLatin1String("head_cover")) {
        // A knit cap over the crown (level 1), pulled down to the forehead (2), a head scarf round
        // the face (3). Fabric colours vary by person (dark ones too: a black cap on black hair is
        // a real case), shaded like a dome lit from above, ribbed.
        const cv::Vec3b palette[] = {cv::Vec3b(40, 40, 150),  cv::Vec3b(30, 30, 30),   cv::Vec3b(230, 230, 232), cv::Vec3b(110, 60, 30),
                                     cv::Vec3b(140, 150, 160), cv::Vec3b(50, 90, 60),  cv::Vec3b(120, 170, 200), cv::Vec3b(60, 40, 110)};
        const cv::Vec3b fabric = palette[seed % 8];
        cv::Mat img = p.bgr.clone(), al = p.alpha.clone();
        cv::Mat grown;
        cv::dilate(p.alpha > 0.5f, grown, cv::getStructuringElement(cv::MORPH_ELLIPSE, {int(0.12 * ipd) | 1, int(0.12 * ipd) | 1}));
        cv::Mat mask = cv::Mat::zeros(img.size(), CV_8U);
        if (L < 2) {
            const double edge = L == 0 ? -1.2 : -0.8;
            std::vector<cv::Point> poly = pts(mid, ipd, {{-1.6, -3.0}, {1.6, -3.0}, {1.6, edge + 0.15}, {1.0, edge + 0.05}, {0.0, edge}, {-1.0, edge + 0.05}, {-1.6, edge + 0.15}});
            cv::fillPoly(mask, std::vector<std::vector<cv::Point>>{poly}, cv::Scalar(255), cv::LINE_AA);
            // Over the head, a little proud of the hair; the fabric stretched over it is smooth (a
            // bun under it makes a bump, not a ragged outline), and at least a dome as wide as the
            // skull.
            cv::Mat head = grown.clone();
            const double rim = mid.y + edge * ipd, crown = std::min(double(p.hairTop), mid.y - 1.75 * ipd) - 0.06 * ipd;
            cv::ellipse(head, cv::Point(int(mid.x), int(rim)), cv::Size(int(1.12 * ipd), int(std::max(0.3 * ipd, rim - crown))), 0, 180, 360,
                        cv::Scalar(255), cv::FILLED, cv::LINE_AA);
            cv::morphologyEx(head, head, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_ELLIPSE, {int(0.3 * ipd) | 1, int(0.3 * ipd) | 1}));
            cv::GaussianBlur(head, head, cv::Size(0, 0), 0.05 * ipd);
            mask &= head > 127;
        } else {
            // Round the head and down to the shoulders, the face left open.
            cv::Mat wrap = cv::Mat::zeros(img.size(), CV_8U);
            cv::ellipse(wrap, cv::Point(int(mid.x), int(mid.y - 0.3 * ipd)), cv::Size(int(1.35 * ipd), int(1.45 * ipd)), 0, 0, 360, cv::Scalar(255), cv::FILLED);
            std::vector<cv::Point> drape = pts(mid, ipd, {{-1.3, 0.0}, {1.3, 0.0}, {1.15, 1.7}, {1.6, 2.3}, {-1.6, 2.3}, {-1.15, 1.7}});
            cv::fillPoly(wrap, std::vector<std::vector<cv::Point>>{drape}, cv::Scalar(255), cv::LINE_AA);
            mask = (grown & (wrap > 0)) | wrap;
            mask.rowRange(0, std::max(0, p.hairTop - int(0.06 * ipd))).setTo(0);
            cv::ellipse(mask, cv::Point(int(mid.x), int(mid.y + 0.38 * ipd)), cv::Size(int(0.86 * ipd), int(1.27 * ipd)), 0, 0, 360, cv::Scalar(0), cv::FILLED, cv::LINE_AA);
        }
        const cv::Mat ribs = streaks(img.size(), cv::Point2f(0, 1), L == 2 ? 61 : 15, rng);
        cv::Mat soft;
        mask.convertTo(soft, CV_32F, 1.0 / 255);
        cv::GaussianBlur(soft, soft, cv::Size(0, 0), 1.0);
        for (int y = 0; y < img.rows; ++y)
            for (int x = 0; x < img.cols; ++x) {
                const float a = soft.at<float>(y, x);
                if (a <= 0.01f)
                    continue;
                const double dx = (x - mid.x) / (1.3 * ipd), dy = (y - (mid.y - 1.7 * ipd)) / (1.8 * ipd);
                const double shade = (1.08 - 0.3 * dx * dx - 0.15 * std::max(0.0, dy)) * (0.85 + 0.3 * ribs.at<float>(y, x));
                cv::Vec3b &o = img.at<cv::Vec3b>(y, x);
                for (int k = 0; k < 3; ++k)
                    o[k] = cv::saturate_cast<uchar>((1 - a) * o[k] + a * std::min(255.0, fabric[k] * shade + 6));
                al.at<float>(y, x) = std::max(al.at<float>(y, x), a);
            }
        return detail::composite(img, al, bgMat);
    }
    if (d == QLatin1String("jewellery")) {
        // Gold or silver: stud earrings and a fine chain (level 1), hoops (2), drops with a pendant
        // on the chain (3). Lit like the skin they sit on.
        const cv::Vec3b metal = seed % 2 ? cv::Vec3b(60, 170, 215) : cv::Vec3b(196, 196, 200);
        const cv::Mat skin = skinMask(p.bgr, p);
        cv::Mat lab;
        cv::cvtColor(p.bgr, lab, cv::COLOR_BGR2Lab);
        const double skinL = std::max(30.0, cv::mean(lab, skin)[0]);
        auto lightAt = [&](cv::Point2f q) {
            const cv::Rect r = cv::Rect(int(q.x) - 6, int(q.y) - 6, 13, 13) & cv::Rect(0, 0, lab.cols, lab.rows);
            return std::clamp(cv::mean(lab(r))[0] / skinL, 0.6, 1.15);
        };
        cv::Mat img = p.bgr.clone();
        const int lobeY = int(mid.y + 0.78 * ipd);
        for (int s : {-1, 1}) {
            const cv::Point2f lobe(earLobeX(p, skin, lobeY, s) - float(s * 0.05 * ipd), float(lobeY));
            const double light = lightAt(lobe);
            if (L == 0) {
                metalBall(img, lobe, float(0.035 * ipd), metal, light);
            } else if (L == 1) {
                // A hoop through the lobe: a ring, lit on its upper-left arc.
                const cv::Point2f c = lobe + cv::Point2f(0, float(0.1 * ipd));
                const float R = float(0.1 * ipd);
                std::vector<cv::Point2f> ring;
                for (int i = 0; i <= 64; ++i)
                    ring.push_back(c + R * cv::Point2f(float(std::cos(i * CV_PI / 32)), float(std::sin(i * CV_PI / 32))));
                chain(img, ring, metal, light, 2.0f, rng);
            } else {
                const cv::Point2f end = lobe + cv::Point2f(0, float(0.2 * ipd));
                chain(img, {lobe, end}, metal, light, 1.4f, rng);
                metalBall(img, end + cv::Point2f(0, float(0.04 * ipd)), float(0.045 * ipd), metal, light);
            }
        }
        // The necklace round the base of the neck.
        std::vector<cv::Point2f> neck;
        const double drop = L == 2 ? 0.6 : 0.45;
        for (double t = -1; t <= 1.001; t += 0.02)
            neck.emplace_back(float(mid.x + t * 0.55 * ipd), float(mid.y + (1.85 + drop * (1 - t * t)) * ipd));
        const double lightN = lightAt(neck[neck.size() / 2]);
        chain(img, neck, metal, lightN, L == 0 ? 1.6f : 1.9f, rng);
        if (L == 2)
            metalBall(img, neck[neck.size() / 2] + cv::Point2f(0, float(0.05 * ipd)), float(0.05 * ipd), metal, lightN);
        return detail::composite(img, p.alpha, bgMat);
    }
    return {};
}

// A real JPEG over the size limit the way phones and editors make one: re-encoded at a high quality
// (level 1: the lowest from 92 that passes 64 KB), at 100 (level 2), and at 100 with a phone's
// metadata block (an EXIF APP1 segment carrying a 240x320 preview image, level 3).
QByteArray largeJpeg(const cv::Mat &bgr, int level)
{
    if (level == 1) {
        // The lowest high quality that is clearly over 60 KB (the default limit) for this photo.
        for (int q = 92; q < 100; ++q)
            if (const QByteArray b = cvw::encodeJpeg(bgr, q); b.size() > 64 * 1024)
                return b;
    }
    const QByteArray out = cvw::encodeJpeg(bgr, 100);
    if (level < 3 || out.size() < 4)
        return out;
    // The preview: the photo itself at quality 95, inside an Exif APP1 (TIFF header, IFD0 with no
    // entries, IFD1 pointing at the JPEG thumbnail).
    cv::Mat small;
    cv::resize(bgr, small, cv::Size(240, 320), 0, 0, cv::INTER_AREA);
    std::vector<uchar> th;
    cv::imencode(".jpg", small, th, {cv::IMWRITE_JPEG_QUALITY, 95});
    QByteArray tiff("II*\0\x08\0\0\0", 8);
    auto u16 = [&](quint16 v) { tiff += char(v & 0xff); tiff += char(v >> 8); };
    auto u32 = [&](quint32 v) { for (int i = 0; i < 4; ++i) tiff += char((v >> (8 * i)) & 0xff); };
    u16(0);     // IFD0: no entries
    u32(14);    // next IFD (IFD1) at offset 14
    u16(2);     // IFD1: JPEGInterchangeFormat, JPEGInterchangeFormatLength
    const quint32 thumbAt = 14 + 2 + 2 * 12 + 4;
    u16(0x0201); u16(4); u32(1); u32(thumbAt);
    u16(0x0202); u16(4); u32(1); u32(quint32(th.size()));
    u32(0);
    tiff.append(reinterpret_cast<const char *>(th.data()), qsizetype(th.size()));
    const QByteArray payload = QByteArray("Exif\0\0", 6) + tiff;
    if (payload.size() + 2 > 0xffff)
        return out;
    QByteArray seg("\xFF\xE1", 2);
    seg += char((payload.size() + 2) >> 8);
    seg += char((payload.size() + 2) & 0xff);
    return out.left(2) + seg + payload + out.mid(2);
}

cv::Mat injected(const Produced &p, const ProduceOptions &opt, const QString &d, int level, const Produced *other, int seed, double *visible = nullptr)
{
    const cv::Vec3b bg = bgColour(opt);
    const int L = std::clamp(level, 1, 3) - 1;
    const cv::Point2f mid = (p.leftEye + p.rightEye) * 0.5f;
    const double ipd = p.interPupil;

    if (d == QLatin1String("roll")) {
        const double deg[] = {7, 10, 15};
        const double sign = seed % 2 ? 1 : -1;
        // Relative to the photo's own roll (0 for producer A, within +-1.2 deg for B): the head ends
        // up at the level's angle whichever producer made it.
        const double own = std::atan2(p.rightEye.y - p.leftEye.y, p.rightEye.x - p.leftEye.x) * 180 / CV_PI;
        return warpPerson(p, bg, cv::getRotationMatrix2D(mid, sign * deg[L] + own, 1.0));
    }
    if (d == QLatin1String("yaw") || d == QLatin1String("pitch")) {
        const double deg[] = {15, 22, 30};
        const double a = (seed % 2 ? 1 : -1) * deg[L];
        return d == QLatin1String("yaw") ? turnHead(p, bg, a, 0) : turnHead(p, bg, 0, a);
    }
    if (d == QLatin1String("off_centre")) {
        const double dx[] = {36, 50, 75};   // from the frame's centre (producer B places off it a little)
        cv::Mat M = (cv::Mat_<double>(2, 3) << 1, 0, p.bgr.cols / 2.0 + (seed % 2 ? 1 : -1) * dx[L] - mid.x, 0, 1, 0);
        return warpPerson(p, bg, M);
    }
    if (d == QLatin1String("eye_line")) {
        const double eyeY[] = {190, 315, 165};   // past the 200-300 band (producer A: 250 -60, +65, -85)
        cv::Mat M = (cv::Mat_<double>(2, 3) << 1, 0, 0, 0, 1, eyeY[L] - mid.y);
        return warpPerson(p, bg, M);
    }
    if (d == QLatin1String("head_big") || d == QLatin1String("head_small")) {
        const double big[] = {1.35, 1.5, 1.7}, small[] = {0.72, 0.62, 0.52};
        const double s = d == QLatin1String("head_big") ? big[L] : small[L];
        return warpPerson(p, bg, cv::getRotationMatrix2D(mid, 0, s));
    }
    if (d == QLatin1String("blur")) {
        const double sigma[] = {1.6, 2.4, 3.5};
        return onPerson(p, bg, [&](cv::Mat &m) { cv::GaussianBlur(m, m, cv::Size(0, 0), sigma[L]); });
    }
    if (d == QLatin1String("blur_uniform")) {
        // The whole photo out of focus, background included (a blurred upload, not a blurred camera
        // shot before the background replacement).
        const double sigma[] = {2, 3, 4};
        cv::Mat m;
        cv::GaussianBlur(p.bgr, m, cv::Size(0, 0), sigma[L]);
        return m;
    }
    if (d == QLatin1String("noise")) {
        const double sigma[] = {7, 11, 18};
        return onPerson(p, bg, [&](cv::Mat &m) {
            cv::Mat n(m.size(), CV_16SC3);
            cv::randn(n, 0, sigma[L]);
            cv::Mat m16;
            m.convertTo(m16, CV_16SC3);
            m16 += n;
            m16.convertTo(m, CV_8UC3);
        });
    }
    if (d == QLatin1String("underexposed")) {
        const double gain[] = {0.55, 0.42, 0.3};
        return onPerson(p, bg, [&](cv::Mat &m) { m.convertTo(m, -1, gain[L], 0); });
    }
    if (d == QLatin1String("overexposed")) {
        const double gain[] = {1.5, 1.8, 2.2};
        return onPerson(p, bg, [&](cv::Mat &m) { m.convertTo(m, -1, gain[L], 10); });
    }
    if (d == QLatin1String("colour_cast")) {
        const double k[] = {0.14, 0.22, 0.32};
        const bool warm = seed % 2;
        return onPerson(p, bg, [&](cv::Mat &m) {
            std::vector<cv::Mat> ch;
            cv::split(m, ch);
            ch[0].convertTo(ch[0], -1, warm ? 1 - k[L] : 1 + k[L]);   // B
            ch[1].convertTo(ch[1], -1, warm ? 1 : 1 + k[L] / 2);       // G
            ch[2].convertTo(ch[2], -1, warm ? 1 + k[L] : 1 - k[L]);   // R
            cv::merge(ch, m);
        });
    }
    if (d == QLatin1String("side_shadow")) {
        const double depth[] = {0.4, 0.55, 0.7};
        const bool left = seed % 2;
        return onPerson(p, bg, [&](cv::Mat &m) {
            for (int x = 0; x < m.cols; ++x) {
                // Light falls off across the face: full light on one side of the nose, shadow on the other.
                const double t = std::clamp((x - mid.x) / (0.6 * ipd), -1.0, 1.0);
                const double dark = std::clamp(left ? -t : t, 0.0, 1.0) * depth[L];
                m.col(x).convertTo(m.col(x), -1, 1.0 - dark);
            }
        });
    }
    if (d == QLatin1String("highlights")) {
        const double rad[] = {0.07, 0.1, 0.14};
        return onPerson(p, bg, [&](cv::Mat &m) {
            const cv::Point2f spots[] = {{mid.x, float(mid.y - 0.65 * ipd)}, {float(p.leftEye.x), float(mid.y + 0.55 * ipd)},
                                         {float(mid.x + 0.1 * ipd), float(mid.y + 0.55 * ipd)}};
            cv::Mat add = cv::Mat::zeros(m.size(), CV_32F);
            for (const cv::Point2f &s : spots)
                cv::circle(add, s, int(rad[L] * ipd), cv::Scalar(1.0), cv::FILLED, cv::LINE_AA);
            cv::GaussianBlur(add, add, cv::Size(0, 0), rad[L] * ipd / 4);
            for (int y = 0; y < m.rows; ++y)
                for (int x = 0; x < m.cols; ++x) {
                    const float a = std::min(1.f, add.at<float>(y, x) * 1.3f);
                    cv::Vec3b &v = m.at<cv::Vec3b>(y, x);
                    for (int c = 0; c < 3; ++c)
                        v[c] = cv::saturate_cast<uchar>(v[c] * (1 - a) + 255 * a);
                }
        });
    }
    if (d == QLatin1String("tinted_glasses")) {
        const double opacity[] = {0.55, 0.7, 0.85};
        return onPerson(p, bg, [&](cv::Mat &m) {
            cv::Mat lens = m.clone();
            for (const cv::Point2f &e : {p.leftEye, p.rightEye})
                cv::ellipse(lens, e, cv::Size(int(0.36 * ipd), int(0.26 * ipd)), 0, 0, 360, cv::Scalar(40, 35, 30), cv::FILLED, cv::LINE_AA);
            cv::addWeighted(lens, opacity[L], m, 1 - opacity[L], 0, m);
            // The frame (opaque, as real frames are): a rim around each lens and a bridge between
            // them a little above the pupils. (Before 2.1.0 only a faint bridge line blended with the
            // lenses was drawn: lenses with no frame, which real tinted glasses never are.)
            const int t = std::max(2, int(std::lround(0.035 * ipd)));
            for (const cv::Point2f &e : {p.leftEye, p.rightEye})
                cv::ellipse(m, e, cv::Size(int(0.36 * ipd), int(0.26 * ipd)), 0, 0, 360, cv::Scalar(25, 25, 25), t, cv::LINE_AA);
            const cv::Point2f up(0, float(-0.1 * ipd));
            cv::line(m, p.leftEye + up + cv::Point2f(float(0.34 * ipd), 0), p.rightEye + up - cv::Point2f(float(0.34 * ipd), 0), cv::Scalar(25, 25, 25), t,
                     cv::LINE_AA);
        });
    }
    if (d == QLatin1String("red_eye")) {
        const double rad[] = {0.06, 0.075, 0.09};
        return onPerson(p, bg, [&](cv::Mat &m) {
            for (const cv::Point2f &e : {p.leftEye, p.rightEye})
                cv::circle(m, e, std::max(2, int(rad[L] * ipd)), cv::Scalar(30, 25, 200), cv::FILLED, cv::LINE_AA);
        });
    }
    if (d == QLatin1String("bg_tint")) {
        // Off-colour blue backgrounds seen from other vendors: #00A3E6, RGB(0,191,243), or greyish blue.
        const cv::Vec3b tints[] = {cv::Vec3b(240, 175, 60), cv::Vec3b(243, 191, 0), cv::Vec3b(200, 170, 120)};
        const cv::Vec3b t = tints[L];
        return detail::composite(p.bgr, p.alpha, cv::Mat(p.bgr.size(), CV_8UC3, cv::Scalar(t[0], t[1], t[2])));
    }
    if (d == QLatin1String("bg_gradient")) {
        const double amp[] = {14, 22, 35};
        cv::Mat b(p.bgr.size(), CV_8UC3);
        for (int y = 0; y < b.rows; ++y)
            for (int x = 0; x < b.cols; ++x) {
                // Darker towards one side and the bottom: a badly lit backdrop.
                const double t = (double(x) / b.cols + double(y) / b.rows) / 2 - 0.5;
                for (int c = 0; c < 3; ++c)
                    b.at<cv::Vec3b>(y, x)[c] = cv::saturate_cast<uchar>(bg[c] - 2 * amp[L] * t);
            }
        return detail::composite(p.bgr, p.alpha, b);
    }
    if (d == QLatin1String("bg_object")) {
        const double side[] = {0.1, 0.14, 0.2};
        cv::Mat b(p.bgr.size(), CV_8UC3, cv::Scalar(bg[0], bg[1], bg[2]));
        const int s = int(side[L] * b.cols);
        const int x = seed % 2 ? 8 : b.cols - s - 8;
        cv::rectangle(b, cv::Rect(x, 20, s, int(s * 1.3)), cv::Scalar(60, 90, 120), cv::FILLED);
        return detail::composite(p.bgr, p.alpha, b);
    }
    if (d == QLatin1String("halo")) {
        const int width[] = {3, 5, 8};
        cv::Mat hard = p.alpha > 0.5f, grown;
        cv::dilate(hard, grown, cv::getStructuringElement(cv::MORPH_ELLIPSE, {2 * width[L] + 1, 2 * width[L] + 1}));
        cv::Mat ring;
        grown.convertTo(ring, CV_32F, 1.0 / 255);
        cv::GaussianBlur(ring, ring, cv::Size(0, 0), 1.2);
        // Leftover backdrop (light grey) between the person and the new background.
        cv::Mat grey(p.bgr.size(), CV_8UC3, cv::Scalar(215, 215, 215));
        const cv::Mat withRing = detail::composite(grey, ring, cv::Mat(p.bgr.size(), CV_8UC3, cv::Scalar(bg[0], bg[1], bg[2])));
        return detail::composite(p.bgr, p.alpha, withRing);
    }
    if (d == QLatin1String("blue_clothes") || d == QLatin1String("clothes_like_bg")) {
        const cv::Mat cm = clothingMask(p);
        const bool likeBg = d == QLatin1String("clothes_like_bg");
        const double sat[] = {0.6, 0.8, 1.0};
        cv::Mat out = p.bgr.clone();
        cv::Mat hsv;
        cv::cvtColor(out, hsv, cv::COLOR_BGR2HSV);
        for (int y = 0; y < out.rows; ++y)
            for (int x = 0; x < out.cols; ++x) {
                if (!cm.at<uchar>(y, x))
                    continue;
                cv::Vec3b &h = hsv.at<cv::Vec3b>(y, x);
                if (likeBg) {
                    // Keep the folds (value), take the background's hue and saturation.
                    const double shade = h[2] / 255.0;
                    cv::Vec3b &o = out.at<cv::Vec3b>(y, x);
                    for (int c = 0; c < 3; ++c)
                        o[c] = cv::saturate_cast<uchar>(bg[c] * (0.8 + 0.2 * shade) * (L == 0 ? 0.9 : 1.0));
                } else {
                    h[0] = 110;   // navy/royal blue
                    h[1] = uchar(255 * sat[L]);
                    h[2] = uchar(std::min(255.0, 60 + h[2] * 0.6));
                    cv::Mat px(1, 1, CV_8UC3, cv::Scalar(h[0], h[1], h[2])), rgb;
                    cv::cvtColor(px, rgb, cv::COLOR_HSV2BGR);
                    out.at<cv::Vec3b>(y, x) = rgb.at<cv::Vec3b>(0, 0);
                }
            }
        return out;
    }
    if (d == QLatin1String("moire")) {
        const double amp[] = {5, 8, 12};
        cv::Mat out = p.bgr.clone();
        const double period = 3.2 + (seed % 3) * 0.6, angle = 0.3 + (seed % 5) * 0.25;
        for (int y = 0; y < out.rows; ++y)
            for (int x = 0; x < out.cols; ++x) {
                const double v = amp[L] * std::sin(2 * CV_PI * (x * std::cos(angle) + y * std::sin(angle)) / period);
                cv::Vec3b &o = out.at<cv::Vec3b>(y, x);
                for (int c = 0; c < 3; ++c)
                    o[c] = cv::saturate_cast<uchar>(o[c] + v);
            }
        return out;
    }
    if (d == QLatin1String("smoothing")) {
        const int passes[] = {1, 2, 3};
        const cv::Mat skin = skinMask(p.bgr, p);
        cv::Mat smooth = p.bgr.clone();
        for (int i = 0; i < passes[L]; ++i) {
            cv::Mat t;
            cv::bilateralFilter(smooth, t, 9, 40, 6);
            smooth = t;
        }
        cv::Mat out = p.bgr.clone();
        smooth.copyTo(out, skin);
        return out;
    }
    if (d == QLatin1String("second_face")) {
        const double scale[] = {0.55, 0.65, 0.8};
        const double s = scale[L];
        const Produced &src = other ? *other : p;
        const cv::Point2f m2 = (src.leftEye + src.rightEye) * 0.5f;
        const double ipd2 = src.interPupil;
        const cv::Rect crop = cv::Rect(int(m2.x - 1.3 * ipd2), int(m2.y - 1.6 * ipd2), int(2.6 * ipd2), int(3.4 * ipd2)) & cv::Rect(0, 0, src.bgr.cols, src.bgr.rows);
        cv::Mat face, alpha;
        cv::resize(src.bgr(crop), face, cv::Size(), s, s, cv::INTER_AREA);
        cv::resize(src.alpha(crop), alpha, face.size(), 0, 0, cv::INTER_AREA);
        // The second face's own area (brows to chin, cheek to cheek) in the scaled crop: what must
        // stay visible for the defect to be "visible".
        cv::Mat faceArea = cv::Mat::zeros(face.size(), CV_8U);
        const cv::Point faceCtr(int((m2.x - crop.x) * s), int((m2.y + 0.45 * ipd2 - crop.y) * s));
        cv::ellipse(faceArea, faceCtr, cv::Size(int(0.95 * ipd2 * s), int(1.3 * ipd2 * s)), 0, 0, 360, cv::Scalar(255), cv::FILLED);
        std::vector<cv::Point> areaPts;
        for (int y = 0; y < faceArea.rows; y += 2)
            for (int x = 0; x < faceArea.cols; x += 2)
                if (faceArea.at<uchar>(y, x))
                    areaPts.emplace_back(x, y);
        // Someone behind the student (or a poster): placed in the upper part of the frame where the
        // student's matte and the frame edges hide least of that face, in the corner the seed picks
        // when several places are as good.
        const int W = p.bgr.cols, H = p.bgr.rows;
        auto visibleAt = [&](int x0, int y0) {
            int vis = 0;
            for (const cv::Point &q : areaPts) {
                const int x = x0 + q.x, y = y0 + q.y;
                vis += x >= 0 && y >= 0 && x < W && y < H && p.alpha.at<float>(y, x) < 0.5f;
            }
            return areaPts.empty() ? 0.0 : double(vis) / double(areaPts.size());
        };
        const int cornerX = seed % 2 ? 0 : W - face.cols;
        double bestVis = -1;
        std::vector<std::pair<cv::Point, double>> tried;
        for (int y0 = 0; y0 <= std::max(0, int(0.45 * H) - face.rows / 2); y0 += 6)
            for (int x0 = -face.cols / 4; x0 <= W - face.cols * 3 / 4; x0 += 6) {
                const double v = visibleAt(x0, y0);
                tried.push_back({cv::Point(x0, y0), v});
                bestVis = std::max(bestVis, v);
            }
        cv::Point at(cornerX, 0);
        double atCost = 1e9, atVis = 0;
        for (const auto &[pt, v] : tried)
            if (v >= bestVis - 0.01) {
                const double cost = pt.y + std::abs(pt.x - cornerX);
                if (cost < atCost) {
                    atCost = cost;
                    at = pt;
                    atVis = v;
                }
            }
        if (visible)
            *visible = atVis;
        cv::Mat back = p.bgr.clone();
        const cv::Rect dst = cv::Rect(at.x, at.y, face.cols, face.rows) & cv::Rect(0, 0, W, H);
        const cv::Rect srcPart(dst.x - at.x, dst.y - at.y, dst.width, dst.height);
        cv::Mat region = back(dst);
        detail::composite(face(srcPart), alpha(srcPart), region.clone()).copyTo(region);
        // The student in front of it.
        return detail::composite(p.bgr, p.alpha, back);
    }
    if (cv::Mat m = accessoryDefect(p, bg, d, L, seed); !m.empty())
        return m;
    return p.bgr.clone();
}

const QList<Defect> &defectTable()
{
    static const QList<Defect> t = {
        {"roll", sl({"pose.roll"}), "head tilted (rotation about the eyes)"},
        {"yaw", sl({"pose.yaw"}), "head turned to one side (3-D warp)"},
        {"pitch", sl({"pose.pitch"}), "head raised or lowered (3-D warp)"},
        {"off_centre", sl({"geometry.centred"}), "head shifted sideways"},
        {"eye_line", sl({"geometry.eye_line"}), "head shifted up or down"},
        {"head_big", sl({"geometry.head_top", "geometry.face_width"}), "head too large"},
        {"head_small", sl({"geometry.head_top", "geometry.face_width"}), "head too small"},
        {"blur", sl({"image.sharpness"}), "out of focus (Gaussian blur)"},
        {"blur_uniform", sl({"image.sharpness"}), "the whole photo blurred, background included (Gaussian sigma 2-4 px)"},
        {"noise", sl({"image.noise"}), "sensor noise"},
        {"underexposed", sl({"lighting.exposure"}), "too dark"},
        {"overexposed", sl({"lighting.exposure", "lighting.highlights"}), "too bright"},
        {"colour_cast", sl({"image.colour_cast"}), "warm or cool colour cast"},
        {"side_shadow", sl({"lighting.face_even"}), "one side of the face in shadow"},
        {"highlights", sl({"lighting.highlights"}), "specular spots on the skin"},
        {"red_eye", sl({"eyes.red"}), "red pupils"},
        {"tinted_glasses", sl({"glasses.tinted"}), "dark (sun) glasses"},
        {"bg_tint", sl({"background.colour"}), "background in another blue"},
        {"bg_gradient", sl({"background.uniform"}), "background gradient"},
        {"bg_object", sl({"background.uniform"}), "object in the background"},
        {"halo", sl({"background.edge"}), "light halo around the person"},
        {"blue_clothes", sl({"clothing.blue"}), "blue clothing"},
        {"clothes_like_bg", sl({"clothing.contrast", "clothing.blue"}), "clothing in the background colour"},
        {"moire", sl({"image.recapture"}), "moire of a recaptured screen"},
        {"smoothing", sl({"image.retouched"}), "skin smoothing (beautification)"},
        {"second_face", sl({"face.count"}), "a second person"},
        {"wrong_size", sl({"image.dimensions"}), "not 480x640"},
        {"heavy_jpeg", sl({"file.format"}), "JPEG quality below 60"},
        {"shoulder_tilt", sl({"shoulders.level"}), "one shoulder raised under a level head"},
        {"glasses_glare", sl({"glasses.reflection"}), "clear glasses with a reflection on the lenses"},
        {"hair_over_ears", sl({"ears.visible"}), "locks of the person's hair over the ears"},
        {"hair_over_eyes", sl({"hair.over_face"}), "a fringe of the person's hair over the brows or an eye"},
        {"head_cover", sl({"head.covering"}), "knit cap or head scarf"},
        {"jewellery", sl({"jewellery"}), "earrings and a necklace"},
        {"file_large", sl({"file.size"}), "file over the size limit (quality 100, phone metadata)"},
    };
    return t;
}

} // namespace

const QList<DefectKind> &defectKinds()
{
    static const QList<DefectKind> list = [] {
        QList<DefectKind> out;
        for (const Defect &d : defectTable())
            out.append({QLatin1String(d.name), d.rules, QLatin1String(d.description)});
        return out;
    }();
    return list;
}

QList<Fixture> makeFixtures(const QByteArray &portrait, QPointF leftPupil, QPointF rightPupil, const QString &person,
                            const QStringList &defects, const QList<int> &levels, QString *error,
                            const QByteArray &otherPortrait, QPointF otherLeft, QPointF otherRight, ProducerMethod producer)
{
    const ProduceOptions opt = producer == ProducerMethod::B ? producerBOptions(person.toInt()) : ProduceOptions();
    Produced p;
    if (!detail::produce(portrait, leftPupil, rightPupil, opt, &p, error))
        return {};
    Produced other;
    const bool haveOther = !otherPortrait.isEmpty() && detail::produce(otherPortrait, otherLeft, otherRight, opt, &other, nullptr);
    const int seed = person.toInt();
    QStringList deviations;
    // The portrait itself may break a framing rule (tall hair bun...): recorded, not counted.
    if (p.hairTop < 50 || p.hairTop > 110)
        deviations.append(QStringLiteral("geometry.head_top"));

    QList<Fixture> out;
    Fixture base;
    base.person = person;
    base.defect = QStringLiteral("none");
    base.knownDeviations = deviations;
    base.leftEye = QPointF(p.leftEye.x, p.leftEye.y);
    base.rightEye = QPointF(p.rightEye.x, p.rightEye.y);
    base.bytes = detail::encode(p.bgr, opt, opt.jpegQuality);
    out.append(base);
    for (const Defect &d : defectTable()) {
        const QString name = QLatin1String(d.name);
        if (!defects.isEmpty() && !defects.contains(name))
            continue;
        for (int level : levels) {
            Fixture f;
            f.person = person;
            f.defect = name;
            f.level = level;
            f.expectRules = d.rules;
            f.knownDeviations = deviations;
            if (name == QLatin1String("wrong_size")) {
                const cv::Size sizes[] = {cv::Size(413, 531), cv::Size(600, 800), cv::Size(358, 441)};
                cv::Mat m;
                cv::resize(p.bgr, m, sizes[std::clamp(level, 1, 3) - 1], 0, 0, cv::INTER_AREA);
                f.bytes = detail::encode(m, opt, opt.jpegQuality);
            } else if (name == QLatin1String("heavy_jpeg")) {
                const int q[] = {50, 35, 20};
                f.bytes = detail::encode(p.bgr, opt, q[std::clamp(level, 1, 3) - 1]);
            } else if (name == QLatin1String("file_large")) {
                f.bytes = largeJpeg(p.bgr, std::clamp(level, 1, 3));
            } else {
                double visible = -1;
                f.bytes = detail::encode(injected(p, opt, name, level, haveOther ? &other : nullptr, seed, &visible), opt, opt.jpegQuality);
                f.visibleFraction = visible;
            }
            out.append(f);
        }
    }
    return out;
}

QStringList frllPeople(const QString &facesDir)
{
    QStringList out;
    const QDir d(facesDir + QStringLiteral("/frll/neutral"));
    for (const QString &f : d.entryList({QStringLiteral("*_03.jpg")}, QDir::Files, QDir::Name))
        if (QFile::exists(d.filePath(f.left(3) + QStringLiteral("_03.tem"))))
            out.append(f.left(3));
    return out;
}

bool loadFrll(const QString &facesDir, const QString &person, bool smiling, QByteArray *bytes, QPointF *left, QPointF *right)
{
    const QString tem = facesDir + QStringLiteral("/frll/neutral/") + person + QStringLiteral("_03.tem");
    const QString img = smiling ? facesDir + QStringLiteral("/frll/smiling/") + person + QStringLiteral("_08.jpg")
                                : facesDir + QStringLiteral("/frll/neutral/") + person + QStringLiteral("_03.jpg");
    QFile f(img);
    if (!readTemPupils(tem, left, right) || !f.open(QIODevice::ReadOnly))
        return false;
    *bytes = f.readAll();
    return !bytes->isEmpty();
}

} // namespace tucai::checks
