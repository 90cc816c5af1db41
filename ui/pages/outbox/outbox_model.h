#pragma once
#include "db/outbox_delivery_repo.h"

#include <QAbstractTableModel>

namespace tucai::ui {

// Rows of notification_outbox with their delivery state, for the outbox page.
class OutboxModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Id, Created, Kind, Student, Status, Attempts, NextAttempt, Delivered, LastError, ColumnCount };
    enum Role { RowIdRole = Qt::UserRole + 1, StatusRole };

    explicit OutboxModel(QObject *parent = nullptr);
    void setRows(QList<db::OutboxRow> rows);
    const db::OutboxRow &row(int r) const { return m_rows.at(r); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusText(const QString &status);

private:
    QList<db::OutboxRow> m_rows;
};

} // namespace tucai::ui
