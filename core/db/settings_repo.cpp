#include "db/settings_repo.h"

#include "db/database.h"

namespace tucai::db {

QString SettingsRepo::value(qint64 schoolId, const QString &name, const QString &fallback) const
{
    Query q(m_db, QStringLiteral("SELECT value FROM settings WHERE school_id = :s AND name = :n"));
    q.bind(QStringLiteral(":s"), schoolId).bind(QStringLiteral(":n"), name).exec();
    return q.next() ? q.toString(0) : fallback;
}

QMap<QString, QString> SettingsRepo::all(qint64 schoolId) const
{
    Query q(m_db, QStringLiteral("SELECT name, value FROM settings WHERE school_id = :s ORDER BY name"));
    q.bind(QStringLiteral(":s"), schoolId).exec();
    QMap<QString, QString> out;
    while (q.next())
        out.insert(q.toString(0), q.toString(1));
    return out;
}

QStringList SettingsRepo::valuesNamed(const QString &name) const
{
    Query q(m_db, QStringLiteral("SELECT value FROM settings WHERE name = :n ORDER BY school_id"));
    q.bind(QStringLiteral(":n"), name).exec();
    QStringList out;
    while (q.next())
        out << q.toString(0);
    return out;
}

void SettingsRepo::set(qint64 schoolId, const QString &name, const QString &value, qint64 staffId)
{
    Query(m_db, QStringLiteral("INSERT INTO settings (school_id, name, value, updated_by, updated_at) VALUES (:s, :n, :v, :b, :t) "
                               "ON CONFLICT (school_id, name) DO UPDATE SET value = excluded.value, "
                               "updated_by = excluded.updated_by, updated_at = excluded.updated_at"))
        .bind(QStringLiteral(":s"), schoolId)
        .bind(QStringLiteral(":n"), name)
        .bind(QStringLiteral(":v"), sqlValue(value))
        .bind(QStringLiteral(":b"), staffId ? QVariant(staffId) : QVariant())
        .bind(QStringLiteral(":t"), nowMs())
        .exec();
}

} // namespace tucai::db
