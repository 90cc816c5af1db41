#pragma once
#include "accounts/auth_service.h"

#include <QObject>
#include <memory>

namespace tucai::db { class ChangeWatch; class Database; }

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

    // Starts watching the database for student and photo changes made anywhere (another staff
    // member, the student side, another program): liveChange() then reports them. One watch for
    // all pages, on the GUI thread's connection (db/change_watch.h). Idempotent.
    void watchChanges();
    // How often SQLite's change counters are read (tests shorten it); PostgreSQL is told at once.
    void setChangeCheckInterval(int ms);
    int changeCheckInterval() const { return m_changeIntervalMs; }
    bool changeWatchListening() const;

Q_SIGNALS:
    // A page changed data that other pages show (decisions, unlocks...).
    void dataChanged(const QString &what);
    // Students or photos changed in the database (ChangeWatch::Topics as an int).
    void liveChange(int topics);

private:
    std::shared_ptr<db::Database> m_database;
    accounts::Session m_session;
    std::unique_ptr<db::ChangeWatch> m_watch;
    int m_changeIntervalMs = 2000;
};

} // namespace tucai::ui
