#pragma once
#include "review/queue_query.h"

#include <QAbstractTableModel>
#include <QHash>
#include <memory>
#include <optional>

namespace tucai::db { class Database; }
namespace tucai::review { class QueueLoader; class PhotoLoader; }

namespace tucai::ui {

// The review queue as a lazy table: rows arrive page by page (keyset paging
// off the GUI thread) when the view scrolls near the end; thumbnails are asked
// for only when a row is painted.
class QueueModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { PhotoColumn, StudentNoColumn, NameColumn, ClassColumn, TimeColumn, StatusColumn, CheckColumn, ColumnCount };
    enum Role { PhotoIdRole = Qt::UserRole + 1, RowVersionRole, StatusRole, StudentIdRole };

    QueueModel(std::shared_ptr<db::Database> db, const review::ReviewScope &scope, review::PhotoLoader *thumbnails,
               QObject *parent = nullptr);
    ~QueueModel() override;

    void setQuery(const review::QueueQuery &query);
    // The queue order a column header stands for (none for the photo and the check result).
    static std::optional<review::QueueSort> sortForColumn(int column);
    static int columnForSort(review::QueueSort sort);
    const review::QueueQuery &query() const;
    void refresh() { setQuery(query()); }
    void setPageSize(int n) { m_pageSize = n; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    std::optional<review::QueueRow> rowAt(int row) const;
    // After a decision: the row keeps its place and shows its new state.
    void updateRow(int row, const QString &status, int rowVersion);
    int findPhoto(qint64 photoId) const;   // linear: for the few rows a decision touches
    qint64 totalCount() const { return m_total; }
    bool isLoading() const { return m_loading; }
    bool atEnd() const { return m_atEnd; }
    review::QueueLoader *loader() const { return m_loader.get(); }

Q_SIGNALS:
    void pageLoaded(int firstRow, int count);
    void totalCountChanged(qint64 total);
    void loadFailed(const QString &message);

private:
    void onPage(const review::QueuePage &page);
    std::unique_ptr<review::QueueLoader> m_loader;
    review::PhotoLoader *m_thumbnails;
    // A row as the model keeps it: numbers inline, its texts in the chunk's one string, so a
    // million rows cost no million small allocations.
    struct SlimRow
    {
        qint64 id, studentId, sortTime;
        qint32 collegeId, classId, rowVersion;
        quint32 textOffset;
        qint16 violations;
        qint8 checkPassed;
        char status;
        quint8 noLength, nameLength;
    };
    struct Chunk
    {
        QString text;
        QList<SlimRow> rows;
    };
    SlimRow &rowRef(int row) { return m_pages[row / m_chunk].rows[row % m_chunk]; }
    const SlimRow &rowRef(int row) const { return m_pages[row / m_chunk].rows[row % m_chunk]; }
    QString studentNo(int row) const;
    QString name(int row) const;
    // Rows in fixed-size chunks: a million rows never need one huge reallocation.
    QList<Chunk> m_pages;
    int m_rowCount = 0;
    int m_chunk = 200;
    QHash<qint64, QString> m_classNames;
    mutable QHash<qint64, int> m_thumbRows;   // photo id -> row, for rows whose thumbnail is on the way
    review::QueueKey m_next;
    bool m_loading = false;
    bool m_atEnd = false;
    qint64 m_total = -1;
    int m_pageSize = 200;
};

QString statusDisplay(const QString &status);

} // namespace tucai::ui
