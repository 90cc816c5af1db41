#include "shell/login_dialog.h"

#include "db/database.h"
#include "demo/demo_generator.h"
#include "model/records.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QToolButton>
#include <QVBoxLayout>

namespace tucai::ui {
namespace {

const QString kLastUserKey = QStringLiteral("login/lastUser");

// The database in a line a user recognises: the file's name, or the server's database.
QString databaseLine(const db::DbTarget &t)
{
    if (t.isPostgres())
        return LoginDialog::tr("Database %1 on the server %2").arg(t.database, t.host);
    return LoginDialog::tr("Database file %1").arg(QFileInfo(t.path).fileName());
}

} // namespace

LoginDialog::LoginDialog(const db::Database &database, QWidget *parent) : QDialog(parent), m_database(database)
{
    setObjectName(QStringLiteral("loginDialog"));
    setWindowTitle(tr("Log in to Tucai Admin"));
    auto *layout = new QVBoxLayout(this);
    auto *product = new QLabel(tr("Tucai Admin"), this);
    product->setObjectName(QStringLiteral("loginProduct"));
    QFont big = product->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    product->setFont(big);
    layout->addWidget(product);
    layout->addWidget(new QLabel(tr("Graduation photo collection, staff side"), this));
    auto *where = new QLabel(databaseLine(database.target()), this);
    where->setObjectName(QStringLiteral("loginDatabase"));
    where->setWordWrap(true);
    where->setToolTip(database.target().displayName()); // the full path or server address
    layout->addWidget(where);

    auto *form = new QFormLayout;
    m_user = new QLineEdit(QSettings().value(kLastUserKey).toString(), this);
    m_user->setObjectName(QStringLiteral("loginUser"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("loginPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("User name"), m_user);
    form->addRow(tr("Password"), m_password);
    layout->addLayout(form);
    if (demo::isDemoDatabase(database))
        layout->addWidget(demoAccountsBox());
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("loginError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_login = buttons->button(QDialogButtonBox::Ok);
    m_login->setText(tr("Log in"));
    m_login->setObjectName(QStringLiteral("loginButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::tryLogin);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    // The last user name is filled in: straight to the password.
    if (!m_user->text().isEmpty())
        m_password->setFocus();
    resize(440, sizeHint().height());
}

QWidget *LoginDialog::demoAccountsBox()
{
    // A heading label over a framed panel, not a QGroupBox title: Windows' style cut the top of
    // that title off in Chinese (its title margin is made for Latin fonts).
    auto *box = new QWidget(this);
    box->setObjectName(QStringLiteral("loginDemoAccounts"));
    auto *outer = new QVBoxLayout(box);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *heading = new QLabel(tr("Demo database: click an account to fill it in"), box);
    heading->setObjectName(QStringLiteral("loginDemoAccountsHeading"));
    outer->addWidget(heading);
    auto *panel = new QFrame(box);
    panel->setFrameShape(QFrame::StyledPanel);
    outer->addWidget(panel);
    auto *grid = new QGridLayout(panel);
    int n = 0;
    const demo::DemoAccount *accounts = demo::demoAccounts(&n);
    for (int i = 0; i < n; ++i) {
        const QString user = QString::fromLatin1(accounts[i].username);
        const QString password = QString::fromLatin1(accounts[i].password);
        auto *b = new QToolButton(panel);
        b->setObjectName(QStringLiteral("demoAccount_") + user);
        b->setText(user);
        b->setAutoRaise(true);
        b->setCursor(Qt::PointingHandCursor);
        b->setToolTip(tr("Fill in %1 and its password").arg(user));
        connect(b, &QToolButton::clicked, this, [this, user, password] {
            m_user->setText(user);
            m_password->setText(password);
            m_login->setFocus(); // Enter logs in
        });
        grid->addWidget(b, i, 0);
        grid->addWidget(new QLabel(displayName(staffRoleFromDb(QString::fromLatin1(accounts[i].role))), panel), i, 1);
        auto *pw = new QLabel(password, panel);
        pw->setTextInteractionFlags(Qt::TextSelectableByMouse);
        grid->addWidget(pw, i, 2);
    }
    grid->setColumnStretch(1, 1);
    return box;
}

QString LoginDialog::errorText() const { return m_error->text(); }

void LoginDialog::tryLogin()
{
    try {
        accounts::AuthService auth(m_database);
        const accounts::LoginResult r = auth.login(m_user->text().trimmed(), m_password->text());
        if (r.session) {
            m_session = r.session;
            QSettings().setValue(kLastUserKey, r.session->username);
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
