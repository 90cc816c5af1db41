#include "accounts/permissions.h"

namespace tucai::accounts {

bool mayManageStudents(const Session &s, qint64 collegeId)
{
    switch (s.role) {
    case StaffRole::SchoolAdmin: return true;
    case StaffRole::CollegeAdmin: return s.collegeId != 0 && s.collegeId == collegeId;
    case StaffRole::Reviewer: return false;
    }
    return false;
}

bool maySeeIdNumbers(const Session &s) { return s.role != StaffRole::Reviewer; }
bool mayManageStaff(const Session &s) { return s.role == StaffRole::SchoolAdmin; }
bool mayReadAudit(const Session &s) { return s.role != StaffRole::Reviewer; }

} // namespace tucai::accounts
