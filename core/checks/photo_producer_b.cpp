// Producer B: a second, independent way of making a standard photo from an FRLL portrait and its two
// true pupils, so that the check engine's thresholds are measured on photos no single pipeline made.
// Every step differs from producer A (photo_producer.cpp):
//   decoding   Qt's reader at full resolution (A: OpenCV, DCT-reduced)
//   matte      the portrait's own backdrop fitted as a smooth colour surface, flooded from the top and
//              side edges through pixels close to that surface and without a colour step (edge stop);
//              alpha from a guided filter of that mask on the portrait's grey image (A: GrabCut,
//              Gaussian feather)
//   placement  scale from the pupil distance (picked per person), eye line, horizontal position and a
//              residual roll varied per person inside the standard's bands (A: scale from the hair
//              top, eye line always 250, exactly centred and level)
//   resampling Gaussian anti-alias then one Lanczos warp (A: area reduction then bilinear warp)
//   background a shade 2-4 dE from the asked colour with a slight vertical gradient and grain
//              (A: the flat asked colour)
//   camera     slight white-balance shift and sensor grain on the person (A: none)
//   encoding   Qt's JPEG writer, progressive and optimised, quality 85 (A: OpenCV baseline, q90)
#include "photo_producer.h"
#include "producer_internal.h"

#include "demo/demo_random.h"

#include <QBuffer>
#include <QImage>
#include <QImageWriter>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace tucai::checks {
namespace {

constexpr int kOutW = 480;
constexpr int kOutH = 640;
constexpr double kSegIpd = 40;                          // pupil distance at which the matte is made
constexpr double kHairTopMin = 62, kHairTopMax = 98;    // inside the 50-110 px band with a margin
constexpr double kMinIpd = 90, kMaxIpd = 114;           // face width (about 2.1 IPD) inside 180-300

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

// Deterministic per-person numbers (the demo's SplitMix64): the same person always gives the same photo.
class Dice
{
public:
    explicit Dice(quint64 seed) : m_random(seed) {}
    double uniform() { return m_random.unit(); }
    double between(double lo, double hi) { return lo + (hi - lo) * uniform(); }

private:
    demo::DemoRandom m_random;
};

std::array<double, 6> surfaceTerms(double x, double y) { return {1, x, y, x * x, x * y, y * y}; }

// Least-squares quadratic surface per Lab channel through the samples (6x3 coefficients).
cv::Mat fitSurface(const cv::Mat &lab, const std::vector<cv::Point> &pts)
{
    cv::Mat A(int(pts.size()), 6, CV_64F), B(int(pts.size()), 3, CV_64F);
    for (int i = 0; i < int(pts.size()); ++i) {
        const auto t = surfaceTerms(double(pts[size_t(i)].x) / lab.cols, double(pts[size_t(i)].y) / lab.rows);
        for (int k = 0; k < 6; ++k)
            A.at<double>(i, k) = t[size_t(k)];
        const cv::Vec3f v = lab.at<cv::Vec3f>(pts[size_t(i)]);
        for (int c = 0; c < 3; ++c)
            B.at<double>(i, c) = v[c];
    }
    cv::Mat coef;
    cv::solve(A, B, coef, cv::DECOMP_SVD);
    return coef;
}

cv::Vec3f surfaceAt(const cv::Mat &coef, double x, double y)
{
    const auto t = surfaceTerms(x, y);
    cv::Vec3f out(0, 0, 0);
    for (int c = 0; c < 3; ++c)
        for (int k = 0; k < 6; ++k)
            out[c] += float(coef.at<double>(k, c) * t[size_t(k)]);
    return out;
}

double backdropDistance(const cv::Vec3f &p, const cv::Vec3f &b)
{
    // Darker than the backdrop weighted down (shading and vignette darken a backdrop more than they
    // change its hue); lighter counts fully (white clothes on a light grey backdrop).
    const double dL = (p[0] > b[0] ? 1.0 : 0.5) * (p[0] - b[0]), da = p[1] - b[1], db = p[2] - b[2];
    return std::sqrt(dL * dL + da * da + db * db);
}

// Guided filter (He, Sun, Tang): the mask's edges follow the guide's edges; hair strands get
// partial alpha. Both CV_32F.
cv::Mat guidedFilter(const cv::Mat &guide, const cv::Mat &src, int radius, double eps)
{
    const cv::Size k(2 * radius + 1, 2 * radius + 1);
    cv::Mat meanI, meanP, corrIP, corrII;
    cv::boxFilter(guide, meanI, CV_32F, k);
    cv::boxFilter(src, meanP, CV_32F, k);
    cv::boxFilter(guide.mul(src), corrIP, CV_32F, k);
    cv::boxFilter(guide.mul(guide), corrII, CV_32F, k);
    const cv::Mat varI = corrII - meanI.mul(meanI);
    const cv::Mat covIP = corrIP - meanI.mul(meanP);
    cv::Mat a = covIP / (varI + eps);
    cv::Mat b = meanP - a.mul(meanI);
    cv::boxFilter(a, a, CV_32F, k);
    cv::boxFilter(b, b, CV_32F, k);
    cv::Mat q = a.mul(guide) + b;
    cv::min(cv::max(q, 0.0), 1.0, q);
    return q;
}

struct Matte
{
    cv::Mat alpha;      // CV_32F, 1 = person
    cv::Mat backdrop;   // CV_32FC3 BGR 0-1: the fitted backdrop colour behind every pixel
};

// Person alpha of the segmentation-scale image, pupils l and r known.
Matte matteByBackdropFlood(const cv::Mat &small, cv::Point2f l, cv::Point2f r)
{
    const int W = small.cols, H = small.rows;
    const double ipd = std::hypot(r.x - l.x, r.y - l.y);
    const cv::Point2f mid = (l + r) * 0.5f;
    cv::Mat f32, lab;
    small.convertTo(f32, CV_32FC3, 1.0 / 255);
    cv::cvtColor(f32, lab, cv::COLOR_BGR2Lab);

    // The person as the pupils place it for sure: the inner face, the neck, the chest widening to
    // the shoulders. The flood never enters it.
    cv::Mat sure = cv::Mat::zeros(small.size(), CV_8U);
    cv::ellipse(sure, cv::Point(cvRound(mid.x), cvRound(mid.y + 0.4 * ipd)), cv::Size(cvRound(0.78 * ipd), cvRound(1.15 * ipd)), 0, 0, 360,
                cv::Scalar(255), cv::FILLED);
    cv::rectangle(sure, cv::Point(cvRound(mid.x - 0.4 * ipd), cvRound(mid.y + 1.3 * ipd)), cv::Point(cvRound(mid.x + 0.4 * ipd), cvRound(mid.y + 2.4 * ipd)),
                  cv::Scalar(255), cv::FILLED);
    const std::vector<cv::Point> chest{{cvRound(mid.x - 0.5 * ipd), cvRound(mid.y + 2.2 * ipd)}, {cvRound(mid.x + 0.5 * ipd), cvRound(mid.y + 2.2 * ipd)},
                                       {cvRound(mid.x + 1.5 * ipd), cvRound(mid.y + 3.0 * ipd)}, {cvRound(mid.x + 1.5 * ipd), H - 1},
                                       {cvRound(mid.x - 1.5 * ipd), H - 1}, {cvRound(mid.x - 1.5 * ipd), cvRound(mid.y + 3.0 * ipd)}};
    cv::fillConvexPoly(sure, chest, cv::Scalar(255));

    // Backdrop samples: the top rows and the side columns above the shoulders.
    const int band = std::clamp(cvRound(mid.y + 1.0 * ipd), 1, H);
    std::vector<cv::Point> samples;
    for (int y = 0; y < 3; ++y)
        for (int x = 0; x < W; ++x)
            samples.emplace_back(x, y);
    for (int y = 3; y < band; ++y)
        for (int x : {0, 1, 2, W - 3, W - 2, W - 1})
            samples.emplace_back(x, y);
    cv::Mat coef = fitSurface(lab, samples);
    // Second pass without the samples that do not fit (hair or clothes touching the edge).
    {
        std::vector<double> res;
        for (const cv::Point &p : samples)
            res.push_back(backdropDistance(lab.at<cv::Vec3f>(p), surfaceAt(coef, double(p.x) / W, double(p.y) / H)));
        std::vector<double> sorted = res;
        std::nth_element(sorted.begin(), sorted.begin() + long(sorted.size() / 2), sorted.end());
        const double limit = std::max(3.0, 2.5 * sorted[sorted.size() / 2]);
        std::vector<cv::Point> kept;
        for (size_t i = 0; i < samples.size(); ++i)
            if (res[i] <= limit)
                kept.push_back(samples[i]);
        if (kept.size() >= 12) {
            coef = fitSurface(lab, kept);
            samples = kept;
        }
    }
    // Below the sampled band the surface is carried down, not extrapolated (a quadratic runs off).
    cv::Mat dist(small.size(), CV_32F), surfaceLab(small.size(), CV_32FC3);
    for (int y = 0; y < H; ++y)
        for (int x = 0; x < W; ++x) {
            const cv::Vec3f b = surfaceAt(coef, double(x) / W, double(std::min(y, band - 1)) / H);
            surfaceLab.at<cv::Vec3f>(y, x) = b;
            dist.at<float>(y, x) = float(backdropDistance(lab.at<cv::Vec3f>(y, x), b));
        }

    // Flood from the samples close to the surface through pixels close to it, stopped by colour steps
    // between neighbours (the outline of a white shirt on a light backdrop).
    constexpr float kSeed = 5, kGrow = 8, kStep = 4.5f;
    cv::Mat bg = cv::Mat::zeros(small.size(), CV_8U);
    std::vector<cv::Point> stack;
    for (const cv::Point &p : samples)
        if (dist.at<float>(p) < kSeed && !sure.at<uchar>(p) && !bg.at<uchar>(p)) {
            bg.at<uchar>(p) = 255;
            stack.push_back(p);
        }
    const cv::Point steps[] = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
    const int shoulders = cvRound(mid.y + 1.6 * ipd);
    while (!stack.empty()) {
        const cv::Point p = stack.back();
        stack.pop_back();
        const cv::Vec3f pv = lab.at<cv::Vec3f>(p);
        for (const cv::Point &d : steps) {
            const cv::Point q = p + d;
            if (q.x < 0 || q.y < 0 || q.x >= W || q.y >= H || bg.at<uchar>(q) || sure.at<uchar>(q))
                continue;
            // At shoulder height the backdrop is next to clothes in shadow: stricter there.
            const float k = q.y > shoulders ? 0.6f : 1.0f;
            if (dist.at<float>(q) >= kGrow * k || cv::norm(lab.at<cv::Vec3f>(q) - pv) >= kStep * k)
                continue;
            bg.at<uchar>(q) = 255;
            stack.push_back(q);
        }
    }

    // The person: what the flood did not reach, the part holding the face; spurs off, gaps closed.
    cv::Mat fg = ~bg;
    cv::morphologyEx(fg, fg, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, {3, 3}));
    cv::Mat labels;
    if (cv::connectedComponents(fg, labels, 8) > 2) {
        const int keep = labels.at<int>(std::clamp(cvRound(mid.y + 0.4 * ipd), 0, H - 1), std::clamp(cvRound(mid.x), 0, W - 1));
        if (keep > 0)
            fg = labels == keep;
    }
    cv::morphologyEx(fg, fg, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_ELLIPSE, {3, 3}));
    // The flood stops one pixel short of the person where the outline is a blend of hair and
    // backdrop: that rim goes back to the guided filter as background.
    cv::erode(fg, fg, cv::getStructuringElement(cv::MORPH_CROSS, {3, 3}));
    // Below the shoulder line clothes have no holes and the shoulders are about symmetric: each row
    // is person from its first to its last person pixel, widened to the mirror image of the wider
    // side about the face's centre (a shoulder the flood reached through a fold comes back).
    for (int y = std::max(0, cvRound(mid.y + 2.6 * ipd)); y < H; ++y) {
        uchar *m = fg.ptr<uchar>(y);
        int first = -1, last = -1;
        for (int x = 0; x < W; ++x)
            if (m[x]) {
                first = first < 0 ? x : first;
                last = x;
            }
        if (first < 0)
            continue;
        const int c = cvRound(mid.x);
        const int lo = std::max(0, std::min(first, 2 * c - last)), hi = std::min(W - 1, std::max(last, 2 * c - first));
        for (int x = lo; x <= hi; ++x)
            m[x] = 255;
    }

    cv::Mat grey, guide, maskF;
    cv::cvtColor(small, grey, cv::COLOR_BGR2GRAY);
    grey.convertTo(guide, CV_32F, 1.0 / 255);
    fg.convertTo(maskF, CV_32F, 1.0 / 255);
    Matte out;
    out.alpha = guidedFilter(guide, maskF, 3, 2e-3);
    out.alpha.setTo(1.0, sure);
    cv::cvtColor(surfaceLab, out.backdrop, cv::COLOR_Lab2BGR);
    return out;
}

} // namespace

ProduceOptions producerBOptions(int seed, QColor base)
{
    // Shades of the asked colour (RGB offsets, 2-4 dE76 from RGB(100,197,255)): vendors' and
    // cameras' "the same sky blue" differ that much; the profile tolerance is 8.
    static const int shades[][3] = {{-4, -5, -3}, {4, 3, 0}, {-8, -7, -7}, {6, -2, -5}, {0, 5, 0}, {-3, -2, -8}, {-6, -4, 0}, {8, 6, 0}};
    Dice dice(quint64(seed) * 2 + 1);
    const int *d = shades[int(dice.uniform() * 8) % 8];
    ProduceOptions o;
    o.method = ProducerMethod::B;
    o.seed = seed;
    o.background = QColor(std::clamp(base.red() + d[0], 0, 255), std::clamp(base.green() + d[1], 0, 255), std::clamp(base.blue() + d[2], 0, 255));
    o.eyeLineY = std::round(dice.between(232, 268));
    o.jpegQuality = 85;
    return o;
}

namespace detail {

QByteArray encode(const cv::Mat &bgr, const ProduceOptions &opt, int quality)
{
    if (opt.method != ProducerMethod::B)
        return cvw::encodeJpeg(bgr, quality);
    QByteArray out;
    QBuffer buf(&out);
    buf.open(QIODevice::WriteOnly);
    QImageWriter writer(&buf, "jpeg");
    writer.setQuality(quality);
    writer.setOptimizedWrite(true);
    writer.setProgressiveScanWrite(true);
    if (!writer.write(cvw::toQImage(bgr)))
        return {};
    return out;
}

bool produceB(const QByteArray &portraitBytes, QPointF leftPupil, QPointF rightPupil, const ProduceOptions &opt, Produced *out, QString *error)
{
    // The pupils were checked by produce(), the only caller.
    const double ipdSrc = std::hypot(rightPupil.x() - leftPupil.x(), rightPupil.y() - leftPupil.y());
    const QImage decoded = QImage::fromData(portraitBytes);
    if (decoded.isNull()) {
        setError(error, QStringLiteral("cannot decode portrait"));
        return false;
    }
    const cv::Mat src = cvw::fromQImage(decoded);
    const cv::Point2f l(float(leftPupil.x()), float(leftPupil.y())), r(float(rightPupil.x()), float(rightPupil.y()));
    if (!cv::Rect(0, 0, src.cols, src.rows).contains(cv::Point(l)) || !cv::Rect(0, 0, src.cols, src.rows).contains(cv::Point(r))) {
        setError(error, QStringLiteral("pupils outside the portrait"));
        return false;
    }
    Dice dice(quint64(opt.seed) * 2 + 2);

    // Matte at a pupil distance of 40 px.
    const double segScale = std::min(1.0, kSegIpd / ipdSrc);
    cv::Mat small;
    {
        cv::Mat pre;
        cv::GaussianBlur(src, pre, cv::Size(0, 0), std::max(0.3, 0.45 / segScale));
        cv::resize(pre, small, cv::Size(), segScale, segScale, cv::INTER_LINEAR);
    }
    const cv::Point2f ls = l * float(segScale), rs = r * float(segScale);
    const Matte matte = matteByBackdropFlood(small, ls, rs);
    const cv::Mat &alphaSmall = matte.alpha;

    // Hair top over the eyes (source pixels above the pupils' midpoint).
    const cv::Point2f midS = (ls + rs) * 0.5f;
    const double ipdS = ipdSrc * segScale;
    int topSmall = -1;
    {
        const int x0 = std::max(0, cvRound(midS.x - ipdS)), x1 = std::min(small.cols - 1, cvRound(midS.x + ipdS));
        for (int y = 0; y < cvRound(midS.y) && topSmall < 0; ++y)
            for (int x = x0; x <= x1 && topSmall < 0; ++x)
                if (alphaSmall.at<float>(y, x) > 0.5f)
                    topSmall = y;
    }
    const double eyeToTop = topSmall >= 0 ? (midS.y - topSmall) / segScale : 1.7 * ipdSrc;

    // Placement: pupil distance picked per person, then pulled in so that the hair top stays inside
    // the band; eye line from the options; horizontal position and roll varied slightly.
    double eyeLine = opt.eyeLineY;
    double ipdOut = opt.interPupil > 0 ? opt.interPupil : dice.between(94, 108);
    const double dx = dice.between(-6, 6);
    const double residualRoll = dice.between(-1.2, 1.2);
    if (opt.interPupil <= 0) {
        double s = ipdOut / ipdSrc;
        if (eyeLine - eyeToTop * s < kHairTopMin)
            s = (eyeLine - kHairTopMin) / eyeToTop;
        if (eyeLine - eyeToTop * s > kHairTopMax)
            s = (eyeLine - kHairTopMax) / eyeToTop;
        ipdOut = std::clamp(s * ipdSrc, kMinIpd, kMaxIpd);
    }
    const double s = ipdOut / ipdSrc;
    // Tall hair that the pupil-distance floor still leaves above the band: the eye line moves down
    // (and short hair's up), inside 200-300 with a margin.
    if (opt.interPupil <= 0) {
        const double top = eyeLine - eyeToTop * s;
        if (top < kHairTopMin)
            eyeLine = std::min(280.0, eyeLine + kHairTopMin - top);
        else if (top > kHairTopMax)
            eyeLine = std::max(220.0, eyeLine - (top - kHairTopMax));
    }
    const cv::Point2f mid = (l + r) * 0.5f;
    const double angle = std::atan2(r.y - l.y, r.x - l.x) * 180.0 / CV_PI + residualRoll;
    cv::Mat M = cv::getRotationMatrix2D(mid, angle, s);
    M.at<double>(0, 2) += kOutW / 2.0 + dx - mid.x;
    M.at<double>(1, 2) += eyeLine - mid.y;

    // One Lanczos warp after a Gaussian anti-alias matched to the reduction.
    cv::Mat pre = src;
    if (s < 1)
        cv::GaussianBlur(src, pre, cv::Size(0, 0), 0.45 / s);
    cv::Mat photo;
    cv::warpAffine(pre, photo, M, cv::Size(kOutW, kOutH), cv::INTER_LANCZOS4, cv::BORDER_REPLICATE);
    // Rows below the end of the portrait: each column continues with the mean of its last rows,
    // smoothed across (plain clothes rather than replicated streaks).
    {
        cv::Mat Minv;
        cv::invertAffineTransform(M, Minv);
        int firstOutside = kOutH;
        for (int y = kOutH - 1; y >= 0; --y) {
            const double sy0 = Minv.at<double>(1, 1) * y + Minv.at<double>(1, 2);
            const double sy1 = Minv.at<double>(1, 0) * (kOutW - 1) + sy0;
            if (std::max(sy0, sy1) < src.rows - 2)
                break;
            firstOutside = y;
        }
        if (firstOutside < kOutH && firstOutside > 10) {
            cv::Mat last;
            cv::reduce(photo.rowRange(firstOutside - 10, firstOutside - 2), last, 0, cv::REDUCE_AVG, CV_32F);
            cv::blur(last, last, cv::Size(15, 1), cv::Point(-1, -1), cv::BORDER_REPLICATE);
            cv::Mat row8;
            last.convertTo(row8, CV_8U);
            for (int y = firstOutside; y < kOutH; ++y)
                row8.copyTo(photo.row(y));
        }
    }

    // The matte with the same placement, cubic, from the segmentation scale.
    cv::Mat Ms = M.clone();
    Ms.at<double>(0, 0) /= segScale;
    Ms.at<double>(0, 1) /= segScale;
    Ms.at<double>(1, 0) /= segScale;
    Ms.at<double>(1, 1) /= segScale;
    cv::Mat alpha;
    cv::warpAffine(alphaSmall, alpha, Ms, cv::Size(kOutW, kOutH), cv::INTER_CUBIC, cv::BORDER_REPLICATE);
    cv::min(cv::max(alpha, 0.0), 1.0, alpha);
    // Edge pixels are a mix of the person and the old backdrop: the person's own colour is recovered
    // (I = a F + (1 - a) B solved for F) so the new background shows no grey fringe.
    {
        cv::Mat backdrop;
        cv::warpAffine(matte.backdrop, backdrop, Ms, cv::Size(kOutW, kOutH), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
        for (int y = 0; y < kOutH; ++y) {
            cv::Vec3b *p = photo.ptr<cv::Vec3b>(y);
            const float *a = alpha.ptr<float>(y);
            const cv::Vec3f *b = backdrop.ptr<cv::Vec3f>(y);
            for (int x = 0; x < kOutW; ++x) {
                if (a[x] <= 0.02f || a[x] >= 0.98f)
                    continue;
                const float w = std::max(a[x], 0.3f);
                for (int k = 0; k < 3; ++k)
                    p[x][k] = cv::saturate_cast<uchar>((p[x][k] - (1.f - w) * 255.f * b[x][k]) / w);
            }
        }
    }

    // Camera: white balance a little off and sensor grain, on the person only (the background is
    // replaced after the camera).
    {
        const double gain[3] = {1 + dice.between(-0.025, 0.025), 1 + dice.between(-0.02, 0.02), 1 + dice.between(-0.025, 0.025)};
        cv::RNG rng(quint64(opt.seed) * 7919 + 17);
        cv::Mat luma(photo.size(), CV_32F), chroma(photo.size(), CV_32FC3);
        rng.fill(luma, cv::RNG::NORMAL, 0, 1.1);
        rng.fill(chroma, cv::RNG::NORMAL, 0, 0.5);
        for (int y = 0; y < photo.rows; ++y) {
            cv::Vec3b *p = photo.ptr<cv::Vec3b>(y);
            const float *n = luma.ptr<float>(y);
            const cv::Vec3f *c = chroma.ptr<cv::Vec3f>(y);
            for (int x = 0; x < photo.cols; ++x)
                for (int k = 0; k < 3; ++k)
                    p[x][k] = cv::saturate_cast<uchar>(p[x][k] * gain[k] + n[x] + c[x][k]);
        }
    }

    // Background: the asked shade, a little lighter at the top, with a fine grain.
    const QColor c = opt.background.isValid() ? opt.background : QColor(100, 197, 255);
    const double gradient = dice.between(1.0, 3.0);   // RGB levels from top to bottom
    cv::Mat bgImage(photo.size(), CV_8UC3);
    {
        cv::RNG rng(quint64(opt.seed) * 104729 + 3);
        cv::Mat grain(photo.size(), CV_32FC3);
        rng.fill(grain, cv::RNG::NORMAL, 0, 0.7);
        const double want[3] = {double(c.blue()), double(c.green()), double(c.red())};
        for (int y = 0; y < kOutH; ++y) {
            const double shift = gradient * (0.5 - double(y) / (kOutH - 1));
            cv::Vec3b *o = bgImage.ptr<cv::Vec3b>(y);
            const cv::Vec3f *g = grain.ptr<cv::Vec3f>(y);
            for (int x = 0; x < kOutW; ++x)
                for (int k = 0; k < 3; ++k)
                    o[x][k] = cv::saturate_cast<uchar>(want[k] + shift + g[x][k]);
        }
    }
    out->bgr = composite(photo, alpha, bgImage);
    out->alpha = alpha;
    const auto place = [&](cv::Point2f p) {
        return cv::Point2f(float(M.at<double>(0, 0) * p.x + M.at<double>(0, 1) * p.y + M.at<double>(0, 2)),
                           float(M.at<double>(1, 0) * p.x + M.at<double>(1, 1) * p.y + M.at<double>(1, 2)));
    };
    out->leftEye = place(l);
    out->rightEye = place(r);
    out->interPupil = ipdOut;
    out->hairTop = cvRound(eyeLine - eyeToTop * s);
    return true;
}

} // namespace detail
} // namespace tucai::checks
