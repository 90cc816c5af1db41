#include "shell/page_registry.h"

#include "pages/audit/audit_page.h"
#include "pages/codes/codes_page.h"
#include "pages/dashboard/dashboard_page.h"
#include "pages/export/export_page.h"
#include "pages/notices/notices_page.h"
#include "pages/outbox/outbox_page.h"
#include "pages/review/review_page.h"
#include "pages/settings/settings_page.h"
#include "pages/staff/staff_page.h"
#include "pages/students/students_page.h"

namespace tucai::ui {

QList<PageFactory> pageFactories()
{
    return {
        {QStringLiteral("review"), [](AppContext &ctx, QWidget *parent) -> Page * { return new ReviewPage(ctx, parent); }},
        {QStringLiteral("students"), [](AppContext &ctx, QWidget *parent) -> Page * { return new StudentsPage(ctx, parent); }},
        {QStringLiteral("notices"), [](AppContext &ctx, QWidget *parent) -> Page * { return new NoticesPage(ctx, parent); }},
        {QStringLiteral("codes"), [](AppContext &ctx, QWidget *parent) -> Page * { return new CodesPage(ctx, parent); }},
        {QStringLiteral("dashboard"), [](AppContext &ctx, QWidget *parent) -> Page * { return new DashboardPage(ctx, parent); }},
        {QStringLiteral("export"), [](AppContext &ctx, QWidget *parent) -> Page * { return new ExportPage(ctx, parent); }},
        {QStringLiteral("settings"), [](AppContext &ctx, QWidget *parent) -> Page * { return new SettingsPage(ctx, parent); }},
        {QStringLiteral("staff"), [](AppContext &ctx, QWidget *parent) -> Page * { return new StaffPage(ctx, parent); }},
        {QStringLiteral("audit"), [](AppContext &ctx, QWidget *parent) -> Page * { return new AuditPage(ctx, parent); }},
        {QStringLiteral("outbox"), [](AppContext &ctx, QWidget *parent) -> Page * { return new OutboxPage(ctx, parent); }},
    };
}

} // namespace tucai::ui
