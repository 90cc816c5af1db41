#pragma once
#include "accounts/account_actions.h"
#include "shell/page.h"

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTableView;
class QTimer;
class QTreeWidget;

namespace tucai::ui {

class StudentListModel;

// Students: search and filter by state (locks, cooling-off, draft box full,
// payment, review), counters as columns, a detail panel with attempts,
// photos and the audit history, and the account actions (bulk on a selection).
class StudentsPage final : public Page
{
    Q_OBJECT
public:
    explicit StudentsPage(AppContext &context, QWidget *parent = nullptr);
    ~StudentsPage() override;
    QString pageId() const override { return QStringLiteral("students"); }
    QString title() const override { return tr("Students"); }
    void activate() override;
    // {"status": "locked_liveness" | "cooling_off" | "draft_full" | "not_started" | "awaiting_payment" |
    //  "awaiting_review" | "returned" | "approved" | "unpaid", "college": id, "search": text}
    void applyFilter(const QVariantMap &filter) override;
    StudentListModel *model() const { return m_model; }
    // Runs an action on the selected students (asks for the reason).
    void runAction(accounts::AccountActions::Kind kind);
    // Live list: how many times the rows were read again in place after a change elsewhere.
    int liveRefreshes() const { return m_liveRefreshes; }

private:
    // Reads the rows again keeping the selection, the current student and the student at the top
    // (by id); waits while a dialog is open or rows are loading; only marks the list stale while
    // the page is hidden (activate() refreshes it).
    void liveRefresh();
    void beforeRefresh();
    void afterRefresh();
    // The selected students' (id, row version), in selection order.
    QList<QPair<qint64, int>> selectedVersions() const;
    void reloadList();
    void showDetail();
    void updateActions();
    QList<qint64> selectedIds(QList<accounts::AccountActions::Target> *targets = nullptr) const;

    StudentListModel *m_model;
    QLineEdit *m_search;
    QComboBox *m_status;
    QComboBox *m_college;
    QLabel *m_count;
    QTableView *m_table;
    QSplitter *m_splitter;
    QLabel *m_detailHeader;
    QTreeWidget *m_attempts;
    QTreeWidget *m_photos;
    QTreeWidget *m_history;
    QTimer *m_searchDelay;
    QAction *m_unlock, *m_lift, *m_shorten, *m_reset, *m_grant, *m_import;
    bool m_loadedOnce = false;
    bool m_stale = false;
    bool m_refreshQueued = false;
    int m_liveRefreshes = 0;
    qint64 m_topId = 0;
    QList<QPair<qint64, int>> m_detailOf;  // selected students (id, row version) the detail shows
};

} // namespace tucai::ui
