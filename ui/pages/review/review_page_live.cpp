// The live review queue: a photo that enters the queue (from the student side, another staff
// member, another program) shows up without any action, and the reviewer keeps their place.
#include "pages/review/review_page.h"

#include "db/change_watch.h"
#include "pages/review/queue_model.h"
#include "pages/review/return_reason_dialog.h"
#include "review/photo_loader.h"
#include "shell/app_context.h"

#include <QItemSelection>
#include <QTableView>
#include <QTimer>

namespace tucai::ui {

void ReviewPage::setArrivalCheckInterval(int ms)
{
    m_arrivalIntervalMs = ms;
    if (m_arrivals)
        startLiveQueue();
}

bool ReviewPage::liveQueueListening() const { return m_arrivals && m_arrivals->listening(); }

void ReviewPage::startLiveQueue()
{
    // On the GUI thread's connection: PostgreSQL's notifications are read by this thread's event loop.
    m_arrivals = std::make_unique<db::ChangeWatch>(context().sharedDatabase(), db::ChangeWatch::QueueArrivals, m_arrivalIntervalMs);
    connect(m_arrivals.get(), &db::ChangeWatch::changed, this, &ReviewPage::reloadKeepingPlace);
}

void ReviewPage::reloadKeepingPlace()
{
    // Never in the middle of something: a decision on its way, the reason dialog, a page loading,
    // a reload already running. Try again shortly (once).
    if (m_batch.isRunning() || m_reasonDialog || m_model->isLoading() || m_restore.active) {
        if (!m_reloadQueued) {
            m_reloadQueued = true;
            QTimer::singleShot(500, this, [this] {
                m_reloadQueued = false;
                reloadKeepingPlace();
            });
        }
        return;
    }
    Restore r;
    r.active = true;
    r.currentId = m_currentId ? m_currentId : m_wantedId;
    r.currentRow = m_currentRow;
    for (int row : selectedRows())
        if (const auto q = m_model->rowAt(row))
            r.selectedIds.append(q->id);
    const int top = m_queue->rowAt(0);
    if (const auto q = m_model->rowAt(top))
        r.topId = q->id;
    r.rows = m_model->rowCount();
    m_restore = r;
    ++m_liveReloads;
    m_model->refresh();
}

void ReviewPage::continueRestore()
{
    // Load as far as the reviewer had loaded, and at least until their photo and top row are back.
    const bool haveCurrent = !m_restore.currentId || m_model->findPhoto(m_restore.currentId) >= 0;
    const bool haveTop = !m_restore.topId || m_model->findPhoto(m_restore.topId) >= 0;
    if ((m_model->rowCount() < m_restore.rows || !haveCurrent || !haveTop) && m_model->canFetchMore({})) {
        m_model->fetchMore({});
        return;
    }
    if (!m_model->isLoading())
        finishRestore();
}

void ReviewPage::finishRestore()
{
    const Restore was = m_restore;
    m_restore = {};
    const int rows = m_model->rowCount();
    if (rows == 0) {
        showRow(-1);
        return;
    }
    // The current photo if it is still in the queue; else the one that took its place.
    int current = was.currentId ? m_model->findPhoto(was.currentId) : -1;
    if (current < 0 && was.currentRow >= 0)
        current = std::min(was.currentRow, rows - 1);
    QItemSelection selection;
    for (qint64 id : was.selectedIds) {
        const int row = m_model->findPhoto(id);
        if (row >= 0)
            selection.select(m_model->index(row, 0), m_model->index(row, QueueModel::ColumnCount - 1));
    }
    if (current >= 0) {
        m_restore.selecting = true;
        const QModelIndex idx = m_model->index(current, QueueModel::StudentNoColumn);
        if (selection.contains(idx)) {
            m_queue->selectionModel()->setCurrentIndex(idx, QItemSelectionModel::NoUpdate);
            m_queue->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
        } else {
            m_queue->selectionModel()->setCurrentIndex(idx, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        }
        m_restore.selecting = false;
        if (m_currentRow != current) // a different photo took the place: show it
            showRow(current);
    }
    const int top = was.topId ? m_model->findPhoto(was.topId) : -1;
    if (top >= 0)
        m_queue->scrollTo(m_model->index(top, QueueModel::StudentNoColumn), QAbstractItemView::PositionAtTop);
    else if (current >= 0)
        m_queue->scrollTo(m_model->index(current, QueueModel::StudentNoColumn));
}

} // namespace tucai::ui
