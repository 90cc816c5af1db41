#pragma once
#include <QString>

namespace tucai::ui {

// What the UI shows for the codes the database stores: audit actions and the kinds of
// their targets, notification kinds. Known codes get a translated name; an unknown code
// (written by a newer version) is shown as it is. The code itself stays in the tooltips.
QString auditActionName(const QString &action);
// A group of actions in the audit filter ("notice." -> "Notices (all actions)").
QString auditActionGroupName(const QString &prefix);
QString auditTargetName(const QString &targetType);
QString notificationKindName(const QString &kind);
// A check rule's threshold as the engine writes it ("|angle|<=8", "spread<=4, no objects")
// with its words in the UI language; the colour-science symbols (dE, dL, a*, b*) stay.
QString thresholdText(const QString &threshold);

} // namespace tucai::ui
