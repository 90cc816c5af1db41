// Schema step 3 on PostgreSQL: the server writes the audit chain and the notification
// outbox, records every change a staff login makes, and guards photo decisions.
#include "db/server_security.h"

namespace tucai::db {
namespace {

QString forGroups(const QString &grant)
{
    return QStringLiteral("DO $$ BEGIN EXECUTE format('%1', tucai_group('school_admin'), tucai_group('college_admin'), "
                          "tucai_group('reviewer')); END $$")
        .arg(grant);
}

// Tables whose changes by a staff login are recorded: name, key columns, columns whose
// change alone is not worth an entry (bookkeeping and re-run check results).
struct Audited
{
    const char *table;
    const char *keys;
    const char *ignored;
};
constexpr Audited kAudited[] = {
    {"students", "id", "updated_at,row_version"},
    {"photos", "id", "row_version,check_report,check_passed,engine_version,profile_version,checked_at,undo_state"},
    {"notices", "id", "updated_at,row_version"},
    {"notice_versions", "id", ""},
    {"notice_attachments", "id", ""},
    {"code_batches", "id", ""},
    {"collection_codes", "id", ""},
    {"settings", "school_id,name", "updated_at"},
    {"staff", "id", "row_version"},
    {"staff_scopes", "staff_id,college_id,class_id", ""},
};

} // namespace

QStringList serverAuditStatements()
{
    QStringList s;
    // Who is restricted: every login but the owner (and superusers). Staff logins, but also
    // a disabled staff member whose session is still open.
    s << QStringLiteral(R"(CREATE FUNCTION tucai_restricted() RETURNS BOOLEAN LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
SELECT NOT (r.rolsuper OR pg_has_role(session_user, c.relowner, 'MEMBER'))
FROM pg_roles r, pg_class c WHERE r.rolname = session_user AND c.oid = 'public.audit_log'::regclass $$)")
      << QStringLiteral("CREATE FUNCTION tucai_now_ms() RETURNS BIGINT LANGUAGE sql VOLATILE AS "
                        "$$ SELECT (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT $$");

    // Row changes of the open transaction, until its audit entries are sealed at commit.
    // Staff have no privilege on either table: only the SECURITY DEFINER functions write them.
    s << QStringLiteral("CREATE UNLOGGED TABLE audit_pending (seq BIGINT GENERATED ALWAYS AS IDENTITY, txid BIGINT NOT NULL, "
                        "tbl TEXT NOT NULL, row_key TEXT NOT NULL, op TEXT NOT NULL, diff JSONB NOT NULL, college_id BIGINT)")
      << QStringLiteral("CREATE INDEX audit_pending_tx ON audit_pending (txid, seq)")
      << QStringLiteral("CREATE UNLOGGED TABLE audit_open_tx (txid BIGINT PRIMARY KEY)")
      << forGroups(QStringLiteral("REVOKE ALL ON audit_pending, audit_open_tx FROM %1$I, %2$I, %3$I"));

    // What a changed value looks like in the log: identity data masked, secrets and bytes
    // never copied, long text cut.
    s << QStringLiteral(R"(CREATE FUNCTION tucai_audit_value(col TEXT, v JSONB) RETURNS JSONB LANGUAGE sql IMMUTABLE AS $$
SELECT CASE
  WHEN v IS NULL OR jsonb_typeof(v) <> 'string' THEN v
  WHEN col = 'password_hash' THEN to_jsonb('(changed)'::TEXT)
  WHEN col = 'bytes' THEN to_jsonb('(' || length(v #>> '{}') / 2 - 1 || ' bytes)')
  WHEN col = 'id_number' AND length(v #>> '{}') > 8 THEN
    to_jsonb(left(v #>> '{}', 4) || repeat('*', length(v #>> '{}') - 8) || right(v #>> '{}', 4))
  WHEN col = 'phone' AND length(v #>> '{}') >= 7 THEN to_jsonb(left(v #>> '{}', 3) || '****' || right(v #>> '{}', 4))
  WHEN col IN ('id_number', 'phone') THEN to_jsonb(repeat('*', length(v #>> '{}')))
  WHEN length(v #>> '{}') > 300 THEN to_jsonb(left(v #>> '{}', 300) || '...')
  ELSE v END $$)")
      << QStringLiteral(R"(CREATE FUNCTION tucai_row_key(j JSONB, keys TEXT[]) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
SELECT string_agg(COALESCE(j ->> k, ''), '/' ORDER BY n) FROM unnest(keys) WITH ORDINALITY AS u(k, n) $$)");

    // Statement-level triggers with transition tables: one call per statement, so a bulk
    // import costs one set-based insert per batch, and the owner's loads a single check.
    s << QStringLiteral(R"(CREATE FUNCTION tucai_audit_rows() RETURNS TRIGGER LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
  keys TEXT[] := string_to_array(TG_ARGV[0], ',');
  ignored TEXT[] := string_to_array(TG_ARGV[1], ',');
  n BIGINT;
BEGIN
  IF NOT tucai_restricted() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO audit_pending (txid, tbl, row_key, op, diff, college_id)
    SELECT txid_current(), TG_TABLE_NAME, tucai_row_key(nr.j, keys), 'update', d.diff, (nr.j ->> 'college_id')::BIGINT
    FROM (SELECT to_jsonb(x) AS j FROM new_rows x) nr
    JOIN (SELECT to_jsonb(y) AS j FROM old_rows y) orow ON tucai_row_key(orow.j, keys) = tucai_row_key(nr.j, keys)
    CROSS JOIN LATERAL (SELECT jsonb_object_agg(e.key, jsonb_build_array(tucai_audit_value(e.key, orow.j -> e.key),
                                                                           tucai_audit_value(e.key, e.value))) AS diff
                        FROM jsonb_each(nr.j) e
                        WHERE e.value IS DISTINCT FROM orow.j -> e.key AND NOT e.key = ANY (ignored)) d
    WHERE d.diff IS NOT NULL;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO audit_pending (txid, tbl, row_key, op, diff, college_id)
    SELECT txid_current(), TG_TABLE_NAME, tucai_row_key(nr.j, keys), 'insert',
           COALESCE((SELECT jsonb_object_agg(e.key, tucai_audit_value(e.key, e.value)) FROM jsonb_each(nr.j) e
                     WHERE NOT e.key = ANY (ignored) AND e.value <> 'null'::JSONB), '{}'), (nr.j ->> 'college_id')::BIGINT
    FROM (SELECT to_jsonb(x) AS j FROM new_rows x) nr;
  ELSE
    INSERT INTO audit_pending (txid, tbl, row_key, op, diff, college_id)
    SELECT txid_current(), TG_TABLE_NAME, tucai_row_key(orow.j, keys), 'delete',
           COALESCE((SELECT jsonb_object_agg(e.key, tucai_audit_value(e.key, e.value)) FROM jsonb_each(orow.j) e
                     WHERE NOT e.key = ANY (ignored) AND e.value <> 'null'::JSONB), '{}'), (orow.j ->> 'college_id')::BIGINT
    FROM (SELECT to_jsonb(y) AS j FROM old_rows y) orow;
  END IF;
  GET DIAGNOSTICS n = ROW_COUNT;
  IF n > 0 THEN
    INSERT INTO audit_open_tx (txid) VALUES (txid_current()) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$)");
    s << QStringLiteral("ALTER TABLE photos ADD COLUMN undo_state JSONB");
    for (const Audited &a : kAudited) {
        const QString t = QLatin1String(a.table);
        const QString args = QStringLiteral("'%1', '%2'").arg(QLatin1String(a.keys), QLatin1String(a.ignored));
        s << QStringLiteral("CREATE TRIGGER %1_audit_update AFTER UPDATE ON %1 REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
                            "FOR EACH STATEMENT EXECUTE FUNCTION tucai_audit_rows(%2)").arg(t, args)
          << QStringLiteral("CREATE TRIGGER %1_audit_insert AFTER INSERT ON %1 REFERENCING NEW TABLE AS new_rows "
                            "FOR EACH STATEMENT EXECUTE FUNCTION tucai_audit_rows(%2)").arg(t, args)
          << QStringLiteral("CREATE TRIGGER %1_audit_delete AFTER DELETE ON %1 REFERENCING OLD TABLE AS old_rows "
                            "FOR EACH STATEMENT EXECUTE FUNCTION tucai_audit_rows(%2)").arg(t, args);
    }

    // The one way to append an entry. For a staff login the server fills in who (the
    // login's staff member) and when (its own clock); the owner (the admin tool, the demo)
    // passes them. Entries get their hashes when the transaction commits (below).
    s << QStringLiteral("ALTER TABLE audit_log ADD COLUMN txid BIGINT")
      << QStringLiteral("CREATE INDEX audit_log_unsealed ON audit_log (txid) WHERE hash = ''")
      << QStringLiteral(R"(CREATE FUNCTION tucai_audit_append(p_occurred BIGINT, p_staff BIGINT, p_staff_name TEXT, p_action TEXT,
  p_target_type TEXT, p_target_id TEXT, p_college BIGINT, p_reason TEXT, p_before TEXT, p_after TEXT) RETURNS BIGINT
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  me staff%ROWTYPE;
  new_id BIGINT;
BEGIN
  IF tucai_restricted() THEN
    SELECT * INTO me FROM staff WHERE db_role = session_user::TEXT AND active = 1;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'no active staff member uses this database login' USING ERRCODE = 'insufficient_privilege';
    END IF;
    p_staff := me.id;
    IF p_staff_name IS DISTINCT FROM me.username AND p_staff_name IS DISTINCT FROM me.display_name THEN
      p_staff_name := me.username;
    END IF;
    p_occurred := tucai_now_ms();
    IF p_college IS NOT NULL AND NOT (p_college = ANY (tucai_visible_colleges())) THEN
      RAISE EXCEPTION 'college % is not yours to record actions for', p_college USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  -- The chain's lock, held until commit: writers append one after another.
  UPDATE audit_chain_head SET last_id = last_id WHERE id = 1;
  INSERT INTO audit_log (occurred_at, staff_id, staff_name, action, target_type, target_id, college_id, reason, before_json,
                         after_json, prev_hash, hash, txid)
  VALUES (p_occurred, p_staff, COALESCE(p_staff_name, ''), p_action, p_target_type, p_target_id, p_college, COALESCE(p_reason, ''),
          COALESCE(p_before, ''), COALESCE(p_after, ''), '', '', txid_current())
  RETURNING id INTO new_id;
  INSERT INTO audit_open_tx (txid) VALUES (txid_current()) ON CONFLICT DO NOTHING;
  RETURN new_id;
END $$)");

    // At commit: the transaction's row changes go into its entries (each to the entry about
    // that row, the rest to its last entry; a transaction without entry gets one, action
    // "sql.change"), then the entries are hashed onto the chain with the server's sha256().
    // The hash covers the same fields in the same form as AuditRepo::computeHash.
    s << QStringLiteral(R"(CREATE FUNCTION tucai_audit_seal() RETURNS TRIGGER LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
  tx BIGINT := NEW.txid;
  head audit_chain_head%ROWTYPE;
  me staff%ROWTYPE;
  last_entry BIGINT;
  e RECORD;
  prev TEXT;
  h TEXT;
BEGIN
  DELETE FROM audit_open_tx WHERE txid = tx;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  SELECT * INTO head FROM audit_chain_head WHERE id = 1 FOR UPDATE;
  SELECT max(id) INTO last_entry FROM audit_log WHERE txid = tx AND hash = '';
  IF last_entry IS NULL AND EXISTS (SELECT 1 FROM audit_pending WHERE txid = tx) THEN
    SELECT * INTO me FROM staff WHERE db_role = session_user::TEXT;
    INSERT INTO audit_log (occurred_at, staff_id, staff_name, action, target_type, target_id, college_id, reason, before_json,
                           after_json, prev_hash, hash, txid)
    SELECT tucai_now_ms(), me.id, COALESCE(me.username, session_user::TEXT), 'sql.change', p.tbl, p.row_key,
           (SELECT CASE WHEN count(DISTINCT q.college_id) = 1 THEN min(q.college_id) END FROM audit_pending q WHERE q.txid = tx),
           '', '', '', '', '', tx
    FROM audit_pending p WHERE p.txid = tx ORDER BY p.seq LIMIT 1
    RETURNING id INTO last_entry;
  END IF;
  IF last_entry IS NULL THEN
    RETURN NULL;
  END IF;
  WITH placed AS (
    SELECT p.seq, p.tbl, p.row_key, p.op, p.diff,
           COALESCE((SELECT min(a.id) FROM audit_log a WHERE a.txid = tx AND a.hash = '' AND a.target_id = p.row_key
                     AND a.target_type = CASE p.tbl WHEN 'students' THEN 'student' WHEN 'photos' THEN 'photo'
                       WHEN 'notices' THEN 'notice' WHEN 'staff' THEN 'staff' WHEN 'collection_codes' THEN 'collection_code'
                       WHEN 'code_batches' THEN 'code_batch' ELSE p.tbl END), last_entry) AS entry
    FROM audit_pending p WHERE p.txid = tx),
  numbered AS (SELECT *, row_number() OVER (PARTITION BY entry ORDER BY seq) AS n, count(*) OVER (PARTITION BY entry) AS total FROM placed),
  per_entry AS (
    SELECT entry, jsonb_build_object('rows', jsonb_agg(jsonb_build_object('table', tbl, 'key', row_key, 'op', op, 'values', diff) ORDER BY seq)
                                             FILTER (WHERE n <= 100),
                                     'more', max(total) - count(*) FILTER (WHERE n <= 100)) AS changes
    FROM numbered GROUP BY entry)
  UPDATE audit_log a SET changes = per_entry.changes::TEXT FROM per_entry WHERE a.id = per_entry.entry;
  DELETE FROM audit_pending WHERE txid = tx;
  prev := head.last_hash;
  FOR e IN SELECT * FROM audit_log WHERE txid = tx AND hash = '' ORDER BY id LOOP
    h := encode(sha256(convert_to(concat_ws(chr(31), e.id::TEXT, e.occurred_at::TEXT, COALESCE(e.staff_id, 0)::TEXT, e.staff_name,
                                            e.action, e.target_type, e.target_id, COALESCE(e.college_id, 0)::TEXT, e.reason,
                                            e.before_json, e.after_json, prev)
                                  || CASE WHEN e.changes <> '' THEN chr(31) || e.changes ELSE '' END, 'UTF8')), 'hex');
    UPDATE audit_log SET prev_hash = prev, hash = h WHERE id = e.id;
    prev := h;
    head.last_id := e.id;
  END LOOP;
  UPDATE audit_chain_head SET last_id = head.last_id, last_hash = prev WHERE id = 1;
  RETURN NULL;
END $$)")
      << QStringLiteral("CREATE CONSTRAINT TRIGGER audit_seal AFTER INSERT ON audit_open_tx DEFERRABLE INITIALLY DEFERRED "
                        "FOR EACH ROW EXECUTE FUNCTION tucai_audit_seal()");

    // Photo decisions from a staff login: in the caller's name, at the server's time, status
    // and decision agreeing; an undo goes back exactly to what the caller's decision replaced.
    // A photo's place may change only to follow its student (a roster move cascades here).
    s << QStringLiteral(R"(CREATE FUNCTION tucai_photo_guard() RETURNS TRIGGER LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
  me BIGINT := tucai_staff_id();
  role TEXT := tucai_staff_role();
  before_decision JSONB;
  after_decision JSONB;
BEGIN
  IF (NEW.college_id, NEW.class_id) IS DISTINCT FROM (OLD.college_id, OLD.class_id)
     AND NOT EXISTS (SELECT 1 FROM students s WHERE s.id = NEW.student_id AND s.college_id = NEW.college_id AND s.class_id = NEW.class_id) THEN
    RAISE EXCEPTION 'a photo stays in its student''s class' USING ERRCODE = 'insufficient_privilege';
  END IF;
  before_decision := jsonb_build_object('status', OLD.status, 'decision', OLD.decision, 'reasons', OLD.reasons, 'note', OLD.reason_note,
                                        'reviewer', OLD.reviewer_id, 'decided_at', OLD.decided_at);
  after_decision := jsonb_build_object('status', NEW.status, 'decision', NEW.decision, 'reasons', NEW.reasons, 'note', NEW.reason_note,
                                       'reviewer', NEW.reviewer_id, 'decided_at', NEW.decided_at);
  IF after_decision = before_decision THEN
    RETURN NEW;
  END IF;
  -- A reset retires the student's drafts (administrators only).
  IF OLD.kind = 'draft' AND NEW.status = 'deleted' AND role IN ('school_admin', 'college_admin')
     AND after_decision - 'status' = before_decision - 'status' THEN
    RETURN NEW;
  END IF;
  IF OLD.reviewer_id = me AND OLD.undo_state IS NOT NULL AND after_decision = OLD.undo_state THEN
    NEW.undo_state := NULL;
    RETURN NEW;
  END IF;
  IF OLD.kind = 'submitted' AND OLD.status IN ('submitted', 'approved', 'returned') AND NEW.decision IN ('approved', 'returned')
     AND NEW.status = NEW.decision AND NEW.reviewer_id = me THEN
    NEW.decided_at := tucai_now_ms();
    NEW.undo_state := before_decision;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'a photo''s decision is made in your own name (and undone only by you)' USING ERRCODE = 'insufficient_privilege';
END $$)")
      << QStringLiteral("CREATE TRIGGER photos_guard BEFORE UPDATE ON photos FOR EACH ROW WHEN (tucai_restricted()) "
                        "EXECUTE FUNCTION tucai_photo_guard()");
    // A reviewer moves a student between review states only along with a decision on one of
    // the student's photos in the same transaction.
    s << QStringLiteral(R"(CREATE FUNCTION tucai_student_guard() RETURNS TRIGGER LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
BEGIN
  IF NEW.state IS DISTINCT FROM OLD.state AND tucai_staff_role() IS DISTINCT FROM 'school_admin'
     AND tucai_staff_role() IS DISTINCT FROM 'college_admin'
     AND NOT EXISTS (SELECT 1 FROM audit_pending ap JOIN photos p ON p.id = ap.row_key::BIGINT
                     WHERE ap.txid = txid_current() AND ap.tbl = 'photos' AND ap.diff ? 'status' AND p.student_id = NEW.id
                       AND CASE p.status WHEN 'submitted' THEN 'awaiting_review' ELSE p.status END = NEW.state) THEN
    RAISE EXCEPTION 'a reviewer changes a student''s state only by deciding one of their photos' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$)")
      << QStringLiteral("CREATE TRIGGER students_guard BEFORE UPDATE ON students FOR EACH ROW WHEN (tucai_restricted()) "
                        "EXECUTE FUNCTION tucai_student_guard()");

    // Notifications: from a staff login only as the server side of an action of the same
    // transaction (the photo or student was changed), with the payload and key the server
    // builds from the row. The owner (the admin tool, tests) queues as given.
    s << QStringLiteral(R"(CREATE FUNCTION tucai_notify(p_kind TEXT, p_student BIGINT, p_payload TEXT, p_key TEXT, p_created BIGINT)
RETURNS BIGINT LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  ph photos%ROWTYPE;
  st students%ROWTYPE;
  payload JSONB;
  k TEXT;
  granted INTEGER;
  new_id BIGINT;
BEGIN
  IF NOT tucai_restricted() THEN
    INSERT INTO notification_outbox (created_at, student_id, kind, payload_json, idempotency_key, status, attempts, next_attempt_at)
    VALUES (p_created, p_student, p_kind, p_payload, p_key, 'pending', 0, p_created) RETURNING id INTO new_id;
    RETURN new_id;
  END IF;
  IF p_kind IN ('photo.approved', 'photo.returned', 'photo.decision_undone') THEN
    SELECT * INTO ph FROM photos WHERE id = (p_payload::JSONB ->> 'photo')::BIGINT AND student_id = p_student;
    IF NOT FOUND OR NOT EXISTS (SELECT 1 FROM audit_pending WHERE txid = txid_current() AND tbl = 'photos' AND row_key = ph.id::TEXT)
       OR (p_kind <> 'photo.decision_undone' AND 'photo.' || ph.status <> p_kind) THEN
      RAISE EXCEPTION 'a notification follows a decision on its photo in the same transaction' USING ERRCODE = 'insufficient_privilege';
    END IF;
    payload := CASE WHEN p_kind = 'photo.decision_undone' THEN jsonb_build_object('photo', ph.id)
                    ELSE jsonb_build_object('photo', ph.id, 'reasons', ph.reasons, 'note', ph.reason_note) END;
    k := p_kind || ':' || ph.id || ':' || ph.row_version;
  ELSIF p_kind IN ('account.account_unlocked', 'account.cooling_lifted', 'account.cooling_shortened', 'account.account_reset',
                   'account.attempts_granted') THEN
    SELECT * INTO st FROM students WHERE id = p_student;
    IF NOT FOUND OR NOT EXISTS (SELECT 1 FROM audit_pending WHERE txid = txid_current() AND tbl = 'students' AND row_key = st.id::TEXT) THEN
      RAISE EXCEPTION 'a notification follows a change of its student in the same transaction' USING ERRCODE = 'insufficient_privilege';
    END IF;
    payload := jsonb_build_object('student', st.id, 'message', substr(p_kind, 9));
    IF st.locked_until IS NOT NULL THEN
      payload := payload || jsonb_build_object('locked_until', st.locked_until);
    END IF;
    IF p_kind = 'account.attempts_granted' THEN
      SELECT (diff -> 'extra_attempts' ->> 1)::INTEGER - (diff -> 'extra_attempts' ->> 0)::INTEGER INTO granted
      FROM audit_pending WHERE txid = txid_current() AND tbl = 'students' AND row_key = st.id::TEXT AND diff ? 'extra_attempts'
      ORDER BY seq DESC LIMIT 1;
      payload := payload || jsonb_build_object('attempts', COALESCE(granted, 0));
    END IF;
    k := p_kind || ':' || st.id || ':' || st.row_version;
  ELSE
    RAISE EXCEPTION 'unknown notification kind %', p_kind USING ERRCODE = 'invalid_parameter_value';
  END IF;
  INSERT INTO notification_outbox (created_at, student_id, kind, payload_json, idempotency_key, status, attempts, next_attempt_at)
  VALUES (tucai_now_ms(), p_student, p_kind, payload::TEXT, k, 'pending', 0, tucai_now_ms()) RETURNING id INTO new_id;
  RETURN new_id;
END $$)")
      // Undoing a decision withdraws its notification while still pending: from a staff
      // login only for a student whose photo this transaction changed.
      << QStringLiteral(R"(CREATE FUNCTION tucai_withdraw_notification(p_id BIGINT) RETURNS BOOLEAN LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
BEGIN
  IF tucai_restricted() AND NOT EXISTS (
       SELECT 1 FROM notification_outbox o JOIN photos p ON p.student_id = o.student_id
       JOIN audit_pending ap ON ap.txid = txid_current() AND ap.tbl = 'photos' AND ap.row_key = p.id::TEXT
       WHERE o.id = p_id) THEN
    RETURN FALSE;
  END IF;
  UPDATE notification_outbox SET status = 'withdrawn' WHERE id = p_id AND status = 'pending';
  RETURN FOUND;
END $$)");

    // Staff lose every direct way into the chain and the outbox.
    s << forGroups(QStringLiteral("REVOKE INSERT, UPDATE ON audit_log, audit_chain_head FROM %1$I, %2$I, %3$I"))
      << forGroups(QStringLiteral("REVOKE INSERT ON notification_outbox FROM %1$I, %2$I, %3$I"))
      << forGroups(QStringLiteral("REVOKE UPDATE (status) ON notification_outbox FROM %2$I, %3$I"))
      << QStringLiteral("DROP POLICY IF EXISTS audit_add ON audit_log")
      << QStringLiteral("DROP POLICY IF EXISTS audit_seal ON audit_log")
      << QStringLiteral("DROP POLICY IF EXISTS outbox_add ON notification_outbox")
      << QStringLiteral("DROP POLICY IF EXISTS outbox_withdraw ON notification_outbox")
      << forGroups(QStringLiteral("GRANT EXECUTE ON FUNCTION tucai_restricted(), tucai_now_ms(), tucai_audit_value(TEXT, JSONB), "
                                  "tucai_row_key(JSONB, TEXT[]), tucai_audit_append(BIGINT, BIGINT, TEXT, TEXT, TEXT, TEXT, BIGINT, TEXT, TEXT, TEXT), "
                                  "tucai_notify(TEXT, BIGINT, TEXT, TEXT, BIGINT), tucai_withdraw_notification(BIGINT) TO %1$I, %2$I, %3$I"));
    return s;
}

QStringList serverQueueStatements()
{
    return {
        QStringLiteral("CREATE FUNCTION tucai_queue_arrival() RETURNS TRIGGER LANGUAGE plpgsql SET search_path = public, pg_temp AS "
                       "$$ BEGIN PERFORM pg_notify('tucai_review_queue', ''); RETURN NULL; END $$"),
        QStringLiteral("REVOKE EXECUTE ON FUNCTION tucai_queue_arrival() FROM PUBLIC"),
        QStringLiteral("CREATE TRIGGER photos_queue_arrival_insert AFTER INSERT ON photos FOR EACH ROW "
                       "WHEN (NEW.status = 'submitted') EXECUTE FUNCTION tucai_queue_arrival()"),
        QStringLiteral("CREATE TRIGGER photos_queue_arrival_update AFTER UPDATE OF status ON photos FOR EACH ROW "
                       "WHEN (NEW.status = 'submitted' AND OLD.status IS DISTINCT FROM 'submitted') EXECUTE FUNCTION tucai_queue_arrival()"),
    };
}

QStringList serverLiveChangeStatements()
{
    // Statement-level: a bulk import or a batch of decisions costs one call per statement, not per
    // row, and NOTIFY sends identical notifications of one transaction once.
    return {
        // No SET search_path (saving and restoring it costs more than the call): the one name used is qualified.
        QStringLiteral("CREATE FUNCTION tucai_live_change() RETURNS TRIGGER LANGUAGE plpgsql AS "
                       "$$ BEGIN PERFORM pg_catalog.pg_notify('tucai_changes', TG_TABLE_NAME); RETURN NULL; END $$"),
        QStringLiteral("REVOKE EXECUTE ON FUNCTION tucai_live_change() FROM PUBLIC"),
        QStringLiteral("CREATE TRIGGER students_live_change AFTER INSERT OR UPDATE OR DELETE ON students FOR EACH STATEMENT "
                       "EXECUTE FUNCTION tucai_live_change()"),
        QStringLiteral("CREATE TRIGGER photos_live_change AFTER INSERT OR DELETE OR UPDATE OF status, decision, kind ON photos "
                       "FOR EACH STATEMENT EXECUTE FUNCTION tucai_live_change()"),
    };
}

} // namespace tucai::db
