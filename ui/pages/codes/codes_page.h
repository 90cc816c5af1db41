#pragma once
#include "codes/code_service.h"
#include "shell/page.h"

#include <QFutureWatcher>
#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace tucai::ui {

class CodeListModel;

// Collection codes: generate for a college or class (old codes revoked) and
// save the printable PDF + mail-merge CSV, school/batch codes, revoke, verify.
// Generation and layout run off the GUI thread with progress and cancel.
class CodesPage final : public Page
{
    Q_OBJECT
public:
    explicit CodesPage(AppContext &context, QWidget *parent = nullptr);
    QString pageId() const override { return QStringLiteral("codes"); }
    QString title() const override { return tr("Collection codes"); }
    void activate() override;
    void applyFilter(const QVariantMap &filter) override;

    // The buttons' actions (tests call them directly too).
    void generateForSelection();
    void generateBatchCode();
    void revokeSelected();
    void verifyTyped();
    bool isBusy() const;
    QString lastResult() const { return m_lastResult; }

Q_SIGNALS:
    void jobFinished(bool ok);

private:
    struct JobResult { bool ok = false; int count = 0; QString error; QString pdf; QString csv; };
    void loadColleges();
    void loadClasses();
    void refresh();
    void setBusy(bool busy);
    qint64 expiresAt() const;

    QComboBox *m_college;
    QComboBox *m_class;
    QCheckBox *m_expires;
    QDateEdit *m_expiryDate;
    QCheckBox *m_showRevoked;
    QPushButton *m_generate;
    QPushButton *m_batch;
    QPushButton *m_revoke;
    QPushButton *m_cancel;
    QLineEdit *m_verifyInput;
    QPushButton *m_verify;
    QLabel *m_verifyResult;
    QTableView *m_table;
    CodeListModel *m_model;
    QProgressBar *m_progress;
    QLabel *m_status;
    QFutureWatcher<JobResult> m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancelFlag;
    QString m_lastResult;
    // Students handed over by another page (e.g. a students-page filter); empty = college/class.
    QList<qint64> m_studentIds;
    QLabel *m_selection;
};

} // namespace tucai::ui
