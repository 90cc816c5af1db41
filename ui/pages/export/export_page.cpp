#include "pages/export/export_page.h"

#include "db/account_repo.h"
#include "db/database.h"
#include "db/school_repo.h"
#include "export/file_names.h"
#include "net/photo_store.h"
#include "shell/app_context.h"
#include "shell/message_box.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTimeZone>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace tucai::ui {
namespace {

QList<qint64> checkedIds(const QListWidget *list)
{
    QList<qint64> ids;
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->checkState() == Qt::Checked)
            ids << list->item(i)->data(Qt::UserRole).toLongLong();
    return ids;
}

qint64 chinaDayStart(const QDate &d) { return QDateTime(d, QTime(0, 0), QTimeZone(8 * 3600)).toMSecsSinceEpoch(); }

} // namespace

ExportPage::ExportPage(AppContext &context, QWidget *parent) : Page(context, parent)
{
    setObjectName(QStringLiteral("exportPage"));
    m_colleges = new QListWidget(this);
    m_colleges->setObjectName(QStringLiteral("exportColleges"));
    m_classes = new QListWidget(this);
    m_classes->setObjectName(QStringLiteral("exportClasses"));
    m_paidOnly = new QCheckBox(tr("Paid students only"), this);
    m_paidOnly->setObjectName(QStringLiteral("exportPaidOnly"));
    m_byDate = new QCheckBox(tr("Only photos decided between"), this);
    m_byDate->setObjectName(QStringLiteral("exportByDate"));
    m_from = new QDateEdit(QDate::currentDate().addDays(-30), this);
    m_from->setObjectName(QStringLiteral("exportFrom"));
    m_to = new QDateEdit(QDate::currentDate(), this);
    m_to->setObjectName(QStringLiteral("exportTo"));
    for (QDateEdit *e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        e->setEnabled(false);
    }
    m_layout = new QComboBox(this);
    m_layout->setObjectName(QStringLiteral("exportLayout"));
    m_layout->addItem(tr("One zip per college, a folder per class"), int(exporting::ExportOptions::Layout::ZipPerCollege));
    m_layout->addItem(tr("One zip, a folder per college and class"), int(exporting::ExportOptions::Layout::SingleZip));
    m_template = new QComboBox(this);
    m_template->setObjectName(QStringLiteral("exportTemplate"));
    m_template->setEditable(true);
    m_template->addItems(exporting::standardNameTemplates());
    m_template->setToolTip(tr("Fields: {学号} student number, {身份证号} ID number, {学院} college, {班级} class, {姓名} name"));
    m_outDir = new QLineEdit(this);
    m_outDir->setObjectName(QStringLiteral("exportOutDir"));
    m_browse = new QPushButton(tr("&Browse..."), this);
    m_browse->setObjectName(QStringLiteral("exportBrowse"));
    m_start = new QPushButton(tr("&Export"), this);
    m_start->setObjectName(QStringLiteral("exportStart"));
    m_start->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_start->setToolTip(tr("Start the export (%1)").arg(m_start->shortcut().toString(QKeySequence::NativeText)));
    m_cancel = new QPushButton(tr("&Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("exportCancel"));
    m_cancel->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancel->setToolTip(tr("Stop the export; nothing is left under the final names (Esc)"));
    m_cancel->setEnabled(false);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("exportSummary"));
    m_summary->setWordWrap(true);
    m_log = new QPlainTextEdit(this);
    m_log->setObjectName(QStringLiteral("exportLog"));
    m_log->setReadOnly(true);

    // Remembered between sessions.
    QSettings settings;
    const QString defaultDir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + QStringLiteral("/tucai-export");
    m_outDir->setText(settings.value(QStringLiteral("export/outDir"), defaultDir).toString());
    const QString savedTemplate = settings.value(QStringLiteral("export/template"), exporting::defaultNameTemplate()).toString();
    m_template->setCurrentText(savedTemplate);
    m_layout->setCurrentIndex(settings.value(QStringLiteral("export/layout"), 0).toInt());
    m_paidOnly->setChecked(settings.value(QStringLiteral("export/paidOnly"), false).toBool());

    auto *selection = new QGroupBox(tr("Selection"), this);
    auto *selLayout = new QVBoxLayout(selection);
    auto *lists = new QSplitter(Qt::Horizontal, selection);
    lists->setObjectName(QStringLiteral("exportListsSplitter"));
    auto *collegeBox = new QWidget(lists);
    auto *cl = new QVBoxLayout(collegeBox);
    cl->setContentsMargins(0, 0, 0, 0);
    cl->addWidget(new QLabel(tr("Colleges (none checked = all)"), collegeBox));
    cl->addWidget(m_colleges);
    auto *classBox = new QWidget(lists);
    auto *kl = new QVBoxLayout(classBox);
    kl->setContentsMargins(0, 0, 0, 0);
    kl->addWidget(new QLabel(tr("Classes (none checked = all)"), classBox));
    kl->addWidget(m_classes);
    lists->restoreState(settings.value(QStringLiteral("export/listsSplitter")).toByteArray());
    connect(lists, &QSplitter::splitterMoved, this,
            [lists] { QSettings().setValue(QStringLiteral("export/listsSplitter"), lists->saveState()); });
    selLayout->addWidget(lists, 1);
    auto *dates = new QHBoxLayout;
    dates->addWidget(m_byDate);
    dates->addWidget(m_from);
    dates->addWidget(new QLabel(tr("and"), selection));
    dates->addWidget(m_to);
    dates->addStretch();
    selLayout->addWidget(m_paidOnly);
    selLayout->addLayout(dates);

    auto *output = new QGroupBox(tr("Package"), this);
    auto *form = new QFormLayout(output);
    form->addRow(tr("Layout:"), m_layout);
    form->addRow(tr("File names:"), m_template);
    auto *dirRow = new QHBoxLayout;
    dirRow->addWidget(m_outDir, 1);
    dirRow->addWidget(m_browse);
    form->addRow(tr("Folder:"), dirRow);
    auto *spec = new QLabel(this);
    const exporting::FileSpec fs = exporting::FileSpec::fromDefaultProfile();
    spec->setText(tr("Photos that are not %1x%2 JPEG of %3-%4 KB are re-encoded; the others are copied byte for byte.")
                      .arg(fs.width).arg(fs.height).arg(fs.minBytes / 1024).arg(fs.maxBytes / 1024));
    spec->setWordWrap(true);
    form->addRow(spec);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_progress, 1);
    buttons->addWidget(m_start);
    buttons->addWidget(m_cancel);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(selection, 2);
    layout->addWidget(output);
    layout->addLayout(buttons);
    layout->addWidget(m_summary);
    layout->addWidget(m_log, 1);

    connect(m_colleges, &QListWidget::itemChanged, this, &ExportPage::fillClasses);
    connect(m_byDate, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_byDate, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Export to folder"), m_outDir->text());
        if (!dir.isEmpty())
            m_outDir->setText(QDir::toNativeSeparators(dir));
    });
    connect(m_start, &QPushButton::clicked, this, &ExportPage::start);
    connect(m_cancel, &QPushButton::clicked, this, &ExportPage::cancel);
}

ExportPage::~ExportPage()
{
    // The job posts to this page: stop it and wait before the page goes.
    if (m_cancelFlag)
        *m_cancelFlag = true;
    m_future.waitForFinished();
}

void ExportPage::activate()
{
    if (!m_filled)
        fillColleges();
}

void ExportPage::applyFilter(const QVariantMap &filter)
{
    if (!m_filled)
        fillColleges();
    const qint64 college = filter.value(QStringLiteral("college")).toLongLong();
    for (int i = 0; i < m_colleges->count(); ++i)
        m_colleges->item(i)->setCheckState(m_colleges->item(i)->data(Qt::UserRole).toLongLong() == college ? Qt::Checked : Qt::Unchecked);
}

void ExportPage::fillColleges()
{
    m_filled = true;
    const QSignalBlocker block(m_colleges);
    m_colleges->clear();
    const accounts::Session &s = context().session();
    try {
        QList<qint64> allowed;
        if (s.role == StaffRole::CollegeAdmin)
            allowed = {s.collegeId};
        else if (s.role == StaffRole::Reviewer) {
            // The colleges of the reviewer's assignments; fillClasses() narrows to their classes.
            m_reviewerScopes.clear();
            for (const auto &sc : db::AccountRepo(context().database()).staffScopes(s.staffId)) {
                m_reviewerScopes.append({sc.collegeId, sc.classId});
                allowed << sc.collegeId;
            }
        }
        for (const College &c : db::SchoolRepo(context().database()).colleges(s.schoolId)) {
            if (s.role != StaffRole::SchoolAdmin && !allowed.contains(c.id))
                continue;
            auto *item = new QListWidgetItem(c.name, m_colleges);
            item->setData(Qt::UserRole, c.id);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(s.role == StaffRole::SchoolAdmin ? Qt::Unchecked : Qt::Checked);
        }
    } catch (const db::DbError &e) {
        m_summary->setText(e.message());
    }
    fillClasses();
}

void ExportPage::fillClasses()
{
    const QList<qint64> kept = checkedIds(m_classes);
    const QSignalBlocker block(m_classes);
    m_classes->clear();
    QList<qint64> colleges = checkedIds(m_colleges);
    if (colleges.isEmpty())
        for (int i = 0; i < m_colleges->count(); ++i)
            colleges << m_colleges->item(i)->data(Qt::UserRole).toLongLong();
    try {
        const bool reviewer = context().session().role == StaffRole::Reviewer;
        for (const ClassInfo &c : db::SchoolRepo(context().database()).classes()) {
            if (!colleges.contains(c.collegeId))
                continue;
            // A reviewer assigned single classes sees (and exports) only those.
            if (reviewer && !m_reviewerScopes.contains({c.collegeId, 0}) && !m_reviewerScopes.contains({c.collegeId, c.id}))
                continue;
            auto *item = new QListWidgetItem(c.name, m_classes);
            item->setData(Qt::UserRole, c.id);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(kept.contains(c.id) ? Qt::Checked : Qt::Unchecked);
        }
    } catch (const db::DbError &e) {
        m_summary->setText(e.message());
    }
}

exporting::ExportOptions ExportPage::currentOptions() const
{
    exporting::ExportOptions o;
    o.selection.schoolId = context().session().schoolId;
    o.selection.collegeIds = checkedIds(m_colleges);
    // A college admin or reviewer never exports beyond the colleges listed for them.
    if (o.selection.collegeIds.isEmpty() && context().session().role != StaffRole::SchoolAdmin)
        for (int i = 0; i < m_colleges->count(); ++i)
            o.selection.collegeIds << m_colleges->item(i)->data(Qt::UserRole).toLongLong();
    o.selection.classIds = checkedIds(m_classes);
    if (o.selection.classIds.isEmpty() && context().session().role == StaffRole::Reviewer)
        for (int i = 0; i < m_classes->count(); ++i)
            o.selection.classIds << m_classes->item(i)->data(Qt::UserRole).toLongLong();
    o.selection.paidOnly = m_paidOnly->isChecked();
    if (m_byDate->isChecked()) {
        o.selection.decidedFrom = chinaDayStart(m_from->date());
        o.selection.decidedTo = chinaDayStart(m_to->date().addDays(1));
    }
    o.layout = exporting::ExportOptions::Layout(m_layout->currentData().toInt());
    o.nameTemplate = m_template->currentText().trimmed();
    o.outDir = QDir::fromNativeSeparators(m_outDir->text().trimmed());
    o.staffId = context().session().staffId;
    o.staffName = context().session().displayName;
    return o;
}

void ExportPage::start()
{
    if (m_running)
        return;
    if (!m_filled)
        fillColleges();
    exporting::ExportOptions options = currentOptions();
    const QString problem = exporting::validateNameTemplate(options.nameTemplate);
    if (!problem.isEmpty()) {
        MessageBox::warning(this, tr("Export"), problem);
        return;
    }
    if (options.outDir.isEmpty()) {
        MessageBox::warning(this, tr("Export"), tr("Choose the folder to export to."));
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("export/outDir"), m_outDir->text());
    settings.setValue(QStringLiteral("export/template"), options.nameTemplate);
    settings.setValue(QStringLiteral("export/layout"), m_layout->currentIndex());
    settings.setValue(QStringLiteral("export/paidOnly"), m_paidOnly->isChecked());

    setRunning(true);
    m_log->clear();
    m_summary->setText(tr("Exporting..."));
    m_progress->setRange(0, 0);
    m_cancelFlag = std::make_shared<std::atomic_bool>(false);
    auto cancelFlag = m_cancelFlag;
    auto database = context().sharedDatabase();
    if (!m_photoStore)
        m_photoStore = std::make_unique<net::PhotoStore>(database);
    options.photoStore = m_photoStore.get();
    m_future = QtConcurrent::run([this, database, options, cancelFlag] {
        exporting::ExportResult result;
        try {
            result = exporting::PhotoExporter(*database, options)
                         .run(
                             [this](int done, int total) {
                                 QMetaObject::invokeMethod(this, [this, done, total] {
                                     m_progress->setRange(0, total);
                                     m_progress->setValue(done);
                                 }, Qt::QueuedConnection);
                             },
                             cancelFlag.get());
        } catch (const db::DbError &e) {
            result.error = e.message();
        }
        QMetaObject::invokeMethod(this, [this, result] { onFinished(result); }, Qt::QueuedConnection);
    });
}

void ExportPage::cancel()
{
    if (m_cancelFlag)
        *m_cancelFlag = true;
    m_summary->setText(tr("Cancelling..."));
}

void ExportPage::setRunning(bool running)
{
    m_running = running;
    m_start->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_browse->setEnabled(!running);
}

void ExportPage::onFinished(const exporting::ExportResult &r)
{
    setRunning(false);
    m_result = r;
    m_progress->setRange(0, std::max(1, r.selected));
    m_progress->setValue(r.cancelled || !r.error.isEmpty() ? 0 : r.selected);
    QStringList lines;
    if (r.cancelled) {
        m_summary->setText(tr("Export cancelled: nothing was written under the final names."));
    } else if (!r.error.isEmpty()) {
        m_summary->setText(tr("Export failed: %1").arg(r.error));
    } else {
        m_summary->setText(tr("%1 approved photos selected, %2 exported (%3 re-encoded), %4 failed.")
                               .arg(r.selected)
                               .arg(r.files.size())
                               .arg(r.reencodedCount())
                               .arg(r.failures.size()));
        for (const QString &p : r.packages)
            lines << QDir::toNativeSeparators(p);
        lines << QDir::toNativeSeparators(r.manifestCsv) << QDir::toNativeSeparators(r.manifestXlsx);
        for (const QString &n : r.renamed)
            lines << tr("Renamed (duplicate name): %1").arg(n);
        for (const exporting::ExportFailure &f : r.failures)
            lines << tr("Failed: %1 %2: %3").arg(f.row.studentNo, f.row.name, f.reason);
        if (r.markedExported)
            lines << tr("%n student(s) marked as exported.", nullptr, r.markedExported);
        if (!r.warning.isEmpty())
            lines << r.warning;
    }
    m_log->setPlainText(lines.join(QLatin1Char('\n')));
    Q_EMIT finished(r.complete());
}

} // namespace tucai::ui
