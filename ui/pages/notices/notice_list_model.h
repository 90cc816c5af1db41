#pragma once
#include "model/records.h"

#include <QAbstractTableModel>
#include <QHash>

namespace tucai::ui {

// The school's notices: title, scope, state (as it applies now), publish time, last change.
class NoticeListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Title, Scope, State, PublishAt, Updated, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;
    void setNotices(QList<Notice> notices, QHash<qint64, QString> collegeNames, qint64 now);
    const Notice &notice(int row) const { return m_notices.at(row); }
    int rowOf(qint64 id) const;
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_notices.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    QString scopeName(qint64 collegeId) const;

private:
    QList<Notice> m_notices;
    QHash<qint64, QString> m_collegeNames;
    qint64 m_now = 0;
};

} // namespace tucai::ui
