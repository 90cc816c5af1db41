#pragma once
#include "accounts/auth_service.h"

namespace tucai::accounts {

// What a signed-in staff member may do, decided in the client. On PostgreSQL
// the database enforces the same rules again with roles and row-level security
// (db/server_security.h), so raw SQL from a staff login cannot get around them.
bool mayManageStudents(const Session &s, qint64 collegeId);  // account actions, import
bool maySeeIdNumbers(const Session &s);
bool mayManageStaff(const Session &s);
bool mayReadAudit(const Session &s);

} // namespace tucai::accounts
