#pragma once
// Who a `tucai` subcommand acts as (for permission checks and the audit log).
#include "accounts/auth_service.h"

#include <optional>

namespace tucai::cli {

// --as USER names the staff member; without it a PostgreSQL staff login acts
// as itself, and the database owner (or a SQLite file's user) acts as "cli",
// a school-wide operator. Prints an error and returns nullopt when USER is unknown.
std::optional<accounts::Session> actingSession(const db::Database &db, const QString &asUser);

} // namespace tucai::cli
