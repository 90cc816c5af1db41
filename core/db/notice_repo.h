#pragma once
#include "model/records.h"

#include <QByteArray>
#include <optional>

namespace tucai::db {

class Database;

struct NoticeVersion
{
    qint64 id = 0;
    qint64 noticeId = 0;
    int version = 0;
    QString state;
    QString title;
    QString bodyHtml;
    qint64 changedBy = 0;
    QString changedByName;   // joined from staff
    qint64 changedAt = 0;
    QString summary;         // what changed ("created", "title, body", "draft -> scheduled")
    QString fieldsJson;      // snapshot of the other fields
};

struct NoticeAttachment
{
    qint64 id = 0;
    qint64 noticeId = 0;
    QString fileName;
    QString mime;
    qint64 byteSize = 0;
    qint64 createdAt = 0;
};

// All SQL of the collection notices (core/notices/notice_service.h drives it).
// The student side reads the view published_notices (see migrations.cpp).
class NoticeRepo final
{
public:
    explicit NoticeRepo(const Database &db) : m_db(db) {}
    // Inserts the notice and its version 1.
    qint64 insert(Notice &n, const QString &summary = QStringLiteral("created"));
    // Row-versioned update of every field; false when someone else saved first.
    // Adds the next version row and bumps n.rowVersion.
    bool update(Notice &n, qint64 changedBy, const QString &summary);
    std::optional<Notice> get(qint64 id) const;
    QList<Notice> all(qint64 schoolId) const;
    int versionCount(qint64 noticeId) const;
    QList<NoticeVersion> versions(qint64 noticeId) const;
    // Scheduled notices whose time has come (publish_at <= now).
    QList<Notice> dueScheduled(qint64 now) const;
    // From the view published_notices: what a student of `collegeId` (0 = only
    // school-wide ones) sees at `now`, newest first.
    QList<Notice> visibleAt(qint64 schoolId, qint64 collegeId, qint64 now) const;

    qint64 addAttachment(qint64 noticeId, const QString &fileName, const QString &mime, const QByteArray &bytes);
    QList<NoticeAttachment> attachments(qint64 noticeId) const;
    QByteArray attachmentBytes(qint64 attachmentId) const;
    void removeAttachment(qint64 attachmentId);

private:
    void addVersion(const Notice &n, int version, qint64 changedBy, const QString &summary);
    QList<Notice> select(const QString &where, const QVariantMap &binds) const;
    const Database &m_db;
};

} // namespace tucai::db
