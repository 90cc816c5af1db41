#include "db/migrations.h"

#include "db/database.h"
#include "db/dialect.h"
#include "db/server_security.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace tucai::db {
namespace {


// Schema v1. Times are milliseconds since the epoch (UTC) in BIGINT columns,
// booleans are 0/1 SMALLINTs: the same values on both engines.
QStringList schemaV1()
{
    return {
        QStringLiteral(R"(CREATE TABLE schools (
  id {PK},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  created_at {BIGINT} NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE colleges (
  id {PK},
  school_id BIGINT NOT NULL REFERENCES schools(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  UNIQUE (school_id, code)))"),
        QStringLiteral(R"(CREATE TABLE classes (
  id {PK},
  college_id BIGINT NOT NULL REFERENCES colleges(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  grade INTEGER NOT NULL DEFAULT 0,
  UNIQUE (college_id, code)))"),
        // state: not_started verified drafting cooling_off locked_liveness awaiting_payment
        //        awaiting_review approved returned exported
        // lock_kind: none liveness cooling
        QStringLiteral(R"(CREATE TABLE students (
  id {PK},
  school_id BIGINT NOT NULL REFERENCES schools(id),
  college_id BIGINT NOT NULL REFERENCES colleges(id),
  class_id BIGINT NOT NULL REFERENCES classes(id),
  student_no TEXT NOT NULL,
  name TEXT NOT NULL,
  id_number TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  paid SMALLINT NOT NULL DEFAULT 0,
  state TEXT NOT NULL DEFAULT 'not_started',
  liveness_failures INTEGER NOT NULL DEFAULT 0,
  other_failures INTEGER NOT NULL DEFAULT 0,
  submissions INTEGER NOT NULL DEFAULT 0,
  extra_attempts INTEGER NOT NULL DEFAULT 0,
  lock_kind TEXT NOT NULL DEFAULT 'none',
  locked_until {BIGINT},
  notify_opt_in SMALLINT NOT NULL DEFAULT 0,
  return_reasons TEXT NOT NULL DEFAULT '',
  created_at {BIGINT} NOT NULL,
  updated_at {BIGINT} NOT NULL,
  row_version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (school_id, student_no)))"),
        QStringLiteral("CREATE INDEX students_college_state ON students (college_id, state)"),
        QStringLiteral("CREATE INDEX students_class ON students (class_id)"),
        QStringLiteral("CREATE INDEX students_name ON students (name)"),
        QStringLiteral(R"(CREATE TABLE capture_attempts (
  id {PK},
  student_id BIGINT NOT NULL REFERENCES students(id),
  college_id BIGINT NOT NULL REFERENCES colleges(id),
  occurred_at {BIGINT} NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('liveness', 'quality')),
  passed SMALLINT NOT NULL,
  reason TEXT NOT NULL DEFAULT ''))"),
        QStringLiteral("CREATE INDEX attempts_student ON capture_attempts (student_id, occurred_at)"),
        // Content-addressed photo bytes: the bytes here, or an http(s) URL.
        QStringLiteral(R"(CREATE TABLE photo_blobs (
  sha256 TEXT PRIMARY KEY,
  bytes {BLOB},
  url TEXT,
  byte_size INTEGER NOT NULL,
  mime TEXT NOT NULL DEFAULT 'image/jpeg',
  created_at {BIGINT} NOT NULL,
  CHECK (bytes IS NOT NULL OR url IS NOT NULL)))"),
        // kind: draft submitted; status: draft submitted approved returned deleted
        QStringLiteral(R"(CREATE TABLE photos (
  id {PK},
  student_id BIGINT NOT NULL REFERENCES students(id),
  college_id BIGINT NOT NULL REFERENCES colleges(id),
  class_id BIGINT NOT NULL REFERENCES classes(id),
  kind TEXT NOT NULL CHECK (kind IN ('draft', 'submitted')),
  status TEXT NOT NULL,
  sha256 TEXT NOT NULL REFERENCES photo_blobs(sha256),
  stored_at {BIGINT} NOT NULL,
  submitted_at {BIGINT},
  check_report TEXT,
  check_passed SMALLINT,
  engine_version TEXT,
  profile_version TEXT,
  checked_at {BIGINT},
  decision TEXT,
  reasons TEXT NOT NULL DEFAULT '',
  reason_note TEXT NOT NULL DEFAULT '',
  reviewer_id BIGINT,
  decided_at {BIGINT},
  row_version INTEGER NOT NULL DEFAULT 1))"),
        QStringLiteral("CREATE INDEX photos_queue ON photos (status, submitted_at, id)"),
        // The queue in class order is read class by class.
        QStringLiteral("CREATE INDEX photos_class_queue ON photos (class_id, status, id)"),
        QStringLiteral("CREATE INDEX photos_student ON photos (student_id, stored_at)"),
        QStringLiteral("CREATE INDEX photos_college ON photos (college_id, status)"),
        // Dashboard trend and reviewer figures: range scans on the time columns that the index covers.
        QStringLiteral("CREATE INDEX photos_submitted ON photos (submitted_at, kind, college_id)"),
        QStringLiteral("CREATE INDEX photos_decided ON photos (decided_at, decision, reviewer_id, college_id)"),
        // One row per failed rule of the stored report: the "violated rule" filter.
        QStringLiteral(R"(CREATE TABLE photo_violations (
  photo_id BIGINT NOT NULL REFERENCES photos(id) ON DELETE CASCADE,
  rule TEXT NOT NULL,
  PRIMARY KEY (photo_id, rule)))"),
        QStringLiteral("CREATE INDEX photo_violations_rule ON photo_violations (rule, photo_id)"),
        // state: draft scheduled published archived
        QStringLiteral(R"(CREATE TABLE notices (
  id {PK},
  school_id BIGINT NOT NULL REFERENCES schools(id),
  college_id BIGINT REFERENCES colleges(id),
  title TEXT NOT NULL,
  body_html TEXT NOT NULL DEFAULT '',
  window_start {BIGINT},
  window_end {BIGINT},
  daily_hours TEXT NOT NULL DEFAULT '',
  closure_days TEXT NOT NULL DEFAULT '',
  fee_cents INTEGER NOT NULL DEFAULT 0,
  contacts TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'draft',
  publish_at {BIGINT},
  published_at {BIGINT},
  created_by BIGINT,
  created_at {BIGINT} NOT NULL,
  updated_at {BIGINT} NOT NULL,
  row_version INTEGER NOT NULL DEFAULT 1))"),
        QStringLiteral(R"(CREATE TABLE notice_versions (
  id {PK},
  notice_id BIGINT NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  state TEXT NOT NULL,
  title TEXT NOT NULL,
  body_html TEXT NOT NULL,
  changed_by BIGINT,
  changed_at {BIGINT} NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  fields_json TEXT NOT NULL DEFAULT '',
  UNIQUE (notice_id, version)))"),
        // What the student side reads (documented in core/notices/notice_service.h): notices that are
        // published, or scheduled with a publish time. visible_from is when each becomes visible; the
        // reader passes its own clock: SELECT ... WHERE visible_from <= :now ORDER BY visible_from DESC.
        QStringLiteral(R"(CREATE VIEW published_notices AS
SELECT id, school_id, college_id, title, body_html, window_start, window_end, daily_hours, closure_days,
  fee_cents, contacts, state, row_version,
  CASE WHEN state = 'published' THEN COALESCE(published_at, publish_at, updated_at) ELSE publish_at END AS visible_from
FROM notices
WHERE state = 'published' OR (state = 'scheduled' AND publish_at IS NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE notice_attachments (
  id {PK},
  notice_id BIGINT NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
  file_name TEXT NOT NULL,
  mime TEXT NOT NULL,
  bytes {BLOB} NOT NULL,
  created_at {BIGINT} NOT NULL))"),
        // kind: student batch
        QStringLiteral(R"(CREATE TABLE code_batches (
  id {PK},
  school_id BIGINT NOT NULL REFERENCES schools(id),
  college_id BIGINT REFERENCES colleges(id),
  class_id BIGINT REFERENCES classes(id),
  kind TEXT NOT NULL CHECK (kind IN ('student', 'batch')),
  label TEXT NOT NULL DEFAULT '',
  created_by BIGINT,
  created_at {BIGINT} NOT NULL,
  expires_at {BIGINT}))"),
        // Only a keyed hash of each code is kept: a copy of the database reveals no valid code.
        QStringLiteral(R"(CREATE TABLE collection_codes (
  id {PK},
  batch_id BIGINT NOT NULL REFERENCES code_batches(id),
  school_id BIGINT NOT NULL REFERENCES schools(id),
  college_id BIGINT REFERENCES colleges(id),
  student_id BIGINT REFERENCES students(id),
  code_hash TEXT NOT NULL UNIQUE,
  created_at {BIGINT} NOT NULL,
  expires_at {BIGINT},
  revoked_at {BIGINT},
  revoked_reason TEXT NOT NULL DEFAULT ''))"),
        QStringLiteral("CREATE INDEX codes_student ON collection_codes (student_id)"),
        // The per-school key of the keyed code hash (BLAKE2b). See core/codes/code_key.h: on a server
        // deployment only the owner role (the admin tool and the verification service) may read it.
        QStringLiteral(R"(CREATE TABLE code_keys (
  school_id BIGINT PRIMARY KEY REFERENCES schools(id),
  key_hex TEXT NOT NULL,
  created_at {BIGINT} NOT NULL))"),
        // role: school_admin college_admin reviewer
        QStringLiteral(R"(CREATE TABLE staff (
  id {PK},
  school_id BIGINT NOT NULL REFERENCES schools(id),
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('school_admin', 'college_admin', 'reviewer')),
  college_id BIGINT REFERENCES colleges(id),
  password_hash TEXT NOT NULL DEFAULT '',
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until {BIGINT},
  active SMALLINT NOT NULL DEFAULT 1,
  db_role TEXT NOT NULL DEFAULT '',
  created_at {BIGINT} NOT NULL,
  row_version INTEGER NOT NULL DEFAULT 1))"),
        // A reviewer's assignments: a whole college (class_id NULL) or one class.
        QStringLiteral(R"(CREATE TABLE staff_scopes (
  staff_id BIGINT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  college_id BIGINT NOT NULL REFERENCES colleges(id),
  class_id BIGINT REFERENCES classes(id)))"),
        QStringLiteral("CREATE INDEX staff_scopes_staff ON staff_scopes (staff_id)"),
        QStringLiteral(R"(CREATE TABLE settings (
  school_id BIGINT NOT NULL REFERENCES schools(id),
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  updated_by BIGINT,
  updated_at {BIGINT} NOT NULL,
  PRIMARY KEY (school_id, name)))"),
        // Tamper-evident: hash = SHA-256(prev_hash + canonical entry).
        QStringLiteral(R"(CREATE TABLE audit_log (
  id {PK},
  occurred_at {BIGINT} NOT NULL,
  staff_id BIGINT,
  staff_name TEXT NOT NULL,
  action TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id TEXT NOT NULL,
  college_id BIGINT,
  reason TEXT NOT NULL DEFAULT '',
  before_json TEXT NOT NULL DEFAULT '',
  after_json TEXT NOT NULL DEFAULT '',
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL))"),
        QStringLiteral("CREATE INDEX audit_time ON audit_log (occurred_at)"),
        // One row; appending to the audit chain updates it first, which serialises
        // writers on both engines before the previous hash is read.
        QStringLiteral("CREATE TABLE audit_chain_head (id INTEGER PRIMARY KEY, last_id BIGINT NOT NULL, last_hash TEXT NOT NULL)"),
        QStringLiteral("INSERT INTO audit_chain_head (id, last_id, last_hash) VALUES (1, 0, '')"),
        // status: pending sending delivered failed withdrawn (an undone decision's notice that never went out)
        QStringLiteral(R"(CREATE TABLE notification_outbox (
  id {PK},
  created_at {BIGINT} NOT NULL,
  student_id BIGINT REFERENCES students(id),
  kind TEXT NOT NULL,
  payload_json TEXT NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at {BIGINT},
  last_error TEXT NOT NULL DEFAULT '',
  delivered_at {BIGINT}))"),
        QStringLiteral("CREATE INDEX outbox_pending ON notification_outbox (status, next_attempt_at)"),
    };
}

// PostgreSQL only: statistics on the dashboard's "China day" expressions, so the planner knows a
// month of photos falls into ~30 groups and aggregates them in parallel instead of planning for
// one group per row.
QStringList serverStatisticsStatements()
{
    return {
        QStringLiteral("CREATE STATISTICS photos_submitted_day ON ((submitted_at + 28800000) / 86400000) FROM photos"),
        QStringLiteral("CREATE STATISTICS photos_decided_day ON ((decided_at + 28800000) / 86400000) FROM photos"),
        QStringLiteral("CREATE STATISTICS photos_reviewer_day (ndistinct) ON reviewer_id, ((decided_at + 28800000) / 86400000) FROM photos"),
    };
}

// SQLite's side of schema step 5: a counter that goes up whenever a photo enters the review
// queue (stored as submitted, or back to submitted), read by ChangeWatch every few seconds.
// PostgreSQL sends a NOTIFY instead (serverQueueStatements, server_audit.cpp).
QStringList localQueueStatements()
{
    return {
        QStringLiteral("CREATE TABLE review_queue_arrivals (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)"),
        QStringLiteral("INSERT INTO review_queue_arrivals (id, n) VALUES (1, 0)"),
        QStringLiteral("CREATE TRIGGER photos_queue_arrival_insert AFTER INSERT ON photos WHEN NEW.status = 'submitted' "
                       "BEGIN UPDATE review_queue_arrivals SET n = n + 1 WHERE id = 1; END"),
        QStringLiteral("CREATE TRIGGER photos_queue_arrival_update AFTER UPDATE OF status ON photos "
                       "WHEN NEW.status = 'submitted' AND OLD.status <> 'submitted' "
                       "BEGIN UPDATE review_queue_arrivals SET n = n + 1 WHERE id = 1; END"),
    };
}

// SQLite's side of what PostgreSQL does with photos_where_student (ON UPDATE CASCADE, schema
// step 2): a roster import that moves a student to another class or college moves the student's
// photos with them. Photos left behind by earlier imports are put back first (`db check` named
// them as photo_place).
QStringList localPhotoPlaceStatements()
{
    return {
        QStringLiteral("UPDATE photos SET class_id = (SELECT s.class_id FROM students s WHERE s.id = photos.student_id), "
                       "college_id = (SELECT s.college_id FROM students s WHERE s.id = photos.student_id) "
                       "WHERE EXISTS (SELECT 1 FROM students s WHERE s.id = photos.student_id "
                       "AND (s.class_id <> photos.class_id OR s.college_id <> photos.college_id))"),
        QStringLiteral("CREATE TRIGGER students_move_photos AFTER UPDATE OF class_id, college_id ON students "
                       "WHEN NEW.class_id <> OLD.class_id OR NEW.college_id <> OLD.college_id "
                       "BEGIN UPDATE photos SET class_id = NEW.class_id, college_id = NEW.college_id WHERE student_id = NEW.id; END"),
    };
}

// The student side's request journal: one row per student action (verify, shot, submission,
// payment, draft deletion), written in the action's transaction under the client's idempotency
// key. A client whose connection dropped while committing asks whether its key is here before it
// sends the action once more, so an action is never applied twice (core/sim/student_flow.h).
QStringList studentRequestStatements()
{
    return {
        QStringLiteral(R"(CREATE TABLE student_requests (
  idempotency_key TEXT PRIMARY KEY,
  student_id BIGINT NOT NULL REFERENCES students(id),
  kind TEXT NOT NULL,
  occurred_at {BIGINT} NOT NULL))"),
        QStringLiteral("CREATE INDEX student_requests_student ON student_requests (student_id, occurred_at)"),
    };
}

// SQLite's side of schema step 8: counters of student and photo changes, read with the queue
// arrivals in one row by ChangeWatch every few seconds (students page, dashboard, navigation
// badge). SQLite has only row triggers, and any INSERT trigger makes every single-row INSERT
// keep a statement journal (measured: about 4x the time of a bare INSERT), so inserts are not
// counted by a trigger: the table's AUTOINCREMENT sequence (sqlite_sequence) already goes up with
// each one and is read with the counters (Dialect::liveChangeCountersSql). Updates and deletes
// count here (an UPDATE already keeps a statement journal: the counter row costs ~0.3 us a row,
// see tests/bench/bench_live_changes.cpp). Photos count only when their place in the figures can
// change (status, decision, kind). PostgreSQL sends one NOTIFY per statement instead.
QStringList localLiveChangeStatements()
{
    const QString bump = QStringLiteral(" BEGIN UPDATE live_changes SET n = n + 1 WHERE id = %1; END");
    return {
        QStringLiteral("CREATE TABLE live_changes (id INTEGER PRIMARY KEY, topic TEXT NOT NULL UNIQUE, n BIGINT NOT NULL)"),
        QStringLiteral("INSERT INTO live_changes (id, topic, n) VALUES (1, 'students', 0), (2, 'photos', 0)"),
        QStringLiteral("CREATE TRIGGER students_live_update AFTER UPDATE ON students") + bump.arg(1),
        QStringLiteral("CREATE TRIGGER students_live_delete AFTER DELETE ON students") + bump.arg(1),
        QStringLiteral("CREATE TRIGGER photos_live_update AFTER UPDATE OF status, decision, kind ON photos") + bump.arg(2),
        QStringLiteral("CREATE TRIGGER photos_live_delete AFTER DELETE ON photos") + bump.arg(2),
    };
}

const QString kVersionTable = QStringLiteral("tucai_schema");

} // namespace

const QList<Migrations::Step> &Migrations::steps()
{
    static const QList<Step> all{
        {1, QStringLiteral("collection database v1"), schemaV1(), serverSecurityStatements() + serverStatisticsStatements()},
        {2, QStringLiteral("per-database staff roles, column grants, school-bound policies"), {}, serverRoleStatements()},
        // The audit entry's row changes, recorded by the server (empty on SQLite), are part of its hash.
        {3, QStringLiteral("server-side audit chain and notifications"),
         {QStringLiteral("ALTER TABLE audit_log ADD COLUMN changes TEXT NOT NULL DEFAULT ''")}, serverAuditStatements()},
        {4, QStringLiteral("masked identity data for reviewers, code key kept on the server"), {}, serverSecretStatements()},
        {5, QStringLiteral("review queue arrivals: NOTIFY on the server, a counter in the file"), {}, serverQueueStatements(),
         localQueueStatements()},
        {6, QStringLiteral("photos follow their student to another class in the file too"), {}, {}, localPhotoPlaceStatements()},
        {7, QStringLiteral("student side request journal (idempotency keys)"), studentRequestStatements()},
        {8, QStringLiteral("live pages: student and photo changes NOTIFY on the server, counters in the file"), {},
         serverLiveChangeStatements(), localLiveChangeStatements()},
    };
    return all;
}

int Migrations::latestVersion() { return steps().isEmpty() ? 0 : steps().constLast().version; }

int Migrations::currentVersion(const Database &db)
{
    QSqlQuery tables(db.connection());
    if (!tables.exec(db.dialect().listTablesSql()))
        throw db.errorFrom(tables.lastError(), QCoreApplication::translate("Migrations", "reading the schema"));
    bool found = false;
    while (tables.next())
        found = found || tables.value(0).toString() == kVersionTable;
    if (!found)
        return 0;
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT MAX(version) FROM tucai_schema")))
        throw db.errorFrom(q.lastError(), QCoreApplication::translate("Migrations", "reading the schema version"));
    return q.next() ? q.value(0).toInt() : 0;
}

void Migrations::migrate(const Database &db, const QList<Step> &steps)
{
    const Dialect &dialect = db.dialect();
    int current = currentVersion(db);
    const int latest = steps.isEmpty() ? 0 : steps.constLast().version;
    if (current > latest)
        throw DbError(DbError::Kind::TooNew,
                      QCoreApplication::translate("Migrations", "This database uses schema version %1, but this version of Tucai Admin only knows up to %2. "
                         "Please install a newer version; the database was not changed.")
                          .arg(current)
                          .arg(latest));
    if (current == 0) {
        Transaction tx(db);
        QSqlQuery q(db.connection());
        if (!q.exec(dialect.expand(QStringLiteral(
                "CREATE TABLE tucai_schema (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at {BIGINT} NOT NULL)"))))
            throw db.errorFrom(q.lastError(), QCoreApplication::translate("Migrations", "creating the schema table"));
        tx.commit();
    }
    for (const Step &step : steps) {
        if (step.version <= current)
            continue;
        Transaction tx(db);
        QStringList statements = step.statements;
        if (dialect.kind() == DbTarget::Kind::Postgres)
            statements += step.serverStatements;
        else
            statements += step.localStatements;
        for (const QString &statement : std::as_const(statements)) {
            QSqlQuery q(db.connection());
            if (!q.exec(dialect.expand(statement)))
                throw db.errorFrom(q.lastError(), QCoreApplication::translate("Migrations", "schema step %1").arg(step.version));
        }
        Query(db, QStringLiteral("INSERT INTO tucai_schema (version, description, applied_at) VALUES (:v, :d, :t)"))
            .bind(QStringLiteral(":v"), step.version)
            .bind(QStringLiteral(":d"), step.description)
            .bind(QStringLiteral(":t"), nowMs())
            .exec();
        tx.commit();
        current = step.version;
    }
}

} // namespace tucai::db
