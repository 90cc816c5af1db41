#include "shell/login_dialog.h"

#include "db/database.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace tucai::ui {

LoginDialog::LoginDialog(const db::Database &database, QWidget *parent) : QDialog(parent), m_database(database)
{
    setObjectName(QStringLiteral("loginDialog"));
    setWindowTitle(tr("Staff log-in"));
    auto *layout = new QVBoxLayout(this);
    auto *where = new QLabel(database.target().displayName(), this);
    where->setWordWrap(true);
    layout->addWidget(where);
    auto *form = new QFormLayout;
    m_user = new QLineEdit(QSettings().value(QStringLiteral("login/lastUser")).toString(), this);
    m_user->setObjectName(QStringLiteral("loginUser"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("loginPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("User name"), m_user);
    form->addRow(tr("Password"), m_password);
    layout->addLayout(form);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("loginError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Log in"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("loginButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::tryLogin);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    if (!m_user->text().isEmpty())
        m_password->setFocus();
    resize(400, sizeHint().height());
}

QString LoginDialog::errorText() const { return m_error->text(); }

void LoginDialog::tryLogin()
{
    try {
        accounts::AuthService auth(m_database);
        const accounts::LoginResult r = auth.login(m_user->text(), m_password->text());
        if (r.session) {
            m_session = r.session;
            QSettings().setValue(QStringLiteral("login/lastUser"), r.session->username);
            accept();
            return;
        }
        m_error->setText(r.message());
    } catch (const db::DbError &e) {
        m_error->setText(e.message());
    }
    m_password->selectAll();
    m_password->setFocus();
}

} // namespace tucai::ui
