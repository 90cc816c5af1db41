#include "test_support.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace tucai::test {

QString pgAdminUrl()
{
    const QString file = qEnvironmentVariable("TUCAI_TEST_PG_URL_FILE");
    if (file.isEmpty())
        return qEnvironmentVariable("TUCAI_TEST_PG_URL");
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).trimmed();
}

std::unique_ptr<db::Database> freshPgDatabase(const QString &name)
{
    auto admin = db::DbTarget::parse(pgAdminUrl());
    {
        db::Database maintenance(*admin);
        QSqlQuery q(maintenance.connection());
        if (!q.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name)))
            qFatal("drop database: %s", qPrintable(q.lastError().text()));
        if (!q.exec(QStringLiteral("CREATE DATABASE %1").arg(name)))
            qFatal("create database: %s", qPrintable(q.lastError().text()));
    }
    db::DbTarget t = *admin;
    t.database = name;
    return std::make_unique<db::Database>(t);
}

std::unique_ptr<db::Database> freshSqliteDatabase(const QTemporaryDir &dir, const QString &name)
{
    const QString path = dir.filePath(name + QStringLiteral(".sqlite"));
    QFile::remove(path);
    return std::make_unique<db::Database>(db::DbTarget::sqlite(path));
}

std::unique_ptr<db::Database> freshDatabase(const QString &engine, const QTemporaryDir &dir, const QString &name)
{
    if (engine == QLatin1String("postgres"))
        return pgAdminUrl().isEmpty() ? nullptr : freshPgDatabase(name);
    return freshSqliteDatabase(dir, name);
}

QString facesDir()
{
    const QString dir = QStringLiteral(TUCAI_SHARED_DIR "/faces");
    return QFileInfo::exists(dir + QStringLiteral("/frll/neutral")) ? dir : QString();
}

} // namespace tucai::test
