#pragma once
#include "import/roster_import.h"

#include <QDialog>
#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTreeWidget;

namespace tucai::ui {

class AppContext;

// Roster import: pick a CSV/XLSX file, map its columns (guessed from the
// header, with a preview), run the dry run that lists every problem row, save
// those rows for correction, then import the good rows in one transaction
// (off the GUI thread, with progress and cancel).
class ImportDialog final : public QDialog
{
    Q_OBJECT
public:
    ImportDialog(AppContext &context, QWidget *parent = nullptr);
    ~ImportDialog() override;
    bool loadFile(const QString &path);   // reads and previews; false + message on failure
    void runDryRun();                     // async: dryRunFinished()
    void runImport();                     // async: importFinished()
    const import::ImportPlan &plan() const { return m_plan; }
    bool imported() const { return m_imported; }
    QString statusText() const;

Q_SIGNALS:
    void dryRunFinished();
    void importFinished(bool ok);

private:
    import::ColumnMapping mapping() const;
    void setBusy(bool busy);
    void saveProblems();

    AppContext &m_context;
    QLineEdit *m_path;
    QLabel *m_format;
    QList<QComboBox *> m_columns;
    QTableWidget *m_preview;
    QTreeWidget *m_problems;
    QLabel *m_summary;
    QProgressBar *m_progress;
    QPushButton *m_dryRun, *m_import, *m_save, *m_cancel;
    import::TableData m_table;
    import::ImportPlan m_plan;
    bool m_planValid = false;
    bool m_imported = false;
    std::shared_ptr<std::atomic_bool> m_cancelFlag;
};

} // namespace tucai::ui
