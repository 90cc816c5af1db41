// The one translation unit that includes dlib: the 68-point shape predictor behind landmarks.h.
#include "landmarks.h"

#include "util/data_paths.h"

#include <dlib/image_processing/shape_predictor.h>
#include <dlib/serialize.h>

#include <algorithm>
#include <cmath>
#include <istream>
#include <streambuf>

namespace tucai::checks::detail {
namespace {

// Reads the model's bytes in place (the file is 100 MB: no second copy in a std::string).
class MemoryBuffer final : public std::streambuf
{
public:
    MemoryBuffer(const char *data, size_t size)
    {
        char *p = const_cast<char *>(data);
        setg(p, p, p + size);
    }
};

struct Model
{
    dlib::shape_predictor predictor;
    bool ok = false;
    QString error;

    Model()
    {
        // Read through Qt (found relative to the executable; any path, any characters) and
        // deserialized from memory: dlib never opens a file.
        QString why;
        const QByteArray bytes = readDataFile(QStringLiteral("dlib/shape_predictor_68_face_landmarks.dat"), &why);
        if (bytes.isEmpty()) {
            error = QStringLiteral("landmark model not found (%1)").arg(why);
            return;
        }
        try {
            MemoryBuffer buf(bytes.constData(), size_t(bytes.size()));
            std::istream in(&buf);
            dlib::deserialize(predictor, in);
            ok = predictor.num_parts() == lm::kCount;
            if (!ok)
                error = QStringLiteral("landmark model has %1 points, not 68").arg(predictor.num_parts());
        } catch (const std::exception &e) {
            error = QStringLiteral("landmark model cannot be read: %1").arg(QString::fromLocal8Bit(e.what()).left(200));
        }
    }
};

const Model &model()
{
    // A function-local static: initialised once, thread-safely, on first use; read-only afterwards
    // (dlib documents the predictor as usable from several threads at once). Not thread_local.
    static const Model m;
    return m;
}

// The predictor was trained on the boxes of dlib's HOG face detector; the Haar boxes of fitFace sit
// a little differently. Measured on the compliant photos of the tune half (both detectors on the
// same photos, medians of 25 people): the dlib box's centre is 0.8% of the Haar box's width right
// and 5% of its height lower, and the box is 0.83 as wide.
constexpr double kBoxDx = 0.008, kBoxDy = 0.05, kBoxScale = 0.83;

} // namespace

cv::Point2f Landmarks::mean(int first, int count) const
{
    cv::Point2f s(0, 0);
    for (int i = first; i < first + count; ++i)
        s += pts[size_t(i)];
    return s * (1.0f / float(count));
}

bool landmarkModelAvailable(QString *error)
{
    const Model &m = model();
    if (!m.ok && error)
        *error = m.error;
    return m.ok;
}

Landmarks fitLandmarks(const cv::Mat &grey, const cv::Rect &faceBox)
{
    Landmarks out;
    const Model &m = model();
    if (!m.ok) {
        out.why = m.error;
        return out;
    }
    if (grey.empty() || grey.type() != CV_8UC1 || faceBox.width < 24 || faceBox.height < 24) {
        out.why = QStringLiteral("face too small for landmarks");
        return out;
    }
    // The box the predictor expects, then the region around it (the jaw and chin reach below the box)
    // scaled so that the face is kFitWidth px wide, whatever the photo's size. The predictor's cost
    // hardly depends on the resolution (it reads a fixed number of single pixels: measured 5.7-7.2 ms
    // for faces 100-320 px wide); a fixed width makes the points' rounding (dlib returns whole
    // pixels) the same for small and large photos. Small faces (Yale: 60 px) are enlarged.
    const double bw = faceBox.width * kBoxScale, bh = faceBox.height * kBoxScale;
    const double bx = faceBox.x + faceBox.width * (0.5 + kBoxDx) - bw / 2, by = faceBox.y + faceBox.height * (0.5 + kBoxDy) - bh / 2;
    const cv::Rect region = cv::Rect(int(std::floor(bx - 0.25 * bw)), int(std::floor(by - 0.25 * bh)), int(std::ceil(1.5 * bw)),
                                     int(std::ceil(1.5 * bh)))
                            & cv::Rect(0, 0, grey.cols, grey.rows);
    if (region.width < 24 || region.height < 24) {
        out.why = QStringLiteral("face outside the photo");
        return out;
    }
    const double s = kFitWidth / bw;
    cv::Mat small;
    cv::resize(grey(region), small, cv::Size(), s, s, s < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
    dlib::array2d<unsigned char> img(small.rows, small.cols);
    for (int y = 0; y < small.rows; ++y)
        std::copy_n(small.ptr<unsigned char>(y), small.cols, &img[y][0]);
    const auto toSmall = [&](double v, int origin) { return long(std::lround((v - origin) * s)); };
    const dlib::rectangle box(toSmall(bx, region.x), toSmall(by, region.y), toSmall(bx + bw, region.x), toSmall(by + bh, region.y));
    dlib::full_object_detection shape;
    try {
        shape = m.predictor(img, box);
    } catch (const std::exception &e) {
        out.why = QStringLiteral("landmarks failed: %1").arg(QString::fromLocal8Bit(e.what()).left(200));
        return out;
    }
    if (shape.num_parts() != size_t(lm::kCount)) {
        out.why = QStringLiteral("landmarks failed");
        return out;
    }
    for (int i = 0; i < lm::kCount; ++i) {
        const dlib::point p = shape.part(unsigned(i));
        out.pts[size_t(i)] = cv::Point2f(float(region.x + (p.x() + 0.5) / s - 0.5), float(region.y + (p.y() + 0.5) / s - 0.5));
    }
    // Plausibility: the predictor always returns a shape, even on a hand or a wall. The eyes must lie
    // inside the box, level-ish and a sane distance apart, with the mouth below them.
    const cv::Point2f le = out.mean(lm::kLeftEyeFirst, 6), re = out.mean(lm::kRightEyeFirst, 6);
    const cv::Point2f mouth = (out[lm::kMouthLeft] + out[lm::kMouthRight]) * 0.5f;
    const double ipd = cv::norm(re - le);
    const cv::Rect2f b{float(bx), float(by), float(bw), float(bh)};
    const bool inside = b.contains(le) && b.contains(re);
    if (!inside || ipd < 0.2 * bw || ipd > 0.7 * bw || re.x <= le.x || mouth.y < std::max(le.y, re.y) + 0.4 * ipd) {
        out.why = QStringLiteral("landmarks do not form a face");
        return out;
    }
    out.valid = true;
    return out;
}

} // namespace tucai::checks::detail
