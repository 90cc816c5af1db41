#include "pages/students/students_page.h"

#include "accounts/permissions.h"
#include "audit/audit_export.h"
#include "db/account_repo.h"
#include "db/audit_query_repo.h"
#include "db/change_watch.h"
#include "db/database.h"
#include "db/misc_repos.h"
#include "db/school_repo.h"
#include "db/student_repo.h"
#include "pages/students/import_dialog.h"
#include "pages/students/reason_dialog.h"
#include "pages/students/student_list_model.h"
#include "shell/app_context.h"
#include "shell/display_names.h"
#include "shell/message_box.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tucai::ui {
namespace {

using Status = db::StudentFilter::Status;
struct StatusItem { Status status; const char *key; const char *label; };
const StatusItem kStatuses[] = {
    {Status::Any, "", QT_TRANSLATE_NOOP("StudentsPage", "All students")},
    {Status::LockedLiveness, "locked_liveness", QT_TRANSLATE_NOOP("StudentsPage", "Locked after liveness failures")},
    {Status::CoolingOff, "cooling_off", QT_TRANSLATE_NOOP("StudentsPage", "In a cooling-off period")},
    {Status::DraftBoxFull, "draft_full", QT_TRANSLATE_NOOP("StudentsPage", "Draft box full")},
    {Status::NotStarted, "not_started", QT_TRANSLATE_NOOP("StudentsPage", "Not started")},
    {Status::AwaitingPayment, "awaiting_payment", QT_TRANSLATE_NOOP("StudentsPage", "Awaiting payment")},
    {Status::AwaitingReview, "awaiting_review", QT_TRANSLATE_NOOP("StudentsPage", "Awaiting review")},
    {Status::Returned, "returned", QT_TRANSLATE_NOOP("StudentsPage", "Returned")},
    {Status::Approved, "approved", QT_TRANSLATE_NOOP("StudentsPage", "Approved")},
    {Status::Unpaid, "unpaid", QT_TRANSLATE_NOOP("StudentsPage", "Submitted but unpaid")},
    // The dashboard's groups (its bars and slices open these).
    {Status::Drafting, "drafting", QT_TRANSLATE_NOOP("StudentsPage", "Verified or drafting")},
    {Status::Submitted, "submitted", QT_TRANSLATE_NOOP("StudentsPage", "Submitted (awaiting payment or review)")},
    {Status::LockedAny, "locked", QT_TRANSLATE_NOOP("StudentsPage", "Locked (liveness or cooling-off)")},
};

QString time(qint64 ms) { return ms ? audit::formatTime(ms) : QString(); }

} // namespace

StudentsPage::StudentsPage(AppContext &context, QWidget *parent) : Page(context, parent)
{
    setObjectName(QStringLiteral("studentsPage"));
    const accounts::Session &session = context.session();
    m_model = new StudentListModel(context.sharedDatabase(), accounts::maySeeIdNumbers(session), this);

    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("studentsSearch"));
    m_search->setPlaceholderText(tr("Search student number, name or phone (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    auto *focusSearch = new QAction(this);
    focusSearch->setShortcut(QKeySequence::Find);
    connect(focusSearch, &QAction::triggered, m_search, [this] { m_search->setFocus(); m_search->selectAll(); });
    addAction(focusSearch);
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("studentsStatus"));
    for (const auto &s : kStatuses)
        // Marked in the "StudentsPage" context above; tr() would look in tucai::ui::StudentsPage.
        m_status->addItem(QCoreApplication::translate("StudentsPage", s.label), QString::fromLatin1(s.key));
    m_college = new QComboBox(this);
    m_college->setObjectName(QStringLiteral("studentsCollege"));
    m_college->addItem(tr("All colleges"), 0);
    try {
        db::SchoolRepo schools(context.database());
        for (const College &c : schools.colleges(session.schoolId))
            if (session.role != StaffRole::CollegeAdmin || c.id == session.collegeId)
                m_college->addItem(c.name, c.id);
    } catch (const db::DbError &) {
    }
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("studentsCount"));
    bar->addWidget(m_search, 3);
    bar->addWidget(m_status, 2);
    bar->addWidget(m_college, 2);
    bar->addWidget(m_count, 1);
    m_search->setMinimumWidth(260);
    layout->addLayout(bar);
    // The account actions get their own row so that the filters keep their room.
    bar = new QHBoxLayout;

    auto makeAction = [&](const QString &text, const QString &name, const QKeySequence &key) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setToolTip(QStringLiteral("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
        addAction(a);
        auto *b = new QToolButton(this);
        b->setDefaultAction(a);
        b->setObjectName(name + QStringLiteral("Button"));
        bar->addWidget(b);
        return a;
    };
    using K = accounts::AccountActions::Kind;
    m_unlock = makeAction(tr("Unlock…"), QStringLiteral("unlockAction"), QKeySequence(Qt::CTRL | Qt::Key_U));
    m_lift = makeAction(tr("Lift cooling-off…"), QStringLiteral("liftCoolingAction"), QKeySequence(Qt::CTRL | Qt::Key_L));
    m_shorten = makeAction(tr("Shorten cooling-off…"), QStringLiteral("shortenCoolingAction"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    m_reset = makeAction(tr("Reset for re-shoot…"), QStringLiteral("resetAction"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_grant = makeAction(tr("Extra attempts…"), QStringLiteral("grantAction"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_import = makeAction(tr("Import roster…"), QStringLiteral("importAction"), QKeySequence(Qt::CTRL | Qt::Key_I));
    connect(m_unlock, &QAction::triggered, this, [this] { runAction(K::UnlockLiveness); });
    connect(m_lift, &QAction::triggered, this, [this] { runAction(K::LiftCooling); });
    connect(m_shorten, &QAction::triggered, this, [this] { runAction(K::ShortenCooling); });
    connect(m_reset, &QAction::triggered, this, [this] { runAction(K::ResetForReshoot); });
    connect(m_grant, &QAction::triggered, this, [this] { runAction(K::GrantAttempts); });
    connect(m_import, &QAction::triggered, this, [this] {
        ImportDialog dialog(this->context(), this);
        dialog.exec();
        if (dialog.imported())
            reloadList();
    });
    m_import->setEnabled(session.role != StaffRole::Reviewer);
    bar->addStretch(1);
    layout->addLayout(bar);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("studentsSplitter"));
    m_table = new QTableView(m_splitter);
    m_table->setObjectName(QStringLiteral("studentsTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *detail = new QWidget(m_splitter);
    auto *dl = new QVBoxLayout(detail);
    dl->setContentsMargins(0, 0, 0, 0);
    m_detailHeader = new QLabel(tr("Select a student."), detail);
    m_detailHeader->setObjectName(QStringLiteral("studentDetailHeader"));
    m_detailHeader->setWordWrap(true);
    m_detailHeader->setTextInteractionFlags(Qt::TextSelectableByMouse);
    dl->addWidget(m_detailHeader);
    auto *tabs = new QTabWidget(detail);
    auto makeTree = [&](const QString &name, const QStringList &headers, const QString &tab) {
        auto *t = new QTreeWidget(tabs);
        t->setObjectName(name);
        t->setHeaderLabels(headers);
        t->setRootIsDecorated(false);
        t->setWordWrap(true);
        tabs->addTab(t, tab);
        return t;
    };
    m_attempts = makeTree(QStringLiteral("studentAttempts"), {tr("Time"), tr("Check"), tr("Result"), tr("Reason")}, tr("Attempts"));
    m_photos = makeTree(QStringLiteral("studentPhotos"), {tr("Stored"), tr("Kind"), tr("Status"), tr("Checks"), tr("Decision")},
                        tr("Drafts and submissions"));
    m_history = makeTree(QStringLiteral("studentHistory"), {tr("Time"), tr("Staff"), tr("Action"), tr("Reason")}, tr("History"));
    dl->addWidget(tabs, 1);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    layout->addWidget(m_splitter, 1);

    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_searchDelay, &QTimer::timeout, this, &StudentsPage::reloadList);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_status, &QComboBox::currentIndexChanged, this, &StudentsPage::reloadList);
    connect(m_college, &QComboBox::currentIndexChanged, this, &StudentsPage::reloadList);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        showDetail();
        updateActions();
    });
    connect(m_model, &StudentListModel::loaded, this, [this] {
        m_count->setText(tr("%n student(s)", nullptr, m_model->rowCount()));
        updateActions();
    });
    connect(m_model, &StudentListModel::loadFailed, this, [this](const QString &msg) { m_count->setText(msg); });
    connect(&context, &AppContext::dataChanged, this, [this](const QString &what) {
        if (what != QLatin1String("students"))
            liveRefresh();
    });
    // Students and photos changed anywhere (the student side, another staff member).
    context.watchChanges();
    connect(&context, &AppContext::liveChange, this, [this](int topics) {
        if (topics & (db::ChangeWatch::Students | db::ChangeWatch::Photos))
            liveRefresh();
    });
    connect(m_model, &StudentListModel::aboutToRefresh, this, &StudentsPage::beforeRefresh);
    connect(m_model, &StudentListModel::refreshed, this, &StudentsPage::afterRefresh);

    QSettings settings;
    if (!m_splitter->restoreState(settings.value(QStringLiteral("students/splitter")).toByteArray()))
        m_splitter->setSizes({800, 380});
    if (!m_table->horizontalHeader()->restoreState(settings.value(QStringLiteral("students/columns")).toByteArray())) {
        // First run: size the columns to the first rows once they arrive.
        auto *once = new QObject(this);
        connect(m_model, &StudentListModel::loaded, once, [this, once] {
            if (m_model->rowCount() > 0 && m_model->rowAt(0)) {
                m_table->resizeColumnsToContents();
                once->deleteLater();
            }
        });
    }
    updateActions();
}

StudentsPage::~StudentsPage()
{
    QSettings settings;
    settings.setValue(QStringLiteral("students/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("students/columns"), m_table->horizontalHeader()->saveState());
}

void StudentsPage::activate()
{
    if (!m_loadedOnce)
        reloadList();
    else if (m_stale)
        liveRefresh();
}

void StudentsPage::liveRefresh()
{
    if (!m_loadedOnce)
        return;
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    // Never under an open dialog (a reason being typed, an import) or while rows are arriving.
    if (QApplication::activeModalWidget() || m_model->isLoading()) {
        if (!m_refreshQueued) {
            m_refreshQueued = true;
            QTimer::singleShot(500, this, [this] {
                m_refreshQueued = false;
                liveRefresh();
            });
        }
        return;
    }
    m_stale = false;
    ++m_liveRefreshes;
    m_model->refreshInPlace();
}

void StudentsPage::beforeRefresh()
{
    // Taken when the new rows are there, not when they were asked for: the user may have scrolled.
    const db::StudentRow *top = m_model->rowAt(m_table->rowAt(0));
    m_topId = top ? top->student.id : 0;
    m_detailOf = selectedVersions();
}

QList<QPair<qint64, int>> StudentsPage::selectedVersions() const
{
    QList<QPair<qint64, int>> v;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        if (const db::StudentRow *r = m_model->rowAt(i.row()))
            v.append({r->student.id, r->student.rowVersion});
    return v;
}

void StudentsPage::afterRefresh()
{
    m_count->setText(tr("%n student(s)", nullptr, m_model->rowCount()));
    if (m_topId) {
        const int row = m_model->findStudent(m_topId);
        if (row >= 0 && row != m_table->rowAt(0))
            m_table->scrollTo(m_model->index(row, 0), QAbstractItemView::PositionAtTop);
    }
    // The detail panel again only when what it shows changed (it reads on this thread).
    if (selectedVersions() != m_detailOf)
        showDetail();
    updateActions();
}

void StudentsPage::applyFilter(const QVariantMap &filter)
{
    const QSignalBlocker b1(m_status), b2(m_college), b3(m_search);
    const int s = m_status->findData(filter.value(QStringLiteral("status")).toString());
    m_status->setCurrentIndex(s >= 0 ? s : 0);
    const int c = m_college->findData(filter.value(QStringLiteral("college")).toLongLong());
    m_college->setCurrentIndex(c >= 0 ? c : 0);
    m_search->setText(filter.value(QStringLiteral("search")).toString());
    reloadList();
}

void StudentsPage::reloadList()
{
    m_loadedOnce = true;
    const accounts::Session &session = context().session();
    db::StudentFilter f;
    f.status = kStatuses[std::max(0, m_status->currentIndex())].status;
    f.search = m_search->text();
    f.collegeId = m_college->currentData().toLongLong();
    if (session.role == StaffRole::CollegeAdmin)
        f.scopeCollegeId = session.collegeId;
    else if (session.role == StaffRole::Reviewer)
        f.scopeReviewerId = session.staffId;
    try {
        f.draftCapacity = db::SettingsRepo(context().database()).value(session.schoolId, QStringLiteral("draft_capacity"), QStringLiteral("5")).toInt();
    } catch (const db::DbError &) {
    }
    m_detailHeader->setText(tr("Select a student."));
    m_attempts->clear();
    m_photos->clear();
    m_history->clear();
    m_count->setText(tr("loading…"));
    m_model->setFilter(f);
}

QList<qint64> StudentsPage::selectedIds(QList<accounts::AccountActions::Target> *targets) const
{
    QList<qint64> ids;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows()) {
        const db::StudentRow *r = m_model->rowAt(i.row());
        if (!r)
            continue;
        ids << r->student.id;
        if (targets)
            targets->append({r->student.id, r->student.rowVersion});
    }
    return ids;
}

void StudentsPage::updateActions()
{
    const accounts::Session &session = context().session();
    bool anyLiveness = false, anyCooling = false, any = false, allowed = true;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows()) {
        const db::StudentRow *r = m_model->rowAt(i.row());
        if (!r)
            continue;
        any = true;
        anyLiveness = anyLiveness || r->student.lockKind == QLatin1String("liveness");
        anyCooling = anyCooling || (r->student.lockKind == QLatin1String("cooling") && r->student.lockedUntil > db::nowMs());
        allowed = allowed && accounts::mayManageStudents(session, r->student.collegeId);
    }
    m_unlock->setEnabled(allowed && anyLiveness);
    m_lift->setEnabled(allowed && anyCooling);
    m_shorten->setEnabled(allowed && anyCooling);
    m_reset->setEnabled(allowed && any);
    m_grant->setEnabled(allowed && any);
}

void StudentsPage::showDetail()
{
    m_attempts->clear();
    m_photos->clear();
    m_history->clear();
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.size() != 1) {
        m_detailHeader->setText(rows.isEmpty() ? tr("Select a student.") : tr("%n students selected.", nullptr, int(rows.size())));
        return;
    }
    const db::StudentRow *r = m_model->rowAt(rows.first().row());
    if (!r)
        return;
    try {
        const auto s = db::StudentRepo(context().database()).get(r->student.id);
        if (!s)
            return;
        QString lock;
        if (s->lockKind == QLatin1String("liveness"))
            lock = tr("locked after %1 liveness failures until a staff member unlocks it").arg(s->livenessFailures);
        else if (s->lockKind == QLatin1String("cooling") && s->lockedUntil > db::nowMs())
            lock = tr("cooling-off until %1").arg(time(s->lockedUntil));
        else
            lock = tr("not locked");
        m_detailHeader->setText(tr("<b>%1 %2</b> — %3, %4<br>State: %5; account %6; paid: %7; extra attempts: %8")
                                    .arg(s->studentNo.toHtmlEscaped(), s->name.toHtmlEscaped(), r->collegeName.toHtmlEscaped(),
                                         r->className.toHtmlEscaped(), displayName(s->state), lock,
                                         s->paid ? tr("yes") : tr("no"))
                                    .arg(s->extraAttempts));
        for (const CaptureAttempt &a : db::StudentRepo(context().database()).attempts(s->id))
            new QTreeWidgetItem(m_attempts, {time(a.occurredAt), a.kind == QLatin1String("liveness") ? tr("liveness") : tr("photo checks"),
                                             a.passed ? tr("passed") : tr("failed"), a.reason});
        for (const Photo &p : db::AccountRepo(context().database()).photosOf(s->id))
            new QTreeWidgetItem(m_photos, {time(p.storedAt), p.kind == QLatin1String("draft") ? tr("draft") : tr("submission"), p.status,
                                           p.checkPassed < 0 ? QString() : p.checkPassed ? tr("passed") : tr("failed"),
                                           p.decision.isEmpty() ? QString() : p.decision + (p.reasons.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(p.reasons))});
        db::AuditFilter f;
        f.targetType = QStringLiteral("student");
        f.targetId = QString::number(s->id);
        for (const AuditEntry &e : db::AuditQueryRepo(context().database()).list(f, 0, 100))
            (new QTreeWidgetItem(m_history, {time(e.occurredAt), e.staffName, auditActionName(e.action), e.reason}))->setToolTip(2, e.action);
    } catch (const db::DbError &e) {
        m_detailHeader->setText(e.message());
    }
}

void StudentsPage::runAction(accounts::AccountActions::Kind kind)
{
    using K = accounts::AccountActions::Kind;
    QList<accounts::AccountActions::Target> targets;
    const QList<qint64> ids = selectedIds(&targets);
    if (ids.isEmpty())
        return;
    const QString title = accounts::AccountActions::displayName(kind);
    QString what;
    switch (kind) {
    case K::UnlockLiveness: what = tr("Unlock %n student(s) locked after liveness failures. Check the student's identity first.", nullptr, int(ids.size())); break;
    case K::LiftCooling: what = tr("End the cooling-off of %n student(s) now.", nullptr, int(ids.size())); break;
    case K::ShortenCooling: what = tr("Shorten the cooling-off of %n student(s).", nullptr, int(ids.size())); break;
    case K::ResetForReshoot: what = tr("Reset %n student(s) so they can shoot again. Their payment is kept; drafts are removed and current submissions returned.", nullptr, int(ids.size())); break;
    case K::GrantAttempts: what = tr("Give %n student(s) extra attempts.", nullptr, int(ids.size())); break;
    }
    const auto extra = kind == K::ShortenCooling ? ReasonDialog::Extra::DateTime
        : kind == K::GrantAttempts                ? ReasonDialog::Extra::Count
                                                  : ReasonDialog::Extra::None;
    const auto answer = ReasonDialog::ask(this, title, what, extra);
    if (!answer)
        return;
    accounts::AccountActions::Request r;
    r.kind = kind;
    r.targets = targets;
    r.reason = answer->reason;
    r.coolingUntil = answer->dateTimeMs;
    r.attempts = answer->count;
    try {
        const auto result = accounts::AccountActions(context().database(), context().session()).run(r);
        m_count->setText(tr("%1: %n student(s) changed.", nullptr, result.changed).arg(title));
        Q_EMIT context().dataChanged(QStringLiteral("students"));
    } catch (const db::DbError &e) {
        MessageBox::warning(this, title, e.message());
    }
    // Re-read the rows in place: the same students stay selected (those still in the filter).
    m_model->refreshInPlace();
}

} // namespace tucai::ui
