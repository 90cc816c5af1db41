#pragma once
#include "shell/page.h"

class QPushButton;
class QTreeWidget;
class QLabel;

namespace tucai::ui {

// Staff accounts for school administrators: list with roles, colleges and
// assignments; create, disable/enable, reset a password, change a reviewer's
// colleges and classes. On PostgreSQL each account also has its own database
// login role (shown in the list).
class StaffPage final : public Page
{
    Q_OBJECT
public:
    explicit StaffPage(AppContext &context, QWidget *parent = nullptr);
    QString pageId() const override { return QStringLiteral("staff"); }
    QString title() const override { return tr("Staff"); }
    void activate() override { reload(); }
    void reload();

private:
    void createStaff();
    void toggleActive();
    void resetPassword();
    void editScopes();
    void changeOwnPassword();
    qint64 currentId() const;
    QTreeWidget *m_list;
    QLabel *m_status;
    QPushButton *m_create, *m_toggle, *m_reset, *m_scopes, *m_own;
};

} // namespace tucai::ui
