#include "db/misc_repos.h"

#include "db/database.h"

namespace tucai::db {
namespace {
QVariant orNull(qint64 v) { return v ? QVariant(v) : QVariant(); }
} // namespace

qint64 OutboxRepo::enqueue(OutboxMessage &m)
{
    if (!m.createdAt)
        m.createdAt = nowMs();
    Query q(m_db, QStringLiteral("INSERT INTO notification_outbox (created_at, student_id, kind, payload_json, idempotency_key, "
                                 "status, attempts, next_attempt_at) VALUES (:t, :s, :k, :p, :key, 'pending', 0, :t2) RETURNING id"));
    q.bind(QStringLiteral(":t"), m.createdAt)
        .bind(QStringLiteral(":s"), orNull(m.studentId))
        .bind(QStringLiteral(":k"), m.kind)
        .bind(QStringLiteral(":p"), m.payloadJson)
        .bind(QStringLiteral(":key"), m.idempotencyKey)
        .bind(QStringLiteral(":t2"), m.createdAt);
    m.id = q.scalar().toLongLong();
    return m.id;
}

QList<OutboxMessage> OutboxRepo::pending(int limit) const
{
    Query q(m_db, QStringLiteral("SELECT id, created_at, student_id, kind, payload_json, idempotency_key, status, attempts "
                                 "FROM notification_outbox WHERE status = 'pending' ORDER BY id LIMIT :n"));
    q.bind(QStringLiteral(":n"), limit).exec();
    QList<OutboxMessage> out;
    while (q.next())
        out.append({q.toLongLong(0), q.toLongLong(1), q.value(2).isNull() ? 0 : q.toLongLong(2), q.toString(3), q.toString(4),
                    q.toString(5), q.toString(6), q.value(7).toInt()});
    return out;
}

qint64 OutboxRepo::count() const
{
    return Query(m_db, QStringLiteral("SELECT COUNT(*) FROM notification_outbox")).scalar().toLongLong();
}

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

void SettingsRepo::set(qint64 schoolId, const QString &name, const QString &value, qint64 staffId)
{
    Query(m_db, QStringLiteral("INSERT INTO settings (school_id, name, value, updated_by, updated_at) VALUES (:s, :n, :v, :b, :t) "
                               "ON CONFLICT (school_id, name) DO UPDATE SET value = excluded.value, "
                               "updated_by = excluded.updated_by, updated_at = excluded.updated_at"))
        .bind(QStringLiteral(":s"), schoolId)
        .bind(QStringLiteral(":n"), name)
        .bind(QStringLiteral(":v"), value)
        .bind(QStringLiteral(":b"), orNull(staffId))
        .bind(QStringLiteral(":t"), nowMs())
        .exec();
}

qint64 NoticeRepo::insert(Notice &n)
{
    const qint64 now = nowMs();
    if (!n.createdAt)
        n.createdAt = now;
    n.updatedAt = n.createdAt;
    Query q(m_db, QStringLiteral(
        "INSERT INTO notices (school_id, college_id, title, body_html, window_start, window_end, daily_hours, closure_days, "
        "fee_cents, contacts, state, publish_at, published_at, created_by, created_at, updated_at, row_version) VALUES "
        "(:s, :c, :ti, :b, :ws, :we, :dh, :cd, :fee, :con, :st, :pa, :pd, :by, :ca, :ua, 1) RETURNING id"));
    q.bind(QStringLiteral(":s"), n.schoolId)
        .bind(QStringLiteral(":c"), orNull(n.collegeId))
        .bind(QStringLiteral(":ti"), n.title)
        .bind(QStringLiteral(":b"), n.bodyHtml)
        .bind(QStringLiteral(":ws"), orNull(n.windowStart))
        .bind(QStringLiteral(":we"), orNull(n.windowEnd))
        .bind(QStringLiteral(":dh"), n.dailyHours)
        .bind(QStringLiteral(":cd"), n.closureDays)
        .bind(QStringLiteral(":fee"), n.feeCents)
        .bind(QStringLiteral(":con"), n.contacts)
        .bind(QStringLiteral(":st"), n.state)
        .bind(QStringLiteral(":pa"), orNull(n.publishAt))
        .bind(QStringLiteral(":pd"), orNull(n.publishedAt))
        .bind(QStringLiteral(":by"), orNull(n.createdBy))
        .bind(QStringLiteral(":ca"), n.createdAt)
        .bind(QStringLiteral(":ua"), n.updatedAt);
    n.id = q.scalar().toLongLong();
    addVersion(n, 1);
    return n.id;
}

void NoticeRepo::addVersion(const Notice &n, int version)
{
    Query(m_db, QStringLiteral("INSERT INTO notice_versions (notice_id, version, state, title, body_html, changed_by, changed_at) "
                               "VALUES (:n, :v, :s, :t, :b, :by, :at)"))
        .bind(QStringLiteral(":n"), n.id)
        .bind(QStringLiteral(":v"), version)
        .bind(QStringLiteral(":s"), n.state)
        .bind(QStringLiteral(":t"), n.title)
        .bind(QStringLiteral(":b"), n.bodyHtml)
        .bind(QStringLiteral(":by"), orNull(n.createdBy))
        .bind(QStringLiteral(":at"), n.updatedAt)
        .exec();
}

std::optional<Notice> NoticeRepo::get(qint64 id) const
{
    const QList<Notice> list = [&] {
        Query q(m_db, QStringLiteral("SELECT id, school_id FROM notices WHERE id = :id"));
        q.bind(QStringLiteral(":id"), id).exec();
        return q.next() ? all(q.toLongLong(1)) : QList<Notice>();
    }();
    for (const Notice &n : list)
        if (n.id == id)
            return n;
    return std::nullopt;
}

QList<Notice> NoticeRepo::all(qint64 schoolId) const
{
    Query q(m_db, QStringLiteral("SELECT id, school_id, college_id, title, body_html, window_start, window_end, daily_hours, "
                                 "closure_days, fee_cents, contacts, state, publish_at, published_at, created_by, created_at, "
                                 "updated_at, row_version FROM notices WHERE school_id = :s ORDER BY id"));
    q.bind(QStringLiteral(":s"), schoolId).exec();
    QList<Notice> out;
    auto ms = [&](int c) { return q.value(c).isNull() ? qint64(0) : q.toLongLong(c); };
    while (q.next()) {
        Notice n;
        n.id = q.toLongLong(0);
        n.schoolId = q.toLongLong(1);
        n.collegeId = ms(2);
        n.title = q.toString(3);
        n.bodyHtml = q.toString(4);
        n.windowStart = ms(5);
        n.windowEnd = ms(6);
        n.dailyHours = q.toString(7);
        n.closureDays = q.toString(8);
        n.feeCents = q.value(9).toInt();
        n.contacts = q.toString(10);
        n.state = q.toString(11);
        n.publishAt = ms(12);
        n.publishedAt = ms(13);
        n.createdBy = ms(14);
        n.createdAt = ms(15);
        n.updatedAt = ms(16);
        n.rowVersion = q.value(17).toInt();
        out.append(n);
    }
    return out;
}

int NoticeRepo::versionCount(qint64 noticeId) const
{
    return Query(m_db, QStringLiteral("SELECT COUNT(*) FROM notice_versions WHERE notice_id = :n"))
        .bind(QStringLiteral(":n"), noticeId)
        .scalar()
        .toInt();
}

} // namespace tucai::db
