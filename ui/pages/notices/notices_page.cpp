#include "pages/notices/notices_page.h"

#include "db/database.h"
#include "db/notice_repo.h"
#include "db/school_repo.h"
#include "notices/notice_service.h"
#include "pages/codes/file_dialog.h"
#include "pages/notices/notice_list_model.h"
#include "pages/notices/phone_preview.h"
#include "pages/notices/rich_text_toolbar.h"
#include "shell/app_context.h"
#include "shell/message_box.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeDatabase>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTextEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tucai::ui {
namespace {
constexpr qint64 kMaxAttachmentBytes = 20 * 1024 * 1024;
QString when(qint64 ms) { return ms ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString(); }
} // namespace

NoticesPage::NoticesPage(AppContext &ctx, QWidget *parent) : Page(ctx, parent)
{
    setObjectName(QStringLiteral("noticesPage"));
    // List.
    m_model = new NoticeListModel(this);
    m_list = new QTableView(this);
    m_list->setObjectName(QStringLiteral("noticeList"));
    m_list->setModel(m_model);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setStretchLastSection(true);
    m_list->setAlternatingRowColors(true);
    m_new = new QPushButton(tr("&New notice"), this);
    m_new->setObjectName(QStringLiteral("newNotice"));
    m_new->setShortcut(QKeySequence::New);
    m_new->setToolTip(tr("Write a new notice (Ctrl+N)"));
    auto *left = new QWidget(this);
    auto *ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 0, 0, 0);
    ll->addWidget(m_list, 1);
    ll->addWidget(m_new);

    // Editor.
    auto *editor = new QWidget(this);
    auto *el = new QVBoxLayout(editor);
    m_title = new QLineEdit(editor);
    m_title->setObjectName(QStringLiteral("noticeTitle"));
    m_title->setPlaceholderText(tr("Title"));
    m_scope = new QComboBox(editor);
    m_scope->setObjectName(QStringLiteral("noticeScope"));
    auto *top = new QHBoxLayout;
    top->addWidget(m_title, 3);
    top->addWidget(m_scope, 1);
    m_body = new QTextEdit(editor);
    m_body->setObjectName(QStringLiteral("noticeBody"));
    m_body->setAcceptRichText(true);
    m_body->setMinimumHeight(220);
    m_toolBar = new RichTextToolBar(m_body, editor);

    auto *details = new QGroupBox(tr("Collection details shown with the notice"), editor);
    auto *dl = new QFormLayout(details);
    m_hasWindow = new QCheckBox(tr("Collection window"), details);
    m_hasWindow->setObjectName(QStringLiteral("noticeHasWindow"));
    m_windowStart = new QDateEdit(QDate::currentDate(), details);
    m_windowStart->setObjectName(QStringLiteral("noticeWindowStart"));
    m_windowEnd = new QDateEdit(QDate::currentDate().addDays(30), details);
    m_windowEnd->setObjectName(QStringLiteral("noticeWindowEnd"));
    for (QDateEdit *d : {m_windowStart, m_windowEnd}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    auto *window = new QHBoxLayout;
    window->addWidget(m_windowStart);
    window->addWidget(new QLabel(QStringLiteral("–"), details));
    window->addWidget(m_windowEnd);
    window->addStretch();
    m_dailyHours = new QLineEdit(details);
    m_dailyHours->setObjectName(QStringLiteral("noticeDailyHours"));
    m_dailyHours->setPlaceholderText(QStringLiteral("08:00-21:00"));
    m_closureDays = new QLineEdit(details);
    m_closureDays->setObjectName(QStringLiteral("noticeClosureDays"));
    m_closureDays->setPlaceholderText(tr("e.g. 2026-05-01, 2026-05-02"));
    m_fee = new QDoubleSpinBox(details);
    m_fee->setObjectName(QStringLiteral("noticeFee"));
    m_fee->setRange(0, 10000);
    m_fee->setSuffix(tr(" yuan"));
    m_contacts = new QLineEdit(details);
    m_contacts->setObjectName(QStringLiteral("noticeContacts"));
    dl->addRow(m_hasWindow, window);
    dl->addRow(tr("Daily hours"), m_dailyHours);
    dl->addRow(tr("Closure days"), m_closureDays);
    dl->addRow(tr("Fee"), m_fee);
    dl->addRow(tr("Contacts"), m_contacts);

    auto *attachBox = new QGroupBox(tr("Attachments"), editor);
    auto *al = new QHBoxLayout(attachBox);
    m_attachments = new QListWidget(attachBox);
    m_attachments->setObjectName(QStringLiteral("noticeAttachments"));
    m_attachments->setMaximumHeight(70);
    m_addAttachment = new QPushButton(tr("Add..."), attachBox);
    m_addAttachment->setObjectName(QStringLiteral("addAttachment"));
    m_removeAttachment = new QPushButton(tr("Remove"), attachBox);
    m_removeAttachment->setObjectName(QStringLiteral("removeAttachment"));
    auto *ab = new QVBoxLayout;
    ab->addWidget(m_addAttachment);
    ab->addWidget(m_removeAttachment);
    ab->addStretch();
    al->addWidget(m_attachments, 1);
    al->addLayout(ab);

    m_state = new QLabel(editor);
    m_state->setObjectName(QStringLiteral("noticeState"));
    m_error = new QLabel(editor);
    m_error->setObjectName(QStringLiteral("noticeError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_save = new QPushButton(tr("&Save"), editor);
    m_save->setObjectName(QStringLiteral("saveNotice"));
    m_save->setToolTip(tr("Save (Ctrl+S): a new version in the history"));
    m_preview = new QPushButton(tr("&Preview"), editor);
    m_preview->setObjectName(QStringLiteral("previewNotice"));
    m_preview->setShortcut(QKeySequence(QStringLiteral("Ctrl+P")));
    m_preview->setToolTip(tr("Show the notice as a student sees it on a phone (Ctrl+P)"));
    m_publishAt = new QDateTimeEdit(QDateTime::currentDateTime().addDays(1), editor);
    m_publishAt->setObjectName(QStringLiteral("noticePublishAt"));
    m_publishAt->setCalendarPopup(true);
    m_publishAt->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_schedule = new QPushButton(tr("S&chedule"), editor);
    m_schedule->setObjectName(QStringLiteral("scheduleNotice"));
    m_schedule->setToolTip(tr("Publish automatically at the chosen time"));
    m_publish = new QPushButton(tr("Publish &now"), editor);
    m_publish->setObjectName(QStringLiteral("publishNotice"));
    m_unschedule = new QPushButton(tr("&Unschedule"), editor);
    m_unschedule->setObjectName(QStringLiteral("unscheduleNotice"));
    m_archive = new QPushButton(tr("&Archive"), editor);
    m_archive->setObjectName(QStringLiteral("archiveNotice"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_state);
    buttons->addStretch();
    buttons->addWidget(m_preview);
    buttons->addWidget(m_save);
    auto *stateButtons = new QHBoxLayout;
    stateButtons->addWidget(m_publishAt);
    stateButtons->addWidget(m_schedule);
    stateButtons->addWidget(m_unschedule);
    stateButtons->addStretch();
    stateButtons->addWidget(m_publish);
    stateButtons->addWidget(m_archive);

    m_history = new QTreeWidget(editor);
    m_history->setObjectName(QStringLiteral("noticeHistory"));
    m_history->setHeaderLabels({tr("Version"), tr("When"), tr("Who"), tr("State"), tr("What changed")});
    m_history->setRootIsDecorated(false);
    m_history->setMinimumHeight(110);

    el->addLayout(top);
    el->addWidget(m_toolBar);
    el->addWidget(m_body, 1);
    el->addWidget(details);
    el->addWidget(attachBox);
    el->addWidget(m_error);
    el->addLayout(buttons);
    el->addLayout(stateButtons);
    el->addWidget(new QLabel(tr("History"), editor));
    el->addWidget(m_history);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(editor);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("noticesSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
    QSettings st;
    if (!splitter->restoreState(st.value(QStringLiteral("noticesPage/splitter")).toByteArray()))
        splitter->setSizes({420, 780});
    m_list->horizontalHeader()->resizeSection(NoticeListModel::Title, 190);
    m_list->horizontalHeader()->resizeSection(NoticeListModel::Scope, 100);
    m_list->horizontalHeader()->resizeSection(NoticeListModel::State, 80);
    m_history->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_history->header()->setStretchLastSection(true);
    connect(splitter, &QSplitter::splitterMoved, this,
            [splitter] { QSettings().setValue(QStringLiteral("noticesPage/splitter"), splitter->saveState()); });

    // Scope: whole school or one college (college admins: their own college only).
    const auto &session = ctx.session();
    if (session.role != StaffRole::CollegeAdmin)
        m_scope->addItem(tr("Whole school"), qint64(0));
    try {
        for (const College &c : db::SchoolRepo(ctx.database()).colleges(session.schoolId))
            if (session.role != StaffRole::CollegeAdmin || c.id == session.collegeId)
                m_scope->addItem(c.name, c.id);
    } catch (const db::DbError &e) {
        m_error->setText(e.message());
    }

    auto markDirty = [this] {
        if (!m_loading) {
            m_dirty = true;
            updateButtons();
        }
    };
    connect(m_title, &QLineEdit::textEdited, this, markDirty);
    connect(m_body, &QTextEdit::textChanged, this, markDirty);
    connect(m_scope, &QComboBox::currentIndexChanged, this, markDirty);
    connect(m_hasWindow, &QCheckBox::toggled, this, markDirty);
    connect(m_hasWindow, &QCheckBox::toggled, m_windowStart, &QWidget::setEnabled);
    connect(m_hasWindow, &QCheckBox::toggled, m_windowEnd, &QWidget::setEnabled);
    connect(m_windowStart, &QDateEdit::dateChanged, this, markDirty);
    connect(m_windowEnd, &QDateEdit::dateChanged, this, markDirty);
    for (QLineEdit *e : {m_dailyHours, m_closureDays, m_contacts})
        connect(e, &QLineEdit::textEdited, this, markDirty);
    connect(m_fee, &QDoubleSpinBox::valueChanged, this, markDirty);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &index) {
        if (index.isValid() && m_model->notice(index.row()).id != m_current.id)
            selectNotice(m_model->notice(index.row()).id);
    });
    connect(m_new, &QPushButton::clicked, this, &NoticesPage::newNotice);
    connect(m_save, &QPushButton::clicked, this, [this] { save(); });
    auto *saveKey = new QShortcut(QKeySequence::Save, this);
    connect(saveKey, &QShortcut::activated, this, [this] { save(); });
    connect(m_preview, &QPushButton::clicked, this, [this] { preview(); });
    connect(m_schedule, &QPushButton::clicked, this, [this] { schedule(m_publishAt->dateTime()); });
    connect(m_publish, &QPushButton::clicked, this, [this] {
        if (MessageBox::question(this, tr("Publish"), tr("Publish \"%1\" now? Students see it at once.").arg(m_current.title))
            == QMessageBox::Yes)
            publishNow();
    });
    connect(m_unschedule, &QPushButton::clicked, this, [this] { unschedule(); });
    connect(m_archive, &QPushButton::clicked, this, [this] {
        if (MessageBox::question(this, tr("Archive"), tr("Archive \"%1\"? Students no longer see it.").arg(m_current.title))
            == QMessageBox::Yes)
            archive();
    });
    connect(m_addAttachment, &QPushButton::clicked, this, [this] {
        const QString path = FileDialog::getOpenFileName(this, tr("Attach a file"), QString(), tr("All files (*)"));
        if (!path.isEmpty())
            addAttachment(path);
    });
    connect(m_removeAttachment, &QPushButton::clicked, this, [this] {
        QListWidgetItem *item = m_attachments->currentItem();
        if (!item)
            return;
        try {
            db::NoticeRepo(context().database()).removeAttachment(item->data(Qt::UserRole).toLongLong());
        } catch (const db::DbError &e) {
            MessageBox::critical(this, tr("Attachments"), e.message());
        }
        loadAttachments();
    });

    // Reviewers read notices; administrators write them.
    const bool canEdit = session.role != StaffRole::Reviewer;
    editor->setEnabled(canEdit);
    m_new->setEnabled(canEdit);
    reload();
    newNotice();
}

void NoticesPage::activate() { reload(); }

QString NoticesPage::scopeName(qint64 collegeId) const { return m_model->scopeName(collegeId); }

void NoticesPage::reload()
{
    try {
        const auto &session = context().session();
        notices::NoticeService service(context().database(), {session.staffId, session.username});
        // Scheduled notices whose time has come are published (the student side already shows them).
        if (session.role != StaffRole::Reviewer)
            service.publishDue(db::nowMs());
        QHash<qint64, QString> names;
        for (const College &c : db::SchoolRepo(context().database()).colleges(session.schoolId))
            names.insert(c.id, c.name);
        QList<Notice> list = db::NoticeRepo(context().database()).all(session.schoolId);
        if (session.role == StaffRole::CollegeAdmin)
            list.removeIf([&](const Notice &n) { return n.collegeId && n.collegeId != session.collegeId; });
        std::reverse(list.begin(), list.end()); // newest first
        m_model->setNotices(list, names, db::nowMs());
        const int row = m_model->rowOf(m_current.id);
        if (row >= 0) {
            const QSignalBlocker block(m_list->selectionModel());
            m_list->selectRow(row);
        }
    } catch (const db::DbError &e) {
        m_error->setText(e.message());
    }
}

bool NoticesPage::confirmDiscard()
{
    if (!m_dirty)
        return true;
    return MessageBox::question(this, tr("Unsaved changes"), tr("Discard the changes to \"%1\"?").arg(m_current.title))
        == QMessageBox::Yes;
}

void NoticesPage::newNotice()
{
    if (!confirmDiscard())
        return;
    Notice n;
    n.schoolId = context().session().schoolId;
    n.collegeId = context().session().role == StaffRole::CollegeAdmin ? context().session().collegeId : 0;
    n.title = QString();
    showNotice(n);
    m_list->clearSelection();
}

bool NoticesPage::selectNotice(qint64 id)
{
    if (!confirmDiscard())
        return false;
    try {
        const auto n = db::NoticeRepo(context().database()).get(id);
        if (!n)
            return false;
        showNotice(*n);
        const int row = m_model->rowOf(id);
        if (row >= 0) {
            const QSignalBlocker block(m_list->selectionModel());
            m_list->selectRow(row);
        }
        return true;
    } catch (const db::DbError &e) {
        m_error->setText(e.message());
        return false;
    }
}

void NoticesPage::showNotice(const Notice &n)
{
    m_loading = true;
    m_current = n;
    m_title->setText(n.title);
    m_scope->setCurrentIndex(std::max(0, m_scope->findData(n.collegeId)));
    if (n.bodyHtml.isEmpty())
        m_body->clear();
    else
        m_body->setHtml(n.bodyHtml);
    m_hasWindow->setChecked(n.windowStart || n.windowEnd);
    m_windowStart->setEnabled(m_hasWindow->isChecked());
    m_windowEnd->setEnabled(m_hasWindow->isChecked());
    if (n.windowStart)
        m_windowStart->setDate(QDateTime::fromMSecsSinceEpoch(n.windowStart).date());
    if (n.windowEnd)
        m_windowEnd->setDate(QDateTime::fromMSecsSinceEpoch(n.windowEnd).date());
    m_dailyHours->setText(n.dailyHours);
    m_closureDays->setText(n.closureDays);
    m_fee->setValue(n.feeCents / 100.0);
    m_contacts->setText(n.contacts);
    if (n.publishAt)
        m_publishAt->setDateTime(QDateTime::fromMSecsSinceEpoch(n.publishAt));
    m_error->clear();
    m_loading = false;
    m_dirty = false;
    loadAttachments();
    loadHistory();
    updateButtons();
}

Notice NoticesPage::fromForm() const
{
    Notice n = m_current;
    n.title = m_title->text().trimmed();
    n.collegeId = m_scope->currentData().toLongLong();
    n.bodyHtml = m_body->document()->isEmpty() ? QString() : m_body->toHtml();
    if (m_hasWindow->isChecked()) {
        n.windowStart = QDateTime(m_windowStart->date(), QTime(0, 0)).toMSecsSinceEpoch();
        n.windowEnd = QDateTime(m_windowEnd->date(), QTime(23, 59, 59)).toMSecsSinceEpoch();
    } else {
        n.windowStart = n.windowEnd = 0;
    }
    n.dailyHours = m_dailyHours->text().trimmed();
    n.closureDays = m_closureDays->text().trimmed();
    n.feeCents = int(qRound(m_fee->value() * 100));
    n.contacts = m_contacts->text().trimmed();
    return n;
}

void NoticesPage::updateButtons()
{
    const QString state = m_current.id ? m_current.state : QStringLiteral("draft");
    const bool canEdit = context().session().role != StaffRole::Reviewer;
    const bool archived = state == QLatin1String("archived");
    m_state->setText(m_current.id ? tr("%1 · version %2%3")
                                        .arg(notices::NoticeService::stateName(
                                                 notices::NoticeService::effectiveState(m_current, db::nowMs())))
                                        .arg(m_current.rowVersion)
                                        .arg(m_dirty ? tr(" · unsaved changes") : QString())
                                  : tr("New notice (not saved yet)"));
    using S = notices::NoticeService;
    m_save->setEnabled(canEdit && !archived && (m_dirty || !m_current.id));
    m_schedule->setEnabled(canEdit && m_current.id && S::canTransition(state, QStringLiteral("scheduled")));
    m_publish->setEnabled(canEdit && m_current.id && S::canTransition(state, QStringLiteral("published")));
    m_unschedule->setEnabled(canEdit && state == QLatin1String("scheduled"));
    m_archive->setEnabled(canEdit && m_current.id && S::canTransition(state, QStringLiteral("archived")));
    m_addAttachment->setEnabled(canEdit && m_current.id && !archived);
    m_removeAttachment->setEnabled(canEdit && m_current.id && !archived);
}

bool NoticesPage::save()
{
    Notice n = fromForm();
    const auto &session = context().session();
    try {
        const QString error = notices::NoticeService(context().database(), {session.staffId, session.username}).save(n);
        if (!error.isEmpty()) {
            m_error->setText(error);
            return false;
        }
    } catch (const db::DbError &e) {
        MessageBox::critical(this, tr("Notice not saved"), e.message());
        return false;
    }
    m_dirty = false;
    showNotice(n);
    reload();
    Q_EMIT context().dataChanged(QStringLiteral("notices"));
    return true;
}

bool NoticesPage::stateChange(const QString &error)
{
    if (!error.isEmpty()) {
        m_error->setText(error);
        return false;
    }
    showNotice(m_current);
    reload();
    Q_EMIT context().dataChanged(QStringLiteral("notices"));
    return true;
}

bool NoticesPage::schedule(const QDateTime &publishAt)
{
    if (m_dirty && !save())
        return false;
    const auto &s = context().session();
    try {
        return stateChange(notices::NoticeService(context().database(), {s.staffId, s.username}).schedule(m_current, publishAt.toMSecsSinceEpoch()));
    } catch (const db::DbError &e) {
        return stateChange(e.message());
    }
}

bool NoticesPage::publishNow()
{
    if (m_dirty && !save())
        return false;
    const auto &s = context().session();
    try {
        return stateChange(notices::NoticeService(context().database(), {s.staffId, s.username}).publishNow(m_current));
    } catch (const db::DbError &e) {
        return stateChange(e.message());
    }
}

bool NoticesPage::unschedule()
{
    const auto &s = context().session();
    try {
        return stateChange(notices::NoticeService(context().database(), {s.staffId, s.username}).unschedule(m_current));
    } catch (const db::DbError &e) {
        return stateChange(e.message());
    }
}

bool NoticesPage::archive()
{
    const auto &s = context().session();
    try {
        return stateChange(notices::NoticeService(context().database(), {s.staffId, s.username}).archive(m_current));
    } catch (const db::DbError &e) {
        return stateChange(e.message());
    }
}

bool NoticesPage::addAttachment(const QString &path)
{
    if (!m_current.id)
        return false;
    QFile f(path);
    if (f.size() > kMaxAttachmentBytes) {
        MessageBox::warning(this, tr("Attachments"), tr("%1 is larger than 20 MB.").arg(QFileInfo(path).fileName()));
        return false;
    }
    if (!f.open(QIODevice::ReadOnly)) {
        MessageBox::warning(this, tr("Attachments"), tr("Cannot read %1: %2").arg(path, f.errorString()));
        return false;
    }
    try {
        db::NoticeRepo(context().database())
            .addAttachment(m_current.id, QFileInfo(path).fileName(), QMimeDatabase().mimeTypeForFile(path).name(), f.readAll());
    } catch (const db::DbError &e) {
        MessageBox::critical(this, tr("Attachments"), e.message());
        return false;
    }
    loadAttachments();
    return true;
}

void NoticesPage::loadAttachments()
{
    m_attachments->clear();
    if (!m_current.id)
        return;
    try {
        for (const db::NoticeAttachment &a : db::NoticeRepo(context().database()).attachments(m_current.id)) {
            auto *item = new QListWidgetItem(QStringLiteral("%1 (%2 KB)").arg(a.fileName).arg((a.byteSize + 1023) / 1024), m_attachments);
            item->setData(Qt::UserRole, a.id);
            item->setData(Qt::UserRole + 1, a.fileName);
        }
    } catch (const db::DbError &e) {
        m_error->setText(e.message());
    }
}

void NoticesPage::loadHistory()
{
    m_history->clear();
    if (!m_current.id)
        return;
    try {
        for (const db::NoticeVersion &v : db::NoticeRepo(context().database()).versions(m_current.id))
            new QTreeWidgetItem(m_history, {QString::number(v.version), when(v.changedAt),
                                            v.changedByName.isEmpty() ? tr("(system)") : v.changedByName,
                                            notices::NoticeService::stateName(v.state), v.summary});
    } catch (const db::DbError &e) {
        m_error->setText(e.message());
    }
}

PhonePreview *NoticesPage::preview()
{
    if (!m_previewDialog)
        m_previewDialog = new PhonePreview(this);
    QStringList names;
    for (int i = 0; i < m_attachments->count(); ++i)
        names << m_attachments->item(i)->data(Qt::UserRole + 1).toString();
    const Notice n = fromForm();
    m_previewDialog->showNotice(n, scopeName(n.collegeId), names);
    m_previewDialog->show();
    m_previewDialog->raise();
    return m_previewDialog;
}

} // namespace tucai::ui
