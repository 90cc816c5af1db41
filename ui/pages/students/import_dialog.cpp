#include "pages/students/import_dialog.h"

#include "db/database.h"
#include "shell/app_context.h"
#include "shell/message_box.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace tucai::ui {

ImportDialog::ImportDialog(AppContext &context, QWidget *parent) : QDialog(parent), m_context(context)
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import a student roster"));
    auto *layout = new QVBoxLayout(this);
    auto *fileRow = new QHBoxLayout;
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("importPath"));
    m_path->setReadOnly(true);
    auto *browse = new QPushButton(tr("Choose file…"), this);
    browse->setObjectName(QStringLiteral("importBrowse"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Roster file"), {}, tr("Rosters (*.csv *.xlsx *.txt)"));
        if (!path.isEmpty())
            loadFile(path);
    });
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(browse);
    layout->addLayout(fileRow);
    m_format = new QLabel(this);
    layout->addWidget(m_format);

    auto *grid = new QGridLayout;
    const QStringList names = import::ColumnMapping::fieldNames();
    for (int f = 0; f < names.size(); ++f) {
        auto *combo = new QComboBox(this);
        combo->setObjectName(QStringLiteral("importColumn%1").arg(f));
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            m_planValid = false;
            m_import->setEnabled(false);
        });
        m_columns << combo;
        grid->addWidget(new QLabel(names.at(f) + (f == 3 || f == 4 ? tr(" (optional)") : QString()), this), f / 3 * 2, f % 3);
        grid->addWidget(combo, f / 3 * 2 + 1, f % 3);
    }
    layout->addLayout(grid);
    m_preview = new QTableWidget(this);
    m_preview->setObjectName(QStringLiteral("importPreview"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_preview, 2);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_problems = new QTreeWidget(this);
    m_problems->setObjectName(QStringLiteral("importProblems"));
    m_problems->setHeaderLabels({tr("Row"), tr("Problems")});
    m_problems->setRootIsDecorated(false);
    layout->addWidget(m_problems, 2);
    m_progress = new QProgressBar(this);
    m_progress->setVisible(false);
    layout->addWidget(m_progress);

    auto *buttons = new QDialogButtonBox(this);
    m_dryRun = buttons->addButton(tr("Check (dry run)"), QDialogButtonBox::ActionRole);
    m_dryRun->setObjectName(QStringLiteral("importDryRun"));
    m_save = buttons->addButton(tr("Save problem rows…"), QDialogButtonBox::ActionRole);
    m_save->setObjectName(QStringLiteral("importSaveProblems"));
    m_import = buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    m_import->setObjectName(QStringLiteral("importRun"));
    m_cancel = buttons->addButton(QDialogButtonBox::Close);
    m_dryRun->setEnabled(false);
    m_save->setEnabled(false);
    m_import->setEnabled(false);
    connect(m_dryRun, &QPushButton::clicked, this, &ImportDialog::runDryRun);
    connect(m_import, &QPushButton::clicked, this, &ImportDialog::runImport);
    connect(m_save, &QPushButton::clicked, this, &ImportDialog::saveProblems);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_cancelFlag)
            m_cancelFlag->store(true);
        else
            reject();
    });
    layout->addWidget(buttons);
    resize(900, 640);
}

ImportDialog::~ImportDialog()
{
    if (m_cancelFlag)
        m_cancelFlag->store(true);
}

QString ImportDialog::statusText() const { return m_summary->text(); }

bool ImportDialog::loadFile(const QString &path)
{
    try {
        m_table = import::readTableFile(path);
    } catch (const import::ImportError &e) {
        MessageBox::warning(this, windowTitle(), e.message());
        return false;
    }
    m_path->setText(path);
    m_format->setText(tr("%1, %2, %n row(s)", nullptr, int(m_table.rows.size())).arg(m_table.format.toUpper(), m_table.encoding));
    const QStringList header = m_table.rows.value(0);
    const import::ColumnMapping guess = import::ColumnMapping::guess(header);
    for (int f = 0; f < m_columns.size(); ++f) {
        QComboBox *c = m_columns.at(f);
        const QSignalBlocker block(c);
        c->clear();
        c->addItem(tr("(not in the file)"), -1);
        for (int i = 0; i < header.size(); ++i)
            c->addItem(QStringLiteral("%1: %2").arg(i + 1).arg(header.at(i)), i);
        c->setCurrentIndex(std::max(0, c->findData(guess.field(f))));
    }
    const int previewRows = int(std::min<qsizetype>(m_table.rows.size(), 21));
    int width = 0;
    for (int r = 0; r < previewRows; ++r)
        width = std::max(width, int(m_table.rows.at(r).size()));
    m_preview->clear();
    m_preview->setRowCount(std::max(0, previewRows - 1));
    m_preview->setColumnCount(width);
    m_preview->setHorizontalHeaderLabels(header);
    for (int r = 1; r < previewRows; ++r)
        for (int c = 0; c < m_table.rows.at(r).size(); ++c)
            m_preview->setItem(r - 1, c, new QTableWidgetItem(m_table.rows.at(r).at(c)));
    m_problems->clear();
    m_summary->setText(tr("Check the column mapping, then run the dry run."));
    m_planValid = false;
    m_dryRun->setEnabled(true);
    m_import->setEnabled(false);
    m_save->setEnabled(false);
    return true;
}

import::ColumnMapping ImportDialog::mapping() const
{
    import::ColumnMapping m;
    for (int f = 0; f < m_columns.size(); ++f)
        m.field(f) = m_columns.at(f)->currentData().toInt();
    return m;
}

void ImportDialog::setBusy(bool busy)
{
    m_dryRun->setEnabled(!busy);
    m_import->setEnabled(!busy && m_planValid && (m_plan.newRows + m_plan.updates) > 0);
    m_save->setEnabled(!busy && m_planValid && m_plan.problemRows > 0);
    m_progress->setVisible(busy);
    for (QComboBox *c : std::as_const(m_columns))
        c->setEnabled(!busy);
}

void ImportDialog::runDryRun()
{
    const import::ColumnMapping m = mapping();
    if (!m.isComplete()) {
        m_summary->setText(tr("Choose the columns for student number, name, ID number and class."));
        return;
    }
    setBusy(true);
    m_progress->setRange(0, 0);
    auto database = m_context.sharedDatabase();
    const accounts::Session session = m_context.session();
    const import::TableData table = m_table;
    using Out = std::pair<import::ImportPlan, QString>;
    auto *watcher = new QFutureWatcher<Out>(this);
    connect(watcher, &QFutureWatcher<Out>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Out out = watcher->result();
        m_problems->clear();
        if (!out.second.isEmpty()) {
            m_planValid = false;
            m_summary->setText(out.second);
        } else {
            m_plan = out.first;
            m_planValid = true;
            for (const import::RosterRow &r : m_plan.rows)
                if (r.outcome == import::RosterRow::Outcome::Problem)
                    new QTreeWidgetItem(m_problems, {QString::number(r.line), r.problems.join(QStringLiteral("; "))});
            m_summary->setText(tr("Dry run: %1 new, %2 changed, %3 unchanged, %4 row(s) with problems (left out of the import).")
                                   .arg(m_plan.newRows)
                                   .arg(m_plan.updates)
                                   .arg(m_plan.unchanged)
                                   .arg(m_plan.problemRows));
        }
        setBusy(false);
        Q_EMIT dryRunFinished();
    });
    watcher->setFuture(QtConcurrent::run([database, session, table, m]() -> Out {
        try {
            return {import::RosterImporter(*database, session).plan(table, m), QString()};
        } catch (const import::ImportError &e) {
            return {{}, e.message()};
        } catch (const db::DbError &e) {
            return {{}, e.message()};
        }
    }));
}

void ImportDialog::runImport()
{
    if (!m_planValid)
        return;
    setBusy(true);
    m_import->setEnabled(false);
    m_progress->setRange(0, std::max(1, m_plan.newRows + m_plan.updates));
    m_cancelFlag = std::make_shared<std::atomic_bool>(false);
    auto cancel = m_cancelFlag;
    auto database = m_context.sharedDatabase();
    const accounts::Session session = m_context.session();
    const import::ImportPlan plan = m_plan;
    const QString name = QFileInfo(m_path->text()).fileName();
    QPointer<QProgressBar> bar = m_progress;
    using Out = std::pair<import::ImportResult, QString>;
    auto *watcher = new QFutureWatcher<Out>(this);
    connect(watcher, &QFutureWatcher<Out>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_cancelFlag.reset();
        const Out out = watcher->result();
        const bool ok = out.second.isEmpty();
        if (ok) {
            m_imported = true;
            m_planValid = false;
            m_summary->setText(tr("Imported: %1 added, %2 updated, %3 unchanged, %4 row(s) left out.")
                                   .arg(out.first.inserted)
                                   .arg(out.first.updated)
                                   .arg(out.first.unchanged)
                                   .arg(out.first.skipped));
            Q_EMIT m_context.dataChanged(QStringLiteral("roster"));
        } else {
            m_summary->setText(out.second);
        }
        setBusy(false);
        Q_EMIT importFinished(ok);
    });
    watcher->setFuture(QtConcurrent::run([database, session, plan, name, cancel, bar]() -> Out {
        try {
            const auto progress = [bar](int done, int) {
                QMetaObject::invokeMethod(bar, [bar, done] { if (bar) bar->setValue(done); }, Qt::QueuedConnection);
            };
            return {import::RosterImporter(*database, session).apply(plan, name, progress, cancel.get()), QString()};
        } catch (const db::DbError &e) {
            return {{}, e.message()};
        }
    }));
}

void ImportDialog::saveProblems()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save problem rows"), QFileInfo(m_path->text()).completeBaseName()
                                                          + tr("-problems.csv"), tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    try {
        import::RosterImporter::writeProblemRows(m_plan, path);
        m_summary->setText(tr("%n problem row(s) saved to %1.", nullptr, m_plan.problemRows).arg(path));
    } catch (const import::ImportError &e) {
        MessageBox::warning(this, windowTitle(), e.message());
    }
}

} // namespace tucai::ui
