#include "notices/notice_service.h"

#include "db/audit_repo.h"
#include "db/database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace tucai::notices {
namespace {

// Which fields differ: the "what" of the version history.
QString diffSummary(const Notice &a, const Notice &b)
{
    QStringList f;
    if (a.title != b.title) f << QStringLiteral("title");
    if (a.bodyHtml != b.bodyHtml) f << QStringLiteral("body");
    if (a.collegeId != b.collegeId) f << QStringLiteral("scope");
    if (a.windowStart != b.windowStart || a.windowEnd != b.windowEnd) f << QStringLiteral("window");
    if (a.dailyHours != b.dailyHours) f << QStringLiteral("daily hours");
    if (a.closureDays != b.closureDays) f << QStringLiteral("closure days");
    if (a.feeCents != b.feeCents) f << QStringLiteral("fee");
    if (a.contacts != b.contacts) f << QStringLiteral("contacts");
    if (a.publishAt != b.publishAt) f << QStringLiteral("publish time");
    return f.isEmpty() ? QStringLiteral("saved without changes") : f.join(QStringLiteral(", "));
}

} // namespace

QStringList NoticeService::validate(const Notice &n)
{
    QStringList e;
    if (n.title.trimmed().isEmpty())
        e << tr("The title is empty.");
    if (n.windowStart && n.windowEnd && n.windowEnd <= n.windowStart)
        e << tr("The collection window must end after it starts.");
    if (n.feeCents < 0)
        e << tr("The fee cannot be negative.");
    if (!n.dailyHours.isEmpty()) {
        static const QRegularExpression re(QStringLiteral("^([01]\\d|2[0-3]):[0-5]\\d-([01]\\d|2[0-4]):[0-5]\\d$"));
        const auto m = re.match(n.dailyHours);
        if (!m.hasMatch() || n.dailyHours.left(5) >= n.dailyHours.mid(6))
            e << tr("Daily hours must look like 08:00-21:00, the end after the start.");
    }
    return e;
}

QString NoticeService::effectiveState(const Notice &n, qint64 now)
{
    if (n.state == QLatin1String("scheduled") && n.publishAt && n.publishAt <= now)
        return QStringLiteral("published");
    return n.state;
}

QString NoticeService::stateName(const QString &state)
{
    if (state == QLatin1String("draft")) return tr("Draft");
    if (state == QLatin1String("scheduled")) return tr("Scheduled");
    if (state == QLatin1String("published")) return tr("Published");
    if (state == QLatin1String("archived")) return tr("Archived");
    return state;
}

bool NoticeService::canTransition(const QString &from, const QString &to)
{
    static const QList<QPair<QString, QString>> allowed = {
        {QStringLiteral("draft"), QStringLiteral("scheduled")},     {QStringLiteral("draft"), QStringLiteral("published")},
        {QStringLiteral("scheduled"), QStringLiteral("scheduled")}, {QStringLiteral("scheduled"), QStringLiteral("published")},
        {QStringLiteral("scheduled"), QStringLiteral("draft")},     {QStringLiteral("published"), QStringLiteral("archived")},
        {QStringLiteral("draft"), QStringLiteral("archived")},
    };
    return allowed.contains({from, to});
}

QString NoticeService::save(Notice &n)
{
    const QStringList problems = validate(n);
    if (!problems.isEmpty())
        return problems.join(QLatin1Char('\n'));
    db::NoticeRepo repo(m_db);
    db::Transaction tx(m_db);
    AuditEntry e;
    e.staffId = m_actor.staffId;
    e.staffName = m_actor.staffName;
    e.targetType = QStringLiteral("notice");
    e.collegeId = n.collegeId;
    if (!n.id) {
        if (n.state.isEmpty())
            n.state = QStringLiteral("draft");
        n.createdBy = m_actor.staffId;
        n.createdAt = 0;
        repo.insert(n, QStringLiteral("created"));
        e.action = QStringLiteral("notice.create");
        e.afterJson = db::AuditRepo::json({{QStringLiteral("title"), n.title}, {QStringLiteral("state"), n.state}});
    } else {
        const auto before = repo.get(n.id);
        if (!before)
            return tr("This notice was deleted by someone else.");
        if (before->state == QLatin1String("archived"))
            return tr("An archived notice cannot be edited.");
        n.state = before->state;
        n.publishedAt = before->publishedAt;
        const QString what = diffSummary(*before, n);
        if (!repo.update(n, m_actor.staffId, what))
            return tr("Someone else changed this notice meanwhile. Reload it and apply your changes again.");
        e.action = QStringLiteral("notice.edit");
        e.reason = what;
        e.beforeJson = db::AuditRepo::json({{QStringLiteral("title"), before->title}, {QStringLiteral("version"), before->rowVersion}});
        e.afterJson = db::AuditRepo::json({{QStringLiteral("title"), n.title}, {QStringLiteral("version"), n.rowVersion}});
    }
    e.targetId = QString::number(n.id);
    db::AuditRepo(m_db).append(e);
    tx.commit();
    return {};
}

QString NoticeService::changeState(Notice &n, const QString &to, qint64 publishAt)
{
    db::NoticeRepo repo(m_db);
    db::Transaction tx(m_db);
    auto current = repo.get(n.id);
    if (!current)
        return tr("This notice does not exist (any more).");
    if (current->rowVersion != n.rowVersion)
        return tr("Someone else changed this notice meanwhile. Reload it and try again.");
    const QString from = current->state;
    if (!canTransition(from, to))
        return tr("A notice cannot go from %1 to %2.").arg(stateName(from), stateName(to));
    const QStringList problems = validate(*current);
    if (!problems.isEmpty() && to != QLatin1String("archived") && to != QLatin1String("draft"))
        return problems.join(QLatin1Char('\n'));
    Notice next = *current;
    next.state = to;
    if (to == QLatin1String("scheduled")) {
        if (publishAt <= db::nowMs())
            return tr("The publishing time must be in the future (or publish now).");
        next.publishAt = publishAt;
    } else if (to == QLatin1String("published")) {
        next.publishedAt = publishAt ? publishAt : db::nowMs();
        if (!next.publishAt)
            next.publishAt = next.publishedAt;
    } else if (to == QLatin1String("draft")) {
        next.publishAt = 0;
    }
    if (!repo.update(next, m_actor.staffId, QStringLiteral("%1 -> %2").arg(from, to)))
        return tr("Someone else changed this notice meanwhile. Reload it and try again.");
    AuditEntry e;
    e.staffId = m_actor.staffId;
    e.staffName = m_actor.staffName;
    e.action = QStringLiteral("notice.") + (to == QLatin1String("scheduled") ? QStringLiteral("schedule")
                                            : to == QLatin1String("published") ? QStringLiteral("publish")
                                            : to == QLatin1String("archived")  ? QStringLiteral("archive")
                                                                               : QStringLiteral("unschedule"));
    e.targetType = QStringLiteral("notice");
    e.targetId = QString::number(n.id);
    e.collegeId = next.collegeId;
    e.beforeJson = db::AuditRepo::json({{QStringLiteral("state"), from}});
    e.afterJson = db::AuditRepo::json({{QStringLiteral("state"), to}, {QStringLiteral("publish_at"), next.publishAt}});
    db::AuditRepo(m_db).append(e);
    tx.commit();
    n = next;
    return {};
}

QString NoticeService::schedule(Notice &n, qint64 publishAt) { return changeState(n, QStringLiteral("scheduled"), publishAt); }
QString NoticeService::publishNow(Notice &n) { return changeState(n, QStringLiteral("published"), 0); }
QString NoticeService::unschedule(Notice &n) { return changeState(n, QStringLiteral("draft"), 0); }
QString NoticeService::archive(Notice &n) { return changeState(n, QStringLiteral("archived"), 0); }

int NoticeService::publishDue(qint64 now)
{
    db::NoticeRepo repo(m_db);
    int done = 0;
    for (Notice n : repo.dueScheduled(now)) {
        // Published at its scheduled time, not at the moment we noticed.
        if (changeState(n, QStringLiteral("published"), n.publishAt).isEmpty())
            ++done;
    }
    return done;
}

} // namespace tucai::notices
