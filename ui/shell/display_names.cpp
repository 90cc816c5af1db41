#include "shell/display_names.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

namespace tucai::ui {
namespace {

const char *const kContext = "DisplayNames";

QString lookup(const QHash<QString, const char *> &names, const QString &code)
{
    const char *text = names.value(code);
    return text ? QCoreApplication::translate(kContext, text) : code;
}

} // namespace

QString auditActionName(const QString &action)
{
    static const QHash<QString, const char *> names = {
        {QStringLiteral("photo.approve"), QT_TRANSLATE_NOOP("DisplayNames", "Photo approved")},
        {QStringLiteral("photo.return"), QT_TRANSLATE_NOOP("DisplayNames", "Photo returned")},
        {QStringLiteral("photo.undo"), QT_TRANSLATE_NOOP("DisplayNames", "Decision undone")},
        {QStringLiteral("student.unlock"), QT_TRANSLATE_NOOP("DisplayNames", "Account unlocked")},
        {QStringLiteral("student.cooling_lift"), QT_TRANSLATE_NOOP("DisplayNames", "Cooling-off lifted")},
        {QStringLiteral("student.cooling_shorten"), QT_TRANSLATE_NOOP("DisplayNames", "Cooling-off shortened")},
        {QStringLiteral("student.reset"), QT_TRANSLATE_NOOP("DisplayNames", "Student reset for re-shoot")},
        {QStringLiteral("student.grant_attempts"), QT_TRANSLATE_NOOP("DisplayNames", "Extra attempts granted")},
        {QStringLiteral("students.import"), QT_TRANSLATE_NOOP("DisplayNames", "Roster imported")},
        {QStringLiteral("notice.create"), QT_TRANSLATE_NOOP("DisplayNames", "Notice created")},
        {QStringLiteral("notice.edit"), QT_TRANSLATE_NOOP("DisplayNames", "Notice edited")},
        {QStringLiteral("notice.schedule"), QT_TRANSLATE_NOOP("DisplayNames", "Notice scheduled")},
        {QStringLiteral("notice.unschedule"), QT_TRANSLATE_NOOP("DisplayNames", "Notice back to draft")},
        {QStringLiteral("notice.publish"), QT_TRANSLATE_NOOP("DisplayNames", "Notice published")},
        {QStringLiteral("notice.archive"), QT_TRANSLATE_NOOP("DisplayNames", "Notice archived")},
        {QStringLiteral("codes.generate"), QT_TRANSLATE_NOOP("DisplayNames", "Collection codes generated")},
        {QStringLiteral("codes.generate_batch"), QT_TRANSLATE_NOOP("DisplayNames", "School/batch code generated")},
        {QStringLiteral("codes.revoke"), QT_TRANSLATE_NOOP("DisplayNames", "Collection code revoked")},
        {QStringLiteral("settings.change"), QT_TRANSLATE_NOOP("DisplayNames", "Setting changed")},
        {QStringLiteral("export.packages"), QT_TRANSLATE_NOOP("DisplayNames", "Photos exported")},
        {QStringLiteral("staff.create"), QT_TRANSLATE_NOOP("DisplayNames", "Staff member created")},
        {QStringLiteral("staff.enable"), QT_TRANSLATE_NOOP("DisplayNames", "Staff member enabled")},
        {QStringLiteral("staff.disable"), QT_TRANSLATE_NOOP("DisplayNames", "Staff member disabled")},
        {QStringLiteral("staff.scopes"), QT_TRANSLATE_NOOP("DisplayNames", "Reviewer assignments changed")},
        {QStringLiteral("staff.password_reset"), QT_TRANSLATE_NOOP("DisplayNames", "Password reset")},
        {QStringLiteral("staff.password_changed"), QT_TRANSLATE_NOOP("DisplayNames", "Own password changed")},
        {QStringLiteral("staff.locked"), QT_TRANSLATE_NOOP("DisplayNames", "Staff log-in locked")},
    };
    return lookup(names, action);
}

QString auditActionGroupName(const QString &prefix)
{
    static const QHash<QString, const char *> names = {
        {QStringLiteral("photo."), QT_TRANSLATE_NOOP("DisplayNames", "Photos (all actions)")},
        {QStringLiteral("student."), QT_TRANSLATE_NOOP("DisplayNames", "Student accounts (all actions)")},
        {QStringLiteral("students."), QT_TRANSLATE_NOOP("DisplayNames", "Rosters (all actions)")},
        {QStringLiteral("notice."), QT_TRANSLATE_NOOP("DisplayNames", "Notices (all actions)")},
        {QStringLiteral("codes."), QT_TRANSLATE_NOOP("DisplayNames", "Collection codes (all actions)")},
        {QStringLiteral("settings."), QT_TRANSLATE_NOOP("DisplayNames", "Settings (all actions)")},
        {QStringLiteral("export."), QT_TRANSLATE_NOOP("DisplayNames", "Exports (all actions)")},
        {QStringLiteral("staff."), QT_TRANSLATE_NOOP("DisplayNames", "Staff (all actions)")},
    };
    const char *text = names.value(prefix);
    return text ? QCoreApplication::translate(kContext, text) : prefix + QLatin1Char('*');
}

QString auditTargetName(const QString &targetType)
{
    static const QHash<QString, const char *> names = {
        {QStringLiteral("photo"), QT_TRANSLATE_NOOP("DisplayNames", "photo")},
        {QStringLiteral("student"), QT_TRANSLATE_NOOP("DisplayNames", "student")},
        {QStringLiteral("roster"), QT_TRANSLATE_NOOP("DisplayNames", "roster")},
        {QStringLiteral("notice"), QT_TRANSLATE_NOOP("DisplayNames", "notice")},
        {QStringLiteral("collection_code"), QT_TRANSLATE_NOOP("DisplayNames", "collection code")},
        {QStringLiteral("code_batch"), QT_TRANSLATE_NOOP("DisplayNames", "code batch")},
        {QStringLiteral("settings"), QT_TRANSLATE_NOOP("DisplayNames", "setting")},
        {QStringLiteral("export"), QT_TRANSLATE_NOOP("DisplayNames", "export")},
        {QStringLiteral("staff"), QT_TRANSLATE_NOOP("DisplayNames", "staff member")},
    };
    return lookup(names, targetType);
}

QString notificationKindName(const QString &kind)
{
    static const QHash<QString, const char *> names = {
        {QStringLiteral("photo.approved"), QT_TRANSLATE_NOOP("DisplayNames", "Photo approved")},
        {QStringLiteral("photo.returned"), QT_TRANSLATE_NOOP("DisplayNames", "Photo returned")},
        {QStringLiteral("photo.decision_undone"), QT_TRANSLATE_NOOP("DisplayNames", "Decision withdrawn")},
        {QStringLiteral("account.account_unlocked"), QT_TRANSLATE_NOOP("DisplayNames", "Account unlocked")},
        {QStringLiteral("account.cooling_lifted"), QT_TRANSLATE_NOOP("DisplayNames", "Cooling-off lifted")},
        {QStringLiteral("account.cooling_shortened"), QT_TRANSLATE_NOOP("DisplayNames", "Cooling-off shortened")},
        {QStringLiteral("account.account_reset"), QT_TRANSLATE_NOOP("DisplayNames", "Reset for re-shoot")},
        {QStringLiteral("account.attempts_granted"), QT_TRANSLATE_NOOP("DisplayNames", "Extra attempts granted")},
    };
    return lookup(names, kind);
}

QString thresholdText(const QString &threshold)
{
    struct Word { const char *engine; const char *text; };
    static const Word words[] = {
        {"no objects", QT_TRANSLATE_NOOP("DisplayNames", "no objects")},
        {"background-like", QT_TRANSLATE_NOOP("DisplayNames", "background-like")},
        {"spread", QT_TRANSLATE_NOOP("DisplayNames", "spread")},
        {"halo", QT_TRANSLATE_NOOP("DisplayNames", "halo")},
        {"hair", QT_TRANSLATE_NOOP("DisplayNames", "hair")},
        {"offset", QT_TRANSLATE_NOOP("DisplayNames", "offset")},
        {"angle", QT_TRANSLATE_NOOP("DisplayNames", "angle")},
        {"asymmetry", QT_TRANSLATE_NOOP("DisplayNames", "asymmetry")},
        {"outside", QT_TRANSLATE_NOOP("DisplayNames", "outside")},
        {"quality", QT_TRANSLATE_NOOP("DisplayNames", "quality")},
        {"gap", QT_TRANSLATE_NOOP("DisplayNames", "gap")},       // mouth.closed: the lips' gap
        {"teeth", QT_TRANSLATE_NOOP("DisplayNames", "teeth")},
        {"eye/lip edges", QT_TRANSLATE_NOOP("DisplayNames", "eye/lip edges")},   // image.sharpness: edge energy at the eyes and lips
    };
    // Compiled once: a photo's rule list asks for every rule's threshold.
    static const QList<std::pair<QRegularExpression, const char *>> compiled = [] {
        QList<std::pair<QRegularExpression, const char *>> list;
        for (const Word &w : words)
            list.append({QRegularExpression(QStringLiteral("(?<![A-Za-z-])%1(?![A-Za-z-])").arg(QRegularExpression::escape(QLatin1String(w.engine)))),
                         w.text});
        return list;
    }();
    QString out = threshold;
    for (const auto &[re, text] : compiled)
        out.replace(re, QCoreApplication::translate(kContext, text));
    return out;
}

} // namespace tucai::ui
