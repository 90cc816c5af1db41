#include "photo_producer.h"
#include "producer_internal.h"

#include <QFile>
#include <QTextStream>

#include <algorithm>
#include <cmath>

namespace tucai::checks {
namespace {

constexpr int kOutW = 480;
constexpr int kOutH = 640;
constexpr double kHairTopTarget = 80;     // middle of the 50-110 px band
constexpr double kMinAutoIpd = 90;        // keeps the face width (about 2.1 x IPD) inside 180-300
constexpr double kMaxAutoIpd = 112;
constexpr double kSegIpd = 24;            // pupil distance at which the person is segmented (speed)

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

cv::Vec3b medianColour(const cv::Mat &bgr, const std::vector<cv::Rect> &strips)
{
    std::vector<uchar> ch[3];
    for (const cv::Rect &r0 : strips) {
        const cv::Rect r = r0 & cv::Rect(0, 0, bgr.cols, bgr.rows);
        for (int y = r.y; y < r.y + r.height; ++y)
            for (int x = r.x; x < r.x + r.width; ++x) {
                const cv::Vec3b p = bgr.at<cv::Vec3b>(y, x);
                for (int c = 0; c < 3; ++c)
                    ch[c].push_back(p[c]);
            }
    }
    cv::Vec3b out(200, 200, 200);
    for (int c = 0; c < 3; ++c) {
        if (ch[c].empty())
            continue;
        auto mid = ch[c].begin() + ch[c].size() / 2;
        std::nth_element(ch[c].begin(), mid, ch[c].end());
        out[c] = *mid;
    }
    return out;
}

// Person matte of a small image (eyes known): GrabCut initialised from the colour distance to the
// border colour, with the face and the neck/chest as sure foreground and the top edge as sure
// background. Returns CV_8U 0/255.
cv::Mat segmentPerson(const cv::Mat &small, cv::Point2f l, cv::Point2f r)
{
    const double ipd = std::hypot(r.x - l.x, r.y - l.y);
    const cv::Point2f mid = (l + r) * 0.5f;
    const int W = small.cols, H = small.rows;
    const int bandH = std::clamp(int(mid.y + 1.2 * ipd), 1, H);
    // Background model per row, interpolated between the left and right edge colours: studio
    // backdrops have a vignette, so one global colour would call the darker corners "person".
    // Below the band the edges may be shoulders, so the last band row is carried down.
    cv::Mat lab;
    cv::cvtColor(small, lab, cv::COLOR_BGR2Lab);
    const cv::Vec3b top = medianColour(lab, {cv::Rect(0, 0, W, 2)});
    std::vector<cv::Vec3f> edgeL(H), edgeR(H);
    for (int y = 0; y < H; ++y) {
        const int yy = std::min(y, bandH - 1);
        const cv::Vec3b a = medianColour(lab, {cv::Rect(0, std::max(0, yy - 1), 3, 3)});
        const cv::Vec3b b = medianColour(lab, {cv::Rect(W - 3, std::max(0, yy - 1), 3, 3)});
        // An edge sample far from the top colour is hair or clothes touching the edge: use the top colour.
        auto far = [&](cv::Vec3b v) { return std::abs(v[1] - top[1]) + std::abs(v[2] - top[2]) > 12 || std::abs(v[0] - top[0]) > 45; };
        edgeL[y] = far(a) ? cv::Vec3f(top) : cv::Vec3f(a);
        edgeR[y] = far(b) ? cv::Vec3f(top) : cv::Vec3f(b);
    }

    cv::Mat mask(small.size(), CV_8U);
    for (int y = 0; y < H; ++y) {
        const cv::Vec3b *p = lab.ptr<cv::Vec3b>(y);
        uchar *m = mask.ptr<uchar>(y);
        for (int x = 0; x < W; ++x) {
            const float t = W > 1 ? float(x) / float(W - 1) : 0.f;
            const cv::Vec3f b = edgeL[y] * (1.f - t) + edgeR[y] * t;
            // Lightness weighted down: backdrops carry soft shading, chroma is more telling.
            const double dL = (p[x][0] - b[0]) * 0.5, da = p[x][1] - b[1], db = p[x][2] - b[2];
            const double d = std::sqrt(dL * dL + da * da + db * db);
            m[x] = d < 10 ? cv::GC_PR_BGD : cv::GC_PR_FGD;
        }
    }
    // Sure background: the top rows and the upper side columns where they look like background.
    for (int y = 0; y < H; ++y)
        for (int x = 0; x < W; ++x) {
            const bool edge = y < 2 || ((x < 2 || x >= W - 2) && y < bandH);
            if (edge && mask.at<uchar>(y, x) == cv::GC_PR_BGD)
                mask.at<uchar>(y, x) = cv::GC_BGD;
        }
    // Sure foreground: the inner face and a column under the chin.
    cv::ellipse(mask, cv::Point(cvRound(mid.x), cvRound(mid.y + 0.45 * ipd)),
                cv::Size(cvRound(0.75 * ipd), cvRound(1.1 * ipd)), 0, 0, 360, cv::Scalar(cv::GC_FGD), cv::FILLED);
    cv::rectangle(mask, cv::Point(cvRound(mid.x - 0.45 * ipd), cvRound(mid.y + 1.9 * ipd)),
                  cv::Point(cvRound(mid.x + 0.45 * ipd), H - 1), cv::Scalar(cv::GC_FGD), cv::FILLED);
    // Shoulders: white shirts are close to light backdrops, so the chest band is seeded as person.
    cv::rectangle(mask, cv::Point(cvRound(mid.x - 1.3 * ipd), cvRound(mid.y + 2.7 * ipd)),
                  cv::Point(cvRound(mid.x + 1.3 * ipd), H - 1), cv::Scalar(cv::GC_FGD), cv::FILLED);

    cv::Mat bgdModel, fgdModel;
    // GrabCut seeds its k-means from the thread's RNG: pin it so the same
    // portrait always gives the same bytes (demo school: same seed, same database).
    cv::theRNG().state = 0x1234ABCDull;
    try {
        cv::grabCut(small, mask, cv::Rect(), bgdModel, fgdModel, 3, cv::GC_INIT_WITH_MASK);
    } catch (const cv::Exception &) {
        // Degenerate colour models (e.g. a flat image): fall back to the colour-distance mask.
    }
    cv::Mat fg = (mask == cv::GC_FGD) | (mask == cv::GC_PR_FGD);

    // Keep the component holding the face; fill holes (background pockets not touching the border).
    cv::Mat labels;
    const int n = cv::connectedComponents(fg, labels, 4);
    if (n > 2) {
        const int keep = labels.at<int>(std::clamp(cvRound(mid.y + 0.45 * ipd), 0, H - 1), std::clamp(cvRound(mid.x), 0, W - 1));
        if (keep > 0)
            fg = labels == keep;
    }
    cv::Mat inv = ~fg;
    cv::Mat padded;
    cv::copyMakeBorder(inv, padded, 1, 1, 1, 1, cv::BORDER_CONSTANT, cv::Scalar(255));
    cv::floodFill(padded, cv::Point(0, 0), cv::Scalar(0));
    fg |= padded(cv::Rect(1, 1, W, H));
    // A light opening removes single-pixel spurs of background noise.
    cv::morphologyEx(fg, fg, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_ELLIPSE, {3, 3}));
    return fg;
}

} // namespace

namespace detail {

cv::Mat composite(const cv::Mat &bgr, const cv::Mat &alpha, const cv::Mat &background)
{
    cv::Mat out(bgr.size(), CV_8UC3);
    for (int y = 0; y < bgr.rows; ++y) {
        const cv::Vec3b *p = bgr.ptr<cv::Vec3b>(y);
        const cv::Vec3b *q = background.ptr<cv::Vec3b>(y);
        const float *a = alpha.ptr<float>(y);
        cv::Vec3b *o = out.ptr<cv::Vec3b>(y);
        for (int x = 0; x < bgr.cols; ++x) {
            const float w = a[x];
            for (int c = 0; c < 3; ++c)
                o[x][c] = cv::saturate_cast<uchar>(w * p[x][c] + (1.f - w) * q[x][c]);
        }
    }
    return out;
}

bool produce(const QByteArray &portraitBytes, QPointF leftPupil, QPointF rightPupil,
             const ProduceOptions &opt, Produced *out, QString *error)
{
    const double ipdSrc = std::hypot(rightPupil.x() - leftPupil.x(), rightPupil.y() - leftPupil.y());
    if (!(ipdSrc >= 8) || rightPupil.x() <= leftPupil.x()) {
        setError(error, QStringLiteral("implausible pupil positions"));
        return false;
    }
    if (opt.method == ProducerMethod::B)
        return produceB(portraitBytes, leftPupil, rightPupil, opt, out, error);
    if (portraitBytes.isEmpty()) {
        setError(error, QStringLiteral("empty portrait"));
        return false;
    }
    // Decode at a reduced scale when the output is much smaller anyway: libjpeg scales in the DCT.
    const double roughScale = (opt.interPupil > 0 ? opt.interPupil : 100.0) / ipdSrc;
    int reduce = 1;
    int flags = cv::IMREAD_COLOR;
    if (roughScale <= 0.26) {
        reduce = 4;
        flags = cv::IMREAD_REDUCED_COLOR_4;
    } else if (roughScale <= 0.52) {
        reduce = 2;
        flags = cv::IMREAD_REDUCED_COLOR_2;
    }
    cv::Mat src;
    try {
        src = cv::imdecode(cvw::bufferOf(portraitBytes), flags);
    } catch (const cv::Exception &e) {
        setError(error, QStringLiteral("cannot decode portrait: %1").arg(QString::fromUtf8(e.what())));
        return false;
    }
    if (src.empty()) {
        setError(error, QStringLiteral("cannot decode portrait"));
        return false;
    }
    const cv::Point2f l(float(leftPupil.x() / reduce), float(leftPupil.y() / reduce));
    const cv::Point2f r(float(rightPupil.x() / reduce), float(rightPupil.y() / reduce));
    const double ipd = ipdSrc / reduce;
    if (!cv::Rect(0, 0, src.cols, src.rows).contains(cv::Point(l)) || !cv::Rect(0, 0, src.cols, src.rows).contains(cv::Point(r))) {
        setError(error, QStringLiteral("pupils outside the portrait"));
        return false;
    }

    // Segment at a small scale (GrabCut cost grows with pixels).
    const double segScale = std::min(1.0, kSegIpd / ipd);
    cv::Mat small;
    cv::resize(src, small, cv::Size(), segScale, segScale, cv::INTER_AREA);
    const cv::Point2f ls = l * float(segScale), rs = r * float(segScale);
    const cv::Mat fgSmall = segmentPerson(small, ls, rs);

    // Hair top in source coordinates: first person row in the band over the eyes.
    const cv::Point2f midS = (ls + rs) * 0.5f;
    int topSmall = -1;
    const int x0 = std::max(0, cvRound(midS.x - kSegIpd)), x1 = std::min(small.cols - 1, cvRound(midS.x + kSegIpd));
    for (int y = 0; y < cvRound(midS.y) && topSmall < 0; ++y)
        if (cv::countNonZero(fgSmall.row(y).colRange(x0, x1 + 1)) > 0)
            topSmall = y;
    const double eyeToTop = topSmall >= 0 ? (midS.y - topSmall) / segScale : 1.7 * ipd;

    double s = 0;
    if (opt.interPupil > 0) {
        s = opt.interPupil / ipd;
    } else {
        s = (opt.eyeLineY - kHairTopTarget) / eyeToTop;
        s = std::clamp(s * ipd, kMinAutoIpd, kMaxAutoIpd) / ipd;
    }

    // Area-resample first when shrinking (warpAffine's bilinear would alias), then rotate+place.
    cv::Mat base = src;
    double baseScale = 1;
    if (s < 0.8) {
        cv::resize(src, base, cv::Size(), s, s, cv::INTER_AREA);
        baseScale = s;
    }
    const double rest = s / baseScale;
    const cv::Point2f mid = (l + r) * 0.5f * float(baseScale);
    const double angle = std::atan2(r.y - l.y, r.x - l.x) * 180.0 / CV_PI;
    cv::Mat M = cv::getRotationMatrix2D(mid, angle, rest);
    M.at<double>(0, 2) += kOutW / 2.0 - mid.x;
    M.at<double>(1, 2) += opt.eyeLineY - mid.y;
    cv::Mat photo;
    cv::warpAffine(base, photo, M, cv::Size(kOutW, kOutH), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    // Portraits often end at the chest: rows below the source are replicated, which shows as streaks;
    // a wide horizontal blur turns them into a plain continuation of the clothes.
    {
        const cv::Mat Minv = [&] { cv::Mat inv; cv::invertAffineTransform(M, inv); return inv; }();
        int firstOutside = kOutH;
        for (int y = kOutH - 1; y >= 0; --y) {
            const double sy0 = Minv.at<double>(1, 0) * 0 + Minv.at<double>(1, 1) * y + Minv.at<double>(1, 2);
            const double sy1 = Minv.at<double>(1, 0) * (kOutW - 1) + Minv.at<double>(1, 1) * y + Minv.at<double>(1, 2);
            if (std::max(sy0, sy1) < base.rows - 1)
                break;
            firstOutside = y;
        }
        if (firstOutside < kOutH) {
            cv::Mat ext = photo.rowRange(firstOutside, kOutH);
            cv::blur(ext, ext, cv::Size(31, 1), cv::Point(-1, -1), cv::BORDER_REPLICATE);
        }
    }

    // Matte: warp the small mask straight to the output (bilinear = soft upsampling), then feather.
    cv::Mat fgF;
    fgSmall.convertTo(fgF, CV_32F, 1.0 / 255);
    const double k = s / segScale;
    const cv::Point2f midSeg = midS;
    cv::Mat Ms = cv::getRotationMatrix2D(midSeg, angle, k);
    Ms.at<double>(0, 2) += kOutW / 2.0 - midSeg.x;
    Ms.at<double>(1, 2) += opt.eyeLineY - midSeg.y;
    cv::Mat alpha;
    cv::warpAffine(fgF, alpha, Ms, cv::Size(kOutW, kOutH), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    cv::GaussianBlur(alpha, alpha, cv::Size(0, 0), 1.6);

    const QColor c = opt.background.isValid() ? opt.background : QColor(100, 197, 255);
    const cv::Mat bgImage(photo.size(), CV_8UC3, cv::Scalar(c.blue(), c.green(), c.red()));
    out->bgr = composite(photo, alpha, bgImage);
    out->alpha = alpha;
    out->leftEye = cv::Point2f(float(kOutW / 2.0 - s * ipd / 2), float(opt.eyeLineY));
    out->rightEye = cv::Point2f(float(kOutW / 2.0 + s * ipd / 2), float(opt.eyeLineY));
    out->interPupil = s * ipd;
    out->hairTop = cvRound(opt.eyeLineY - eyeToTop * s);
    return true;
}

} // namespace detail

QByteArray producePhoto(const QByteArray &portraitBytes, QPointF leftPupil, QPointF rightPupil,
                        const ProduceOptions &opt, QString *error)
{
    detail::Produced p;
    if (!detail::produce(portraitBytes, leftPupil, rightPupil, opt, &p, error))
        return {};
    const QByteArray jpeg = detail::encode(p.bgr, opt, std::clamp(opt.jpegQuality, 1, 100));
    if (jpeg.isEmpty())
        setError(error, QStringLiteral("JPEG encoding failed"));
    return jpeg;
}

QImage produceImage(const QByteArray &portraitBytes, QPointF leftPupil, QPointF rightPupil,
                    const ProduceOptions &opt, QString *error)
{
    detail::Produced p;
    if (!detail::produce(portraitBytes, leftPupil, rightPupil, opt, &p, error))
        return {};
    return cvw::toQImage(p.bgr);
}

bool readTemPupils(const QString &temPath, QPointF *left, QPointF *right)
{
    QFile f(temPath);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return false;
    QTextStream in(&f);
    bool ok = false;
    const int count = in.readLine().trimmed().toInt(&ok);
    if (!ok || count < 2)
        return false;
    QPointF pts[2];
    for (QPointF &p : pts) {
        const QStringList xy = in.readLine().split(QLatin1Char('\t'), Qt::SkipEmptyParts);
        if (xy.size() < 2)
            return false;
        bool okx = false, oky = false;
        p = QPointF(xy[0].trimmed().toDouble(&okx), xy[1].trimmed().toDouble(&oky));
        if (!okx || !oky)
            return false;
    }
    if (left)
        *left = pts[0];
    if (right)
        *right = pts[1];
    return true;
}

} // namespace tucai::checks
