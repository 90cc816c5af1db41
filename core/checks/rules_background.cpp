// Background and clothing rules: colour, uniformity, cut-out edge, clothing contrast and colour.
#include "engine_context.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace tucai::checks::detail {
namespace {

constexpr double kBgTolerance = 20;   // Lab units from the border colour still counted as background

cv::Vec3f medianLab(const cv::Mat &lab8, const cv::Mat &mask)
{
    // Per channel the value of rank count/2 (the upper median, as nth_element at size/2 gives),
    // from a 256-bin histogram of the 8-bit values.
    std::array<std::array<int, 256>, 3> hist{};
    int count = 0;
    for (int y = 0; y < lab8.rows; ++y) {
        const cv::Vec3b *p = lab8.ptr<cv::Vec3b>(y);
        const uchar *m = mask.empty() ? nullptr : mask.ptr<uchar>(y);
        for (int x = 0; x < lab8.cols; ++x)
            if (!m || m[x]) {
                for (int k = 0; k < 3; ++k)
                    ++hist[size_t(k)][p[x][k]];
                ++count;
            }
    }
    cv::Vec3f out(0, 128, 128);
    if (count == 0)
        return labUnits(out);
    for (int k = 0; k < 3; ++k) {
        int seen = 0, v = 0;
        while (seen + hist[size_t(k)][size_t(v)] <= count / 2)
            seen += hist[size_t(k)][size_t(v++)];
        out[k] = float(v);
    }
    return labUnits(out);
}

// 255 where an 8-bit Lab image is closer than `limit` Lab units to a colour: the same test as
// comparing a float distance image with `limit` (the distance rounded to float first), in one pass
// without that image.
cv::Mat closerThan(const cv::Mat &lab8, cv::Vec3f ref, float limit)
{
    cv::Mat close(lab8.size(), CV_8U);
    const DeltaE8 dist(ref);
    for (int y = 0; y < lab8.rows; ++y) {
        const cv::Vec3b *p = lab8.ptr<cv::Vec3b>(y);
        uchar *o = close.ptr<uchar>(y);
        for (int x = 0; x < lab8.cols; ++x)
            o[x] = float(dist(p[x])) < limit ? 255 : 0;
    }
    return close;
}

} // namespace

void prepareBackground(Context &c)
{
    cv::Mat half;
    cv::resize(c.bgr, half, cv::Size((c.bgr.cols + 1) / 2, (c.bgr.rows + 1) / 2), 0, 0, cv::INTER_AREA);
    cv::cvtColor(half, c.labHalf, cv::COLOR_BGR2Lab);
    const cv::Mat &labH = c.labHalf;
    const int W = labH.cols, H = labH.rows;
    if (W < 8 || H < 8)
        return;
    // The border above the shoulders is background on any ID photo; its median is the colour.
    cv::Mat border = cv::Mat::zeros(labH.size(), CV_8U);
    border.rowRange(0, 2).setTo(255);
    border(cv::Rect(0, 0, 2, H / 2)).setTo(255);
    border(cv::Rect(W - 2, 0, 2, H / 2)).setTo(255);
    // (Below H/2 the band has no pixels: only the upper half is scanned.)
    const cv::Vec3f ref = medianLab(labH.rowRange(0, H / 2), border.rowRange(0, H / 2));
    const cv::Mat close = closerThan(labH, ref, float(kBgTolerance));
    // Background = close pixels connected to the border band.
    cv::Mat labels;
    const int n = cv::connectedComponents(close, labels, 4);
    std::vector<uchar> keep(size_t(std::max(n, 1)), 0);
    for (int y = 0; y < H / 2; ++y) {   // the border band lies in the upper half
        const uchar *b = border.ptr<uchar>(y), *cl = close.ptr<uchar>(y);
        const int *lab = labels.ptr<int>(y);
        for (int x = 0; x < W; ++x)
            if (b[x] && cl[x])
                keep[size_t(lab[x])] = 255;
    }
    c.bgHalf.create(labH.size(), CV_8U);
    for (int y = 0; y < H; ++y) {
        const int *lab = labels.ptr<int>(y);
        uchar *out = c.bgHalf.ptr<uchar>(y);
        for (int x = 0; x < W; ++x)
            out[x] = keep[size_t(lab[x])];
    }
    const int bgCount = cv::countNonZero(c.bgHalf);
    if (bgCount < W * H / 20)
        return;   // no recognisable background: the background rules say uncertain
    cv::Mat eroded;
    cv::erode(c.bgHalf, eroded, cv::getStructuringElement(cv::MORPH_RECT, {5, 5}));
    c.bgLab = medianLab(labH, cv::countNonZero(eroded) > 100 ? eroded : c.bgHalf);
    // Person: the non-background component under the face (or the largest one). Under the face a
    // flood fill (8-connected, exact values) finds that one component without labelling the frame.
    cv::Mat notBg = ~c.bgHalf;
    if (c.face.found) {
        const cv::Point fc(std::clamp((c.face.box.x + c.face.box.width / 2) / 2, 0, W - 1),
                           std::clamp((c.face.box.y + c.face.box.height / 2) / 2, 0, H - 1));
        if (notBg.at<uchar>(fc)) {
            cv::Mat filled = cv::Mat::zeros(H + 2, W + 2, CV_8U);
            cv::floodFill(notBg, filled, fc, cv::Scalar(), nullptr, cv::Scalar(), cv::Scalar(), 8 | cv::FLOODFILL_MASK_ONLY | (255 << 8));
            c.personHalf = filled(cv::Rect(1, 1, W, H)).clone();
            c.bgReady = true;
            return;
        }
    }
    const int m = cv::connectedComponents(notBg, labels, 8);
    int personLabel = -1;   // the face, if any, lies on the background
    if (m > 1) {
        std::vector<int> area(size_t(m), 0);
        for (int y = 0; y < H; ++y) {
            const int *lab = labels.ptr<int>(y);
            for (int x = 0; x < W; ++x)
                ++area[size_t(lab[x])];
        }
        personLabel = int(std::max_element(area.begin() + 1, area.end()) - area.begin());
    }
    c.personHalf = personLabel > 0 ? (labels == personLabel) : cv::Mat::zeros(labH.size(), CV_8U);
    c.bgReady = true;
}

void runBackgroundRules(Context &c)
{
    const cv::Vec3f want = rgbToLabUnits(c.profile.background().red(), c.profile.background().green(), c.profile.background().blue());
    const QString noBg = QStringLiteral("no plain background found along the top and side edges");
    if (c.on("background.colour")) {
        const double maxDE = c.p("background.colour", "maxDeltaE", 10);
        if (!c.bgReady) {
            c.add("background.colour", RuleStatus::Fail, std::nullopt, QStringLiteral("dE<=%1").arg(maxDE), {}, noBg);
        } else {
            const double de = deltaE(c.bgLab, want);
            QList<Shape> geo;
            if (de > maxDE)
                geo.append(Shape::mask(maskPng(c.bgHalf)));
            c.add("background.colour", de <= maxDE ? RuleStatus::Pass : RuleStatus::Fail, de, QStringLiteral("dE<=%1").arg(maxDE), geo);
        }
    }
    if (c.on("background.uniform")) {
        const double maxSpread = c.p("background.uniform", "maxSpread", 7);
        const double maxBlob = c.p("background.uniform", "maxBlobFraction", 0.004);
        if (!c.bgReady) {
            c.add("background.uniform", RuleStatus::Uncertain, std::nullopt, QStringLiteral("spread<=%1").arg(maxSpread), {}, noBg);
        } else {
            const cv::Mat &labH = c.labHalf;
            // Cell means over the background: a gradient or a shadow moves some cells away from the median.
            const int cell = 16;
            std::vector<std::pair<double, cv::Rect>> cells;
            for (int y = 0; y + cell <= labH.rows; y += cell)
                for (int x = 0; x + cell <= labH.cols; x += cell) {
                    // The masked mean as cv::mean computes it: whole-number sums, times 1/count.
                    int count = 0;
                    std::array<int, 3> sum{};
                    for (int yy = y; yy < y + cell; ++yy) {
                        const uchar *m = c.bgHalf.ptr<uchar>(yy) + x;
                        const cv::Vec3b *p = labH.ptr<cv::Vec3b>(yy) + x;
                        for (int xx = 0; xx < cell; ++xx)
                            if (m[xx]) {
                                ++count;
                                for (int k = 0; k < 3; ++k)
                                    sum[size_t(k)] += p[xx][k];
                            }
                    }
                    if (count < cell * cell * 9 / 10)
                        continue;
                    const double inv = 1. / count;
                    const cv::Vec3f mean(float(sum[0] * inv), float(sum[1] * inv), float(sum[2] * inv));
                    const double de = deltaE(labUnits(mean), c.bgLab);
                    cells.push_back({de, cv::Rect(x * 2, y * 2, cell * 2, cell * 2)});
                }
            std::sort(cells.begin(), cells.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
            // The 3rd worst cell: one odd cell next to the hair is not a gradient.
            const double spread = cells.size() > 6 ? cells[2].first : 0;
            // Objects: non-background blobs apart from the person.
            cv::Mat others = ~c.bgHalf & ~c.personHalf;
            cv::morphologyEx(others, others, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, {3, 3}));
            cv::Mat stats;
            const int n = blobStats(others, stats);
            QList<Shape> geo;
            double blobFrac = 0;
            for (int i = 1; i < n; ++i) {
                const double frac = double(stats.at<int>(i, cv::CC_STAT_AREA)) / double(others.total());
                if (frac >= maxBlob) {
                    blobFrac += frac;
                    geo.append(Shape::box(blobBox(stats, i, {}, 2)));
                }
            }
            const bool bad = spread > maxSpread || blobFrac > 0;
            if (spread > maxSpread)
                for (size_t i = 0; i < std::min<size_t>(cells.size(), 8); ++i)
                    if (cells[i].first > maxSpread)
                        geo.append(Shape::box(qrect(cells[i].second)));
            RuleResult &r = c.add("background.uniform", bad ? RuleStatus::Fail : RuleStatus::Pass, spread,
                                   QStringLiteral("spread<=%1, no objects").arg(maxSpread), geo);
            if (blobFrac > 0)
                r.why = QStringLiteral("objects cover %1% of the photo").arg(blobFrac * 100, 0, 'f', 1);
        }
    }
    if (c.on("background.edge")) {
        // Halo: along the head outline, a band of light neutral pixels (the old backdrop) between
        // the person and the new background.
        const double maxHalo = c.p("background.edge", "maxHalo", 14);
        if (!c.bgReady || !c.face.found) {
            c.add("background.edge", RuleStatus::Uncertain, std::nullopt, QStringLiteral("halo<=%1%").arg(maxHalo), {},
                   c.bgReady ? QStringLiteral("no face") : noBg);
        } else {
            const cv::Mat &labH = c.labHalf;
            cv::Mat inner;
            cv::erode(c.personHalf, inner, cv::getStructuringElement(cv::MORPH_ELLIPSE, {7, 7}));
            cv::Mat band = c.personHalf & ~inner;
            const int headBottom = std::clamp(int((c.face.mouth.y) / 2), 0, band.rows);
            band.rowRange(headBottom, band.rows).setTo(0);
            int total = 0, halo = 0;
            cv::Mat haloMask = cv::Mat::zeros(band.size(), CV_8U);
            for (int y = 0; y < band.rows; ++y)
                for (int x = 0; x < band.cols; ++x) {
                    if (!band.at<uchar>(y, x))
                        continue;
                    ++total;
                    const cv::Vec3b v = labH.at<cv::Vec3b>(y, x);
                    const cv::Vec3f u = labUnits(cv::Vec3f(v[0], v[1], v[2]));
                    const double chroma = std::hypot(u[1], u[2]);
                    if (u[0] > 72 && chroma < 14 && deltaE(u, c.bgLab) > kBgTolerance) {
                        ++halo;
                        haloMask.at<uchar>(y, x) = 255;
                    }
                }
            if (total < 50) {
                c.add("background.edge", RuleStatus::Uncertain, std::nullopt, QStringLiteral("halo<=%1%").arg(maxHalo), {},
                       QStringLiteral("head outline not found"));
            } else {
                const double pct = 100.0 * halo / total;
                QList<Shape> geo;
                if (pct > maxHalo)
                    geo.append(Shape::mask(maskPng(haloMask)));
                c.add("background.edge", pct <= maxHalo ? RuleStatus::Pass : RuleStatus::Fail, pct, QStringLiteral("halo<=%1%").arg(maxHalo), geo);
            }
        }
    }

    if (!c.on("clothing.contrast") && !c.on("clothing.blue"))
        return;
    // Clothing. Contrast: on the chest under the chin (always clothing or skin on an ID photo, never
    // background). Colour: below the chin across the shoulders, where a strap or a collar is the only
    // clothing on some photos; skin and background left out.
    cv::Rect chest, shoulders;
    if (c.face.found) {
        const cv::Point2f mid = (c.face.left.centre + c.face.right.centre) * 0.5f;
        const double ipd = std::max(20.0, c.face.interPupil);
        chest = cv::Rect(int(mid.x - 1.3 * ipd), int(mid.y + 2.8 * ipd), int(2.6 * ipd), c.bgr.rows);
        shoulders = cv::Rect(int(mid.x - 2.3 * ipd), int(mid.y + 2.4 * ipd), int(4.6 * ipd), c.bgr.rows);
    } else {
        chest = cv::Rect(c.bgr.cols / 4, c.bgr.rows * 5 / 6, c.bgr.cols / 2, c.bgr.rows);
        shoulders = cv::Rect(0, c.bgr.rows * 5 / 6, c.bgr.cols, c.bgr.rows);
    }
    chest &= cv::Rect(0, 0, c.bgr.cols, c.bgr.rows);
    shoulders &= cv::Rect(0, 0, c.bgr.cols, c.bgr.rows);
    const QString why = QStringLiteral("too little clothing visible in the frame");
    const DeltaE8 toSkin(c.skinLab), toBg(c.bgLab);
    if (!c.bgReady || !c.skinReady) {
        const QString w = !c.bgReady ? noBg : QStringLiteral("no face to tell skin from clothing");
        if (c.on("clothing.contrast"))
            c.add("clothing.contrast", RuleStatus::Uncertain, std::nullopt, {}, {}, w);
        if (c.on("clothing.blue"))
            c.add("clothing.blue", RuleStatus::Uncertain, std::nullopt, {}, {}, w);
        return;
    }
    // A large head leaves no chest in the frame (the shoulders may still show).
    if (c.on("clothing.contrast") && chest.area() < 400)
        c.add("clothing.contrast", RuleStatus::Uncertain, std::nullopt, {}, {}, why);
    else if (c.on("clothing.contrast")) {
        const double minDE = c.p("clothing.contrast", "minDeltaE", 15);
        const double maxBgLike = c.p("clothing.contrast", "maxBackgroundLike", 0.15);
        const cv::Mat lab = c.labIn(chest)(chest);
        cv::Mat notSkin(lab.size(), CV_8U);
        int bgLike = 0;
        for (int y = 0; y < lab.rows; ++y)
            for (int x = 0; x < lab.cols; ++x) {
                const cv::Vec3b v = lab.at<cv::Vec3b>(y, x);
                notSkin.at<uchar>(y, x) = toSkin(v) < 16 ? 0 : 255;
                bgLike += toBg(v) < kBgTolerance;
            }
        // Clothing in the background colour disappears into it: then the chest shows background
        // (or what looks like it) around the skin of the neckline.
        const double bgFrac = double(bgLike) / chest.area();
        const QString thr = QStringLiteral("dE>=%1, background-like<=%2").arg(minDE).arg(maxBgLike);
        if (bgFrac > maxBgLike) {
            c.add("clothing.contrast", RuleStatus::Fail, 0, thr, {Shape::box(qrect(chest))},
                   QStringLiteral("%1% of the chest has the background colour").arg(bgFrac * 100, 0, 'f', 0));
        } else if (cv::countNonZero(notSkin) < chest.area() / 10) {
            c.add("clothing.contrast", RuleStatus::Uncertain, std::nullopt, thr, {}, why);
        } else {
            const double de = deltaE(medianLab(lab, notSkin), c.bgLab);
            c.add("clothing.contrast", de >= minDE ? RuleStatus::Pass : RuleStatus::Fail, de, thr,
                   de >= minDE ? QList<Shape>{} : QList<Shape>{Shape::box(qrect(chest))},
                   QStringLiteral("background-like %1%").arg(bgFrac * 100, 0, 'f', 0));
        }
    }
    if (c.on("clothing.blue") && shoulders.area() < 400)
        c.add("clothing.blue", RuleStatus::Uncertain, std::nullopt, {}, {}, why);
    else if (c.on("clothing.blue")) {
        const double maxBlue = c.p("clothing.blue", "maxBlueFraction", 0.35);
        const double minClothes = c.p("clothing.blue", "minClothingFraction", 0.02);
        const cv::Mat lab = c.labIn(shoulders)(shoulders);
        cv::Mat hsv;
        cv::cvtColor(c.bgr(shoulders), hsv, cv::COLOR_BGR2HSV);
        int clothes = 0, blue = 0;
        for (int y = 0; y < lab.rows; ++y)
            for (int x = 0; x < lab.cols; ++x) {
                if (c.bgHalf.at<uchar>((y + shoulders.y) / 2, (x + shoulders.x) / 2))
                    continue;
                const cv::Vec3b v = lab.at<cv::Vec3b>(y, x);
                if (toSkin(v) < 16)
                    continue;
                ++clothes;
                const cv::Vec3b h = hsv.at<cv::Vec3b>(y, x);
                blue += h[0] >= 92 && h[0] <= 130 && h[1] >= 70 && h[2] >= 40;
            }
        const QString thr = QStringLiteral("<=%1").arg(maxBlue);
        if (clothes < minClothes * shoulders.area()) {
            // Clothing indistinguishable from the background: clothing.contrast reports it.
            c.add("clothing.blue", RuleStatus::Uncertain, std::nullopt, thr, {},
                   QStringLiteral("clothing not separable from the background"));
        } else {
            const double frac = double(blue) / clothes;
            c.add("clothing.blue", frac <= maxBlue ? RuleStatus::Pass : RuleStatus::Fail, frac, thr,
                   frac <= maxBlue ? QList<Shape>{} : QList<Shape>{Shape::box(qrect(shoulders))},
                   QStringLiteral("clothing %1% of the shoulder area").arg(100.0 * clothes / shoulders.area(), 0, 'f', 0));
        }
    }
}

} // namespace tucai::checks::detail
