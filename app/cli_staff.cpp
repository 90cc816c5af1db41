// tucai staff list | sync-roles | add | password
#include "cli_accounts_common.h"
#include "cli_common.h"

#include "accounts/password.h"
#include "accounts/staff_service.h"
#include "db/account_repo.h"
#include "db/database.h"
#include "db/server_security.h"
#include "db/staff_repo.h"
#include "demo/demo_generator.h"

#include <QCoreApplication>

using namespace tucai;

namespace {
const char *kUsage =
    "tucai staff list --db DB\n"
    "tucai staff sync-roles --db DB [--password-env VAR --user NAME] [--demo-passwords]\n"
    "      PostgreSQL (as the owner): give every staff member a login role in their group;\n"
    "      with --user/--password-env also set that member's database password;\n"
    "      --demo-passwords gives the demo accounts their documented passwords (demo databases only)\n"
    "tucai staff add --db DB --user NAME --name DISPLAY --role school_admin|college_admin|reviewer\n"
    "      [--college ID] [--scope COLLEGE[:CLASS]]... --password-env VAR";
} // namespace

int runStaffCommand(const QStringList &argsIn)
{
    QStringList args = argsIn;
    const QString sub = args.isEmpty() ? QString() : args.takeFirst();
    const QString dbArg = cli::takeOption(args, QStringLiteral("--db"));
    if (dbArg.isEmpty() || (sub != QLatin1String("list") && sub != QLatin1String("sync-roles") && sub != QLatin1String("add"))) {
        cli::err() << QStringLiteral("usage:\n") << QString::fromLatin1(kUsage) << Qt::endl;
        return cli::Usage;
    }
    const QString user = cli::takeOption(args, QStringLiteral("--user"));
    const QString passwordEnv = cli::takeOption(args, QStringLiteral("--password-env"));
    const QString display = cli::takeOption(args, QStringLiteral("--name"));
    const QString role = cli::takeOption(args, QStringLiteral("--role"));
    const QString college = cli::takeOption(args, QStringLiteral("--college"));
    QStringList scopes;
    for (QString s; !(s = cli::takeOption(args, QStringLiteral("--scope"))).isEmpty();)
        scopes << s;
    const QString asUser = cli::takeOption(args, QStringLiteral("--as"));
    const bool demoPasswords = cli::takeFlag(args, QStringLiteral("--demo-passwords"));
    if (!args.isEmpty()) {
        cli::err() << QCoreApplication::translate("cli", "error: unknown arguments: %1").arg(args.join(QLatin1Char(' '))) << Qt::endl;
        return cli::Usage;
    }
    const QString password = passwordEnv.isEmpty() ? QString() : qEnvironmentVariable(qPrintable(passwordEnv));
    if (!passwordEnv.isEmpty() && password.isEmpty()) {
        cli::err() << QCoreApplication::translate("cli", "error: the environment variable %1 is empty").arg(passwordEnv) << Qt::endl;
        return cli::Usage;
    }
    auto database = cli::openDatabase(dbArg, false);
    if (!database)
        return cli::Failed;
    try {
        db::StaffRepo repo(*database);
        if (sub == QLatin1String("list")) {
            db::AccountRepo accounts(*database);
            for (const Staff &s : repo.all()) {
                QStringList sc;
                for (const auto &x : accounts.staffScopes(s.id))
                    sc << (x.classId ? QStringLiteral("%1:%2").arg(x.collegeId).arg(x.classId) : QString::number(x.collegeId));
                cli::out() << QStringLiteral("%1  %2  %3  %4  college=%5  scopes=%6  %7  %8")
                                  .arg(s.id, 4)
                                  .arg(s.username, -12)
                                  .arg(toDbString(s.role), -13)
                                  .arg(s.displayName)
                                  .arg(s.collegeId)
                                  .arg(sc.join(QLatin1Char(',')))
                                  .arg(s.active ? QStringLiteral("active") : QStringLiteral("disabled"))
                                  .arg(s.dbRole)
                           << Qt::endl;
            }
            return cli::Ok;
        }
        if (sub == QLatin1String("sync-roles")) {
            db::ServerSecurity security(*database);
            if (!security.available()) {
                cli::err() << QCoreApplication::translate("cli", "error: database roles exist only on PostgreSQL; on SQLite staff log in with their passwords") << Qt::endl;
                return cli::Failed;
            }
            const QStringList roles = accounts::StaffService::syncAllRoles(*database);
            if (!user.isEmpty()) {
                const auto s = repo.findByUsername(user);
                if (!s) {
                    cli::err() << QCoreApplication::translate("cli", "error: no staff member named %1").arg(user) << Qt::endl;
                    return cli::Failed;
                }
                security.syncStaffRole(s->id, password);
            }
            if (demoPasswords) {
                // Only accounts whose app password is still the published demo one: on a real
                // database an "admin" with its own password does not get a known database password.
                int n = 0;
                const demo::DemoAccount *accounts = demo::demoAccounts(&n);
                QStringList refused;
                for (int i = 0; i < n; ++i) {
                    const auto s = repo.findByUsername(QString::fromLatin1(accounts[i].username));
                    if (!s)
                        continue;
                    if (accounts::verifyPassword(QString::fromLatin1(accounts[i].password), s->passwordHash))
                        security.syncStaffRole(s->id, QString::fromLatin1(accounts[i].password));
                    else
                        refused << s->username;
                }
                if (!refused.isEmpty()) {
                    cli::err() << QCoreApplication::translate("cli", "error: --demo-passwords is for demo databases: %1 no longer use the demo "
                                                                      "password, their database logins were left unchanged")
                                      .arg(refused.join(QStringLiteral(", ")))
                               << Qt::endl;
                    return cli::Failed;
                }
            }
            cli::out() << QCoreApplication::translate("cli", "%1 staff login roles in place: %2").arg(roles.size()).arg(roles.join(QStringLiteral(", "))) << Qt::endl;
            return cli::Ok;
        }
        // add
        const auto session = cli::actingSession(*database, asUser);
        if (!session)
            return cli::Usage;
        accounts::StaffService::NewStaff n;
        n.username = user;
        n.displayName = display;
        n.role = staffRoleFromDb(role);
        if (toDbString(n.role) != role) {
            cli::err() << QCoreApplication::translate("cli", "error: --role must be school_admin, college_admin or reviewer") << Qt::endl;
            return cli::Usage;
        }
        n.collegeId = college.toLongLong();
        for (const QString &s : scopes)
            n.scopes.append({s.section(QLatin1Char(':'), 0, 0).toLongLong(), s.section(QLatin1Char(':'), 1, 1).toLongLong()});
        n.password = password;
        const qint64 id = accounts::StaffService(*database, *session).create(n);
        const auto created = repo.get(id);
        cli::out() << QCoreApplication::translate("cli", "Staff member %1 created (id %2)%3").arg(user).arg(id).arg(
                          created && !created->dbRole.isEmpty() ? QCoreApplication::translate("cli", ", database login role %1").arg(created->dbRole) : QString())
                   << Qt::endl;
    } catch (const db::DbError &e) {
        cli::err() << QCoreApplication::translate("cli", "error: %1").arg(e.message()) << Qt::endl;
        return cli::Failed;
    }
    return cli::Ok;
}
