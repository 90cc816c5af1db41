#include "pages/staff/staff_page.h"

#include "accounts/permissions.h"
#include "accounts/staff_service.h"
#include "db/account_repo.h"
#include "db/database.h"
#include "db/school_repo.h"
#include "db/staff_repo.h"
#include "pages/students/reason_dialog.h"
#include "shell/app_context.h"
#include "shell/message_box.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tucai::ui {
namespace {

// Colleges with their classes, checkable. A checked college is the whole college (classes
// added later included); a partly checked one stands for its checked classes.
QTreeWidget *scopeTree(const db::Database &db, qint64 schoolId, const QList<QPair<qint64, qint64>> &current, QWidget *parent)
{
    auto *tree = new QTreeWidget(parent);
    tree->setObjectName(QStringLiteral("staffScopeTree"));
    tree->setHeaderHidden(true);
    tree->setMinimumHeight(260);
    db::SchoolRepo schools(db);
    for (const College &c : schools.colleges(schoolId)) {
        auto *college = new QTreeWidgetItem(tree, {c.name});
        college->setData(0, Qt::UserRole, c.id);
        college->setFlags(college->flags() | Qt::ItemIsUserCheckable | Qt::ItemIsAutoTristate);
        college->setCheckState(0, Qt::Unchecked);
        for (const ClassInfo &k : schools.classes(c.id)) {
            auto *cls = new QTreeWidgetItem(college, {k.name});
            cls->setData(0, Qt::UserRole, k.id);
            cls->setFlags(cls->flags() | Qt::ItemIsUserCheckable);
            cls->setCheckState(0, Qt::Unchecked);
        }
        if (current.contains({c.id, 0})) {
            college->setCheckState(0, Qt::Checked);
        } else {
            for (int i = 0; i < college->childCount(); ++i)
                if (current.contains({c.id, college->child(i)->data(0, Qt::UserRole).toLongLong()}))
                    college->child(i)->setCheckState(0, Qt::Checked);
        }
        college->setExpanded(college->checkState(0) == Qt::PartiallyChecked);
    }
    return tree;
}

QList<QPair<qint64, qint64>> checkedScopes(const QTreeWidget *tree)
{
    QList<QPair<qint64, qint64>> out;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *college = tree->topLevelItem(i);
        const qint64 id = college->data(0, Qt::UserRole).toLongLong();
        if (college->checkState(0) == Qt::Checked) {
            out.append({id, 0});
            continue;
        }
        for (int k = 0; k < college->childCount(); ++k)
            if (college->child(k)->checkState(0) == Qt::Checked)
                out.append({id, college->child(k)->data(0, Qt::UserRole).toLongLong()});
    }
    return out;
}

} // namespace

StaffPage::StaffPage(AppContext &context, QWidget *parent) : Page(context, parent)
{
    setObjectName(QStringLiteral("staffPage"));
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_create = new QPushButton(tr("New staff member…"), this);
    m_create->setObjectName(QStringLiteral("staffCreate"));
    m_toggle = new QPushButton(tr("Disable / enable…"), this);
    m_toggle->setObjectName(QStringLiteral("staffToggle"));
    m_reset = new QPushButton(tr("Reset password…"), this);
    m_reset->setObjectName(QStringLiteral("staffResetPassword"));
    m_scopes = new QPushButton(tr("Assignments…"), this);
    m_scopes->setObjectName(QStringLiteral("staffScopes"));
    m_scopes->setToolTip(tr("The colleges and classes a reviewer reviews"));
    bar->addWidget(m_create);
    bar->addWidget(m_toggle);
    bar->addWidget(m_reset);
    bar->addWidget(m_scopes);
    bar->addStretch(1);
    m_own = new QPushButton(tr("Change my password…"), this);
    m_own->setObjectName(QStringLiteral("staffChangeOwnPassword"));
    bar->addWidget(m_own);
    layout->addLayout(bar);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("staffList"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("User name"), tr("Name"), tr("Role"), tr("College / assignments"), tr("Status"), tr("Database role")});
    layout->addWidget(m_list, 1);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    const bool admin = accounts::mayManageStaff(context.session());
    m_create->setEnabled(admin);
    m_toggle->setEnabled(admin);
    m_reset->setEnabled(admin);
    m_scopes->setEnabled(admin);
    if (!admin)
        m_status->setText(tr("Only school administrators manage staff accounts."));
    connect(m_create, &QPushButton::clicked, this, &StaffPage::createStaff);
    connect(m_toggle, &QPushButton::clicked, this, &StaffPage::toggleActive);
    connect(m_reset, &QPushButton::clicked, this, &StaffPage::resetPassword);
    connect(m_scopes, &QPushButton::clicked, this, &StaffPage::editScopes);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, [this] {
        if (m_scopes->isEnabled())
            editScopes();
    });
    connect(m_own, &QPushButton::clicked, this, &StaffPage::changeOwnPassword);
}

void StaffPage::reload()
{
    m_list->clear();
    try {
        const db::Database &db = context().database();
        QHash<qint64, QString> colleges, classes;
        db::SchoolRepo schools(db);
        for (const College &c : schools.colleges(context().session().schoolId))
            colleges.insert(c.id, c.name);
        for (const ClassInfo &k : schools.classes())
            classes.insert(k.id, k.name);
        db::AccountRepo accounts(db);
        for (const Staff &s : db::StaffRepo(db).all()) {
            QStringList where;
            if (s.collegeId)
                where << colleges.value(s.collegeId);
            for (const auto &sc : accounts.staffScopes(s.id))
                where << (sc.classId ? classes.value(sc.classId) : colleges.value(sc.collegeId));
            auto *item = new QTreeWidgetItem(m_list, {s.username, s.displayName, displayName(s.role), where.join(QStringLiteral(", ")),
                                                      s.active ? (s.lockedUntil > db::nowMs() ? tr("locked (failed log-ins)") : tr("active"))
                                                               : tr("disabled"),
                                                      s.dbRole});
            item->setData(0, Qt::UserRole, s.id);
        }
    } catch (const db::DbError &e) {
        m_status->setText(e.message());
    }
}

qint64 StaffPage::currentId() const { return m_list->currentItem() ? m_list->currentItem()->data(0, Qt::UserRole).toLongLong() : 0; }

void StaffPage::createStaff()
{
    QDialog d(this);
    d.setObjectName(QStringLiteral("staffCreateDialog"));
    d.setWindowTitle(tr("New staff member"));
    auto *form = new QFormLayout(&d);
    auto *user = new QLineEdit(&d);
    auto *name = new QLineEdit(&d);
    auto *role = new QComboBox(&d);
    for (StaffRole r : {StaffRole::Reviewer, StaffRole::CollegeAdmin, StaffRole::SchoolAdmin})
        role->addItem(displayName(r), int(r));
    auto *college = new QComboBox(&d);
    QTreeWidget *scopes = nullptr;
    try {
        for (const College &c : db::SchoolRepo(context().database()).colleges(context().session().schoolId))
            college->addItem(c.name, c.id);
        scopes = scopeTree(context().database(), context().session().schoolId, {}, &d);
    } catch (const db::DbError &e) {
        MessageBox::warning(this, tr("New staff member"), e.message());
        return;
    }
    auto *password = new QLineEdit(&d);
    password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("User name"), user);
    form->addRow(tr("Name shown"), name);
    form->addRow(tr("Role"), role);
    form->addRow(tr("College (college administrators)"), college);
    form->addRow(tr("Assigned colleges and classes (reviewers)"), scopes);
    form->addRow(tr("Initial password"), password);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &d);
    connect(buttons, &QDialogButtonBox::accepted, &d, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &d, &QDialog::reject);
    form->addRow(buttons);
    if (d.exec() != QDialog::Accepted)
        return;
    accounts::StaffService::NewStaff n;
    n.username = user->text().trimmed();
    n.displayName = name->text();
    n.role = StaffRole(role->currentData().toInt());
    n.collegeId = college->currentData().toLongLong();
    n.scopes = checkedScopes(scopes);
    n.password = password->text();
    try {
        accounts::StaffService(context().database(), context().session()).create(n);
        m_status->setText(tr("Staff member %1 created.").arg(n.username));
        reload();
    } catch (const db::DbError &e) {
        MessageBox::warning(this, tr("New staff member"), e.message());
    }
}

void StaffPage::editScopes()
{
    const qint64 id = currentId();
    if (!id)
        return;
    std::optional<Staff> staff;
    QList<QPair<qint64, qint64>> current;
    QTreeWidget *tree = nullptr;
    auto *d = new QDialog(this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->setObjectName(QStringLiteral("staffScopesDialog"));
    try {
        staff = db::StaffRepo(context().database()).get(id);
        if (staff)
            for (const auto &sc : db::AccountRepo(context().database()).staffScopes(id))
                current.append({sc.collegeId, sc.classId});
        if (staff && staff->role == StaffRole::Reviewer)
            tree = scopeTree(context().database(), context().session().schoolId, current, d);
    } catch (const db::DbError &e) {
        delete d;
        MessageBox::warning(this, tr("Assignments"), e.message());
        return;
    }
    if (!staff || staff->role != StaffRole::Reviewer) {
        delete d;
        MessageBox::information(this, tr("Assignments"), tr("Only reviewers are assigned colleges and classes; administrators see their college or the whole school."));
        return;
    }
    d->setWindowTitle(tr("Assignments of %1").arg(staff->displayName));
    auto *form = new QFormLayout(d);
    form->addRow(new QLabel(tr("Check a college for all its classes, or single classes."), d));
    form->addRow(tree);
    auto *reason = new QLineEdit(d);
    reason->setObjectName(QStringLiteral("staffScopesReason"));
    reason->setPlaceholderText(tr("Kept in the audit log"));
    form->addRow(tr("Reason"), reason);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, d);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("staffScopesOk"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, d, &QDialog::reject);
    const int version = staff->rowVersion;
    connect(buttons, &QDialogButtonBox::accepted, d, [this, d, tree, reason, id, version] {
        try {
            accounts::StaffService(context().database(), context().session()).setScopes(id, checkedScopes(tree), version, reason->text());
        } catch (const db::DbError &e) {
            // The dialog stays open with what was checked (a missing reason, an empty
            // assignment); a conflict closes it and the list shows the other change.
            MessageBox::warning(d, tr("Assignments"), e.message());
            if (e.kind() != db::DbError::Kind::Conflict)
                return;
            d->reject();
            reload();
            return;
        }
        m_status->setText(tr("Assignments saved."));
        d->accept();
        reload();
    });
    d->open();
}

void StaffPage::toggleActive()
{
    const qint64 id = currentId();
    if (!id)
        return;
    const auto staff = db::StaffRepo(context().database()).get(id);
    if (!staff)
        return;
    const auto answer = ReasonDialog::ask(this, staff->active ? tr("Disable %1").arg(staff->username) : tr("Enable %1").arg(staff->username),
                                          tr("The reason is kept in the audit log."));
    if (!answer)
        return;
    try {
        accounts::StaffService(context().database(), context().session()).setActive(id, !staff->active, answer->reason);
        reload();
    } catch (const db::DbError &e) {
        MessageBox::warning(this, tr("Staff"), e.message());
    }
}

void StaffPage::resetPassword()
{
    const qint64 id = currentId();
    if (!id)
        return;
    bool ok = false;
    const QString pw = QInputDialog::getText(this, tr("Reset password"), tr("New password (at least 8 characters, letters and digits):"),
                                             QLineEdit::Password, {}, &ok);
    if (!ok)
        return;
    try {
        accounts::StaffService(context().database(), context().session()).resetPassword(id, pw, tr("password reset by an administrator"));
        m_status->setText(tr("Password changed."));
        reload();
    } catch (const db::DbError &e) {
        MessageBox::warning(this, tr("Reset password"), e.message());
    }
}

void StaffPage::changeOwnPassword()
{
    QDialog d(this);
    d.setObjectName(QStringLiteral("changePasswordDialog"));
    d.setWindowTitle(tr("Change my password"));
    auto *form = new QFormLayout(&d);
    auto *oldPw = new QLineEdit(&d);
    auto *newPw = new QLineEdit(&d);
    auto *again = new QLineEdit(&d);
    for (QLineEdit *e : {oldPw, newPw, again})
        e->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Current password"), oldPw);
    form->addRow(tr("New password"), newPw);
    form->addRow(tr("New password again"), again);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &d);
    connect(buttons, &QDialogButtonBox::accepted, &d, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &d, &QDialog::reject);
    form->addRow(buttons);
    if (d.exec() != QDialog::Accepted)
        return;
    if (newPw->text() != again->text()) {
        MessageBox::warning(this, d.windowTitle(), tr("The two new passwords differ."));
        return;
    }
    try {
        const QString problem = accounts::AuthService(context().database()).changePassword(context().session().staffId, oldPw->text(), newPw->text());
        if (problem.isEmpty())
            m_status->setText(tr("Your password was changed."));
        else
            MessageBox::warning(this, d.windowTitle(), problem);
    } catch (const db::DbError &e) {
        MessageBox::warning(this, d.windowTitle(), e.message());
    }
}

} // namespace tucai::ui
