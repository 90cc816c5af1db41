#include "pages/codes/codes_page.h"

#include "codes/code_sheet.h"
#include "db/code_repo.h"
#include "db/database.h"
#include "db/school_repo.h"
#include "pages/codes/code_list_model.h"
#include "pages/codes/file_dialog.h"
#include "shell/app_context.h"
#include "shell/message_box.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace tucai::ui {

CodesPage::CodesPage(AppContext &ctx, QWidget *parent) : Page(ctx, parent)
{
    setObjectName(QStringLiteral("codesPage"));
    m_college = new QComboBox(this);
    m_college->setObjectName(QStringLiteral("codesCollege"));
    m_class = new QComboBox(this);
    m_class->setObjectName(QStringLiteral("codesClass"));
    m_expires = new QCheckBox(tr("Expires on"), this);
    m_expires->setObjectName(QStringLiteral("codesExpires"));
    m_expiryDate = new QDateEdit(QDate::currentDate().addMonths(2), this);
    m_expiryDate->setObjectName(QStringLiteral("codesExpiryDate"));
    m_expiryDate->setCalendarPopup(true);
    m_expiryDate->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_expiryDate->setEnabled(false);
    m_expires->setChecked(false);
    connect(m_expires, &QCheckBox::toggled, m_expiryDate, &QWidget::setEnabled);
    m_showRevoked = new QCheckBox(tr("Show revoked"), this);
    m_showRevoked->setObjectName(QStringLiteral("codesShowRevoked"));

    m_generate = new QPushButton(tr("&Generate codes and save PDF..."), this);
    m_generate->setObjectName(QStringLiteral("generateCodes"));
    m_generate->setShortcut(QKeySequence(QStringLiteral("Ctrl+G")));
    m_generate->setToolTip(tr("New codes for every student of the selection; their earlier codes stop working (Ctrl+G)"));
    m_batch = new QPushButton(tr("School/&batch code..."), this);
    m_batch->setObjectName(QStringLiteral("generateBatch"));
    m_batch->setToolTip(tr("One shared code for the school or the selected college (e.g. for a collection session)"));
    m_revoke = new QPushButton(tr("&Revoke"), this);
    m_revoke->setObjectName(QStringLiteral("revokeCode"));
    m_revoke->setShortcut(QKeySequence::Delete);
    m_revoke->setToolTip(tr("Revoke the selected codes (Del)"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelCodes"));
    m_cancel->setVisible(false);

    m_verifyInput = new QLineEdit(this);
    m_verifyInput->setObjectName(QStringLiteral("verifyInput"));
    m_verifyInput->setPlaceholderText(tr("Type or scan a code to check it"));
    m_verify = new QPushButton(tr("&Check"), this);
    m_verify->setObjectName(QStringLiteral("verifyCode"));
    m_verifyResult = new QLabel(this);
    m_verifyResult->setObjectName(QStringLiteral("verifyResult"));
    m_verifyResult->setWordWrap(true);

    m_model = new CodeListModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("codesTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    const QByteArray header = QSettings().value(QStringLiteral("codesPage/header")).toByteArray();
    if (header.isEmpty() || !m_table->horizontalHeader()->restoreState(header)) {
        const int widths[] = {120, 110, 150, 100, 140, 140};
        for (int c = 0; c < 6; ++c)
            m_table->horizontalHeader()->resizeSection(c, widths[c]);
    }
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, this, [this] {
        QSettings().setValue(QStringLiteral("codesPage/header"), m_table->horizontalHeader()->saveState());
    });

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("codesProgress"));
    m_progress->setVisible(false);
    m_selection = new QLabel(this);
    m_selection->setObjectName(QStringLiteral("codesSelection"));
    m_selection->setVisible(false);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("codesStatus"));
    m_status->setWordWrap(true);

    auto *scope = new QGridLayout;
    scope->addWidget(new QLabel(tr("College"), this), 0, 0);
    scope->addWidget(m_college, 0, 1);
    scope->addWidget(new QLabel(tr("Class"), this), 0, 2);
    scope->addWidget(m_class, 0, 3);
    scope->addWidget(m_expires, 0, 4);
    scope->addWidget(m_expiryDate, 0, 5);
    scope->setColumnStretch(1, 1);
    scope->setColumnStretch(3, 1);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_generate);
    actions->addWidget(m_batch);
    actions->addWidget(m_revoke);
    actions->addWidget(m_showRevoked);
    actions->addStretch();
    actions->addWidget(m_progress);
    actions->addWidget(m_cancel);
    auto *verify = new QHBoxLayout;
    verify->addWidget(m_verifyInput, 1);
    verify->addWidget(m_verify);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(scope);
    layout->addWidget(m_selection);
    layout->addLayout(actions);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);
    layout->addLayout(verify);
    layout->addWidget(m_verifyResult);

    connect(m_college, &QComboBox::currentIndexChanged, this, [this] {
        m_studentIds.clear();
        m_selection->hide();
        loadClasses();
        refresh();
    });
    connect(m_class, &QComboBox::currentIndexChanged, this, [this] {
        m_studentIds.clear();
        m_selection->hide();
        refresh();
    });
    connect(m_showRevoked, &QCheckBox::toggled, this, &CodesPage::refresh);
    connect(m_generate, &QPushButton::clicked, this, &CodesPage::generateForSelection);
    connect(m_batch, &QPushButton::clicked, this, &CodesPage::generateBatchCode);
    connect(m_revoke, &QPushButton::clicked, this, &CodesPage::revokeSelected);
    connect(m_verify, &QPushButton::clicked, this, &CodesPage::verifyTyped);
    connect(m_verifyInput, &QLineEdit::returnPressed, this, &CodesPage::verifyTyped);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_cancelFlag)
            m_cancelFlag->store(true);
    });
    connect(&m_watcher, &QFutureWatcher<JobResult>::finished, this, [this] {
        const JobResult r = m_watcher.result();
        setBusy(false);
        if (r.ok) {
            m_lastResult = tr("%1 codes generated; earlier codes of these students no longer work. Saved %2 and %3.")
                               .arg(r.count)
                               .arg(QDir::toNativeSeparators(r.pdf), QDir::toNativeSeparators(r.csv));
            m_status->setText(m_lastResult);
            Q_EMIT context().dataChanged(QStringLiteral("codes"));
        } else {
            m_lastResult = r.error;
            m_status->setText(r.error);
            if (!r.error.isEmpty())
                MessageBox::warning(this, tr("Collection codes"), r.error);
        }
        refresh();
        Q_EMIT jobFinished(r.ok);
    });

    // Reviewers look; administrators hand out codes.
    const bool canIssue = ctx.session().role != StaffRole::Reviewer;
    m_generate->setEnabled(canIssue);
    m_batch->setEnabled(canIssue);
    m_revoke->setEnabled(canIssue);
    loadColleges();
    refresh();
}

void CodesPage::activate() { refresh(); }

void CodesPage::applyFilter(const QVariantMap &filter)
{
    const int c = m_college->findData(filter.value(QStringLiteral("college_id")).toLongLong());
    if (c >= 0)
        m_college->setCurrentIndex(c);
    const int k = m_class->findData(filter.value(QStringLiteral("class_id")).toLongLong());
    if (k >= 0)
        m_class->setCurrentIndex(k);
    // {"student_ids": [..]}: codes for exactly these students (a filtered list elsewhere),
    // still limited to the college shown (core drops students outside it).
    m_studentIds.clear();
    for (const QVariant &v : filter.value(QStringLiteral("student_ids")).toList())
        m_studentIds.append(v.toLongLong());
    m_selection->setVisible(!m_studentIds.isEmpty());
    m_selection->setText(tr("%n selected student(s) from the filtered list; choose a college or class to go back.", nullptr,
                            int(m_studentIds.size())));
}

void CodesPage::loadColleges()
{
    const QSignalBlocker block(m_college);
    m_college->clear();
    const auto &session = context().session();
    try {
        if (session.role != StaffRole::CollegeAdmin)
            m_college->addItem(tr("All colleges"), qint64(0));
        for (const College &c : db::SchoolRepo(context().database()).colleges(session.schoolId))
            if (session.role != StaffRole::CollegeAdmin || c.id == session.collegeId)
                m_college->addItem(c.name, c.id);
    } catch (const db::DbError &e) {
        m_status->setText(e.message());
    }
    loadClasses();
}

void CodesPage::loadClasses()
{
    const QSignalBlocker block(m_class);
    m_class->clear();
    m_class->addItem(tr("All classes"), qint64(0));
    const qint64 college = m_college->currentData().toLongLong();
    if (!college)
        return;
    try {
        for (const ClassInfo &k : db::SchoolRepo(context().database()).classes(college))
            m_class->addItem(k.name, k.id);
    } catch (const db::DbError &e) {
        m_status->setText(e.message());
    }
}

void CodesPage::refresh()
{
    try {
        db::CodeRepo repo(context().database());
        m_model->setRows(repo.list(context().session().schoolId, m_college->currentData().toLongLong(),
                                   m_class->currentData().toLongLong(), m_showRevoked->isChecked(), 5000),
                         db::nowMs());
    } catch (const db::DbError &e) {
        m_status->setText(e.message());
    }
}

qint64 CodesPage::expiresAt() const
{
    return m_expires->isChecked() ? QDateTime(m_expiryDate->date(), QTime(23, 59, 59)).toMSecsSinceEpoch() : 0;
}

bool CodesPage::isBusy() const { return m_watcher.isRunning(); }

void CodesPage::setBusy(bool busy)
{
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    const bool canIssue = context().session().role != StaffRole::Reviewer;
    m_generate->setEnabled(!busy && canIssue);
    m_batch->setEnabled(!busy && canIssue);
    m_college->setEnabled(!busy);
    m_class->setEnabled(!busy);
}

void CodesPage::generateForSelection()
{
    if (isBusy())
        return;
    const QString scope = !m_studentIds.isEmpty()         ? tr("%n selected student(s)", nullptr, int(m_studentIds.size()))
                          : m_class->currentData().toLongLong() ? m_class->currentText()
                                                                : m_college->currentText();
    QString suggested = QStringLiteral("codes-%1.pdf").arg(scope);
    suggested.replace(QLatin1Char('/'), QLatin1Char('-'));
    QString pdf = FileDialog::getSaveFileName(this, tr("Save the code sheet"), suggested, tr("PDF files (*.pdf)"));
    if (pdf.isEmpty())
        return;
    if (!pdf.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        pdf += QStringLiteral(".pdf");
    const QString csv = pdf.left(pdf.size() - 4) + QStringLiteral(".csv");
    if (MessageBox::question(this, tr("Generate codes"),
                             tr("Generate new codes for every student of %1? Codes handed out before stop working. "
                                "The codes are shown only now: they are saved to %2 and %3.")
                                 .arg(scope, QFileInfo(pdf).fileName(), QFileInfo(csv).fileName()))
        != QMessageBox::Yes)
        return;

    codes::CodeSelection sel;
    sel.schoolId = context().session().schoolId;
    sel.collegeId = m_college->currentData().toLongLong();
    sel.classId = m_class->currentData().toLongLong();
    sel.studentIds = m_studentIds;
    const qint64 expires = expiresAt();
    const codes::CodeService::Actor actor{context().session().staffId, context().session().username};
    QString schoolName;
    try {
        if (const auto school = db::SchoolRepo(context().database()).firstSchool())
            schoolName = school->name;
    } catch (const db::DbError &) {
    }
    auto database = context().sharedDatabase();
    m_cancelFlag = std::make_shared<std::atomic_bool>(false);
    auto cancel = m_cancelFlag;
    QPointer<QProgressBar> bar = m_progress;
    auto report = [this, bar](int done, int total) {
        QMetaObject::invokeMethod(this, [bar, done, total] {
            if (bar) {
                bar->setMaximum(total);
                bar->setValue(done);
            }
        }, Qt::QueuedConnection);
    };
    setBusy(true);
    m_progress->setRange(0, 0);
    m_status->setText(tr("Generating codes..."));
    m_watcher.setFuture(QtConcurrent::run([database, sel, expires, actor, pdf, csv, schoolName, cancel, report] {
        JobResult r;
        r.pdf = pdf;
        r.csv = csv;
        try {
            // The sheet is written before the codes are committed: if it cannot be written, the old
            // codes stay valid and no new code exists that nobody can hand out.
            codes::CodeService service(*database, actor);
            auto deliver = [&](const QList<codes::IssuedCode> &issued, QString *error) {
                return codes::CodeSheet::writePdf(pdf, issued, {schoolName, {}}, error, report, cancel.get())
                    && codes::CodeSheet::writeCsv(csv, issued, error);
            };
            QString error;
            const QList<codes::IssuedCode> issued = service.generateForStudents(sel, expires, report, cancel.get(), deliver, &error);
            if (cancel->load()) {
                r.error = tr("Cancelled: no codes were changed.");
                return r;
            }
            if (!error.isEmpty()) {
                r.error = error + QLatin1Char('\n') + tr("No codes were changed.");
                return r;
            }
            if (issued.isEmpty()) {
                r.error = tr("There are no students in this selection.");
                return r;
            }
            r.count = int(issued.size());
            r.ok = true;
        } catch (const db::DbError &e) {
            r.error = e.message();
        } catch (const std::exception &e) {
            r.error = QString::fromUtf8(e.what());
        }
        return r;
    }));
}

void CodesPage::generateBatchCode()
{
    bool ok = false;
    const QString label = QInputDialog::getText(this, tr("School/batch code"), tr("Label (e.g. the collection session):"),
                                                QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    try {
        codes::CodeService service(context().database(), {context().session().staffId, context().session().username});
        const codes::IssuedCode code =
            service.generateBatchCode(context().session().schoolId, m_college->currentData().toLongLong(), label, expiresAt());
        m_lastResult = code.code;
        MessageBox::information(this, tr("School/batch code"),
                                tr("The new code is %1\nWrite it down now: it is not stored and cannot be shown again.").arg(code.code));
        refresh();
    } catch (const db::DbError &e) {
        MessageBox::critical(this, tr("School/batch code"), e.message());
    }
}

void CodesPage::revokeSelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    if (MessageBox::question(this, tr("Revoke codes"), tr("Revoke %n code(s)? They stop working at once.", nullptr, int(rows.size())))
        != QMessageBox::Yes)
        return;
    try {
        codes::CodeService service(context().database(), {context().session().staffId, context().session().username});
        int done = 0;
        for (const QModelIndex &i : rows)
            done += service.revoke(m_model->row(i.row()).id, tr("revoked by staff")) ? 1 : 0;
        m_status->setText(tr("%n code(s) revoked.", nullptr, done));
    } catch (const db::DbError &e) {
        MessageBox::critical(this, tr("Revoke codes"), e.message());
    }
    refresh();
}

void CodesPage::verifyTyped()
{
    try {
        const codes::VerifyResult r = codes::CodeService(context().database(), {}).verify(m_verifyInput->text());
        m_verifyResult->setText(r.message());
        m_verifyResult->setStyleSheet(r.ok() ? QStringLiteral("color: #1b5e20;") : QStringLiteral("color: #b00020;"));
    } catch (const db::DbError &e) {
        m_verifyResult->setText(e.message());
    }
}

} // namespace tucai::ui
