#pragma once
#include "accounts/auth_service.h"

#include <QObject>
#include <memory>

namespace tucai::db { class Database; }

namespace tucai::ui {

// What every page needs: the open database and who is signed in.
class AppContext final : public QObject
{
    Q_OBJECT
public:
    AppContext(std::shared_ptr<db::Database> database, accounts::Session session, QObject *parent = nullptr);
    ~AppContext() override;
    const db::Database &database() const { return *m_database; }
    std::shared_ptr<db::Database> sharedDatabase() const { return m_database; }
    const accounts::Session &session() const { return m_session; }

Q_SIGNALS:
    // A page changed data that other pages show (decisions, unlocks...).
    void dataChanged(const QString &what);

private:
    std::shared_ptr<db::Database> m_database;
    accounts::Session m_session;
};

} // namespace tucai::ui
