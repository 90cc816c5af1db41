#pragma once
#include "db/export_repo.h"

#include <QAbstractTableModel>
#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;

namespace tucai::ui {

class AppContext;

// Students not yet approved, one row each, grouped by college and class.
class StillMissingModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { College, Class, StudentNo, Name, State, Paid, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;
    void setRows(QList<db::MissingRow> rows);
    const QList<db::MissingRow> &rows() const { return m_rows; }
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<db::MissingRow> m_rows;
};

// Text for a class chat: one block per class, "学号 姓名 (state)" per line.
QString stillMissingText(const QList<db::MissingRow> &rows);
bool saveStillMissingXlsx(const QList<db::MissingRow> &rows, const QString &path, QString *error);

// The "still missing" tab: pick a college/class, copy as text or save as XLSX.
class StillMissingWidget final : public QWidget
{
    Q_OBJECT
public:
    StillMissingWidget(AppContext &context, QWidget *parent = nullptr);
    void reload();
    StillMissingModel *model() const { return m_model; }
    void copyToClipboard();
    bool saveXlsx(const QString &path);

private:
    void fillColleges();
    void fillClasses();

    AppContext &m_context;
    QComboBox *m_college;
    QComboBox *m_class;
    QLabel *m_count;
    QTableView *m_view;
    StillMissingModel *m_model;
    int m_generation = 0;
};

} // namespace tucai::ui
