#include "shell/app_context.h"

#include "db/change_watch.h"
#include "db/database.h"

namespace tucai::ui {

AppContext::AppContext(std::shared_ptr<db::Database> database, accounts::Session session, QObject *parent)
    : QObject(parent), m_database(std::move(database)), m_session(std::move(session))
{
}

AppContext::~AppContext() = default;

void AppContext::watchChanges()
{
    if (m_watch)
        return;
    m_watch = std::make_unique<db::ChangeWatch>(m_database, db::ChangeWatch::Students | db::ChangeWatch::Photos, m_changeIntervalMs);
    connect(m_watch.get(), &db::ChangeWatch::changed, this, [this](db::ChangeWatch::Topics t) { Q_EMIT liveChange(int(t)); });
}

void AppContext::setChangeCheckInterval(int ms)
{
    m_changeIntervalMs = ms;
    if (m_watch) {
        m_watch.reset();
        watchChanges();
    }
}

bool AppContext::changeWatchListening() const { return m_watch && m_watch->listening(); }

} // namespace tucai::ui
