#pragma once
#include "db/db_target.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QRadioButton;
class QSpinBox;
class QStackedWidget;

namespace tucai::ui {

// Where to find the collection database: a SQLite file (the embedded
// default) or a PostgreSQL server. The last choice is remembered without the
// password; the password is kept in the system keychain when asked to (and
// when one is available), never in plain text.
class ConnectionDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectionDialog(QWidget *parent = nullptr);
    void setTarget(const db::DbTarget &target);
    // Shows the file or the server form, its first field focused (from the welcome page).
    void chooseKind(db::DbTarget::Kind kind);
    db::DbTarget target() const;
    // Saves the choice (and the password to the keychain when asked).
    void remember() const;
    static std::optional<db::DbTarget> lastTarget();
    // Saves `target` as the last choice (never its password).
    static void rememberTarget(const db::DbTarget &target);

private:
    void browse();
    void loadPasswordFromKeychain();
    QRadioButton *m_sqlite;
    QRadioButton *m_postgres;
    QStackedWidget *m_stack;
    QLineEdit *m_path;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_database;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QComboBox *m_sslMode;
    QLineEdit *m_rootCert;
    QCheckBox *m_remember;
};

} // namespace tucai::ui
