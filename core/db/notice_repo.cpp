#include "db/notice_repo.h"

#include "db/database.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace tucai::db {
namespace {

QVariant orNull(qint64 v) { return v ? QVariant(v) : QVariant(); }

const QString kColumns = QStringLiteral(
    "id, school_id, college_id, title, body_html, window_start, window_end, daily_hours, closure_days, fee_cents, contacts, "
    "state, publish_at, published_at, created_by, created_at, updated_at, row_version");

Notice readNotice(const Query &q)
{
    auto ms = [&](int c) { return q.value(c).isNull() ? qint64(0) : q.toLongLong(c); };
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
    return n;
}

QString fieldsJson(const Notice &n)
{
    return QString::fromUtf8(QJsonDocument(QJsonObject{
                                               {QStringLiteral("college_id"), n.collegeId},
                                               {QStringLiteral("window_start"), n.windowStart},
                                               {QStringLiteral("window_end"), n.windowEnd},
                                               {QStringLiteral("daily_hours"), n.dailyHours},
                                               {QStringLiteral("closure_days"), n.closureDays},
                                               {QStringLiteral("fee_cents"), n.feeCents},
                                               {QStringLiteral("contacts"), n.contacts},
                                               {QStringLiteral("publish_at"), n.publishAt},
                                               {QStringLiteral("published_at"), n.publishedAt},
                                           })
                                 .toJson(QJsonDocument::Compact));
}

} // namespace

qint64 NoticeRepo::insert(Notice &n, const QString &summary)
{
    const qint64 now = nowMs();
    if (!n.createdAt)
        n.createdAt = now;
    n.updatedAt = n.createdAt;
    n.rowVersion = 1;
    Query q(m_db, QStringLiteral(
        "INSERT INTO notices (school_id, college_id, title, body_html, window_start, window_end, daily_hours, closure_days, "
        "fee_cents, contacts, state, publish_at, published_at, created_by, created_at, updated_at, row_version) VALUES "
        "(:s, :c, :ti, :b, :ws, :we, :dh, :cd, :fee, :con, :st, :pa, :pd, :by, :ca, :ua, 1) RETURNING id"));
    q.bind(QStringLiteral(":s"), n.schoolId)
        .bind(QStringLiteral(":c"), orNull(n.collegeId))
        .bind(QStringLiteral(":ti"), sqlValue(n.title))
        .bind(QStringLiteral(":b"), sqlValue(n.bodyHtml))
        .bind(QStringLiteral(":ws"), orNull(n.windowStart))
        .bind(QStringLiteral(":we"), orNull(n.windowEnd))
        .bind(QStringLiteral(":dh"), sqlValue(n.dailyHours))
        .bind(QStringLiteral(":cd"), sqlValue(n.closureDays))
        .bind(QStringLiteral(":fee"), n.feeCents)
        .bind(QStringLiteral(":con"), sqlValue(n.contacts))
        .bind(QStringLiteral(":st"), n.state)
        .bind(QStringLiteral(":pa"), orNull(n.publishAt))
        .bind(QStringLiteral(":pd"), orNull(n.publishedAt))
        .bind(QStringLiteral(":by"), orNull(n.createdBy))
        .bind(QStringLiteral(":ca"), n.createdAt)
        .bind(QStringLiteral(":ua"), n.updatedAt);
    n.id = q.scalar().toLongLong();
    addVersion(n, 1, n.createdBy, summary);
    return n.id;
}

bool NoticeRepo::update(Notice &n, qint64 changedBy, const QString &summary)
{
    n.updatedAt = nowMs();
    Query q(m_db, QStringLiteral(
        "UPDATE notices SET college_id = :c, title = :ti, body_html = :b, window_start = :ws, window_end = :we, "
        "daily_hours = :dh, closure_days = :cd, fee_cents = :fee, contacts = :con, state = :st, publish_at = :pa, "
        "published_at = :pd, updated_at = :ua, row_version = row_version + 1 WHERE id = :id AND row_version = :rv"));
    q.bind(QStringLiteral(":c"), orNull(n.collegeId))
        .bind(QStringLiteral(":ti"), sqlValue(n.title))
        .bind(QStringLiteral(":b"), sqlValue(n.bodyHtml))
        .bind(QStringLiteral(":ws"), orNull(n.windowStart))
        .bind(QStringLiteral(":we"), orNull(n.windowEnd))
        .bind(QStringLiteral(":dh"), sqlValue(n.dailyHours))
        .bind(QStringLiteral(":cd"), sqlValue(n.closureDays))
        .bind(QStringLiteral(":fee"), n.feeCents)
        .bind(QStringLiteral(":con"), sqlValue(n.contacts))
        .bind(QStringLiteral(":st"), n.state)
        .bind(QStringLiteral(":pa"), orNull(n.publishAt))
        .bind(QStringLiteral(":pd"), orNull(n.publishedAt))
        .bind(QStringLiteral(":ua"), n.updatedAt)
        .bind(QStringLiteral(":id"), n.id)
        .bind(QStringLiteral(":rv"), n.rowVersion)
        .exec();
    if (q.numRowsAffected() != 1)
        return false;
    ++n.rowVersion;
    const int next = Query(m_db, QStringLiteral("SELECT COALESCE(MAX(version), 0) + 1 FROM notice_versions WHERE notice_id = :n"))
                         .bind(QStringLiteral(":n"), n.id)
                         .scalar()
                         .toInt();
    addVersion(n, next, changedBy, summary);
    return true;
}

void NoticeRepo::addVersion(const Notice &n, int version, qint64 changedBy, const QString &summary)
{
    Query(m_db, QStringLiteral("INSERT INTO notice_versions (notice_id, version, state, title, body_html, changed_by, changed_at, "
                               "summary, fields_json) VALUES (:n, :v, :s, :t, :b, :by, :at, :sum, :f)"))
        .bind(QStringLiteral(":n"), n.id)
        .bind(QStringLiteral(":v"), version)
        .bind(QStringLiteral(":s"), n.state)
        .bind(QStringLiteral(":t"), sqlValue(n.title))
        .bind(QStringLiteral(":b"), sqlValue(n.bodyHtml))
        .bind(QStringLiteral(":by"), orNull(changedBy))
        .bind(QStringLiteral(":at"), n.updatedAt)
        .bind(QStringLiteral(":sum"), sqlValue(summary))
        .bind(QStringLiteral(":f"), fieldsJson(n))
        .exec();
}

QList<Notice> NoticeRepo::select(const QString &where, const QVariantMap &binds) const
{
    Query q(m_db, QStringLiteral("SELECT %1 FROM notices %2").arg(kColumns, where));
    for (auto it = binds.begin(); it != binds.end(); ++it)
        q.bind(it.key(), it.value());
    q.exec();
    QList<Notice> out;
    while (q.next())
        out.append(readNotice(q));
    return out;
}

std::optional<Notice> NoticeRepo::get(qint64 id) const
{
    const QList<Notice> l = select(QStringLiteral("WHERE id = :id"), {{QStringLiteral(":id"), id}});
    return l.isEmpty() ? std::nullopt : std::optional<Notice>(l.first());
}

QList<Notice> NoticeRepo::all(qint64 schoolId) const
{
    return select(QStringLiteral("WHERE school_id = :s ORDER BY id"), {{QStringLiteral(":s"), schoolId}});
}

QList<Notice> NoticeRepo::dueScheduled(qint64 now) const
{
    return select(QStringLiteral("WHERE state = 'scheduled' AND publish_at IS NOT NULL AND publish_at <= :now ORDER BY publish_at"),
                  {{QStringLiteral(":now"), now}});
}

QList<Notice> NoticeRepo::visibleAt(qint64 schoolId, qint64 collegeId, qint64 now) const
{
    // Same columns as the notices table, minus the bookkeeping the view leaves out.
    Query q(m_db, QStringLiteral(
        "SELECT id, school_id, college_id, title, body_html, window_start, window_end, daily_hours, closure_days, fee_cents, "
        "contacts, state, visible_from, row_version FROM published_notices WHERE school_id = :s AND visible_from <= :now "
        "AND (college_id IS NULL OR college_id = :c) ORDER BY visible_from DESC, id DESC"));
    q.bind(QStringLiteral(":s"), schoolId).bind(QStringLiteral(":now"), now).bind(QStringLiteral(":c"), collegeId).exec();
    QList<Notice> out;
    while (q.next()) {
        Notice n;
        n.id = q.toLongLong(0);
        n.schoolId = q.toLongLong(1);
        n.collegeId = q.value(2).isNull() ? 0 : q.toLongLong(2);
        n.title = q.toString(3);
        n.bodyHtml = q.toString(4);
        n.windowStart = q.value(5).isNull() ? 0 : q.toLongLong(5);
        n.windowEnd = q.value(6).isNull() ? 0 : q.toLongLong(6);
        n.dailyHours = q.toString(7);
        n.closureDays = q.toString(8);
        n.feeCents = q.value(9).toInt();
        n.contacts = q.toString(10);
        n.state = q.toString(11);
        n.publishedAt = q.toLongLong(12);
        n.rowVersion = q.value(13).toInt();
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

QList<NoticeVersion> NoticeRepo::versions(qint64 noticeId) const
{
    Query q(m_db, QStringLiteral("SELECT v.id, v.notice_id, v.version, v.state, v.title, v.body_html, v.changed_by, s.display_name, "
                                 "v.changed_at, v.summary, v.fields_json FROM notice_versions v LEFT JOIN staff s ON s.id = v.changed_by "
                                 "WHERE v.notice_id = :n ORDER BY v.version DESC"));
    q.bind(QStringLiteral(":n"), noticeId).exec();
    QList<NoticeVersion> out;
    while (q.next())
        out.append({q.toLongLong(0), q.toLongLong(1), q.value(2).toInt(), q.toString(3), q.toString(4), q.toString(5),
                    q.value(6).isNull() ? 0 : q.toLongLong(6), q.toString(7), q.toLongLong(8), q.toString(9), q.toString(10)});
    return out;
}

qint64 NoticeRepo::addAttachment(qint64 noticeId, const QString &fileName, const QString &mime, const QByteArray &bytes)
{
    return Query(m_db, QStringLiteral("INSERT INTO notice_attachments (notice_id, file_name, mime, bytes, created_at) "
                                      "VALUES (:n, :f, :m, :b, :t) RETURNING id"))
        .bind(QStringLiteral(":n"), noticeId)
        .bind(QStringLiteral(":f"), fileName)
        .bind(QStringLiteral(":m"), mime)
        .bind(QStringLiteral(":b"), bytes)
        .bind(QStringLiteral(":t"), nowMs())
        .scalar()
        .toLongLong();
}

QList<NoticeAttachment> NoticeRepo::attachments(qint64 noticeId) const
{
    Query q(m_db, QStringLiteral("SELECT id, notice_id, file_name, mime, LENGTH(bytes), created_at FROM notice_attachments "
                                 "WHERE notice_id = :n ORDER BY id"));
    q.bind(QStringLiteral(":n"), noticeId).exec();
    QList<NoticeAttachment> out;
    while (q.next())
        out.append({q.toLongLong(0), q.toLongLong(1), q.toString(2), q.toString(3), q.toLongLong(4), q.toLongLong(5)});
    return out;
}

QByteArray NoticeRepo::attachmentBytes(qint64 attachmentId) const
{
    Query q(m_db, QStringLiteral("SELECT bytes FROM notice_attachments WHERE id = :id"));
    q.bind(QStringLiteral(":id"), attachmentId).exec();
    return q.next() ? q.value(0).toByteArray() : QByteArray();
}

void NoticeRepo::removeAttachment(qint64 attachmentId)
{
    Query(m_db, QStringLiteral("DELETE FROM notice_attachments WHERE id = :id")).bind(QStringLiteral(":id"), attachmentId).exec();
}

} // namespace tucai::db
