#include "pages/notices/notice_list_model.h"

#include "notices/notice_service.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

namespace tucai::ui {

void NoticeListModel::setNotices(QList<Notice> notices, QHash<qint64, QString> collegeNames, qint64 now)
{
    beginResetModel();
    m_notices = std::move(notices);
    m_collegeNames = std::move(collegeNames);
    m_now = now;
    endResetModel();
}

int NoticeListModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_notices.size(); ++i)
        if (m_notices.at(i).id == id)
            return i;
    return -1;
}

QString NoticeListModel::scopeName(qint64 collegeId) const
{
    return collegeId ? m_collegeNames.value(collegeId, tr("College %1").arg(collegeId)) : tr("Whole school");
}

QVariant NoticeListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_notices.size())
        return {};
    const Notice &n = m_notices.at(index.row());
    const QString state = notices::NoticeService::effectiveState(n, m_now);
    auto when = [](qint64 ms) { return ms ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString(); };
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Title: return n.title;
        case Scope: return scopeName(n.collegeId);
        case State: return notices::NoticeService::stateName(state);
        case PublishAt: return when(n.publishedAt ? n.publishedAt : n.publishAt);
        case Updated: return when(n.updatedAt);
        default: return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == State) {
        if (state == QLatin1String("published")) return QBrush(QColor(0x1b, 0x5e, 0x20));
        if (state == QLatin1String("scheduled")) return QBrush(QColor(0x0d, 0x47, 0xa1));
        if (state == QLatin1String("archived")) return QBrush(QColor(0x75, 0x75, 0x75));
    }
    if (role == Qt::UserRole)
        return n.id;
    return {};
}

QVariant NoticeListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Title: return tr("Title");
    case Scope: return tr("For");
    case State: return tr("State");
    case PublishAt: return tr("Published / scheduled");
    case Updated: return tr("Last change");
    default: return {};
    }
}

} // namespace tucai::ui
