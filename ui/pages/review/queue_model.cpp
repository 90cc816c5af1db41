#include "pages/review/queue_model.h"

#include "db/database.h"
#include "db/review_repo.h"
#include "review/photo_loader.h"
#include "review/queue_loader.h"

#include <QColor>
#include <QDateTime>
#include <QIcon>
#include <QPixmap>

namespace tucai::ui {

QString statusDisplay(const QString &status)
{
    if (status == QLatin1String("draft"))
        return QueueModel::tr("Draft");
    if (status == QLatin1String("submitted"))
        return QueueModel::tr("To review");
    if (status == QLatin1String("approved"))
        return QueueModel::tr("Approved");
    if (status == QLatin1String("returned"))
        return QueueModel::tr("Returned");
    if (status == QLatin1String("awaiting_payment"))
        return QueueModel::tr("Awaiting payment");
    return status;
}

QueueModel::QueueModel(std::shared_ptr<db::Database> db, const review::ReviewScope &scope, review::PhotoLoader *thumbnails,
                       QObject *parent)
    : QAbstractTableModel(parent), m_loader(std::make_unique<review::QueueLoader>(db, scope)), m_thumbnails(thumbnails)
{
    try {
        m_classNames = db::ReviewRepo(*db).classNames();
    } catch (const db::DbError &) {
    }
    connect(m_loader.get(), &review::QueueLoader::pageReady, this, &QueueModel::onPage);
    connect(m_loader.get(), &review::QueueLoader::countReady, this, [this](quint64, qint64 n) {
        m_total = n;
        Q_EMIT totalCountChanged(n);
    });
    if (m_thumbnails)
        connect(m_thumbnails, &review::PhotoLoader::thumbnailReady, this, [this](qint64 id) {
            const int row = m_thumbRows.take(id);
            if (row >= 0 && row < m_rowCount && rowRef(row).id == id)
                Q_EMIT dataChanged(index(row, PhotoColumn), index(row, PhotoColumn), {Qt::DecorationRole});
        });
}

QueueModel::~QueueModel() = default;

void QueueModel::setQuery(const review::QueueQuery &query)
{
    beginResetModel();
    m_pages.clear();
    m_rowCount = 0;
    m_chunk = m_pageSize;
    m_thumbRows.clear();
    m_next = {};
    m_atEnd = false;
    m_total = -1;
    m_loader->reset(query);
    // Loading before the views hear of the reset, so none of them asks for the same page again.
    m_loading = true;
    endResetModel();
    m_loader->fetch({}, m_chunk);
    m_loader->fetchCount();
}

std::optional<review::QueueSort> QueueModel::sortForColumn(int column)
{
    switch (column) {
    case StudentNoColumn: return review::QueueSort::StudentNo;
    case NameColumn: return review::QueueSort::Name;
    case ClassColumn: return review::QueueSort::Class;
    case TimeColumn: return review::QueueSort::Time;
    case StatusColumn: return review::QueueSort::Status;
    default: return std::nullopt;
    }
}

int QueueModel::columnForSort(review::QueueSort sort)
{
    switch (sort) {
    case review::QueueSort::StudentNo: return StudentNoColumn;
    case review::QueueSort::Name: return NameColumn;
    case review::QueueSort::Class: return ClassColumn;
    case review::QueueSort::Status: return StatusColumn;
    case review::QueueSort::Time: break;
    }
    return TimeColumn;
}

const review::QueueQuery &QueueModel::query() const { return m_loader->query(); }

int QueueModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : m_rowCount; }

int QueueModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant QueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SlimRow &r = rowRef(index.row());
    switch (role) {
    case PhotoIdRole: return r.id;
    case RowVersionRole: return r.rowVersion;
    case StatusRole: return review::statusFromCode(r.status);
    case StudentIdRole: return r.studentId;
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case StudentNoColumn: return studentNo(index.row());
        case NameColumn: return name(index.row());
        case ClassColumn: return m_classNames.value(r.classId);
        case TimeColumn: return QDateTime::fromMSecsSinceEpoch(r.sortTime).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        case StatusColumn: return statusDisplay(review::statusFromCode(r.status));
        case CheckColumn:
            if (r.checkPassed < 0)
                return tr("Not checked");
            if (r.violations > 0)
                return tr("%n rule(s) failed", nullptr, r.violations);
            return r.checkPassed ? tr("Passed") : tr("Failed");
        default: return {};
        }
    case Qt::DecorationRole:
        if (index.column() == PhotoColumn && m_thumbnails) {
            const QImage img = m_thumbnails->thumbnail(r.id);
            if (img.isNull()) {
                m_thumbRows.insert(r.id, index.row());
                return {};
            }
            return QPixmap::fromImage(img);
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == CheckColumn)
            return r.checkPassed < 0 ? QColor(Qt::gray) : r.violations > 0 || r.checkPassed == 0 ? QColor(200, 40, 40) : QColor(30, 130, 60);
        if (index.column() == StatusColumn && r.status != 's')
            return QColor(Qt::darkGray);
        return {};
    default:
        return {};
    }
}

QVariant QueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case PhotoColumn: return tr("Photo");
    case StudentNoColumn: return tr("Student no.");
    case NameColumn: return tr("Name");
    case ClassColumn: return tr("Class");
    case TimeColumn: return query().sortsByStoredAt() ? tr("Stored") : tr("Submitted");
    case StatusColumn: return tr("Status");
    case CheckColumn: return tr("Check");
    default: return {};
    }
}

bool QueueModel::canFetchMore(const QModelIndex &parent) const { return !parent.isValid() && !m_atEnd && !m_loading; }

void QueueModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_loading = true;
    m_loader->fetch(m_next, m_chunk);
}

void QueueModel::onPage(const review::QueuePage &page)
{
    if (!(page.after == m_next))
        return;   // a duplicate of a page already here
    m_loading = false;
    if (!page.error.isEmpty()) {
        m_atEnd = true;
        Q_EMIT loadFailed(page.error);
        return;
    }
    m_atEnd = page.atEnd;
    m_next = page.next;
    if (page.rows.isEmpty()) {
        Q_EMIT pageLoaded(m_rowCount, 0);   // the end: a view waiting for rows hears that none come
        return;
    }
    const int first = m_rowCount;
    beginInsertRows({}, first, first + int(page.rows.size()) - 1);
    // Every page but the last has exactly m_chunk rows, so row / m_chunk finds its page.
    Chunk chunk;
    chunk.rows.reserve(page.rows.size());
    qsizetype chars = 0;
    for (const review::QueueRow &r : page.rows)
        chars += r.text.size();
    chunk.text.reserve(chars);
    for (const review::QueueRow &r : page.rows) {
        const quint8 nameLength = quint8(std::min<qsizetype>(r.text.size() - r.noLength, 255));
        chunk.rows.append({r.id, r.studentId, r.sortTime, r.collegeId, r.classId, r.rowVersion, quint32(chunk.text.size()),
                           r.violations, r.checkPassed, r.status, r.noLength, nameLength});
        chunk.text += QStringView(r.text).left(r.noLength + nameLength);
    }
    m_pages.append(std::move(chunk));
    m_rowCount += int(page.rows.size());
    endInsertRows();
    Q_EMIT pageLoaded(first, int(page.rows.size()));
}

std::optional<review::QueueRow> QueueModel::rowAt(int row) const
{
    if (row < 0 || row >= m_rowCount)
        return std::nullopt;
    const SlimRow &s = rowRef(row);
    review::QueueRow r;
    r.id = s.id;
    r.studentId = s.studentId;
    r.sortTime = s.sortTime;
    r.collegeId = s.collegeId;
    r.classId = s.classId;
    r.rowVersion = s.rowVersion;
    r.violations = s.violations;
    r.checkPassed = s.checkPassed;
    r.status = s.status;
    r.setStudent(studentNo(row), name(row));
    return r;
}

QString QueueModel::studentNo(int row) const
{
    const SlimRow &s = rowRef(row);
    return QStringView(m_pages[row / m_chunk].text).mid(s.textOffset, s.noLength).toString();
}

QString QueueModel::name(int row) const
{
    const SlimRow &s = rowRef(row);
    return QStringView(m_pages[row / m_chunk].text).mid(s.textOffset + s.noLength, s.nameLength).toString();
}

void QueueModel::updateRow(int row, const QString &status, int rowVersion)
{
    if (row < 0 || row >= m_rowCount)
        return;
    rowRef(row).status = review::statusCode(status);
    rowRef(row).rowVersion = rowVersion;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int QueueModel::findPhoto(qint64 photoId) const
{
    for (int i = 0; i < m_rowCount; ++i)
        if (rowRef(i).id == photoId)
            return i;
    return -1;
}

} // namespace tucai::ui
