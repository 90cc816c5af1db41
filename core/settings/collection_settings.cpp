#include "settings/collection_settings.h"

#include "db/audit_repo.h"
#include "db/database.h"
#include "db/settings_repo.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace tucai::settings {

QStringList CollectionSettings::validate() const
{
    QStringList e;
    if (windowStart < 0 || windowEnd < 0)
        e << tr("The collection window dates are invalid.");
    if (windowStart && windowEnd && windowEnd <= windowStart)
        e << tr("The collection window must end after it starts.");
    static const QRegularExpression re(QStringLiteral("^([01]\\d|2[0-3]):[0-5]\\d-([01]\\d|2[0-4]):[0-5]\\d$"));
    if (!re.match(dailyHours).hasMatch() || dailyHours.left(5) >= dailyHours.mid(6))
        e << tr("Daily hours must look like 08:00-21:00, the end after the start.");
    if (livenessFailuresBeforeLock < 1)
        e << tr("Liveness failures before the lock must be at least 1.");
    if (otherFailuresBeforeCooling < 1)
        e << tr("Other failures before cooling-off must be at least 1.");
    if (coolingMinutes < 0)
        e << tr("The cooling-off length cannot be negative.");
    if (draftCapacity < 1)
        e << tr("The draft box must hold at least one photo.");
    if (draftRetentionHours < 0)
        e << tr("The draft retention cannot be negative.");
    if (feeCents < 0)
        e << tr("The fee cannot be negative.");
    if (paymentRequired && feeCents == 0)
        e << tr("Payment is required but the fee is 0.");
    return e;
}

QMap<QString, QString> CollectionSettings::toMap() const
{
    return {
        {QStringLiteral("window_start"), QString::number(windowStart)},
        {QStringLiteral("window_end"), QString::number(windowEnd)},
        {QStringLiteral("daily_hours"), dailyHours},
        {QStringLiteral("liveness_failures_before_lock"), QString::number(livenessFailuresBeforeLock)},
        {QStringLiteral("other_failures_before_cooling"), QString::number(otherFailuresBeforeCooling)},
        {QStringLiteral("cooling_minutes"), QString::number(coolingMinutes)},
        {QStringLiteral("draft_capacity"), QString::number(draftCapacity)},
        {QStringLiteral("draft_retention_hours"), QString::number(draftRetentionHours)},
        {QStringLiteral("payment_required"), paymentRequired ? QStringLiteral("1") : QStringLiteral("0")},
        {QStringLiteral("fee_cents"), QString::number(feeCents)},
        {QStringLiteral("video_required"), videoRequired ? QStringLiteral("1") : QStringLiteral("0")},
    };
}

CollectionSettings CollectionSettings::fromMap(const QMap<QString, QString> &m)
{
    CollectionSettings s;
    auto num = [&](const char *name, auto fallback) {
        bool ok = false;
        const qint64 v = m.value(QString::fromLatin1(name)).toLongLong(&ok);
        return ok ? decltype(fallback)(v) : fallback;
    };
    s.windowStart = num("window_start", s.windowStart);
    s.windowEnd = num("window_end", s.windowEnd);
    s.dailyHours = m.value(QStringLiteral("daily_hours"), s.dailyHours);
    s.livenessFailuresBeforeLock = num("liveness_failures_before_lock", s.livenessFailuresBeforeLock);
    s.otherFailuresBeforeCooling = num("other_failures_before_cooling", s.otherFailuresBeforeCooling);
    s.coolingMinutes = num("cooling_minutes", s.coolingMinutes);
    s.draftCapacity = num("draft_capacity", s.draftCapacity);
    s.draftRetentionHours = num("draft_retention_hours", s.draftRetentionHours);
    s.paymentRequired = num("payment_required", int(s.paymentRequired)) != 0;
    s.feeCents = num("fee_cents", s.feeCents);
    s.videoRequired = num("video_required", int(s.videoRequired)) != 0;
    return s;
}

CollectionSettings CollectionSettings::load(const db::Database &db, qint64 schoolId)
{
    return fromMap(db::SettingsRepo(db).all(schoolId));
}

QStringList CollectionSettings::save(const db::Database &db, qint64 schoolId, qint64 staffId, const QString &staffName,
                                     const QString &reason, QStringList *changed) const
{
    const QStringList problems = validate();
    if (!problems.isEmpty())
        return problems;
    db::SettingsRepo repo(db);
    db::Transaction tx(db);
    const QMap<QString, QString> stored = repo.all(schoolId);
    const QMap<QString, QString> wanted = toMap();
    QJsonObject before, after;
    QStringList names;
    for (auto it = wanted.begin(); it != wanted.end(); ++it) {
        if (stored.contains(it.key()) && stored.value(it.key()) == it.value())
            continue;
        repo.set(schoolId, it.key(), it.value(), staffId);
        before.insert(it.key(), stored.contains(it.key()) ? QJsonValue(stored.value(it.key())) : QJsonValue());
        after.insert(it.key(), it.value());
        names << it.key();
    }
    if (!names.isEmpty()) {
        AuditEntry e;
        e.staffId = staffId;
        e.staffName = staffName;
        e.action = QStringLiteral("settings.change");
        e.targetType = QStringLiteral("settings");
        e.targetId = names.join(QLatin1Char(','));
        e.reason = reason;
        e.beforeJson = QString::fromUtf8(QJsonDocument(before).toJson(QJsonDocument::Compact));
        e.afterJson = QString::fromUtf8(QJsonDocument(after).toJson(QJsonDocument::Compact));
        db::AuditRepo(db).append(e);
    }
    tx.commit();
    if (changed)
        *changed = names;
    return {};
}

} // namespace tucai::settings
