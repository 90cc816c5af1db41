#pragma once
#include "review/photo_loader.h"

#include <QHash>
#include <QImage>
#include <QWidget>
#include <array>

namespace tucai::ui {

// The photo with the check engine's findings drawn over it. Layers are
// switched one by one; fit / 100% / zoom with wheel and pan by dragging.
class PhotoViewer final : public QWidget
{
    Q_OBJECT
public:
    // New layers go at the end: the review page stores the visible ones by number.
    enum class Layer { FaceBox, Landmarks, EyeLine, Guides, BackgroundMask, Highlights, Violations, PoseAxes };
    static constexpr int kLayerCount = 8;
    static QString layerName(Layer l);
    static QString layerHelp(Layer l);
    static QColor layerColor(Layer l);

    explicit PhotoViewer(QWidget *parent = nullptr);

    void setDetail(review::PhotoDetailPtr detail);
    void showMessage(const QString &text);   // no photo: a centred message
    review::PhotoDetailPtr detail() const { return m_detail; }

    void setLayerVisible(Layer l, bool on);
    bool isLayerVisible(Layer l) const { return m_layers[int(l)]; }
    void setHighlightedRule(const QString &rule);
    QString highlightedRule() const { return m_highlight; }

    void fitToWindow();
    void actualSize();
    void zoomBy(double factor);
    double zoom() const;
    bool isFit() const { return m_fit; }

    QSize sizeHint() const override { return {520, 660}; }

Q_SIGNALS:
    void zoomChanged(double zoom);

protected:
    void paintEvent(QPaintEvent *) override;
    void wheelEvent(QWheelEvent *e) override;
    void mousePressEvent(QMouseEvent *e) override;
    void mouseMoveEvent(QMouseEvent *e) override;
    void mouseReleaseEvent(QMouseEvent *e) override;
    void resizeEvent(QResizeEvent *e) override;

private:
    QTransform transform() const;
    void drawOverlays(QPainter &p) const;
    void drawRule(QPainter &p, const checks::RuleResult &r, const QColor &colour, qreal width, bool dashed) const;
    void drawMasks(QPainter &p, const QStringList &rulePrefixes, const QColor &colour) const;
    void drawLandmarks(QPainter &p, double px) const;
    void drawPoseAxes(QPainter &p, double px) const;
    QImage tintedMask(const QByteArray &png, const QColor &colour) const;

    review::PhotoDetailPtr m_detail;
    QString m_message;
    std::array<bool, kLayerCount> m_layers{true, false, true, true, false, false, true, false};
    QString m_highlight;
    bool m_fit = true;
    double m_zoom = 1.0;
    QPointF m_offset;        // top-left of the image in widget pixels when not fitting
    QPoint m_dragFrom;
    bool m_dragging = false;
    mutable QHash<QString, QImage> m_maskCache;   // per photo; key = colour + png hash
};

} // namespace tucai::ui
