// The one translation unit that includes dlib: the 68-point shape predictor behind landmarks.h.
#include "landmarks.h"

#include "util/data_paths.h"
#include "util/platform.h"

#include <dlib/image_processing/shape_predictor.h>
#include <dlib/serialize.h>

#include <QFile>

#include <algorithm>

#if defined(__SSE2__) || defined(_M_X64)
#include <emmintrin.h>
#endif
#include <bit>
#include <cmath>
#include <istream>
#include <limits>
#include <stdexcept>
#include <streambuf>
#include <type_traits>

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

// shape += leaf, element by element. Four at a time where SSE2 is there (every x86-64 CPU): each
// element gets the same single IEEE addition as in the plain loop, so the sums are identical; the
// compiler does not vectorise the plain loop at -O2 (its length is only known at run time).
inline void addLeaf(float *out, const float *leaf, size_t n)
{
    size_t k = 0;
#if defined(__SSE2__) || defined(_M_X64)
    for (; k + 4 <= n; k += 4)
        _mm_storeu_ps(out + k, _mm_add_ps(_mm_loadu_ps(out + k), _mm_loadu_ps(leaf + k)));
#endif
    for (; k < n; ++k)
        out[k] += leaf[k];
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
    const float *leaves = nullptr; // trees x leavesPerTree x dims, inside Model::leafBlock
    std::vector<unsigned long> anchor;
    std::vector<dlib::vector<float, 2>> deltas;
};

// dlib's binary serialization, read straight from the file's bytes into the flat arrays (no stream,
// no tree objects, no second copy of the 100 MB): dlib's own deserialize took ~1 s, most of it
// copying and one heap block per leaf. Same format and the same conversions as dlib's
// (serialize.h, float_details.h): an integer is a control byte (bit 7: negative; low 4 bits: byte
// count 1-8) and that many bytes, least significant first; a float is two integers, a 64-bit
// mantissa and a 16-bit exponent, value = ldexp(float(mantissa), exponent), with three reserved
// exponents for infinities and NaN; a std::vector is its size, then its elements; a column matrix
// is its rows and columns (negated in the current format), then its elements.
class ModelReader
{
public:
    ModelReader(const uchar *data, qint64 size) : m_p(data), m_end(data + size) {}

    template <typename T>
    T integer()
    {
        static_assert(std::is_integral_v<T> && sizeof(T) <= 8);
        if (m_p >= m_end)
            fail("the file ends early");
        const uchar control = *m_p++;
        const bool negative = control & 0x80;
        const int size = control & 0x0F;
        // The three reserved bits are ignored for unsigned integers and must be clear for signed ones;
        // an unsigned integer cannot be negative (as dlib checks).
        if (size == 0 || size > int(sizeof(T)) || (std::is_signed_v<T> && (control & 0x70)) || (!std::is_signed_v<T> && negative))
            fail("a malformed integer");
        if (m_end - m_p < size)
            fail("the file ends early");
        quint64 v = 0;
        for (int i = size - 1; i >= 0; --i)
            v = (v << 8) | m_p[i];
        m_p += size;
        if constexpr (std::is_signed_v<T>)
            return negative ? T(-qint64(v)) : T(qint64(v));
        else
            return T(v);
    }

    float real()
    {
        // dlib's older text format for floats starts with a byte that has one of bits 4-6 set.
        if (m_p < m_end && (*m_p & 0x70))
            fail("floats in dlib's old text format");
        const qint64 mantissa = integer<qint64>();
        const qint16 exponent = integer<qint16>();
        if (exponent < kInf) {
            // ldexp rounds the exact product once; so does a float multiplication by 2^exponent
            // while that power is a normal float: the same value without a library call for each
            // of the model's 17 million floats (a third of the loading time).
            if (exponent >= -126 && exponent <= 127)
                return float(mantissa) * std::bit_cast<float>(quint32(exponent + 127) << 23);
            return std::ldexp(float(mantissa), exponent);
        }
        if (exponent == kInf)
            return std::numeric_limits<float>::infinity();
        if (exponent == kInf + 1)
            return -std::numeric_limits<float>::infinity();
        return std::numeric_limits<float>::quiet_NaN();
    }

    // A count of elements that must each take at least one byte of what is left.
    unsigned long count(unsigned long limit)
    {
        const unsigned long n = integer<unsigned long>();
        if (n > limit || qint64(n) > m_end - m_p)
            fail("an implausible element count");
        return n;
    }

    // The size of a column matrix of floats; its elements follow (floats()).
    long columnSize()
    {
        long rows = integer<long>(), cols = integer<long>();
        rows = std::abs(rows);
        cols = std::abs(cols);
        if (cols != 1 || rows > m_end - m_p)
            fail("a malformed vector");
        return rows;
    }

    void floats(float *out, long n)
    {
        for (long i = 0; i < n; ++i)
            out[i] = real();
    }

    // Every float takes at least 4 bytes here (two integers of at least 2 bytes each).
    size_t maxFloatsLeft() const { return size_t(m_end - m_p) / 4; }

    [[noreturn]] static void fail(const char *what) { throw std::runtime_error(what); }

private:
    static constexpr qint16 kInf = 32000;
    const uchar *m_p;
    const uchar *m_end;
};

// The leaves of all levels in one block from platform::allocateLarge (2 MB aligned, huge pages
// where the system gives them). predict() reads one 544-byte leaf per tree at random over 65 MB:
// with 4 KB pages nearly every leaf also missed the TLB.
class LeafBlock
{
public:
    LeafBlock() = default;
    LeafBlock(const LeafBlock &) = delete;
    LeafBlock &operator=(const LeafBlock &) = delete;
    ~LeafBlock() { platform::freeLarge(m_data, m_bytes); }

    float *allocate(size_t floats)
    {
        platform::freeLarge(m_data, m_bytes);
        m_bytes = floats * sizeof(float);
        m_data = static_cast<float *>(platform::allocateLarge(m_bytes));
        return m_data;
    }

private:
    float *m_data = nullptr;
    size_t m_bytes = 0;
};

struct Model
{
    dlib::matrix<float, 0, 1> initial;
    std::vector<Level> levels;
    LeafBlock leafBlock;
    long dims = 0;
    bool ok = false;
    QString error;

    Model()
    {
        // Found relative to the executable (any path, any characters) and read through Qt, mapped
        // into memory where the platform allows it: dlib never opens a file.
        const QString path = findDataFile(QStringLiteral("dlib/shape_predictor_68_face_landmarks.dat"));
        if (path.isEmpty()) {
            error = QStringLiteral("landmark model not found (data file dlib/shape_predictor_68_face_landmarks.dat not in %1)")
                        .arg(dataDirs().join(QStringLiteral(", ")));
            return;
        }
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            error = QStringLiteral("landmark model cannot be read: %1").arg(file.errorString());
            return;
        }
        QByteArray copy;   // only where the file cannot be mapped
        qint64 size = file.size();
        const uchar *data = size > 0 ? file.map(0, size) : nullptr;
        if (!data) {
            copy = file.readAll();
            data = reinterpret_cast<const uchar *>(copy.constData());
            size = copy.size();
        }
        try {
            ModelReader in(data, size);
            read(in);
        } catch (const std::exception &e) {
            levels.clear();
            ok = false;
            error = QStringLiteral("landmark model cannot be read: %1").arg(QString::fromLocal8Bit(e.what()).left(200));
        }
    }   // `file` unmaps the bytes when it closes

    // The members of a serialized dlib::shape_predictor (version 1), in its order: the initial shape,
    // the forests (one per cascade level), each level's feature pixels' anchor points and offsets.
    void read(ModelReader &in)
    {
        if (in.integer<int>() != 1)
            ModelReader::fail("unexpected shape_predictor version");
        dims = in.columnSize();
        initial.set_size(dims);
        if (dims > 0)
            in.floats(&initial(0), dims);
        if (dims != 2 * lm::kCount) {
            error = QStringLiteral("landmark model has %1 points, not 68").arg(dims / 2);
            return;
        }
        const unsigned long nLevels = in.count(1000);
        if (nLevels == 0)
            ModelReader::fail("no cascade levels");
        levels.resize(nLevels);
        // The leaves are read straight into the one block. Their total is known only at the end,
        // but the rest of the file bounds it (maxFloatsLeft): the block is that large, and its pages
        // never written (a third) are never backed by memory. Reading them into vectors first cost
        // more than the parsing: a fault and a zeroed page per 4 KB, then a copy.
        const size_t room = in.maxFloatsLeft();
        float *next = leafBlock.allocate(room);
        if (!next)
            ModelReader::fail("out of memory for the leaves");
        const float *const end = next + room;
        for (Level &level : levels) {
            level.leaves = next;
            const unsigned long trees = in.count(100000);
            if (trees == 0)
                ModelReader::fail("empty cascade level");
            level.trees = int(trees);
            for (unsigned long t = 0; t < trees; ++t) {
                const unsigned long splits = in.count(1 << 16);
                if (t == 0) {
                    level.splitsPerTree = int(splits);
                    level.leavesPerTree = int(splits) + 1;
                    level.splits.reserve(trees * splits);
                } else if (int(splits) != level.splitsPerTree) {
                    ModelReader::fail("trees of one level differ in size");
                }
                for (unsigned long i = 0; i < splits; ++i) {
                    const auto a = in.integer<unsigned long>(), b = in.integer<unsigned long>();
                    if (a > 0xFFFFFFFFul || b > 0xFFFFFFFFul)
                        ModelReader::fail("split on a missing feature");
                    level.splits.push_back({quint32(a), quint32(b), in.real()});
                }
                if (in.count(1 << 16) != unsigned(level.leavesPerTree))
                    ModelReader::fail("leaves do not match the splits");
                for (int l = 0; l < level.leavesPerTree; ++l) {
                    if (in.columnSize() != dims)
                        ModelReader::fail("leaf of the wrong size");
                    if (end - next < dims)
                        ModelReader::fail("a malformed vector");
                    in.floats(next, dims);
                    next += dims;
                }
            }
        }
        if (in.count(1000) != nLevels)
            ModelReader::fail("feature pixels do not match the cascade levels");
        for (Level &level : levels) {
            level.anchor.resize(in.count(1 << 20));
            for (unsigned long &a : level.anchor) {
                a = in.integer<unsigned long>();
                if (a >= unsigned(lm::kCount))
                    ModelReader::fail("feature anchored to a missing point");
            }
        }
        if (in.count(1000) != nLevels)
            ModelReader::fail("feature pixels do not match the cascade levels");
        for (Level &level : levels) {
            level.deltas.resize(in.count(1 << 20));
            if (level.deltas.size() != level.anchor.size())
                ModelReader::fail("feature pixel lists differ in size");
            for (dlib::vector<float, 2> &d : level.deltas) {
                d.x() = in.real();
                d.y() = in.real();
            }
            for (const Split &f : level.splits)
                if (f.a >= level.anchor.size() || f.b >= level.anchor.size())
                    ModelReader::fail("split on a missing feature");
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
                return level.leaves + (size_t(t) * size_t(level.leavesPerTree) + size_t(leafOf[size_t(t)])) * leafFloats;
            };
            // The leaves are 4 MB spread over the 65 MB of leaf data (one leaf per tree): fetching
            // them, not adding them, is the cost, so the memory reads are requested a few trees ahead.
            constexpr int kAhead = 8;
            for (int t = 0; t < std::min(kAhead, level.trees); ++t)
                prefetch(leafAt(t), leafFloats);
            for (int t = 0; t < level.trees; ++t) {
                if (t + kAhead < level.trees)
                    prefetch(leafAt(t + kAhead), leafFloats);
                addLeaf(out, leafAt(t), leafFloats);
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
