#include "db/audit_query_repo.h"

#include "db/audit_repo.h"
#include "db/database.h"
#include "db/dialect.h"

namespace tucai::db {

QString AuditQueryRepo::where(const AuditFilter &f) const
{
    QStringList w;
    if (f.fromMs)
        w << QStringLiteral("occurred_at >= :from");
    if (f.toMs)
        w << QStringLiteral("occurred_at < :to");
    if (!f.staffName.isEmpty())
        w << QStringLiteral("staff_name = :staff");
    if (!f.action.isEmpty())
        w << (f.action.endsWith(QLatin1Char('.')) ? QStringLiteral("action LIKE :action") : QStringLiteral("action = :action"));
    if (!f.targetType.isEmpty())
        w << QStringLiteral("target_type = :tt");
    if (!f.targetId.isEmpty())
        w << QStringLiteral("target_id = :ti");
    if (f.collegeId)
        w << QStringLiteral("college_id = :college");
    if (!f.text.isEmpty())
        w << QStringLiteral("(reason %1 :t1 OR before_json %1 :t2 OR after_json %1 :t3)").arg(m_db.dialect().likeOperator());
    return w.isEmpty() ? QString() : QStringLiteral(" WHERE ") + w.join(QStringLiteral(" AND "));
}

void AuditQueryRepo::bind(Query &q, const AuditFilter &f) const
{
    if (f.fromMs)
        q.bind(QStringLiteral(":from"), f.fromMs);
    if (f.toMs)
        q.bind(QStringLiteral(":to"), f.toMs);
    if (!f.staffName.isEmpty())
        q.bind(QStringLiteral(":staff"), f.staffName);
    if (!f.action.isEmpty())
        q.bind(QStringLiteral(":action"), f.action.endsWith(QLatin1Char('.')) ? f.action + QLatin1Char('%') : f.action);
    if (!f.targetType.isEmpty())
        q.bind(QStringLiteral(":tt"), f.targetType);
    if (!f.targetId.isEmpty())
        q.bind(QStringLiteral(":ti"), f.targetId);
    if (f.collegeId)
        q.bind(QStringLiteral(":college"), f.collegeId);
    if (!f.text.isEmpty()) {
        const QString p = QLatin1Char('%') + f.text + QLatin1Char('%');
        q.bind(QStringLiteral(":t1"), p).bind(QStringLiteral(":t2"), p).bind(QStringLiteral(":t3"), p);
    }
}

qint64 AuditQueryRepo::count(const AuditFilter &f) const
{
    Query q(m_db, QStringLiteral("SELECT COUNT(*) FROM audit_log") + where(f));
    bind(q, f);
    return q.scalar().toLongLong();
}

QList<AuditEntry> AuditQueryRepo::list(const AuditFilter &f, int offset, int limit) const
{
    Query q(m_db, AuditRepo::selectSql() + where(f) + QStringLiteral(" ORDER BY id DESC LIMIT :lim OFFSET :off"));
    bind(q, f);
    q.bind(QStringLiteral(":lim"), limit).bind(QStringLiteral(":off"), offset).exec();
    QList<AuditEntry> out;
    while (q.next()) {
        const AuditEntry e = AuditRepo::fromRow(q);
        out.append(e);
    }
    return out;
}

QStringList AuditQueryRepo::actions() const
{
    Query q(m_db, QStringLiteral("SELECT DISTINCT action FROM audit_log ORDER BY action"));
    q.exec();
    QStringList out;
    while (q.next())
        out << q.toString(0);
    return out;
}

QStringList AuditQueryRepo::staffNames() const
{
    Query q(m_db, QStringLiteral("SELECT DISTINCT staff_name FROM audit_log ORDER BY staff_name"));
    q.exec();
    QStringList out;
    while (q.next())
        out << q.toString(0);
    return out;
}

} // namespace tucai::db
