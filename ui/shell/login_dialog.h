#pragma once
#include "accounts/auth_service.h"

#include <QDialog>

class QLabel;
class QLineEdit;

namespace tucai::db { class Database; }

namespace tucai::ui {

// Staff log-in: user name and password, checked against the database.
class LoginDialog final : public QDialog
{
    Q_OBJECT
public:
    LoginDialog(const db::Database &database, QWidget *parent = nullptr);
    std::optional<accounts::Session> session() const { return m_session; }
    QString errorText() const;

private:
    void tryLogin();
    const db::Database &m_database;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLabel *m_error;
    std::optional<accounts::Session> m_session;
};

} // namespace tucai::ui
