#pragma once
#include "export/photo_exporter.h"
#include "shell/page.h"

#include <QFuture>
#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace tucai::net { class PhotoStore; }

namespace tucai::ui {

// Export of approved photos: pick colleges/classes, paid only, decision dates,
// one zip per college or one zip, the file-name template and a folder; the
// job (core/export) runs off the GUI thread with progress and cancel.
class ExportPage final : public Page
{
    Q_OBJECT
public:
    explicit ExportPage(AppContext &context, QWidget *parent = nullptr);
    ~ExportPage() override;
    QString pageId() const override { return QStringLiteral("export"); }
    QString title() const override { return tr("Export"); }
    void activate() override;
    void applyFilter(const QVariantMap &filter) override;

    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    const exporting::ExportResult &lastResult() const { return m_result; }
    exporting::ExportOptions currentOptions() const;

Q_SIGNALS:
    void finished(bool complete);

private:
    void fillColleges();
    void fillClasses();
    void onFinished(const exporting::ExportResult &result);
    void setRunning(bool running);

    QListWidget *m_colleges;
    QListWidget *m_classes;
    QCheckBox *m_paidOnly;
    QCheckBox *m_byDate;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_layout;
    QComboBox *m_template;
    QLineEdit *m_outDir;
    QPushButton *m_browse;
    QPushButton *m_start;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_summary;
    QPlainTextEdit *m_log;
    std::shared_ptr<std::atomic_bool> m_cancelFlag;
    std::unique_ptr<net::PhotoStore> m_photoStore;  // photos kept at URLs; outlives the job (destructor waits)
    QFuture<void> m_future;
    exporting::ExportResult m_result;
    bool m_running = false;
    bool m_filled = false;
    QList<QPair<qint64, qint64>> m_reviewerScopes;   // (college, class or 0) of a reviewer
};

} // namespace tucai::ui
