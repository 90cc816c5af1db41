#include "pages/codes/code_list_model.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

namespace tucai::ui {

void CodeListModel::setRows(QList<db::CodeRow> rows, qint64 now)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_now = now;
    endResetModel();
}

QVariant CodeListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const db::CodeRow &r = m_rows.at(index.row());
    const bool revoked = r.revokedAt != 0;
    const bool expired = !revoked && r.expiresAt && r.expiresAt <= m_now;
    auto when = [](qint64 ms) { return ms ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString(); };
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case StudentNo: return r.studentNo;
        case Name: return r.studentId ? r.studentName : r.batchLabel;
        case Class: return r.className;
        case Kind: return r.studentId ? tr("Student") : tr("School/batch");
        case Created: return when(r.createdAt);
        case Expires: return r.expiresAt ? when(r.expiresAt) : tr("never");
        case Status:
            if (revoked)
                return tr("Revoked (%1)").arg(r.revokedReason);
            return expired ? tr("Expired") : tr("Active");
        default: return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == Status)
        return QBrush(revoked ? QColor(0xb0, 0x00, 0x20) : expired ? QColor(0x9a, 0x67, 0x00) : QColor(0x1b, 0x5e, 0x20));
    if (role == Qt::UserRole)
        return r.id;
    return {};
}

QVariant CodeListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StudentNo: return tr("Student no.");
    case Name: return tr("Name");
    case Class: return tr("Class");
    case Kind: return tr("Kind");
    case Created: return tr("Created");
    case Expires: return tr("Expires");
    case Status: return tr("Status");
    default: return {};
    }
}

} // namespace tucai::ui
