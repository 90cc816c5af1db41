#pragma once
#include <QStyledItemDelegate>

namespace tucai::ui {

// Draws a navigation entry: the area's icon, its title and, when the entry carries one
// (kBadgeRole), a count badge on the right. In narrow mode only the icon is drawn, with
// the badge on its corner; the title is then in the tooltip.
class NavDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    static constexpr int kBadgeRole = Qt::UserRole + 1;
    explicit NavDelegate(QObject *parent = nullptr) : QStyledItemDelegate(parent) {}
    void setNarrow(bool narrow) { m_narrow = narrow; }
    bool narrow() const { return m_narrow; }
    // Width of the list in narrow mode (icon and margins), for the current style and font.
    int narrowWidth(const QWidget *widget) const;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    bool m_narrow = false;
};

} // namespace tucai::ui
