#pragma once
#include <QString>
#include <exception>

namespace tucai::db {

// A database failure with a kind the UI and CLI can act on and a message a
// person can read. Thrown by core/db; caught where a user action started.
class DbError : public std::exception
{
public:
    enum class Kind {
        Other,
        NotFound,       // file missing / database missing
        NotADatabase,   // file is not SQLite
        ReadOnly,       // cannot write
        Unreachable,    // server refused, down, timed out
        AuthFailed,     // wrong user or password
        TooNew,         // schema newer than this build
        Lost,           // connection dropped mid-operation
        Conflict,       // row version mismatch: someone else changed it
        Constraint,     // unique / foreign key violated
        Permission,     // role may not do this
        Invalid,        // bad input rejected before touching the database
        Untrusted,      // TLS: the server's certificate could not be verified, or no TLS where required
    };
    DbError(Kind kind, QString message, QString detail = {})
        : m_kind(kind), m_message(std::move(message)), m_detail(std::move(detail)), m_utf8(m_message.toUtf8()) {}
    Kind kind() const { return m_kind; }
    const QString &message() const { return m_message; }
    const QString &detail() const { return m_detail; }
    const char *what() const noexcept override { return m_utf8.constData(); }

private:
    Kind m_kind;
    QString m_message;
    QString m_detail;
    QByteArray m_utf8;
};

} // namespace tucai::db
