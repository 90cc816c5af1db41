#pragma once
#include "accounts/auth_service.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace tucai::db { class Database; }

namespace tucai::ui {

// Staff log-in: names the product and the database it logs in to, lists the demo
// accounts on a demo database (a click fills one in), remembers the last user name.
class LoginDialog final : public QDialog
{
    Q_OBJECT
public:
    LoginDialog(const db::Database &database, QWidget *parent = nullptr);
    std::optional<accounts::Session> session() const { return m_session; }
    QString errorText() const;

private:
    void tryLogin();
    QWidget *demoAccountsBox();
    const db::Database &m_database;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLabel *m_error;
    QPushButton *m_login;
    std::optional<accounts::Session> m_session;
};

} // namespace tucai::ui
