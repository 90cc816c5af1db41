#pragma once
#include "db/code_repo.h"

#include <QAbstractTableModel>

namespace tucai::ui {

// The stored codes of a scope (never the codes themselves: those exist only
// when generated): student, class, created, expiry and status.
class CodeListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { StudentNo, Name, Class, Kind, Created, Expires, Status, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;
    void setRows(QList<db::CodeRow> rows, qint64 now);
    const db::CodeRow &row(int r) const { return m_rows.at(r); }
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<db::CodeRow> m_rows;
    qint64 m_now = 0;
};

} // namespace tucai::ui
