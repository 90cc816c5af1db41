#pragma once
#include "review/decision_service.h"
#include "review/photo_loader.h"
#include "shell/page.h"

#include <QFutureWatcher>
#include <QHash>
#include <memory>

class QAction;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTableView;
class QToolButton;
class QTreeWidget;

namespace tucai::checks { class CheckProfile; }
namespace tucai::db { class ChangeWatch; }
namespace tucai::review { class RecheckJob; }

namespace tucai::ui {

class PhotoViewer;
class QueueModel;
class StudentPanel;
class ReturnReasonDialog;

// The review workspace: queue on the left, the photo with its overlays and
// violations in the middle, the student's context on the right. Keyboard
// first: A approve, R return, S skip, Left/Right, Ctrl+Z undo.
class ReviewPage final : public Page
{
    Q_OBJECT
public:
    explicit ReviewPage(AppContext &context, QWidget *parent = nullptr);
    ~ReviewPage() override;

    QString pageId() const override { return QStringLiteral("review"); }
    QString title() const override { return tr("Review"); }
    void activate() override;
    void applyFilter(const QVariantMap &filter) override;

    // For tests and scripts.
    QueueModel *queueModel() const { return m_model; }
    PhotoViewer *viewer() const { return m_viewer; }
    qint64 currentPhotoId() const { return m_currentId; }
    int currentRow() const { return m_currentRow; }
    bool isBusy() const;
    QString lastMessage() const;
    // Live queue: how often SQLite is asked for arrivals (PostgreSQL is told at once).
    void setArrivalCheckInterval(int ms);
    int liveReloads() const { return m_liveReloads; }
    bool liveQueueListening() const;   // PostgreSQL: notifications subscribed

public Q_SLOTS:
    void approve();
    void returnPhoto();
    void skip();
    void next();
    void previous();
    void undo();
    void approveSelected();
    void returnSelected();
    void approveAllPassing();
    void recheckCurrent();
    void recheckSelection();
    void recheckAllMatching();
    void chooseProfile();

Q_SIGNALS:
    void photoShown(qint64 photoId);
    void decisionsApplied(int ok, int failed);

private:
    void buildFilters(QWidget *bar);
    void buildActions();
    void applyFilters();
    void sortByColumn(int column, Qt::SortOrder order);
    void syncSortIndicator(const review::QueueQuery &q);
    void reloadClasses();
    void showRow(int row);
    void showDetail(const review::PhotoDetailPtr &d);
    void prefetchAround(int row);
    void selectRow(int row);
    void fillViolations(const review::PhotoDetailPtr &d);
    void setMessage(const QString &text, bool error = false);
    void afterDecisions(const QList<review::DecisionResult> &results, bool moveOn);
    void runBatch(const QList<review::Decision> &decisions);
    void startRecheck(const QList<qint64> &ids, bool allMatching);
    QList<int> selectedRows() const;
    QStringList violatedRules() const;
    void openReturnReasonDialog(const QList<int> &rows);
    void saveLayout() const;
    void restoreLayout();
    // Live queue (review_page_live.cpp): a photo entered the queue somewhere; reload the queue and
    // put the reviewer back where they were (current photo, selection, the row at the top).
    void startLiveQueue();
    void reloadKeepingPlace();
    void continueRestore();
    void finishRestore();

    std::unique_ptr<review::PhotoLoader> m_loader;
    std::unique_ptr<review::DecisionService> m_service;
    review::ReviewScope m_scope;
    QueueModel *m_model = nullptr;
    QTableView *m_queue = nullptr;
    PhotoViewer *m_viewer = nullptr;
    StudentPanel *m_student = nullptr;
    QTreeWidget *m_violations = nullptr;
    QListWidget *m_layers = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_photoTitle = nullptr;
    QPushButton *m_recheckNow = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancelRecheck = nullptr;
    QSplitter *m_split = nullptr;
    QSplitter *m_centreSplit = nullptr;
    QComboBox *m_college = nullptr, *m_class = nullptr, *m_status = nullptr, *m_rule = nullptr, *m_order = nullptr;
    QDateEdit *m_from = nullptr, *m_to = nullptr;
    QLineEdit *m_search = nullptr;
    QAction *m_approveAct = nullptr, *m_returnAct = nullptr, *m_skipAct = nullptr, *m_nextAct = nullptr, *m_prevAct = nullptr,
            *m_undoAct = nullptr, *m_fitAct = nullptr, *m_actualAct = nullptr, *m_zoomInAct = nullptr, *m_zoomOutAct = nullptr,
            *m_recheckAct = nullptr;
    qint64 m_currentId = 0;
    int m_currentRow = -1;
    qint64 m_wantedId = 0;
    bool m_pendingAdvance = false;  // "next" pressed at the end of the loaded rows
    QList<QList<review::DecisionReceipt>> m_undo;
    QPointer<ReturnReasonDialog> m_reasonDialog;
    std::unique_ptr<review::RecheckJob> m_recheck;
    std::unique_ptr<checks::CheckProfile> m_profile;
    QString m_profileName;
    QFutureWatcher<QList<review::DecisionResult>> m_batch;
    // Return reasons by use, read once when the page first shows: the digit keys of the
    // return dialog stay the same for the whole session.
    QHash<QString, int> m_reasonUsage;
    bool m_started = false;
    std::unique_ptr<db::ChangeWatch> m_arrivals;
    int m_arrivalIntervalMs = 2000;
    bool m_reloadQueued = false;
    int m_liveReloads = 0;
    struct Restore
    {
        bool active = false;
        bool selecting = false;   // the current photo is selected again: it stays on screen as it is
        qint64 currentId = 0;
        int currentRow = -1;
        QList<qint64> selectedIds;
        qint64 topId = 0;
        int rows = 0;
    } m_restore;
};

} // namespace tucai::ui
