#pragma once
#include "db/notice_repo.h"
#include "model/records.h"

#include <QCoreApplication>
#include <QString>

namespace tucai::db { class Database; }

namespace tucai::notices {

// The life of a collection notice: draft -> scheduled (publish at a time) ->
// published -> archived. Every save and state change adds a notice_versions
// row (who, when, what changed) and an audit entry, in one transaction.
//
// What the student side reads: the view published_notices (created in the
// schema, core/db/migrations.cpp) with columns id, school_id, college_id (NULL =
// whole school), title, body_html, window_start, window_end, daily_hours,
// closure_days, fee_cents, contacts, state, row_version, visible_from. It holds
// published notices and scheduled ones with their publish time, so a scheduled
// notice becomes visible at its time without any job running:
//   SELECT * FROM published_notices
//   WHERE school_id = :school AND (college_id IS NULL OR college_id = :college)
//     AND visible_from <= :now ORDER BY visible_from DESC
// (db::NoticeRepo::visibleAt). The admin tool also turns due scheduled notices
// into published ones (publishDue) so its lists show the state that applies.
class NoticeService final
{
    Q_DECLARE_TR_FUNCTIONS(NoticeService)
public:
    struct Actor { qint64 staffId = 0; QString staffName; };
    NoticeService(const db::Database &db, Actor actor) : m_db(db), m_actor(std::move(actor)) {}

    // Translated problems with the notice's fields (empty = fine).
    static QStringList validate(const Notice &n);
    // Display state at `now`: a scheduled notice whose time has come is published.
    static QString effectiveState(const Notice &n, qint64 now);
    static QString stateName(const QString &state); // translated
    static bool canTransition(const QString &from, const QString &to);

    // Each returns an empty string on success, otherwise a translated reason
    // (nothing changed). `n` is updated (id, row version, state).
    // Insert (id == 0) or update; edits of a published notice keep it published.
    QString save(Notice &n);
    QString schedule(Notice &n, qint64 publishAt);
    QString publishNow(Notice &n);
    QString unschedule(Notice &n);    // scheduled -> draft
    QString archive(Notice &n);
    // Scheduled notices whose time has come -> published. Returns how many.
    int publishDue(qint64 now);

private:
    QString changeState(Notice &n, const QString &to, qint64 publishAt);
    const db::Database &m_db;
    Actor m_actor;
};

} // namespace tucai::notices
