#include "pages/outbox/outbox_model.h"

#include "shell/display_names.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QLocale>

namespace tucai::ui {
namespace {

QString when(qint64 ms)
{
    return ms ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat) : QString();
}

} // namespace

OutboxModel::OutboxModel(QObject *parent) : QAbstractTableModel(parent) {}

void OutboxModel::setRows(QList<db::OutboxRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int OutboxModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int OutboxModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString OutboxModel::statusText(const QString &status)
{
    if (status == QLatin1String("pending"))
        return tr("Waiting");
    if (status == QLatin1String("sending"))
        return tr("Sending");
    if (status == QLatin1String("delivered"))
        return tr("Delivered");
    if (status == QLatin1String("failed"))
        return tr("Failed");
    if (status == QLatin1String("withdrawn"))
        return tr("Withdrawn (decision undone)");
    return status;
}

QVariant OutboxModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= ColumnCount)
        return {};
    const db::OutboxRow &r = m_rows.at(index.row());
    if (role == RowIdRole)
        return r.id;
    if (role == StatusRole)
        return r.status;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Id: return r.id;
        case Created: return when(r.createdAt);
        case Kind: return notificationKindName(r.kind);
        case Student: return r.studentId ? QVariant(r.studentId) : QVariant();
        case Status: return statusText(r.status);
        case Attempts: return r.attempts;
        case NextAttempt: return r.status == QLatin1String("pending") || r.status == QLatin1String("sending") ? when(r.nextAttemptAt) : QString();
        case Delivered: return when(r.deliveredAt);
        case LastError: return r.lastError;
        }
    }
    if (role == Qt::ToolTipRole && index.column() == LastError && !r.lastError.isEmpty())
        return r.lastError;
    if (role == Qt::ToolTipRole && index.column() == Kind)
        return tr("%1\nIdempotency key: %2").arg(r.kind, r.idempotencyKey);
    if (role == Qt::ForegroundRole && index.column() == Status && r.status == QLatin1String("failed"))
        return QBrush(QColor(0xb0, 0x20, 0x20));
    if (role == Qt::TextAlignmentRole && (index.column() == Id || index.column() == Attempts || index.column() == Student))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant OutboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id: return tr("#");
    case Created: return tr("Written");
    case Kind: return tr("Kind");
    case Student: return tr("Student");
    case Status: return tr("Status");
    case Attempts: return tr("Attempts");
    case NextAttempt: return tr("Next attempt");
    case Delivered: return tr("Delivered");
    case LastError: return tr("Last error");
    }
    return {};
}

} // namespace tucai::ui
