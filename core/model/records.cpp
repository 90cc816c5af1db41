#include "model/records.h"

#include <QCoreApplication>

namespace tucai {
namespace {
struct StateName { StudentState state; const char *db; const char *display; };
constexpr StateName kStates[] = {
    {StudentState::NotStarted, "not_started", QT_TRANSLATE_NOOP("StudentState", "Not started")},
    {StudentState::Verified, "verified", QT_TRANSLATE_NOOP("StudentState", "Verified")},
    {StudentState::Drafting, "drafting", QT_TRANSLATE_NOOP("StudentState", "Drafting")},
    {StudentState::CoolingOff, "cooling_off", QT_TRANSLATE_NOOP("StudentState", "Cooling-off")},
    {StudentState::LockedLiveness, "locked_liveness", QT_TRANSLATE_NOOP("StudentState", "Locked (liveness)")},
    {StudentState::AwaitingPayment, "awaiting_payment", QT_TRANSLATE_NOOP("StudentState", "Awaiting payment")},
    {StudentState::AwaitingReview, "awaiting_review", QT_TRANSLATE_NOOP("StudentState", "Awaiting review")},
    {StudentState::Approved, "approved", QT_TRANSLATE_NOOP("StudentState", "Approved")},
    {StudentState::Returned, "returned", QT_TRANSLATE_NOOP("StudentState", "Returned")},
    {StudentState::Exported, "exported", QT_TRANSLATE_NOOP("StudentState", "Exported")},
};
struct RoleName { StaffRole role; const char *db; const char *display; };
constexpr RoleName kRoles[] = {
    {StaffRole::SchoolAdmin, "school_admin", QT_TRANSLATE_NOOP("StaffRole", "School administrator")},
    {StaffRole::CollegeAdmin, "college_admin", QT_TRANSLATE_NOOP("StaffRole", "College administrator")},
    {StaffRole::Reviewer, "reviewer", QT_TRANSLATE_NOOP("StaffRole", "Reviewer")},
};
} // namespace

QString toDbString(StudentState s)
{
    for (const auto &n : kStates)
        if (n.state == s)
            return QString::fromLatin1(n.db);
    return QStringLiteral("not_started");
}

StudentState studentStateFromDb(const QString &s)
{
    for (const auto &n : kStates)
        if (s == QLatin1String(n.db))
            return n.state;
    return StudentState::NotStarted;
}

QString displayName(StudentState s)
{
    for (const auto &n : kStates)
        if (n.state == s)
            return QCoreApplication::translate("StudentState", n.display);
    return {};
}

QList<StudentState> allStudentStates()
{
    QList<StudentState> out;
    for (const auto &n : kStates)
        out.append(n.state);
    return out;
}

QString toDbString(StaffRole r)
{
    for (const auto &n : kRoles)
        if (n.role == r)
            return QString::fromLatin1(n.db);
    return QStringLiteral("reviewer");
}

StaffRole staffRoleFromDb(const QString &s)
{
    for (const auto &n : kRoles)
        if (s == QLatin1String(n.db))
            return n.role;
    return StaffRole::Reviewer;
}

QString displayName(StaffRole r)
{
    for (const auto &n : kRoles)
        if (n.role == r)
            return QCoreApplication::translate("StaffRole", n.display);
    return {};
}

QString maskIdNumber(const QString &id)
{
    if (id.size() <= 8)
        return QString(id.size(), QLatin1Char('*'));
    return id.left(4) + QString(id.size() - 8, QLatin1Char('*')) + id.right(4);
}

} // namespace tucai
