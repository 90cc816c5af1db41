#pragma once
#include "db/account_repo.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <memory>

namespace tucai::db { class Database; }

namespace tucai::ui {

// Students of the current filter, loaded lazily off the GUI thread in blocks
// (placeholder rows until a block arrives; replies of an older filter are
// dropped by a generation number), so thousands of rows stay responsive.
class StudentListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Number, Name, College, Class, State, LockedUntil, Liveness, Other, Submissions, Extra, Drafts, Paid, IdNumber, Phone, ColumnCount };
    static constexpr int kBlock = 200;
    enum Roles { StudentIdRole = Qt::UserRole + 1, RowVersionRole, LoadedRole };

    StudentListModel(std::shared_ptr<db::Database> database, bool showIdNumbers, QObject *parent = nullptr);
    void setFilter(const db::StudentFilter &filter);
    const db::StudentFilter &filter() const { return m_filter; }
    void reload() { setFilter(m_filter); }
    // Reads the rows again off the GUI thread (the count and every block loaded so far) and swaps
    // them in as one layout change: persistent indexes (the view's selection and current index)
    // follow their student by id, a student who left the filter is dropped from them. The rows
    // stay on screen meanwhile. aboutToRefresh() and refreshed() surround the swap.
    void refreshInPlace();
    bool isRefreshing() const { return m_refreshing; }
    // The row of a loaded student, or -1.
    int findStudent(qint64 id) const;
    // nullptr until the row's block has been loaded.
    const db::StudentRow *rowAt(int row) const;
    bool isLoading() const { return m_loading > 0; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loaded();                    // count or a block arrived
    void loadFailed(const QString &message);
    void aboutToRefresh();
    void refreshed();

private:
    void requestBlock(int block) const;
    void applyRefresh(int count, QHash<int, QList<db::StudentRow>> blocks);
    std::shared_ptr<db::Database> m_database;
    bool m_showIds;
    db::StudentFilter m_filter;
    quint64 m_generation = 0;
    int m_count = 0;
    mutable QHash<int, QList<db::StudentRow>> m_blocks;
    mutable QSet<int> m_pending;
    mutable int m_loading = 0;
    bool m_refreshing = false;
    bool m_applying = false;  // no block requests while rows are swapped
};

} // namespace tucai::ui
