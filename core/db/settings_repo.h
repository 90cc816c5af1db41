#pragma once
#include <QMap>
#include <QString>
#include <QStringList>

namespace tucai::db {

class Database;

// Collection settings (key/value per school) that the student side reads from
// the settings table. Validation and auditing: core/settings/collection_settings.h.
class SettingsRepo final
{
public:
    explicit SettingsRepo(const Database &db) : m_db(db) {}
    QString value(qint64 schoolId, const QString &name, const QString &fallback = {}) const;
    QMap<QString, QString> all(qint64 schoolId) const;
    // The values of one setting in every school this login may read.
    QStringList valuesNamed(const QString &name) const;
    void set(qint64 schoolId, const QString &name, const QString &value, qint64 staffId);

private:
    const Database &m_db;
};

} // namespace tucai::db
