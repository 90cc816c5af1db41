#include "shell/connection_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

#ifdef TUCAI_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace tucai::ui {
namespace {
const QString kKeychainService = QStringLiteral("tucai-admin");
QString keychainKey(const db::DbTarget &t) { return t.url(false); }
} // namespace

ConnectionDialog::ConnectionDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("connectionDialog"));
    setWindowTitle(tr("Connect to the collection database"));
    auto *layout = new QVBoxLayout(this);
    m_sqlite = new QRadioButton(tr("Database file on this computer (SQLite)"), this);
    m_sqlite->setObjectName(QStringLiteral("sqliteRadio"));
    m_postgres = new QRadioButton(tr("Database server (PostgreSQL)"), this);
    m_postgres->setObjectName(QStringLiteral("pgRadio"));
    layout->addWidget(m_sqlite);
    layout->addWidget(m_postgres);

    m_stack = new QStackedWidget(this);
    auto *filePage = new QWidget(m_stack);
    auto *fileRow = new QHBoxLayout(filePage);
    m_path = new QLineEdit(filePage);
    m_path->setObjectName(QStringLiteral("sqlitePath"));
    m_path->setPlaceholderText(tr("Path of the .sqlite file"));
    auto *browse = new QPushButton(tr("Browse..."), filePage);
    connect(browse, &QPushButton::clicked, this, &ConnectionDialog::browse);
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(browse);
    m_stack->addWidget(filePage);

    auto *serverPage = new QWidget(m_stack);
    auto *form = new QFormLayout(serverPage);
    m_host = new QLineEdit(QStringLiteral("127.0.0.1"), serverPage);
    m_host->setObjectName(QStringLiteral("pgHost"));
    m_port = new QSpinBox(serverPage);
    m_port->setObjectName(QStringLiteral("pgPort"));
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_database = new QLineEdit(QStringLiteral("tucai"), serverPage);
    m_database->setObjectName(QStringLiteral("pgDatabase"));
    m_user = new QLineEdit(serverPage);
    m_user->setObjectName(QStringLiteral("pgUser"));
    m_password = new QLineEdit(serverPage);
    m_password->setObjectName(QStringLiteral("pgPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    // TLS: by default the server must prove who it is unless it runs on this computer.
    m_sslMode = new QComboBox(serverPage);
    m_sslMode->setObjectName(QStringLiteral("pgSslMode"));
    m_sslMode->addItem(tr("Automatic (verify the certificate unless the server is this computer)"), QString());
    m_sslMode->addItem(tr("Verify certificate and server name (verify-full)"), QStringLiteral("verify-full"));
    m_sslMode->addItem(tr("Verify certificate only (verify-ca)"), QStringLiteral("verify-ca"));
    m_sslMode->addItem(tr("Encrypt without verifying (require)"), QStringLiteral("require"));
    m_sslMode->addItem(tr("Encrypt if the server can (prefer)"), QStringLiteral("prefer"));
    m_sslMode->addItem(tr("No encryption (disable)"), QStringLiteral("disable"));
    m_rootCert = new QLineEdit(serverPage);
    m_rootCert->setObjectName(QStringLiteral("pgRootCert"));
    m_rootCert->setPlaceholderText(tr("Root certificate of the server (.crt / .pem)"));
    auto *certRow = new QHBoxLayout;
    auto *browseCert = new QPushButton(tr("Browse..."), serverPage);
    connect(browseCert, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Root certificate"), m_rootCert->text(),
                                                          tr("Certificates (*.crt *.pem *.cer);;All files (*)"));
        if (!path.isEmpty())
            m_rootCert->setText(QDir::toNativeSeparators(path));
    });
    certRow->addWidget(m_rootCert, 1);
    certRow->addWidget(browseCert);
    m_remember = new QCheckBox(tr("Remember the password in the system keychain"), serverPage);
    m_remember->setObjectName(QStringLiteral("rememberPassword"));
#ifndef TUCAI_HAVE_KEYCHAIN
    m_remember->setEnabled(false);
    m_remember->setToolTip(tr("This build has no keychain support: the password is asked each time."));
#endif
    form->addRow(tr("Server"), m_host);
    form->addRow(tr("Port"), m_port);
    form->addRow(tr("Database"), m_database);
    form->addRow(tr("User"), m_user);
    form->addRow(tr("Password"), m_password);
    form->addRow(tr("Encryption"), m_sslMode);
    form->addRow(tr("Root certificate"), certRow);
    form->addRow(QString(), m_remember);
    m_stack->addWidget(serverPage);
    layout->addWidget(m_stack);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_sqlite, &QRadioButton::toggled, this, [this](bool on) { m_stack->setCurrentIndex(on ? 0 : 1); });
    connect(m_postgres, &QRadioButton::toggled, this, [this](bool on) {
        if (on)
            loadPasswordFromKeychain();
    });
    m_sqlite->setChecked(true);
    resize(520, sizeHint().height());
}

void ConnectionDialog::setTarget(const db::DbTarget &t)
{
    if (t.isPostgres()) {
        m_host->setText(t.host);
        m_port->setValue(t.port);
        m_database->setText(t.database);
        m_user->setText(t.user);
        m_password->setText(t.password);
        m_sslMode->setCurrentIndex(std::max(0, m_sslMode->findData(t.sslMode)));
        m_rootCert->setText(QDir::toNativeSeparators(t.sslRootCert));
        m_postgres->setChecked(true);
    } else {
        m_path->setText(t.path);
        m_sqlite->setChecked(true);
    }
}

void ConnectionDialog::chooseKind(db::DbTarget::Kind kind)
{
    const bool server = kind == db::DbTarget::Kind::Postgres;
    (server ? m_postgres : m_sqlite)->setChecked(true);
    (server ? m_host : m_path)->setFocus();
}

db::DbTarget ConnectionDialog::target() const
{
    if (m_sqlite->isChecked())
        return db::DbTarget::sqlite(m_path->text().trimmed());
    db::DbTarget t;
    t.kind = db::DbTarget::Kind::Postgres;
    t.host = m_host->text().trimmed();
    t.port = m_port->value();
    t.database = m_database->text().trimmed();
    t.user = m_user->text().trimmed();
    t.password = m_password->text();
    t.sslMode = m_sslMode->currentData().toString();
    t.sslRootCert = QDir::fromNativeSeparators(m_rootCert->text().trimmed());
    return t;
}

void ConnectionDialog::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open database file"), m_path->text(),
                                                      tr("Tucai databases (*.sqlite *.db);;All files (*)"));
    if (!path.isEmpty())
        m_path->setText(path);
}

void ConnectionDialog::loadPasswordFromKeychain()
{
#ifdef TUCAI_HAVE_KEYCHAIN
    if (!m_password->text().isEmpty() || m_user->text().isEmpty())
        return;
    auto *job = new QKeychain::ReadPasswordJob(kKeychainService, this);
    job->setKey(keychainKey(target()));
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        if (job->error() == QKeychain::NoError && m_password->text().isEmpty()) {
            m_password->setText(job->textData());
            m_remember->setChecked(true);
        }
    });
    job->start();
#endif
}

void ConnectionDialog::remember() const
{
    const db::DbTarget t = target();
    rememberTarget(t);
#ifdef TUCAI_HAVE_KEYCHAIN
    if (t.isPostgres()) {
        if (m_remember->isChecked()) {
            auto *job = new QKeychain::WritePasswordJob(kKeychainService);
            job->setKey(keychainKey(t));
            job->setTextData(t.password);
            job->start(); // deletes itself; without a keychain service it just fails
        } else {
            auto *job = new QKeychain::DeletePasswordJob(kKeychainService);
            job->setKey(keychainKey(t));
            job->start();
        }
    }
#endif
}

void ConnectionDialog::rememberTarget(const db::DbTarget &target)
{
    QSettings().setValue(QStringLiteral("connection/last"), target.url(false)); // never the password
}

std::optional<db::DbTarget> ConnectionDialog::lastTarget()
{
    const QString last = QSettings().value(QStringLiteral("connection/last")).toString();
    if (last.isEmpty())
        return std::nullopt;
    return db::DbTarget::parse(last);
}

} // namespace tucai::ui
