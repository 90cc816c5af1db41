#pragma once
#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QStringList>

namespace tucai::db { class Database; }

namespace tucai::settings {

// The knobs that drive the student side, stored per school in the settings
// table (name -> value text) where the student side reads them:
//   window_start, window_end          ms since the epoch (UTC)
//   daily_hours                       "HH:MM-HH:MM" (local time of the school)
//   liveness_failures_before_lock     int >= 1
//   other_failures_before_cooling     int >= 1
//   cooling_minutes                   int >= 0
//   draft_capacity                    int >= 1
//   draft_retention_hours             int >= 0 (24: a draft can be deleted 24 h after it was stored)
//   payment_required                  0/1
//   fee_cents                         int >= 0
//   video_required                    0/1
struct CollectionSettings
{
    Q_DECLARE_TR_FUNCTIONS(CollectionSettings)
public:
    qint64 windowStart = 0;
    qint64 windowEnd = 0;
    QString dailyHours = QStringLiteral("08:00-21:00");
    int livenessFailuresBeforeLock = 3;
    int otherFailuresBeforeCooling = 3;
    int coolingMinutes = 30;
    int draftCapacity = 5;
    int draftRetentionHours = 24;
    bool paymentRequired = false;
    int feeCents = 0;
    bool videoRequired = true;

    // Translated problems (empty = valid).
    QStringList validate() const;
    QMap<QString, QString> toMap() const;
    static CollectionSettings fromMap(const QMap<QString, QString> &map);
    static CollectionSettings load(const db::Database &db, qint64 schoolId);
    // Validates, writes the changed names and one audit entry (settings.change,
    // before/after of the changed names) in one transaction. Returns the
    // translated problems; empty on success. *changed = names written.
    QStringList save(const db::Database &db, qint64 schoolId, qint64 staffId, const QString &staffName, const QString &reason,
                     QStringList *changed = nullptr) const;
    bool operator==(const CollectionSettings &) const = default;
};

} // namespace tucai::settings
