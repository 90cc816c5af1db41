#pragma once
// The one private header that brings OpenCV into core/checks. Never include it from a public header:
// OpenCV headers are heavy (compile time) and the rest of the project must stay OpenCV-free.

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <QByteArray>
#include <QImage>

namespace tucai::checks::cvw {

// Deep copies between Qt and OpenCV images (BGR 8UC3 <-> QImage::Format_RGB888 / RGB32).
inline QImage toQImage(const cv::Mat &bgr)
{
    cv::Mat rgb;
    if (bgr.channels() == 1)
        cv::cvtColor(bgr, rgb, cv::COLOR_GRAY2RGB);
    else
        cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    QImage img(rgb.cols, rgb.rows, QImage::Format_RGB888);
    for (int y = 0; y < rgb.rows; ++y)
        memcpy(img.scanLine(y), rgb.ptr(y), size_t(rgb.cols) * 3);
    return img;
}

inline cv::Mat fromQImage(const QImage &in)
{
    const QImage img = in.convertToFormat(QImage::Format_RGB888);
    cv::Mat rgb(img.height(), img.width(), CV_8UC3);
    for (int y = 0; y < img.height(); ++y)
        memcpy(rgb.ptr(y), img.constScanLine(y), size_t(img.width()) * 3);
    cv::Mat bgr;
    cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
    return bgr;
}

// View of a QByteArray as an OpenCV input buffer (no copy).
inline cv::Mat bufferOf(const QByteArray &bytes)
{
    return cv::Mat(1, int(bytes.size()), CV_8UC1, const_cast<char *>(bytes.constData()));
}

inline QByteArray encodeJpeg(const cv::Mat &bgr, int quality)
{
    std::vector<uchar> out;
    if (!cv::imencode(".jpg", bgr, out, {cv::IMWRITE_JPEG_QUALITY, quality}))
        return {};
    return QByteArray(reinterpret_cast<const char *>(out.data()), qsizetype(out.size()));
}

} // namespace tucai::checks::cvw
