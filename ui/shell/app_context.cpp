#include "shell/app_context.h"

#include "db/database.h"

namespace tucai::ui {

AppContext::AppContext(std::shared_ptr<db::Database> database, accounts::Session session, QObject *parent)
    : QObject(parent), m_database(std::move(database)), m_session(std::move(session))
{
}

AppContext::~AppContext() = default;

} // namespace tucai::ui
