#include "face.h"

#include "util/data_paths.h"

#include <opencv2/core/persistence.hpp>
#include <opencv2/objdetect.hpp>

#include <QThreadStorage>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace tucai::checks::detail {
namespace {

struct Cascades
{
    cv::CascadeClassifier alt2, def, lbp, eye, eyeGlasses;
    bool ok = false;
    QString error;

    Cascades()
    {
        // Read through Qt and parsed from memory: OpenCV never opens a path (it cannot open
        // non-ASCII paths on Windows), and the files are found relative to the executable.
        auto load = [this](cv::CascadeClassifier &c, const char *sub, const char *name) {
            const QString rel = QLatin1String(sub) + QLatin1Char('/') + QLatin1String(name);
            QString why;
            const QByteArray xml = readDataFile(rel, &why);
            if (xml.isEmpty()) {
                error = QStringLiteral("OpenCV cascade %1 not found (%2)").arg(QLatin1String(name), why);
                return false;
            }
            try {
                cv::FileStorage fs(xml.toStdString(), cv::FileStorage::READ | cv::FileStorage::MEMORY);
                if (fs.isOpened() && c.read(fs.getFirstTopLevelNode()) && !c.empty())
                    return true;
            } catch (const cv::Exception &) {
            }
            error = QStringLiteral("OpenCV cascade %1 cannot be parsed").arg(QLatin1String(name));
            return false;
        };
        ok = load(alt2, "haarcascades", "haarcascade_frontalface_alt2.xml")
             && load(def, "haarcascades", "haarcascade_frontalface_default.xml")
             && load(lbp, "lbpcascades", "lbpcascade_frontalface_improved.xml")
             && load(eye, "haarcascades", "haarcascade_eye.xml")
             && load(eyeGlasses, "haarcascades", "haarcascade_eye_tree_eyeglasses.xml");
    }
};

Cascades &cascades()
{
    // QThreadStorage, not thread_local: see db/database.cpp (MinGW-w64 thread_local destructors).
    static QThreadStorage<Cascades> perThread;
    return perThread.localData();
}

double iou(const cv::Rect &a, const cv::Rect &b)
{
    const double i = (a & b).area();
    return i / double(a.area() + b.area() - i);
}

// The weighted centre of the pixels of `roi` at or under `cut` (weight: how far under, plus one)
// within `window` and, when `mask` is given, inside it, in the coordinates of the image `roi` was cut
// from at `origin`. False when there are none.
bool centreUnder(const cv::Mat &roi, double cut, const cv::Rect &window, const cv::Mat &mask, cv::Point origin, cv::Point2f *centre)
{
    double sx = 0, sy = 0, sw = 0;
    for (int y = window.y; y < window.y + window.height; ++y)
        for (int x = window.x; x < window.x + window.width; ++x) {
            const double v = roi.at<uchar>(y, x);
            if ((mask.empty() || mask.at<uchar>(y, x)) && v <= cut) {
                const double w = cut - v + 1;
                sx += w * x;
                sy += w * y;
                sw += w;
            }
        }
    if (sw <= 0)
        return false;
    *centre = cv::Point2f(float(origin.x + sx / sw), float(origin.y + sy / sw));
    return true;
}

// Darkest blob centre (the iris/pupil) inside a region: blurred minimum, then the centroid of the
// darkest pixels near it, which is steadier than a single minimum.
cv::Point2f darkCentre(const cv::Mat &grey, cv::Rect r)
{
    r &= cv::Rect(0, 0, grey.cols, grey.rows);
    if (r.width < 4 || r.height < 4)
        return cv::Point2f(float(r.x + r.width / 2.0), float(r.y + r.height / 2.0));
    cv::Mat roi;
    const int k = std::max(3, (r.width / 6) | 1);
    cv::GaussianBlur(grey(r), roi, cv::Size(k, k), 0);
    double minV = 0, maxV = 0;
    cv::Point minP;
    cv::minMaxLoc(roi, &minV, &maxV, &minP);
    const int rad = std::max(2, r.width / 5);
    const cv::Rect near = cv::Rect(minP.x - rad, minP.y - rad, 2 * rad + 1, 2 * rad + 1) & cv::Rect(0, 0, roi.cols, roi.rows);
    cv::Point2f c;
    if (!centreUnder(roi, minV + (maxV - minV) * 0.15, near, cv::Mat(), r.tl(), &c))
        return cv::Point2f(float(r.x + minP.x), float(r.y + minP.y));
    return c;
}

// The iris inside an eye contour (six landmarks from `first`): the darkest pixels of the blurred eye
// within the contour, their weighted centre. Falls back to the contour's centre `ctr` when the eye
// is too small or shows nothing dark (a closed eye).
cv::Point2f darkCentreInside(const cv::Mat &grey, const Landmarks &marks, int first, cv::Point2f ctr)
{
    std::vector<cv::Point> poly;
    for (int i = first; i < first + 6; ++i)
        poly.emplace_back(int(std::lround(marks[i].x)), int(std::lround(marks[i].y)));
    const cv::Rect r = cv::boundingRect(poly) & cv::Rect(0, 0, grey.cols, grey.rows);
    if (r.width < 6 || r.height < 3)
        return ctr;
    cv::Mat mask = cv::Mat::zeros(r.size(), CV_8U);
    for (cv::Point &p : poly)
        p -= r.tl();
    cv::fillConvexPoly(mask, poly, cv::Scalar(255));
    cv::Mat roi;
    const int k = std::max(3, (r.width / 8) | 1);
    cv::GaussianBlur(grey(r), roi, cv::Size(k, k), 0);
    double minV = 0, maxV = 0;
    cv::minMaxLoc(roi, &minV, &maxV, nullptr, nullptr, mask);
    cv::Point2f c;
    if (maxV - minV < 8 || !centreUnder(roi, minV + (maxV - minV) * 0.35, cv::Rect(0, 0, roi.cols, roi.rows), mask, r.tl(), &c))
        return ctr;
    return c;
}

void findEyes(const cv::Mat &grey, FaceFit &f)
{
    Cascades &c = cascades();
    const cv::Rect b = f.box;
    // The eye cascade runs at half resolution when the face is large (eyes stay >= 24 px): 4x cheaper.
    const double es = b.width >= 160 ? 0.5 : 1.0;
    const cv::Rect band = cv::Rect(b.x, b.y + int(0.18 * b.height), b.width, int(0.40 * b.height)) & cv::Rect(0, 0, grey.cols, grey.rows);
    const cv::Point2f expL(float(b.x + 0.31 * b.width), float(b.y + 0.39 * b.height));
    const cv::Point2f expR(float(b.x + 0.69 * b.width), float(b.y + 0.39 * b.height));
    std::vector<cv::Rect> eyes;
    if (band.width > 8 && band.height > 8) {
        cv::Mat roi;
        if (es < 1)
            cv::resize(grey(band), roi, cv::Size(), es, es, cv::INTER_AREA);
        else
            roi = grey(band);
        // Eye boxes are 0.19-0.27 of the face box on the FRLL photos: search up to 0.32 (each scale
        // of the eye cascade costs ~0.5 ms on this band).
        const int minE = std::max(12, int(b.width * es * 0.15));
        const int maxE = std::max(minE + 4, int(b.width * es * 0.32));
        const cv::Size minEye(minE, minE);
        const cv::Size maxEye(maxE, maxE);
        c.eye.detectMultiScale(roi, eyes, 1.2, 3, 0, minEye, maxEye);
        if (eyes.size() < 2) {
            std::vector<cv::Rect> more;
            c.eyeGlasses.detectMultiScale(roi, more, 1.1, 3, 0, minEye, maxEye);
            eyes.insert(eyes.end(), more.begin(), more.end());
        }
        for (cv::Rect &e : eyes)
            e = cv::Rect(int(e.x / es), int(e.y / es), int(e.width / es), int(e.height / es)) + band.tl();
    }
    // Pick per side the candidate closest to where an eye is expected.
    auto pick = [&](cv::Point2f expected, bool leftSide) -> EyeFit {
        EyeFit best;
        double bestD = 0.16 * b.width;
        for (const cv::Rect &e : eyes) {
            const cv::Point2f ctr(float(e.x + e.width / 2.0), float(e.y + e.height / 2.0));
            if ((ctr.x < b.x + b.width / 2.0) != leftSide)
                continue;
            const double d = std::hypot(ctr.x - expected.x, ctr.y - expected.y);
            if (d < bestD) {
                bestD = d;
                best.box = e;
                best.located = true;
            }
        }
        if (!best.located) {
            const int w = int(0.26 * b.width), h = int(0.16 * b.height);
            best.box = cv::Rect(int(expected.x - w / 2.0), int(expected.y - h / 2.0), w, h);
        }
        // The inner part of the box: the cascade box includes brows and lids.
        const cv::Rect inner(best.box.x + best.box.width / 6, best.box.y + best.box.height / 4,
                             best.box.width * 2 / 3, best.box.height / 2);
        best.centre = darkCentre(grey, inner);
        return best;
    };
    f.left = pick(expL, true);
    f.right = pick(expR, false);
}

void findMouth(const cv::Mat &bgr, FaceFit &f)
{
    const cv::Point2f mid = (f.left.centre + f.right.centre) * 0.5f;
    const double ipd = std::max(8.0, f.interPupil);
    const cv::Rect roi = cv::Rect(int(mid.x - 0.6 * ipd), int(mid.y + 0.75 * ipd), int(1.2 * ipd), int(0.75 * ipd)) & cv::Rect(0, 0, bgr.cols, bgr.rows);
    cv::Point2f m(mid.x, float(mid.y + 1.12 * ipd));
    if (roi.width > 4 && roi.height > 4) {
        // Lips are redder than the skin around them: the a* channel's row profile peaks on the lips.
        cv::Mat lab;
        cv::cvtColor(bgr(roi), lab, cv::COLOR_BGR2Lab);
        std::vector<cv::Mat> ch;
        cv::split(lab, ch);
        cv::Mat a;
        ch[1].convertTo(a, CV_32F);
        cv::Mat rowMean;
        cv::reduce(a, rowMean, 1, cv::REDUCE_AVG);
        double minV = 0, maxV = 0;
        cv::minMaxLoc(rowMean, &minV, &maxV);
        double sy = 0, sw = 0;
        for (int y = 0; y < rowMean.rows; ++y) {
            const double w = std::max(0.0, rowMean.at<float>(y) - (minV + 0.6 * (maxV - minV)));
            sy += w * y;
            sw += w;
        }
        if (sw > 0 && maxV - minV > 3)
            m.y = float(roi.y + sy / sw);
    }
    f.mouth = m;
    f.mouthBox = cv::Rect(int(m.x - 0.45 * ipd), int(m.y - 0.22 * ipd), int(0.9 * ipd), int(0.44 * ipd));
}

} // namespace

bool cascadesAvailable(QString *error)
{
    Cascades &c = cascades();
    if (!c.ok && error)
        *error = c.error;
    return c.ok;
}

namespace {

void addFace(std::vector<cv::Rect> &faces, const cv::Rect &full)
{
    for (const cv::Rect &k : faces)
        if (iou(k, full) > 0.3 || (k & full).area() > 0.6 * full.area())
            return;
    faces.push_back(full);
}

// Faces on an upright photo. `retry`: also the half-resolution pass when the fifth resolution finds
// nothing.
FaceFit detectUpright(const cv::Mat &grey, cv::CascadeClassifier &fc, bool retry)
{
    FaceFit f;
    // Faces on a produced photo are ~200 px wide: detect at a fifth of the resolution (minimum face
    // 100 px; a quarter costs 30% more for the same faces found on the FRLL fixtures).
    double s = grey.cols > 320 ? 0.2 : 1.0;
    const double sf = 1.1;
    cv::Mat small;
    if (s < 1)
        cv::resize(grey, small, cv::Size(), s, s, cv::INTER_AREA);
    else
        small = grey;
    // No histogram equalisation: on produced photos (large flat background, white shirt) it
    // stretches the wrong range and the cascade then misses small, tilted or second faces (measured:
    // x0.52 heads 26/49 -> 49/49, 15 deg roll 36/49 -> 49/49 found). It also wrote into `grey` itself
    // for photos up to 320 px wide, which the rules read afterwards.
    // The frame is padded (top and sides, edge pixels repeated: the plain background) so that a face
    // touching the edge - someone behind the student in an upper corner - still gets the detection
    // windows around it that a face needs to be accepted.
    int pad = int(std::lround(0.15 * small.cols));
    cv::copyMakeBorder(small, small, pad, 0, pad, pad, cv::BORDER_REPLICATE);
    std::vector<cv::Rect> raw;
    const int minSide = std::max(20, (small.cols - 2 * pad) / 5);
    fc.detectMultiScale(small, raw, sf, 4, 0, cv::Size(minSide, minSide));
    if (raw.empty()) {
        // Nothing found: a dark or low-contrast photo may still show its face once equalised (a
        // copy: `small` may share `grey`'s pixels when no resizing was needed).
        cv::Mat eq;
        cv::equalizeHist(small, eq);
        fc.detectMultiScale(eq, raw, sf, 4, 0, cv::Size(minSide, minSide));
    }
    auto halfImage = [&]() {
        cv::Mat half;
        cv::resize(grey, half, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
        return half;
    };
    if (raw.empty() && s < 0.5 && retry) {
        // A small head (or a second, smaller face only): look again at half resolution, faces from 48 px.
        s = 0.5;
        pad = 0;
        fc.detectMultiScale(halfImage(), raw, 1.1, 4, 0, cv::Size(24, 24));
    }
    std::sort(raw.begin(), raw.end(), [](const cv::Rect &a, const cv::Rect &b) { return a.area() > b.area(); });
    const cv::Rect frame(0, 0, grey.cols, grey.rows);
    for (const cv::Rect &r : raw) {
        const cv::Rect full = cv::Rect(int((r.x - pad) / s), int((r.y - pad) / s), int(r.width / s), int(r.height / s)) & frame;
        if (full.width > 8 && full.height > 8)
            addFace(f.faces, full);
    }
    if (f.faces.empty())
        return f;
    f.found = true;
    f.box = f.faces.front();
    return f;
}

// The eyes by the eye cascade and the mouth below them, on the main face of `f`.
void cascadeEyes(const cv::Mat &bgr, const cv::Mat &grey, FaceFit &f)
{
    findEyes(grey, f);
    f.interPupil = std::hypot(f.right.centre.x - f.left.centre.x, f.right.centre.y - f.left.centre.y);
    findMouth(bgr, f);
}

cv::CascadeClassifier &faceCascade(Cascades &c, FaceMethod method)
{
    return method == FaceMethod::LbpImproved ? c.lbp : method == FaceMethod::HaarDefault ? c.def : c.alt2;
}

QString methodName(FaceMethod method)
{
    return method == FaceMethod::LbpImproved ? QStringLiteral("lbp") : method == FaceMethod::HaarDefault ? QStringLiteral("haar-default") : QStringLiteral("haar");
}

cv::Point2f mapPoint(const cv::Mat &M, cv::Point2f p)
{
    return cv::Point2f(float(M.at<double>(0, 0) * p.x + M.at<double>(0, 1) * p.y + M.at<double>(0, 2)),
                       float(M.at<double>(1, 0) * p.x + M.at<double>(1, 1) * p.y + M.at<double>(1, 2)));
}

// A box found on the rotated photo, back on the photo: same size around the mapped centre.
cv::Rect mapBox(const cv::Mat &M, const cv::Rect &r)
{
    const cv::Point2f c = mapPoint(M, cv::Point2f(float(r.x + r.width / 2.0), float(r.y + r.height / 2.0)));
    return cv::Rect(int(std::lround(c.x - r.width / 2.0)), int(std::lround(c.y - r.height / 2.0)), r.width, r.height);
}

} // namespace

FaceFit detectFaces(const cv::Mat &grey, FaceMethod method)
{
    FaceFit f;
    Cascades &c = cascades();
    if (!c.ok)
        return f;
    f = detectUpright(grey, faceCascade(c, method), true);
    f.method = methodName(method);
    return f;
}

void eyesFromLandmarks(const cv::Mat &bgr, const cv::Mat &grey, const Landmarks &marks, FaceFit &f)
{
    if (!f.found || !marks.valid)
        return;
    // The eye contour (six points, corner to corner) places the eye; the pupil is the dark blob inside
    // the contour (the iris between the lids: lashes, brows and lid shadows outside it are not
    // searched). The box reported is a square as wide as the eye around the contour's centre.
    for (const auto &[eye, first] : {std::pair<EyeFit *, int>{&f.left, lm::kLeftEyeFirst}, {&f.right, lm::kRightEyeFirst}}) {
        const cv::Point2f ctr = marks.mean(first, 6);
        const int w = std::max(4, int(std::lround(cv::norm(marks[first + 3] - marks[first]))));
        eye->box = cv::Rect(int(std::lround(ctr.x - w / 2.0)), int(std::lround(ctr.y - w / 2.0)), w, w);
        eye->located = true;
        eye->centre = darkCentreInside(grey, marks, first, ctr);
    }
    f.interPupil = std::hypot(f.right.centre.x - f.left.centre.x, f.right.centre.y - f.left.centre.y);
    findMouth(bgr, f);
    f.method += QStringLiteral(", pupils within the landmarks' eye contours");
}

FaceFit eyesByCascade(const cv::Mat &bgr, const cv::Mat &grey, FaceFit f, FaceMethod method)
{
    Cascades &c = cascades();
    if (!c.ok)
        return f;
    cv::CascadeClassifier &fc = faceCascade(c, method);
    const QString name = methodName(method);
    if (f.found) {
        cascadeEyes(bgr, grey, f);
        if (f.left.located && f.right.located)
            return f;
    }
    // A strongly tilted head (beyond ~12 deg) is lost by the frontal cascade, or found with its eyes
    // outside the level eye band: try again on the photo turned by +-15 deg about its centre, and
    // map what is found back. With a face already found, the turned fit is taken only when it finds
    // both eyes; the faces counted stay those found upright.
    for (const double deg : {15.0, -15.0}) {
        const cv::Point2f ctr(float(grey.cols / 2.0), float(grey.rows / 2.0));
        const cv::Mat M = cv::getRotationMatrix2D(ctr, deg, 1.0);
        cv::Mat rg, rb, back;
        cv::warpAffine(grey, rg, M, grey.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
        cv::warpAffine(bgr, rb, M, bgr.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
        FaceFit r = detectUpright(rg, fc, false);
        if (!r.found)
            continue;
        cascadeEyes(rb, rg, r);
        if (f.found && !(r.left.located && r.right.located))
            continue;
        cv::invertAffineTransform(M, back);
        for (cv::Rect &b : r.faces)
            b = mapBox(back, b);
        if (f.found)
            r.faces = f.faces;
        r.box = mapBox(back, r.box);
        for (EyeFit *e : {&r.left, &r.right}) {
            e->centre = mapPoint(back, e->centre);
            e->box = mapBox(back, e->box);
        }
        r.mouth = mapPoint(back, r.mouth);
        r.mouthBox = mapBox(back, r.mouthBox);
        r.method = name + QStringLiteral(", photo turned %1 deg").arg(deg);
        return r;
    }
    return f;
}

} // namespace tucai::checks::detail
