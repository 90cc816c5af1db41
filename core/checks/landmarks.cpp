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

// dlib's shape_predictor, evaluated by our own loop over a flat copy of its trees. dlib keeps every
// leaf (136 floats) in a separate heap block and adds it to the shape through its BLAS binding
// (cblas_saxpy: one library call per tree, 7,500 per face), which made the predictor cost ~6 ms.
// Here each cascade level's splits and leaves are contiguous, the 500 trees of a level are walked
// first and their leaves summed in a plain loop, in the same order: the same float additions
// (x + 1*y == x + y), so the same points as dlib::shape_predictor (test `landmarksMatchDlib`).
// The features are read by dlib's own impl::extract_feature_pixel_values.
// A hint to the CPU to start reading these bytes into its cache (no effect on the result).
inline void prefetch(const float *p, size_t n)
{
#if defined(__GNUC__) || defined(__clang__)
    const char *c = reinterpret_cast<const char *>(p);
    for (size_t off = 0; off < n * sizeof(float); off += 64)
        __builtin_prefetch(c + off);
#else
    Q_UNUSED(p);
    Q_UNUSED(n);
#endif
}

struct Split
{
    quint32 a, b;   // indices into the level's feature pixel values
    float thresh;
};

struct Level
{
    int trees = 0, splitsPerTree = 0, leavesPerTree = 0;
    std::vector<Split> splits;     // trees x splitsPerTree
    std::vector<float> leaves;     // trees x leavesPerTree x dims
    std::vector<unsigned long> anchor;
    std::vector<dlib::vector<float, 2>> deltas;
};

struct Model
{
    dlib::matrix<float, 0, 1> initial;
    std::vector<Level> levels;
    long dims = 0;
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
            read(in);
        } catch (const std::exception &e) {
            levels.clear();
            error = QStringLiteral("landmark model cannot be read: %1").arg(QString::fromLocal8Bit(e.what()).left(200));
        }
    }

    // The members of a serialized dlib::shape_predictor (version 1), in its order, each read by
    // dlib's own deserialize; the forests one cascade level at a time (a std::vector is stored as
    // its size, then its elements), so that only one level exists twice while flattening.
    void read(std::istream &in)
    {
        int version = 0;
        dlib::deserialize(version, in);
        if (version != 1)
            throw dlib::serialization_error("unexpected shape_predictor version");
        dlib::deserialize(initial, in);
        dims = initial.size();
        if (dims != 2 * lm::kCount) {
            error = QStringLiteral("landmark model has %1 points, not 68").arg(dims / 2);
            return;
        }
        unsigned long nLevels = 0;
        dlib::deserialize(nLevels, in);
        if (nLevels == 0 || nLevels > 1000)
            throw dlib::serialization_error("implausible number of cascade levels");
        levels.resize(nLevels);
        for (Level &level : levels) {
            std::vector<dlib::impl::regression_tree> trees;
            dlib::deserialize(trees, in);
            if (trees.empty())
                throw dlib::serialization_error("empty cascade level");
            level.trees = int(trees.size());
            level.splitsPerTree = int(trees.front().splits.size());
            level.leavesPerTree = int(trees.front().leaf_values.size());
            level.splits.reserve(size_t(level.trees) * size_t(level.splitsPerTree));
            level.leaves.reserve(size_t(level.trees) * size_t(level.leavesPerTree) * size_t(dims));
            for (const dlib::impl::regression_tree &t : trees) {
                if (int(t.splits.size()) != level.splitsPerTree || int(t.leaf_values.size()) != level.leavesPerTree
                    || level.leavesPerTree != level.splitsPerTree + 1)
                    throw dlib::serialization_error("trees of one level differ in size");
                for (const dlib::impl::split_feature &f : t.splits)
                    level.splits.push_back({quint32(f.idx1), quint32(f.idx2), f.thresh});
                for (const dlib::matrix<float, 0, 1> &leaf : t.leaf_values) {
                    if (leaf.size() != dims)
                        throw dlib::serialization_error("leaf of the wrong size");
                    level.leaves.insert(level.leaves.end(), &leaf(0), &leaf(0) + dims);
                }
            }
        }
        std::vector<std::vector<unsigned long>> anchors;
        std::vector<std::vector<dlib::vector<float, 2>>> deltas;
        dlib::deserialize(anchors, in);
        dlib::deserialize(deltas, in);
        if (anchors.size() != nLevels || deltas.size() != nLevels)
            throw dlib::serialization_error("feature pixels do not match the cascade levels");
        for (size_t i = 0; i < nLevels; ++i) {
            Level &level = levels[i];
            level.anchor = std::move(anchors[i]);
            level.deltas = std::move(deltas[i]);
            if (level.anchor.size() != level.deltas.size())
                throw dlib::serialization_error("feature pixel lists differ in size");
            for (const unsigned long a : level.anchor)
                if (a >= unsigned(lm::kCount))
                    throw dlib::serialization_error("feature anchored to a missing point");
            for (const Split &f : level.splits)
                if (f.a >= level.anchor.size() || f.b >= level.anchor.size())
                    throw dlib::serialization_error("split on a missing feature");
        }
        ok = true;
    }

    // dlib::shape_predictor::operator(), same arithmetic.
    template <typename Image>
    std::vector<dlib::point> predict(const Image &img, const dlib::rectangle &rect) const
    {
        dlib::matrix<float, 0, 1> shape = initial;
        std::vector<float> features;
        std::vector<int> leafOf;
        for (const Level &level : levels) {
            dlib::impl::extract_feature_pixel_values(img, rect, shape, initial, level.anchor, level.deltas, features);
            leafOf.resize(size_t(level.trees));
            const int ns = level.splitsPerTree;
            for (int t = 0; t < level.trees; ++t) {
                const Split *sp = level.splits.data() + size_t(t) * size_t(ns);
                int i = 0;
                while (i < ns) {
                    const Split &f = sp[i];
                    i = features[f.a] - features[f.b] > f.thresh ? 2 * i + 1 : 2 * i + 2;
                }
                leafOf[size_t(t)] = i - ns;
            }
            float *out = &shape(0);
            const size_t leafFloats = size_t(dims);
            const auto leafAt = [&](int t) {
                return level.leaves.data() + (size_t(t) * size_t(level.leavesPerTree) + size_t(leafOf[size_t(t)])) * leafFloats;
            };
            // The leaves are 4 MB spread over the 65 MB of leaf data (one leaf per tree): fetching
            // them, not adding them, is the cost, so the memory reads are requested a few trees ahead.
            constexpr int kAhead = 8;
            for (int t = 0; t < std::min(kAhead, level.trees); ++t)
                prefetch(leafAt(t), leafFloats);
            for (int t = 0; t < level.trees; ++t) {
                if (t + kAhead < level.trees)
                    prefetch(leafAt(t + kAhead), leafFloats);
                const float *leaf = leafAt(t);
                for (size_t k = 0; k < leafFloats; ++k)
                    out[k] += leaf[k];
            }
        }
        const dlib::point_transform_affine toImage = dlib::impl::unnormalizing_tform(rect);
        std::vector<dlib::point> parts(size_t(dims / 2));
        for (size_t i = 0; i < parts.size(); ++i)
            parts[i] = toImage(dlib::impl::location(shape, i));
        return parts;
    }
};

const Model &model()
{
    // A function-local static: initialised once, thread-safely, on first use; read-only afterwards
    // (predict() is const and keeps its state on its stack), shared by every thread. Not thread_local.
    static const Model m;
    return m;
}

// dlib's own predictor on the same model, for the test that compares the two (loaded on first use).
struct DlibModel
{
    dlib::shape_predictor predictor;
    bool ok = false;

    DlibModel()
    {
        QString why;
        const QByteArray bytes = readDataFile(QStringLiteral("dlib/shape_predictor_68_face_landmarks.dat"), &why);
        if (bytes.isEmpty())
            return;
        try {
            MemoryBuffer buf(bytes.constData(), size_t(bytes.size()));
            std::istream in(&buf);
            dlib::deserialize(predictor, in);
            ok = predictor.num_parts() == lm::kCount;
        } catch (const std::exception &) {
        }
    }
};

// The predictor was trained on the boxes of dlib's HOG face detector; the Haar boxes of detectFaces sit
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

namespace {

template <typename Predict>
Landmarks fitWith(const cv::Mat &grey, const cv::Rect &faceBox, const Predict &predict)
{
    Landmarks out;
    if (grey.empty() || grey.type() != CV_8UC1 || faceBox.width < 24 || faceBox.height < 24) {
        out.why = QStringLiteral("face too small for landmarks");
        return out;
    }
    // The box the predictor expects, then the region around it (the jaw and chin reach below the box)
    // scaled so that the face is kFitWidth px wide, whatever the photo's size. The predictor's cost
    // hardly depends on the resolution (it reads a fixed number of single pixels: dlib's own
    // predictor measured 5.7-7.2 ms for faces 100-320 px wide); a fixed width makes the points' rounding (dlib returns whole
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
    std::vector<dlib::point> shape;
    try {
        shape = predict(img, box);
    } catch (const std::exception &e) {
        out.why = QStringLiteral("landmarks failed: %1").arg(QString::fromLocal8Bit(e.what()).left(200));
        return out;
    }
    if (shape.size() != size_t(lm::kCount)) {
        out.why = QStringLiteral("landmarks failed");
        return out;
    }
    for (int i = 0; i < lm::kCount; ++i) {
        const dlib::point p = shape[size_t(i)];
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

} // namespace

Landmarks fitLandmarks(const cv::Mat &grey, const cv::Rect &faceBox)
{
    const Model &m = model();
    if (!m.ok) {
        Landmarks out;
        out.why = m.error;
        return out;
    }
    return fitWith(grey, faceBox, [&m](const dlib::array2d<unsigned char> &img, const dlib::rectangle &box) { return m.predict(img, box); });
}

Landmarks fitLandmarksWithDlib(const cv::Mat &grey, const cv::Rect &faceBox)
{
    static const DlibModel m;
    if (!m.ok) {
        Landmarks out;
        out.why = QStringLiteral("landmark model not available");
        return out;
    }
    return fitWith(grey, faceBox, [](const dlib::array2d<unsigned char> &img, const dlib::rectangle &box) {
        const dlib::full_object_detection d = m.predictor(img, box);
        std::vector<dlib::point> parts(d.num_parts());
        for (unsigned long i = 0; i < d.num_parts(); ++i)
            parts[i] = d.part(i);
        return parts;
    });
}

} // namespace tucai::checks::detail
