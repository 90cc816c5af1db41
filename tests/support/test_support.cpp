#include "test_support.h"

#include "db/staff_repo.h"
#include "util/data_paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

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

std::unique_ptr<db::Database> freshPgDatabase(const QString &name, const QString &adminUrl)
{
    auto admin = db::DbTarget::parse(adminUrl);
    if (!admin)
        qFatal("not a PostgreSQL URL: %s", qPrintable(adminUrl));
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

Run runProgram(const QString &program, const QStringList &args, int timeoutMs)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs))
        qFatal("%s %s did not finish", qPrintable(program), qPrintable(args.join(QLatin1Char(' '))));
    if (p.exitStatus() != QProcess::NormalExit)
        qFatal("%s %s crashed", qPrintable(program), qPrintable(args.join(QLatin1Char(' '))));
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

accounts::Session sessionOf(const db::Database &db, const QString &username)
{
    const auto s = db::StaffRepo(db).findByUsername(username);
    if (!s)
        qFatal("no staff account %s", qPrintable(username));
    accounts::Session session;
    session.staffId = s->id;
    session.schoolId = s->schoolId;
    session.username = s->username;
    session.displayName = s->displayName;
    session.role = s->role;
    session.collegeId = s->collegeId;
    return session;
}

QString copyCascades(const QString &dir)
{
    for (const char *rel : {"haarcascades/haarcascade_frontalface_alt2.xml", "haarcascades/haarcascade_frontalface_default.xml",
                            "lbpcascades/lbpcascade_frontalface_improved.xml", "haarcascades/haarcascade_eye.xml",
                            "haarcascades/haarcascade_eye_tree_eyeglasses.xml"}) {
        const QString src = findDataFile(QLatin1String(rel)), dst = dir + QLatin1Char('/') + QLatin1String(rel);
        if (src.isEmpty() || !QDir().mkpath(QFileInfo(dst).path()) || !QFile::copy(src, dst))
            return QLatin1String(rel);
    }
    return {};
}

void freshCacheFolder(const QTemporaryDir &dir)
{
    qputenv("XDG_CACHE_HOME", dir.filePath(QStringLiteral("cache")).toUtf8());
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    // Only this test program's own folder (its organisation and name are in the path).
    const QString org = QCoreApplication::organizationName(), app = QCoreApplication::applicationName();
    if (!cache.isEmpty() && !org.isEmpty() && app.startsWith(QLatin1String("test_")) && cache.contains(org) && cache.contains(app))
        QDir(cache).removeRecursively();
}

} // namespace tucai::test
