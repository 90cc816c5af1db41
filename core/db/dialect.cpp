#include "db/dialect.h"

#include "util/platform.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QTemporaryFile>

namespace tucai::db {
namespace {

// A libpq conninfo value: quoted, with \ and ' escaped (paths with spaces, Chinese characters,
// Windows backslashes). DbTarget::parse refuses ';' (the Qt driver's option separator).
QString conninfoValue(QString v)
{
    v.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + v + QLatin1Char('\'');
}


class SqliteDialect final : public Dialect
{
public:
    DbTarget::Kind kind() const override { return DbTarget::Kind::Sqlite; }
    QString driverName() const override { return QStringLiteral("QSQLITE"); }
    std::shared_ptr<void> configure(QSqlDatabase &db, const DbTarget &target) const override
    {
        db.setDatabaseName(target.path);
        // Wait for a competing writer instead of failing at once; file: URIs
        // (e.g. ?mode=ro for a read-only look) are passed to SQLite as such.
        QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
        if (target.path.startsWith(QLatin1String("file:")))
            options += QStringLiteral(";QSQLITE_OPEN_URI");
        db.setConnectOptions(options);
        return {};  // SQLite takes UTF-8 file names on every system
    }
    QStringList sessionStatements() const override
    {
        return {QStringLiteral("PRAGMA foreign_keys = ON"), QStringLiteral("PRAGMA journal_mode = WAL"),
                QStringLiteral("PRAGMA synchronous = NORMAL")};
    }
    QString expand(const QString &t) const override
    {
        QString s = t;
        s.replace(QLatin1String("{PK}"), QLatin1String("INTEGER PRIMARY KEY AUTOINCREMENT"));
        s.replace(QLatin1String("{BLOB}"), QLatin1String("BLOB"));
        s.replace(QLatin1String("{BIGINT}"), QLatin1String("INTEGER"));
        return s;
    }
    QString likeOperator() const override { return QStringLiteral("LIKE"); }
    QString listTablesSql() const override
    {
        return QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    }
    DbError classify(const QSqlError &e, const DbTarget &target, const QString &context) const override
    {
        const QString text = e.text();
        const QString code = e.nativeErrorCode();
        const QString where = context.isEmpty() ? QString() : context + QStringLiteral(": ");
        if (text.contains(QLatin1String("not a database")) || code == QLatin1String("26"))
            return {DbError::Kind::NotADatabase,
                    QCoreApplication::translate("Dialect", "The file %1 is not a Tucai database (not SQLite).").arg(target.path), text};
        if (text.contains(QLatin1String("readonly")) || code == QLatin1String("8"))
            return {DbError::Kind::ReadOnly,
                    QCoreApplication::translate("Dialect", "The database file %1 is read-only: nothing was changed.").arg(target.path), text};
        if (text.contains(QLatin1String("unable to open")) || code == QLatin1String("14"))
            return {DbError::Kind::NotFound, QCoreApplication::translate("Dialect", "Cannot open the database file %1.").arg(target.path), text};
        if (text.contains(QLatin1String("disk I/O")) || code == QLatin1String("10") || code == QLatin1String("11"))
            return {DbError::Kind::Lost,
                    QCoreApplication::translate("Dialect", "The database file %1 could not be read or written (it may have been removed or the disk failed).")
                        .arg(target.path), text};
        if (text.contains(QLatin1String("constraint")) || code == QLatin1String("19") || code == QLatin1String("2067")
            || code == QLatin1String("1555") || code == QLatin1String("787"))
            return {DbError::Kind::Constraint, where + QCoreApplication::translate("Dialect", "a record with the same key already exists or a reference is missing."), text};
        return {DbError::Kind::Other, where + text, text};
    }
    bool stillPresent(const DbTarget &target) const override
    {
        QString path = target.path;
        if (path.startsWith(QLatin1String("file:")))
            path = path.mid(5).section(QLatin1Char('?'), 0, 0);
        return QFileInfo::exists(path);
    }
    QString syncIdSequenceSql(const QString &) const override { return {}; }
    int maxBoundParameters() const override { return 999; }
    QString canReadSql(const QString &, const QString &) const override { return QStringLiteral("SELECT 1"); }
    QString queueArrivalChannel() const override { return {}; }
    QString queueArrivalCounterSql() const override { return QStringLiteral("SELECT n FROM review_queue_arrivals WHERE id = 1"); }
    QString liveChangeChannel() const override { return {}; }
    QString liveChangeCountersSql() const override
    {
        // Inserts: the AUTOINCREMENT sequences (schema step 8 counts updates and deletes).
        return QStringLiteral("SELECT (SELECT n FROM review_queue_arrivals WHERE id = 1), "
                              "(SELECT n FROM live_changes WHERE id = 1) + COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'students'), 0), "
                              "(SELECT n FROM live_changes WHERE id = 2) + COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'photos'), 0)");
    }
};

class PostgresDialect final : public Dialect
{
public:
    DbTarget::Kind kind() const override { return DbTarget::Kind::Postgres; }
    QString driverName() const override { return QStringLiteral("QPSQL"); }
    // Qt's driver hands libpq the whole connection string in the local 8-bit encoding, which on
    // Windows is the ANSI code page: a certificate path or a password with characters outside it
    // would arrive as '?'. So the certificate goes by a path that encoding holds (its short form),
    // and a non-ASCII password through a password file libpq reads as UTF-8 bytes, the bytes the
    // server's SCRAM verifier was made from (ServerSecurity). On Linux both go as they are.
    std::shared_ptr<void> configure(QSqlDatabase &db, const DbTarget &target) const override
    {
        db.setHostName(target.host);
        db.setPort(target.port);
        db.setDatabaseName(target.database);
        db.setUserName(target.user);
        QString options = QStringLiteral("connect_timeout=5;application_name=tucai-admin;sslmode=") + target.effectiveSslMode();
        if (!target.sslRootCert.isEmpty()) {
            const QString path = platform::localEncodingPath(target.sslRootCert);
            if (path.isEmpty())
                throw DbError(DbError::Kind::Untrusted,
                              QCoreApplication::translate("Dialect", "The certificate file %1 is in a folder whose name cannot be handed to the "
                                                                     "PostgreSQL client on this system. Copy it to a folder whose name has "
                                                                     "only letters of the system's language or English letters.")
                                  .arg(QDir::toNativeSeparators(target.sslRootCert)));
            options += QStringLiteral(";sslrootcert=") + conninfoValue(path);
        }
        std::shared_ptr<QTemporaryFile> passfile;
        bool ascii = true;
        for (QChar c : target.password)
            ascii = ascii && c.unicode() < 0x80;
        if (ascii || platform::localEncodingIsUtf8()) {
            db.setPassword(target.password);
        } else {
            // "*:*:*:*:password" (':' and '\' escaped), owner-only in the user's temporary folder,
            // removed as soon as the connection is open.
            passfile = std::make_shared<QTemporaryFile>(QDir::tempPath() + QStringLiteral("/tucai-pg-XXXXXX"));
            QByteArray line = target.password.toUtf8();
            line.replace('\\', "\\\\").replace(':', "\\:");
            const QString path = passfile->open() ? platform::localEncodingPath(passfile->fileName()) : QString();
            if (path.isEmpty() || passfile->write("*:*:*:*:" + line + '\n') < 0 || !passfile->flush())
                throw DbError(DbError::Kind::Other,
                              QCoreApplication::translate("Dialect", "The password cannot be handed to the PostgreSQL client: the temporary "
                                                                     "folder %1 is not usable.")
                                  .arg(QDir::toNativeSeparators(QDir::tempPath())));
            passfile->close();
            db.setPassword(QString());
            options += QStringLiteral(";passfile=") + conninfoValue(path);
        }
        db.setConnectOptions(options);
        return passfile;
    }
    QStringList sessionStatements() const override
    {
        return {QStringLiteral("SET client_min_messages TO WARNING"), QStringLiteral("SET TIME ZONE 'UTC'")};
    }
    QString expand(const QString &t) const override
    {
        QString s = t;
        s.replace(QLatin1String("{PK}"), QLatin1String("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"));
        s.replace(QLatin1String("{BLOB}"), QLatin1String("BYTEA"));
        s.replace(QLatin1String("{BIGINT}"), QLatin1String("BIGINT"));
        return s;
    }
    QString likeOperator() const override { return QStringLiteral("ILIKE"); }
    QString listTablesSql() const override
    {
        return QStringLiteral("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()");
    }
    DbError classify(const QSqlError &e, const DbTarget &target, const QString &context) const override
    {
        const QString text = e.text();
        const QString state = e.nativeErrorCode();
        const QString where = context.isEmpty() ? QString() : context + QStringLiteral(": ");
        if (text.contains(QLatin1String("password authentication failed")) || state == QLatin1String("28P01")
            || text.contains(QLatin1String("no password supplied")) || state == QLatin1String("28000"))
            return {DbError::Kind::AuthFailed,
                    QCoreApplication::translate("Dialect", "The server %1 refused the user name or password for %2.").arg(target.host, target.user), text};
        // TLS before "could not connect": libpq reports certificate trouble as a failed connection.
        if (text.contains(QLatin1String("certificate")) || text.contains(QLatin1String("does not support SSL"))
            || text.contains(QLatin1String("SSL is not enabled")) || text.contains(QLatin1String("SSL error")))
            return {DbError::Kind::Untrusted,
                    QCoreApplication::translate("Dialect", "The connection to %1 is not secure as required (sslmode=%2): the server's certificate "
                                                           "could not be verified against the trusted root certificate, or the server offers no "
                                                           "encryption. Ask the administrator for the server's root certificate.")
                        .arg(target.host, target.effectiveSslMode()),
                    text};
        if (text.contains(QLatin1String("Connection refused")) || text.contains(QLatin1String("could not connect"))
            || text.contains(QLatin1String("timeout expired")) || text.contains(QLatin1String("could not translate host"))
            || text.contains(QLatin1String("Name or service not known")))
            return {DbError::Kind::Unreachable,
                    QCoreApplication::translate("Dialect", "Cannot reach the PostgreSQL server at %1:%2 (down, refused or timed out).").arg(target.host).arg(target.port),
                    text};
        if (text.contains(QLatin1String("does not exist")) && text.contains(QLatin1String("database")))
            return {DbError::Kind::NotFound, QCoreApplication::translate("Dialect", "The database %1 does not exist on %2.").arg(target.database, target.host), text};
        if (text.contains(QLatin1String("server closed the connection")) || text.contains(QLatin1String("no connection to the server"))
            || text.contains(QLatin1String("terminating connection")) || state.startsWith(QLatin1String("08"))
            || state == QLatin1String("57P01"))
            return {DbError::Kind::Lost, QCoreApplication::translate("Dialect", "The connection to the database server was lost; the last action was not saved."), text};
        if (state == QLatin1String("42501"))
            return {DbError::Kind::Permission, where + QCoreApplication::translate("Dialect", "your database role is not allowed to do this."), text};
        if (state.startsWith(QLatin1String("23")))
            return {DbError::Kind::Constraint, where + QCoreApplication::translate("Dialect", "a record with the same key already exists or a reference is missing."), text};
        if (state == QLatin1String("25006"))
            return {DbError::Kind::ReadOnly, where + QCoreApplication::translate("Dialect", "the database is read-only."), text};
        return {DbError::Kind::Other, where + text, text};
    }
    bool stillPresent(const DbTarget &) const override { return true; }
    QString syncIdSequenceSql(const QString &table) const override
    {
        return QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), COALESCE((SELECT MAX(id) FROM %1), 0) + 1, false)")
            .arg(table);
    }
    int maxBoundParameters() const override { return 30000; }
    QString queueArrivalChannel() const override { return QStringLiteral("tucai_review_queue"); }
    QString queueArrivalCounterSql() const override { return {}; }
    QString liveChangeChannel() const override { return QStringLiteral("tucai_changes"); }
    QString liveChangeCountersSql() const override { return {}; }
    bool hasDatabaseRoles() const override { return true; }
    QString canReadSql(const QString &table, const QString &column) const override
    {
        // Names come from our code, never from input.
        return column.isEmpty() ? QStringLiteral("SELECT has_table_privilege('%1', 'SELECT')::INT").arg(table)
                                : QStringLiteral("SELECT has_column_privilege('%1', '%2', 'SELECT')::INT").arg(table, column);
    }
};

} // namespace

const Dialect &Dialect::forKind(DbTarget::Kind kind)
{
    static const SqliteDialect sqlite;
    static const PostgresDialect postgres;
    return kind == DbTarget::Kind::Postgres ? static_cast<const Dialect &>(postgres) : sqlite;
}

} // namespace tucai::db
