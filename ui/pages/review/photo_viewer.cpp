#include "pages/review/photo_viewer.h"

#include "checks/untrusted_image.h"

#include <QCryptographicHash>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QtMath>

namespace tucai::ui {

using checks::RuleStatus;
using checks::Shape;

QString PhotoViewer::layerName(Layer l)
{
    switch (l) {
    case Layer::FaceBox: return tr("Face box");
    case Layer::Landmarks: return tr("Landmarks");
    case Layer::EyeLine: return tr("Eye line and roll");
    case Layer::Guides: return tr("Standard's guides");
    case Layer::BackgroundMask: return tr("Background mask");
    case Layer::Highlights: return tr("Highlight spots");
    case Layer::Violations: return tr("Violated rules");
    case Layer::PoseAxes: return tr("Head pose");
    }
    return {};
}

QString PhotoViewer::layerHelp(Layer l)
{
    switch (l) {
    case Layer::FaceBox: return tr("The face the engine found");
    case Layer::Landmarks: return tr("The 68 face landmarks (jaw, brows, nose, eyes, lips) and the located pupils and mouth");
    case Layer::EyeLine: return tr("Line through the eyes with its roll angle");
    case Layer::Guides: return tr("Hair top 50-110 px, eye line 200-300 px, face width 180-300 px, vertical centre");
    case Layer::BackgroundMask: return tr("Background pixels flagged by the background rules");
    case Layer::Highlights: return tr("Over-bright spots on the skin");
    case Layer::Violations: return tr("Region of each failed rule (red) and undecided rule (orange, dashed)");
    case Layer::PoseAxes: return tr("The head's axes from the landmarks (red: across, green: down, blue: towards the camera) with yaw, pitch and roll");
    }
    return {};
}

QColor PhotoViewer::layerColor(Layer l)
{
    switch (l) {
    case Layer::FaceBox: return QColor(0, 200, 80);
    case Layer::Landmarks: return QColor(255, 220, 0);
    case Layer::EyeLine: return QColor(0, 220, 255);
    case Layer::Guides: return QColor(180, 60, 255);
    case Layer::BackgroundMask: return QColor(255, 0, 200);
    case Layer::Highlights: return QColor(255, 140, 0);
    case Layer::Violations: return QColor(230, 30, 30);
    case Layer::PoseAxes: return QColor(60, 120, 255);
    }
    return Qt::white;
}

PhotoViewer::PhotoViewer(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("photoViewer"));
    setMinimumSize(240, 320);
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, QColor(48, 48, 52));
    setPalette(pal);
    setCursor(Qt::OpenHandCursor);
}

void PhotoViewer::setDetail(review::PhotoDetailPtr detail)
{
    const bool samePhoto = m_detail && detail && m_detail->photoId == detail->photoId;
    m_detail = std::move(detail);
    m_message.clear();
    m_maskCache.clear();
    if (!samePhoto)
        m_highlight.clear();
    update();
}

void PhotoViewer::showMessage(const QString &text)
{
    m_detail.reset();
    m_message = text;
    m_maskCache.clear();
    update();
}

void PhotoViewer::setLayerVisible(Layer l, bool on)
{
    m_layers[int(l)] = on;
    update();
}

void PhotoViewer::setHighlightedRule(const QString &rule)
{
    m_highlight = rule;
    update();
}

void PhotoViewer::fitToWindow()
{
    m_fit = true;
    update();
    Q_EMIT zoomChanged(zoom());
}

void PhotoViewer::actualSize()
{
    m_fit = false;
    m_zoom = 1.0;
    if (m_detail && !m_detail->image.isNull())
        m_offset = QPointF((width() - m_detail->image.width()) / 2.0, (height() - m_detail->image.height()) / 2.0);
    update();
    Q_EMIT zoomChanged(zoom());
}

double PhotoViewer::zoom() const
{
    if (!m_fit || !m_detail || m_detail->image.isNull())
        return m_zoom;
    const QSize img = m_detail->image.size();
    return std::min(double(width() - 16) / img.width(), double(height() - 16) / img.height());
}

void PhotoViewer::zoomBy(double factor)
{
    if (!m_detail || m_detail->image.isNull())
        return;
    const QTransform before = transform();
    const QPointF centreInImage = before.inverted().map(QPointF(width() / 2.0, height() / 2.0));
    m_zoom = std::clamp(zoom() * factor, 0.1, 16.0);
    m_fit = false;
    // Keep the point under the centre of the view where it was.
    m_offset = QPointF(width() / 2.0, height() / 2.0) - centreInImage * m_zoom;
    update();
    Q_EMIT zoomChanged(m_zoom);
}

QTransform PhotoViewer::transform() const
{
    if (!m_detail || m_detail->image.isNull())
        return {};
    const QSize img = m_detail->image.size();
    const double z = zoom();
    QPointF origin = m_offset;
    if (m_fit)
        origin = QPointF((width() - img.width() * z) / 2.0, (height() - img.height() * z) / 2.0);
    return QTransform(z, 0, 0, z, origin.x(), origin.y());
}

void PhotoViewer::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    if (!m_detail || m_detail->image.isNull()) {
        p.setPen(QColor(220, 220, 220));
        const QString text = m_detail && !m_detail->error.isEmpty() ? m_detail->error : m_message;
        p.drawText(rect().adjusted(20, 20, -20, -20), Qt::AlignCenter | Qt::TextWordWrap, text);
        return;
    }
    p.setRenderHint(QPainter::SmoothPixmapTransform, zoom() < 1.0);
    p.setRenderHint(QPainter::Antialiasing);
    p.setTransform(transform());
    p.drawImage(QPointF(0, 0), m_detail->image);
    drawOverlays(p);
    p.resetTransform();
    p.setPen(QColor(230, 230, 230));
    p.drawText(rect().adjusted(8, 4, -8, -4), Qt::AlignRight | Qt::AlignBottom, QStringLiteral("%1%").arg(qRound(zoom() * 100)));
}

QImage PhotoViewer::tintedMask(const QByteArray &png, const QColor &colour) const
{
    const QString key = colour.name() + QString::fromLatin1(QCryptographicHash::hash(png, QCryptographicHash::Md5).toHex());
    auto it = m_maskCache.constFind(key);
    if (it != m_maskCache.constEnd())
        return *it;
    // The mask comes from a stored check report, which a staff login can write: PNG only, capped.
    const QImage gray = checks::decodeUntrustedImage(png, {}, nullptr, {}, "png").convertToFormat(QImage::Format_Grayscale8);
    QImage out(gray.size(), QImage::Format_ARGB32_Premultiplied);
    out.fill(Qt::transparent);
    const QRgb on = qPremultiply(qRgba(colour.red(), colour.green(), colour.blue(), 110));
    for (int y = 0; y < gray.height(); ++y) {
        const uchar *src = gray.constScanLine(y);
        auto *dst = reinterpret_cast<QRgb *>(out.scanLine(y));
        for (int x = 0; x < gray.width(); ++x)
            if (src[x] > 127)
                dst[x] = on;
    }
    m_maskCache.insert(key, out);
    return out;
}

void PhotoViewer::drawMasks(QPainter &p, const QStringList &rulePrefixes, const QColor &colour) const
{
    const QSize img = m_detail->image.size();
    for (const checks::RuleResult &r : m_detail->report.results)
        for (const QString &prefix : rulePrefixes)
            if (r.rule.startsWith(prefix))
                for (const Shape &s : r.geometry)
                    if (s.type == Shape::Type::Mask)
                        // Masks may be computed at a smaller scale: stretch over the photo.
                        p.drawImage(QRectF(QPointF(0, 0), QSizeF(img)), tintedMask(s.png, colour));
}

void PhotoViewer::drawRule(QPainter &p, const checks::RuleResult &r, const QColor &colour, qreal width, bool dashed) const
{
    QPen pen(colour, width / std::max(0.1, zoom()));
    pen.setStyle(dashed ? Qt::DashLine : Qt::SolidLine);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    for (const Shape &s : r.geometry) {
        switch (s.type) {
        case Shape::Type::Box: p.drawRect(s.rect); break;
        case Shape::Type::Line: p.drawLine(s.p1, s.p2); break;
        case Shape::Type::Point: p.drawEllipse(s.p1, 4 / zoom(), 4 / zoom()); break;
        case Shape::Type::Polygon: p.drawPolygon(QPolygonF(QList<QPointF>(s.points))); break;
        case Shape::Type::Mask: p.drawImage(QRectF(QPointF(0, 0), QSizeF(m_detail->image.size())), tintedMask(s.png, colour)); break;
        }
    }
}

void PhotoViewer::drawLandmarks(QPainter &p, double px) const
{
    const checks::FaceInfo &face = m_detail->report.face;
    const QColor colour = layerColor(Layer::Landmarks);
    // The 68-point markup as outlines (jaw, brows, nose bridge and base, eyes, outer and inner lips),
    // then the points themselves.
    if (face.landmarks.size() == 68) {
        struct Run { int first, last; bool closed; };
        static constexpr Run kRuns[] = {{0, 16, false}, {17, 21, false}, {22, 26, false}, {27, 30, false}, {31, 35, false},
                                        {36, 41, true}, {42, 47, true}, {48, 59, true}, {60, 67, true}};
        QColor line = colour;
        line.setAlpha(150);
        p.setPen(QPen(line, px));
        p.setBrush(Qt::NoBrush);
        for (const Run &r : kRuns) {
            QPolygonF poly;
            for (int i = r.first; i <= r.last; ++i)
                poly << face.landmarks.at(i);
            if (r.closed)
                p.drawPolygon(poly);
            else
                p.drawPolyline(poly);
        }
    }
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    for (QPointF pt : face.landmarks)
        p.drawEllipse(pt, 1.8 * px, 1.8 * px);
    // The pupils and mouth the other rules use, larger and outlined.
    p.setPen(QPen(Qt::black, px));
    for (QPointF pt : {face.leftEye, face.rightEye, face.mouth})
        if (!pt.isNull())
            p.drawEllipse(pt, 3 * px, 3 * px);
    p.setBrush(Qt::NoBrush);
}

void PhotoViewer::drawPoseAxes(QPainter &p, double px) const
{
    const checks::FaceInfo &face = m_detail->report.face;
    if (face.poseAxes.size() != 4)
        return;
    const QPointF origin = face.poseAxes.at(0);
    const QColor colours[] = {QColor(230, 40, 40), QColor(40, 200, 60), layerColor(Layer::PoseAxes)};
    for (int i = 0; i < 3; ++i) {
        p.setPen(QPen(colours[i], 2.5 * px, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(origin, face.poseAxes.at(i + 1));
    }
    p.setPen(layerColor(Layer::PoseAxes));
    p.drawText(face.box.topLeft() + QPointF(0, -4 * px),
               tr("yaw %1° pitch %2° roll %3°").arg(face.yaw, 0, 'f', 1).arg(face.pitch, 0, 'f', 1).arg(face.roll, 0, 'f', 1));
}

void PhotoViewer::drawOverlays(QPainter &p) const
{
    const QSize img = m_detail->image.size();
    const double px = 1.0 / std::max(0.1, zoom());   // one screen pixel in photo pixels
    const double sx = img.width() / 480.0, sy = img.height() / 640.0;
    QFont font = p.font();
    font.setPointSizeF(std::max(4.0, 9.0 * px));
    p.setFont(font);

    if (m_layers[int(Layer::Guides)]) {
        const QColor c = layerColor(Layer::Guides);
        QColor band = c;
        band.setAlpha(26);
        p.fillRect(QRectF(0, 50 * sy, img.width(), 60 * sy), band);
        p.fillRect(QRectF(0, 200 * sy, img.width(), 100 * sy), band);
        p.setPen(QPen(c, px, Qt::DashLine));
        for (double y : {50.0, 110.0, 200.0, 300.0})
            p.drawLine(QPointF(0, y * sy), QPointF(img.width(), y * sy));
        p.drawLine(QPointF(img.width() / 2.0, 0), QPointF(img.width() / 2.0, img.height()));
        // Face width: the allowed 180-300 px as brackets about the centre line at eye height.
        const double cx = img.width() / 2.0;
        const double y = (m_detail->report.face.found ? (m_detail->report.face.leftEye.y() + m_detail->report.face.rightEye.y()) / 2 + 60 * sy
                                                       : 330 * sy);
        p.setPen(QPen(c, 2 * px));
        for (double half : {90.0, 150.0}) {
            p.drawLine(QPointF(cx - half * sx, y - 8 * sy), QPointF(cx - half * sx, y + 8 * sy));
            p.drawLine(QPointF(cx + half * sx, y - 8 * sy), QPointF(cx + half * sx, y + 8 * sy));
        }
        p.drawLine(QPointF(cx - 150 * sx, y), QPointF(cx - 90 * sx, y));
        p.drawLine(QPointF(cx + 90 * sx, y), QPointF(cx + 150 * sx, y));
        p.drawText(QPointF(4 * px, 50 * sy - 3 * px), tr("hair top 50-110"));
        p.drawText(QPointF(4 * px, 200 * sy - 3 * px), tr("eye line 200-300"));
        p.drawText(QPointF(cx + 92 * sx, y - 10 * sy), tr("face 180-300"));
    }
    if (m_layers[int(Layer::BackgroundMask)])
        drawMasks(p, {QStringLiteral("background.")}, layerColor(Layer::BackgroundMask));
    if (m_layers[int(Layer::Highlights)])
        drawMasks(p, {QStringLiteral("lighting.highlights"), QStringLiteral("glasses.reflection")}, layerColor(Layer::Highlights));

    const checks::FaceInfo &face = m_detail->report.face;
    if (face.found && m_layers[int(Layer::FaceBox)]) {
        p.setPen(QPen(layerColor(Layer::FaceBox), 2 * px));
        p.setBrush(Qt::NoBrush);
        p.drawRect(face.box);
    }
    if (face.found && m_layers[int(Layer::Landmarks)])
        drawLandmarks(p, px);
    if (face.found && m_layers[int(Layer::PoseAxes)])
        drawPoseAxes(p, px);
    if (face.found && m_layers[int(Layer::EyeLine)] && !face.leftEye.isNull() && !face.rightEye.isNull()) {
        const QPointF d = face.rightEye - face.leftEye;
        const double roll = qRadiansToDegrees(std::atan2(d.y(), d.x()));
        const QPointF ext = d * 0.35;
        p.setPen(QPen(layerColor(Layer::EyeLine), 2 * px));
        p.drawLine(face.leftEye - ext, face.rightEye + ext);
        p.drawText(face.rightEye + ext + QPointF(4 * px, 4 * px), tr("roll %1°").arg(roll, 0, 'f', 1));
    }
    if (m_layers[int(Layer::Violations)] || !m_highlight.isEmpty()) {
        for (const checks::RuleResult &r : m_detail->report.results) {
            const bool highlighted = r.rule == m_highlight;
            if (highlighted)
                continue;   // drawn last, on top
            if (!m_layers[int(Layer::Violations)])
                continue;
            if (r.status == RuleStatus::Fail)
                drawRule(p, r, m_highlight.isEmpty() ? layerColor(Layer::Violations) : QColor(230, 30, 30, 90), 2, false);
            else if (r.status == RuleStatus::Uncertain)
                drawRule(p, r, m_highlight.isEmpty() ? QColor(255, 150, 0) : QColor(255, 150, 0, 90), 2, true);
        }
        if (const checks::RuleResult *r = m_detail->report.result(m_highlight))
            drawRule(p, *r, QColor(255, 255, 0), 4, r->status == RuleStatus::Uncertain);
    }
}

void PhotoViewer::wheelEvent(QWheelEvent *e)
{
    if (!m_detail || m_detail->image.isNull())
        return;
    const QPointF at = e->position();
    const QPointF inImage = transform().inverted().map(at);
    const double factor = e->angleDelta().y() > 0 ? 1.25 : 0.8;
    m_zoom = std::clamp(zoom() * factor, 0.1, 16.0);
    m_fit = false;
    m_offset = at - inImage * m_zoom;
    update();
    Q_EMIT zoomChanged(m_zoom);
}

void PhotoViewer::mousePressEvent(QMouseEvent *e)
{
    if (e->button() != Qt::LeftButton)
        return;
    if (m_fit) {
        // Start panning from where the fitted image is.
        const QTransform t = transform();
        m_offset = QPointF(t.dx(), t.dy());
        m_zoom = zoom();
    }
    m_dragging = true;
    m_dragFrom = e->pos();
    setCursor(Qt::ClosedHandCursor);
}

void PhotoViewer::mouseMoveEvent(QMouseEvent *e)
{
    if (!m_dragging)
        return;
    const QPoint delta = e->pos() - m_dragFrom;
    if (delta.manhattanLength() == 0)
        return;
    m_fit = false;
    m_offset += delta;
    m_dragFrom = e->pos();
    update();
}

void PhotoViewer::mouseReleaseEvent(QMouseEvent *)
{
    m_dragging = false;
    setCursor(Qt::OpenHandCursor);
}

void PhotoViewer::resizeEvent(QResizeEvent *e)
{
    QWidget::resizeEvent(e);
    if (m_fit)
        Q_EMIT zoomChanged(zoom());
}

} // namespace tucai::ui
