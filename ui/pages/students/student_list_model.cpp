#include "pages/students/student_list_model.h"

#include "db/database.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QFutureWatcher>
#include <QtConcurrent>

namespace tucai::ui {

StudentListModel::StudentListModel(std::shared_ptr<db::Database> database, bool showIdNumbers, QObject *parent)
    : QAbstractTableModel(parent), m_database(std::move(database)), m_showIds(showIdNumbers)
{
}

void StudentListModel::setFilter(const db::StudentFilter &filter)
{
    m_refreshing = false;
    beginResetModel();
    m_filter = filter;
    ++m_generation;
    m_count = 0;
    m_blocks.clear();
    m_pending.clear();
    endResetModel();
    const quint64 gen = m_generation;
    auto database = m_database;
    ++m_loading;
    auto *watcher = new QFutureWatcher<qint64>(this);
    connect(watcher, &QFutureWatcher<qint64>::finished, this, [this, watcher, gen] {
        watcher->deleteLater();
        --m_loading;
        if (gen != m_generation)
            return;
        const qint64 n = watcher->result();
        if (n < 0) {
            Q_EMIT loadFailed(tr("The student list could not be loaded."));
            return;
        }
        if (n > 0) {
            beginInsertRows({}, 0, int(n) - 1);
            m_count = int(n);
            endInsertRows();
        }
        requestBlock(0);
        Q_EMIT loaded();
    });
    watcher->setFuture(QtConcurrent::run([database, filter]() -> qint64 {
        try {
            return db::AccountRepo(*database).countStudents(filter);
        } catch (const db::DbError &) {
            return -1;
        }
    }));
}

void StudentListModel::refreshInPlace()
{
    if (m_count == 0) {
        reload();
        return;
    }
    ++m_generation;  // replies still on their way hold the old rows
    m_pending.clear();
    QList<int> blocks = m_blocks.keys();
    if (blocks.isEmpty())
        blocks << 0;
    const quint64 gen = m_generation;
    auto database = m_database;
    const db::StudentFilter filter = m_filter;
    m_refreshing = true;
    ++m_loading;
    struct Result
    {
        qint64 count = -1;
        QHash<int, QList<db::StudentRow>> blocks;
    };
    auto *watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcher<Result>::finished, this, [this, watcher, gen] {
        watcher->deleteLater();
        --m_loading;
        if (gen != m_generation)
            return; // the filter changed meanwhile: that load wins
        m_refreshing = false;
        Result r = watcher->result();
        if (r.count < 0) {
            Q_EMIT loadFailed(tr("The student list could not be loaded."));
            Q_EMIT refreshed();
            return;
        }
        applyRefresh(int(r.count), std::move(r.blocks));
    });
    watcher->setFuture(QtConcurrent::run([database, filter, blocks]() -> Result {
        Result r;
        try {
            db::AccountRepo repo(*database);
            r.count = repo.countStudents(filter);
            for (int b : blocks)
                if (b * kBlock < r.count)
                    r.blocks.insert(b, repo.students(filter, b * kBlock, kBlock));
        } catch (const db::DbError &) {
            r.count = -1;
        }
        return r;
    }));
}

void StudentListModel::applyRefresh(int count, QHash<int, QList<db::StudentRow>> blocks)
{
    Q_EMIT aboutToRefresh();
    m_applying = true;
    QHash<qint64, int> rowOf;
    for (auto it = blocks.cbegin(); it != blocks.cend(); ++it)
        for (int i = 0; i < it->size(); ++i)
            rowOf.insert(it->at(i).student.id, it.key() * kBlock + i);
    const int before = m_count;
    if (count > before) {
        beginInsertRows({}, before, count - 1);
        m_count = count;
        endInsertRows();
    }
    // The view's selection and current index are persistent indexes: move each to the row its
    // student has now.
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList from = persistentIndexList();
    QModelIndexList to;
    to.reserve(from.size());
    for (const QModelIndex &i : from) {
        const db::StudentRow *r = rowAt(i.row());
        const int row = r ? rowOf.value(r->student.id, -1) : (i.row() < count ? i.row() : -1);
        to << (row >= 0 ? index(row, i.column()) : QModelIndex());
    }
    m_blocks = std::move(blocks);
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    if (count < before) {
        beginRemoveRows({}, count, before - 1);
        m_count = count;
        endRemoveRows();
    }
    m_applying = false;
    Q_EMIT loaded();
    Q_EMIT refreshed();
}

int StudentListModel::findStudent(qint64 id) const
{
    for (auto it = m_blocks.cbegin(); it != m_blocks.cend(); ++it)
        for (int i = 0; i < it->size(); ++i)
            if (it->at(i).student.id == id)
                return it.key() * kBlock + i;
    return -1;
}

void StudentListModel::requestBlock(int block) const
{
    if (m_applying || m_blocks.contains(block) || m_pending.contains(block) || block * kBlock >= m_count)
        return;
    m_pending.insert(block);
    ++m_loading;
    const quint64 gen = m_generation;
    auto database = m_database;
    const db::StudentFilter filter = m_filter;
    auto *self = const_cast<StudentListModel *>(this);
    auto *watcher = new QFutureWatcher<QList<db::StudentRow>>(self);
    connect(watcher, &QFutureWatcher<QList<db::StudentRow>>::finished, self, [self, watcher, gen, block] {
        watcher->deleteLater();
        --self->m_loading;
        if (gen != self->m_generation)
            return; // an older filter's reply
        self->m_pending.remove(block);
        const QList<db::StudentRow> rows = watcher->result();
        self->m_blocks.insert(block, rows);
        const int first = block * kBlock;
        const int last = std::min(self->m_count, first + kBlock) - 1;
        if (last >= first)
            Q_EMIT self->dataChanged(self->index(first, 0), self->index(last, ColumnCount - 1));
        Q_EMIT self->loaded();
    });
    watcher->setFuture(QtConcurrent::run([database, filter, block]() -> QList<db::StudentRow> {
        try {
            return db::AccountRepo(*database).students(filter, block * kBlock, kBlock);
        } catch (const db::DbError &) {
            return {};
        }
    }));
}

const db::StudentRow *StudentListModel::rowAt(int row) const
{
    const auto it = m_blocks.constFind(row / kBlock);
    if (it == m_blocks.constEnd() || row % kBlock >= it->size())
        return nullptr;
    return &it->at(row % kBlock);
}

int StudentListModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : m_count; }
int StudentListModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant StudentListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_count || index.column() >= ColumnCount)
        return {};
    const db::StudentRow *r = rowAt(index.row());
    if (!r) {
        requestBlock(index.row() / kBlock);
        if (role == Qt::DisplayRole && index.column() == Number)
            return tr("loading…");
        if (role == LoadedRole)
            return false;
        return {};
    }
    const Student &s = r->student;
    switch (role) {
    case StudentIdRole: return s.id;
    case RowVersionRole: return s.rowVersion;
    case LoadedRole: return true;
    case Qt::ForegroundRole:
        if (index.column() == State && (s.lockKind == QLatin1String("liveness")))
            return QBrush(QColor(0xb0, 0x00, 0x20));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() >= Liveness && index.column() <= Drafts)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Number: return s.studentNo;
        case Name: return s.name;
        case College: return r->collegeName;
        case Class: return r->className;
        case State: return displayName(s.state);
        case LockedUntil:
            if (s.lockKind == QLatin1String("liveness"))
                return tr("until unlocked");
            return s.lockedUntil ? QDateTime::fromMSecsSinceEpoch(s.lockedUntil).toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
        case Liveness: return s.livenessFailures;
        case Other: return s.otherFailures;
        case Submissions: return s.submissions;
        case Extra: return s.extraAttempts;
        case Drafts: return r->drafts;
        case Paid: return s.paid ? tr("yes") : tr("no");
        case IdNumber: return m_showIds ? s.idNumber : maskIdNumber(s.idNumber);
        case Phone:
            return m_showIds || s.phone.size() < 7 ? s.phone : s.phone.left(3) + QStringLiteral("****") + s.phone.right(4);
        case ColumnCount: break;
        }
        return {};
    default: return {};
    }
}

QVariant StudentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Number: return tr("Student no.");
    case Name: return tr("Name");
    case College: return tr("College");
    case Class: return tr("Class");
    case State: return tr("State");
    case LockedUntil: return tr("Locked until");
    case Liveness: return tr("Liveness failures");
    case Other: return tr("Other failures");
    case Submissions: return tr("Submissions");
    case Extra: return tr("Extra attempts");
    case Drafts: return tr("Drafts");
    case Paid: return tr("Paid");
    case IdNumber: return tr("ID number");
    case Phone: return tr("Phone");
    case ColumnCount: break;
    }
    return {};
}

} // namespace tucai::ui
