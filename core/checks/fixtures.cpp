#include "fixtures.h"
#include "producer_internal.h"

#include <QDir>
#include <QFile>

#include <algorithm>
#include <cmath>

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
            cv::line(lens, p.leftEye + cv::Point2f(float(0.36 * ipd), 0), p.rightEye - cv::Point2f(float(0.36 * ipd), 0), cv::Scalar(20, 20, 20), 3, cv::LINE_AA);
            cv::addWeighted(lens, opacity[L], m, 1 - opacity[L], 0, m);
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
