#pragma once
#include <QStringList>
#include <QVariantList>

namespace tucai::db {

class Database;

// Multi-row INSERT with bound values: one statement (one round trip) per
// batch instead of one per row. Rows are flushed when the batch is full and on
// flush() (call it before the commit); the destructor never writes. Used for
// bulk loads (demo school, roster import).
class BatchInsert final
{
public:
    BatchInsert(const Database &db, const QString &table, const QStringList &columns, const QString &suffix = {});
    ~BatchInsert();
    void add(const QVariantList &row);
    void flush();
    // Rows of `parent` are written before any of ours (foreign keys point there).
    void dependsOn(BatchInsert &parent) { m_parent = &parent; }
    qint64 rowsWritten() const { return m_written; }
    // Makes the table's id sequence follow explicitly inserted ids.
    static void syncIds(const Database &db, const QString &table);

private:
    const Database &m_db;
    QString m_table;
    QStringList m_columns;
    QString m_suffix;
    int m_maxRows;
    QList<QVariantList> m_rows;
    qint64 m_written = 0;
    BatchInsert *m_parent = nullptr;
};

} // namespace tucai::db
