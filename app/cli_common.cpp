#include "cli_common.h"

#include "db/database.h"
#include "demo/demo_faces.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcessEnvironment>

namespace tucai::cli {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

QString takeOption(QStringList &args, const QString &name, const QString &fallback)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == name && i + 1 < args.size()) {
            const QString v = args.at(i + 1);
            args.remove(i, 2);
            return v;
        }
        if (args.at(i).startsWith(name + QLatin1Char('='))) {
            const QString v = args.at(i).mid(name.size() + 1);
            args.remove(i);
            return v;
        }
    }
    return fallback;
}

bool takeFlag(QStringList &args, const QString &name) { return args.removeAll(name) > 0; }

std::unique_ptr<db::Database> openDatabase(const QString &dbArg, bool create, bool migrate)
{
    QString error;
    auto target = db::DbTarget::parse(dbArg, &error);
    if (!target) {
        err() << QCoreApplication::translate("cli", "error: %1").arg(error) << Qt::endl;
        return nullptr;
    }
    if (target->isPostgres() && target->password.isEmpty())
        target->password = QProcessEnvironment::systemEnvironment().value(QStringLiteral("PGPASSWORD"));
    auto database = std::make_unique<db::Database>(*target);
    try {
        database->open(create ? db::Database::OpenMode::CreateIfMissing : db::Database::OpenMode::MustExist);
        if (migrate)
            database->migrate();
    } catch (const db::DbError &e) {
        err() << QCoreApplication::translate("cli", "error: %1").arg(e.message()) << Qt::endl;
        return nullptr;
    }
    return database;
}

QString findFacesDir(const QString &explicitDir) { return demo::DemoFaces::findDir(explicitDir); }

} // namespace tucai::cli
