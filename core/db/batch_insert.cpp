#include "db/batch_insert.h"

#include "db/database.h"
#include "db/dialect.h"

#include <QSqlQuery>
#include <algorithm>

namespace tucai::db {

BatchInsert::BatchInsert(const Database &db, const QString &table, const QStringList &columns, const QString &suffix)
    : m_db(db), m_table(table), m_columns(columns), m_suffix(suffix)
{
    m_maxRows = std::max(1, std::min(500, db.dialect().maxBoundParameters() / int(columns.size())));
}

BatchInsert::~BatchInsert()
{
    // Never written from here: the destructor may run while an exception unwinds, after the
    // transaction was rolled back or committed, i.e. in autocommit (a partial import that no
    // audit entry describes). Rows nobody flushed are a bug of the caller, and dropped.
    if (!m_rows.isEmpty())
        qWarning("BatchInsert into %s: %lld rows were never flushed and are dropped", qPrintable(m_table), qlonglong(m_rows.size()));
}

void BatchInsert::add(const QVariantList &row)
{
    m_rows.append(row);
    if (m_rows.size() >= m_maxRows)
        flush();
}

void BatchInsert::flush()
{
    if (m_rows.isEmpty())
        return;
    if (m_parent)
        m_parent->flush();
    const QString placeholders = QLatin1Char('(') + QStringList(m_columns.size(), QStringLiteral("?")).join(QLatin1Char(',')) + QLatin1Char(')');
    QStringList groups(m_rows.size(), placeholders);
    const QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES %3 %4")
                            .arg(m_table, m_columns.join(QLatin1String(", ")), groups.join(QLatin1Char(',')), m_suffix);
    QSqlQuery q(m_db.connection());
    if (!q.prepare(sql))
        throw m_db.errorFrom(q.lastError(), m_table);
    int i = 0;
    for (const QVariantList &row : std::as_const(m_rows))
        for (const QVariant &v : row)
            q.bindValue(i++, sqlValue(v));
    if (!q.exec())
        throw m_db.errorFrom(q.lastError(), m_table);
    m_written += m_rows.size();
    m_rows.clear();
}

void BatchInsert::syncIds(const Database &db, const QString &table)
{
    const QString sql = db.dialect().syncIdSequenceSql(table);
    if (sql.isEmpty())
        return;
    QSqlQuery q(db.connection());
    if (!q.exec(sql))
        throw db.errorFrom(q.lastError(), table);
}

} // namespace tucai::db
