#include "shell/nav_delegate.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace tucai::ui {
namespace {

QString badgeText(const QModelIndex &index)
{
    const QVariant v = index.data(NavDelegate::kBadgeRole);
    if (!v.isValid() || v.toLongLong() <= 0)
        return {};
    const qint64 n = v.toLongLong();
    return n > 9999 ? QStringLiteral("9999+") : QString::number(n);
}

// A rounded pill with the count, its right edge at `right`, centred on `centreY`.
void drawBadge(QPainter *p, const QString &text, const QFont &base, qreal right, qreal centreY)
{
    QFont f = base;
    f.setBold(true);
    f.setPointSizeF(base.pointSizeF() > 0 ? base.pointSizeF() * 0.85 : base.pointSizeF());
    const QFontMetricsF fm(f);
    const qreal h = fm.height() + 2;
    const qreal w = std::max(h, fm.horizontalAdvance(text) + h * 0.7);
    const QRectF r(right - w, centreY - h / 2, w, h);
    QPainterPath path;
    path.addRoundedRect(r, h / 2, h / 2);
    p->fillPath(path, QColor(0xd3, 0x2f, 0x2f));
    p->setFont(f);
    p->setPen(Qt::white);
    p->drawText(r, Qt::AlignCenter, text);
}

} // namespace

int NavDelegate::narrowWidth(const QWidget *widget) const
{
    const QStyle *style = widget ? widget->style() : QApplication::style();
    const int frame = style->pixelMetric(QStyle::PM_DefaultFrameWidth, nullptr, widget);
    const int icon = style->pixelMetric(QStyle::PM_LargeIconSize, nullptr, widget);
    return std::max(icon, 24) + 28 + 2 * frame;
}

QSize NavDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    // Tall enough for the icon with air around it and for two lines' worth of the font.
    const int h = std::max(option.decorationSize.height() + 14, option.fontMetrics.height() * 2 + 4);
    if (m_narrow)
        return {option.decorationSize.width() + 16, h};
    const QString badge = badgeText(index);
    const int extra = badge.isEmpty() ? 0 : option.fontMetrics.horizontalAdvance(badge) + option.fontMetrics.height() + 8;
    return {s.width() + extra + 8, h};
}

void NavDelegate::paint(QPainter *painter, const QStyleOptionViewItem &optionIn, const QModelIndex &index) const
{
    QStyleOptionViewItem option = optionIn;
    initStyleOption(&option, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();

    // Background (selection, hover) as the style draws it, without text or icon.
    QStyleOptionViewItem bg = option;
    bg.text.clear();
    bg.icon = QIcon();
    style->drawControl(QStyle::CE_ItemViewItem, &bg, painter, widget);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect r = option.rect;
    const QSize iconSize = option.decorationSize;
    const bool selected = option.state & QStyle::State_Selected;
    const QIcon::Mode mode = !(option.state & QStyle::State_Enabled) ? QIcon::Disabled : selected ? QIcon::Selected : QIcon::Normal;
    const QString badge = badgeText(index);
    if (m_narrow) {
        const QRect iconRect(QPoint(r.center().x() - iconSize.width() / 2, r.center().y() - iconSize.height() / 2), iconSize);
        option.icon.paint(painter, iconRect, Qt::AlignCenter, mode);
        if (!badge.isEmpty())
            drawBadge(painter, badge, option.font, std::min<qreal>(r.right() - 1, iconRect.right() + 10), iconRect.top() + 2);
    } else {
        const int margin = 10;
        const QRect iconRect(r.left() + margin, r.center().y() - iconSize.height() / 2 + 1, iconSize.width(), iconSize.height());
        option.icon.paint(painter, iconRect, Qt::AlignCenter, mode);
        int right = r.right() - margin;
        if (!badge.isEmpty()) {
            drawBadge(painter, badge, option.font, right, r.center().y());
            QFont f = option.font;
            f.setBold(true);
            right -= QFontMetrics(f).horizontalAdvance(badge) + option.fontMetrics.height() + 6;
        }
        const QRect textRect(iconRect.right() + margin, r.top(), std::max(0, right - iconRect.right() - margin), r.height());
        painter->setFont(option.font);
        painter->setPen(option.palette.color(option.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled,
                                             selected ? QPalette::HighlightedText : QPalette::Text));
        painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                          option.fontMetrics.elidedText(option.text, Qt::ElideRight, textRect.width()));
    }
    painter->restore();
}

} // namespace tucai::ui
