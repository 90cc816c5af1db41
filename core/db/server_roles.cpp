// Schema step 2 on PostgreSQL: the staff group roles belong to one database,
// only they may connect, and what each may change is granted column by column.
#include "db/server_security.h"

namespace tucai::db {
namespace {

// Runs `sql` with %1 %2 %3 replaced by this database's school-admin, college-admin
// and reviewer group (quoted identifiers), from a DO block: group names are only
// known inside the database.
QString forGroups(const QString &sql)
{
    QString escaped = sql;
    escaped.replace(QLatin1Char('\''), QStringLiteral("''"));
    escaped.replace(QStringLiteral("%1"), QStringLiteral("%1$I")).replace(QStringLiteral("%2"), QStringLiteral("%2$I")).replace(QStringLiteral("%3"), QStringLiteral("%3$I"));
    return QStringLiteral("DO $$ BEGIN EXECUTE format('%1', tucai_group('school_admin'), tucai_group('college_admin'), tucai_group('reviewer')); END $$")
        .arg(escaped);
}

QString definer(const QString &signature, const QString &body)
{
    return QStringLiteral("CREATE OR REPLACE FUNCTION %1 LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$ %2 $$")
        .arg(signature, body);
}

} // namespace

QStringList serverRoleStatements()
{
    QStringList s;
    // The role-name prefix of this database: its name (readable) and its oid (unique in
    // the cluster, so that two databases never share a group or a login role).
    s << QStringLiteral("CREATE TABLE tucai_server_roles (id INTEGER PRIMARY KEY CHECK (id = 1), prefix TEXT NOT NULL)")
      << QStringLiteral("INSERT INTO tucai_server_roles (id, prefix) SELECT 1, left('tucai_' || trim(both '_' from "
                        "regexp_replace(lower(current_database()), '[^a-z0-9]+', '_', 'g')), 26) || '_' || d.oid "
                        "FROM pg_database d WHERE d.datname = current_database()")
      << QStringLiteral("CREATE OR REPLACE FUNCTION tucai_group(kind TEXT) RETURNS TEXT LANGUAGE sql STABLE "
                        "SET search_path = public, pg_temp AS $$ SELECT prefix || '_' || kind FROM tucai_server_roles $$");
    // The three groups. A group of that name can only be left over by a dropped database
    // whose oid was reused: it starts again without members.
    s << QStringLiteral(R"(DO $$ DECLARE k TEXT; g TEXT; m TEXT; BEGIN
  FOREACH k IN ARRAY ARRAY['school_admin', 'college_admin', 'reviewer'] LOOP
    g := tucai_group(k);
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = g) THEN
      FOR m IN SELECT r.rolname FROM pg_auth_members am JOIN pg_roles r ON r.oid = am.member
               JOIN pg_roles gr ON gr.oid = am.roleid WHERE gr.rolname = g LOOP
        EXECUTE format('REVOKE %I FROM %I', g, m);
      END LOOP;
    ELSE
      EXECUTE format('CREATE ROLE %I NOLOGIN', g);
    END IF;
  END LOOP;
END $$)");
    // Only this database's staff (and the owner) may connect at all.
    s << QStringLiteral("DO $$ BEGIN EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database()); END $$")
      << QStringLiteral("DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I, %I, %I', current_database(), "
                        "tucai_group('school_admin'), tucai_group('college_admin'), tucai_group('reviewer')); END $$");
    // The cluster-wide groups of schema step 1 lose everything here, including the default
    // privileges that made every later table readable to all staff.
    s << QStringLiteral(R"(DO $$ DECLARE g TEXT; BEGIN
  FOREACH g IN ARRAY ARRAY['tucai_school_admin', 'tucai_college_admin', 'tucai_reviewer'] LOOP
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = g) THEN
      EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %I', g);
      EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM %I', g);
      EXECUTE format('REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM %I', g);
      EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM %I', g);
      EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM %I', g);
    END IF;
  END LOOP;
END $$)");
    // Functions are not callable by everybody by default: each is granted below.
    s << QStringLiteral("REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC")
      // (the database-wide default: a per-schema entry cannot take away the global default)
      << QStringLiteral("ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC");

    s << definer(QStringLiteral("tucai_staff_school() RETURNS BIGINT"),
                 QStringLiteral("SELECT school_id FROM staff WHERE db_role = session_user::text AND active = 1"));
    // Login role per staff member. The name is derived from the database and the staff id,
    // never taken from the table (a school admin must not point it at another role); a
    // login role of schema step 1 (tucai_<database>_staff_<id>) keeps its name. Passwords
    // arrive as SCRAM-SHA-256 verifiers, never in clear.
    s << QStringLiteral("DROP FUNCTION IF EXISTS tucai_sync_staff_role(BIGINT, TEXT)")
      << QStringLiteral(R"(CREATE FUNCTION tucai_sync_staff_role(p_staff BIGINT, p_verifier TEXT) RETURNS TEXT
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  r staff%ROWTYPE;
  rname TEXT;
  legacy TEXT;
  g TEXT;
  k TEXT;
BEGIN
  SELECT * INTO r FROM staff WHERE id = p_staff;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'staff % does not exist', p_staff USING ERRCODE = 'no_data_found';
  END IF;
  -- A school administrator's login manages its own school's staff only (the owner: all).
  IF tucai_staff_id() IS NOT NULL AND (tucai_staff_role() IS DISTINCT FROM 'school_admin' OR r.school_id <> tucai_staff_school()) THEN
    RAISE EXCEPTION 'not allowed to manage the login of staff %', p_staff USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_verifier IS NOT NULL AND p_verifier <> ''
     AND p_verifier !~ '^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*:[A-Za-z0-9+/]+=*$' THEN
    RAISE EXCEPTION 'a password must be given as a SCRAM-SHA-256 verifier' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  legacy := left('tucai_' || trim(both '_' from regexp_replace(lower(current_database()), '[^a-z0-9]+', '_', 'g')), 40)
            || '_staff_' || p_staff;
  IF r.db_role = legacy AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = legacy) THEN
    rname := legacy;
  ELSE
    rname := tucai_group('staff_' || p_staff);
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = rname) THEN
    EXECUTE format('CREATE ROLE %I LOGIN', rname);
  ELSIF r.db_role IS DISTINCT FROM rname THEN
    -- Left over by a dropped database with the same oid: no old password, no old groups.
    EXECUTE format('ALTER ROLE %I PASSWORD NULL', rname);
    FOR g IN SELECT gr.rolname FROM pg_auth_members am JOIN pg_roles gr ON gr.oid = am.roleid
             JOIN pg_roles m ON m.oid = am.member WHERE m.rolname = rname LOOP
      EXECUTE format('REVOKE %I FROM %I', g, rname);
    END LOOP;
  END IF;
  IF p_verifier IS NOT NULL AND p_verifier <> '' THEN
    EXECUTE format('ALTER ROLE %I PASSWORD %L', rname, p_verifier);
  END IF;
  FOREACH k IN ARRAY ARRAY['school_admin', 'college_admin', 'reviewer'] LOOP
    g := tucai_group(k);
    IF k = r.role THEN
      EXECUTE format('GRANT %I TO %I', g, rname);
    ELSIF pg_has_role(rname, g, 'MEMBER') THEN
      EXECUTE format('REVOKE %I FROM %I', g, rname);
    END IF;
    -- The cluster-wide group of schema step 1.
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tucai_' || k) AND pg_has_role(rname, 'tucai_' || k, 'MEMBER') THEN
      EXECUTE format('REVOKE %I FROM %I', 'tucai_' || k, rname);
    END IF;
  END LOOP;
  EXECUTE format('ALTER ROLE %I %s', rname, CASE WHEN r.active = 1 THEN 'LOGIN' ELSE 'NOLOGIN' END);
  UPDATE staff SET db_role = rname WHERE id = p_staff AND db_role <> rname;
  RETURN rname;
END $$)");
    // Staff synced by schema step 1 move into this database's groups.
    s << QStringLiteral("SELECT tucai_sync_staff_role(id, NULL) FROM staff WHERE db_role <> '' ORDER BY id");

    // Privileges. Everything readable that the policies let through, except the code
    // key; changes only to the columns each role's work needs.
    s << forGroups(QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA public TO %1, %2, %3"))
      << forGroups(QStringLiteral("REVOKE ALL ON code_keys FROM %1, %2, %3"))
      // Until the code hash is computed by the server (a later step), administrators read the key.
      << forGroups(QStringLiteral("GRANT SELECT, INSERT ON code_keys TO %1, %2"))
      << forGroups(QStringLiteral("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO %1, %2, %3"))
      << forGroups(QStringLiteral("GRANT EXECUTE ON FUNCTION tucai_group(TEXT), tucai_staff_id(), tucai_staff_role(), tucai_staff_school(), "
                                  "tucai_visible_colleges(), tucai_visible_classes(), tucai_managed_colleges() TO %1, %2, %3"))
      << forGroups(QStringLiteral("GRANT EXECUTE ON FUNCTION tucai_sync_staff_role(BIGINT, TEXT) TO %1"))
      << forGroups(QStringLiteral("GRANT INSERT, UPDATE (college_id, class_id, name, id_number, phone, state, liveness_failures, "
                                  "other_failures, extra_attempts, lock_kind, locked_until, return_reasons, updated_at, row_version) "
                                  "ON students TO %1, %2"))
      << forGroups(QStringLiteral("GRANT UPDATE (state, return_reasons, updated_at, row_version) ON students TO %3"))
      // A photo's student, place, bytes, kind and times are frozen (and checked by a trigger below).
      << forGroups(QStringLiteral("GRANT UPDATE (status, decision, reasons, reason_note, reviewer_id, decided_at, row_version, "
                                  "check_report, check_passed, engine_version, profile_version, checked_at) ON photos TO %1, %2, %3"))
      << forGroups(QStringLiteral("GRANT INSERT, DELETE ON photo_violations TO %1, %2, %3"))
      << forGroups(QStringLiteral("GRANT INSERT, UPDATE (college_id, title, body_html, window_start, window_end, daily_hours, closure_days, "
                                  "fee_cents, contacts, state, publish_at, published_at, updated_at, row_version), DELETE ON notices TO %1, %2"))
      << forGroups(QStringLiteral("GRANT INSERT ON notice_versions TO %1, %2"))
      << forGroups(QStringLiteral("GRANT INSERT, DELETE ON notice_attachments TO %1, %2"))
      << forGroups(QStringLiteral("GRANT INSERT ON code_batches, collection_codes TO %1, %2"))
      << forGroups(QStringLiteral("GRANT UPDATE (revoked_at, revoked_reason) ON collection_codes TO %1, %2"))
      << forGroups(QStringLiteral("GRANT INSERT, UPDATE (value, updated_by, updated_at) ON settings TO %1"))
      << forGroups(QStringLiteral("GRANT INSERT, UPDATE (display_name, role, college_id, password_hash, failed_logins, locked_until, active, "
                                  "row_version) ON staff TO %1"))
      << forGroups(QStringLiteral("GRANT INSERT, DELETE ON staff_scopes TO %1"))
      // The notification sender in a school administrator's app (and the outbox page's retry).
      << forGroups(QStringLiteral("GRANT UPDATE (status, attempts, next_attempt_at, last_error, delivered_at) ON notification_outbox TO %1"))
      // Audit entries: read (as the policies allow), never written directly (schema step 3
      // appends them server-side); until then the step-1 client path keeps working.
      << forGroups(QStringLiteral("GRANT INSERT ON audit_log, notification_outbox TO %1, %2, %3"))
      << forGroups(QStringLiteral("GRANT UPDATE (hash) ON audit_log TO %1, %2, %3"))
      << forGroups(QStringLiteral("GRANT UPDATE ON audit_chain_head TO %1, %2, %3"))
      << forGroups(QStringLiteral("GRANT UPDATE (status) ON notification_outbox TO %1, %2, %3"));

    // Row-level security, now also bound to the staff member's school.
    const QString mySchool = QStringLiteral("(SELECT tucai_staff_school())");
    const QString isSchoolAdmin = QStringLiteral("(SELECT tucai_staff_role()) = 'school_admin'");
    const QString seeRow = QStringLiteral("(class_id = ANY ((SELECT tucai_visible_classes())::BIGINT[]) "
                                          "AND college_id = ANY ((SELECT tucai_visible_colleges())::BIGINT[]))");
    const QString seeCollege = QStringLiteral("(school_id = %1 AND CASE WHEN college_id IS NULL THEN %2 "
                                              "ELSE college_id = ANY ((SELECT tucai_visible_colleges())::BIGINT[]) END)")
                                   .arg(mySchool, isSchoolAdmin);
    const QString manage = QStringLiteral("(school_id = %1 AND CASE WHEN college_id IS NULL THEN %2 "
                                          "ELSE college_id = ANY ((SELECT tucai_managed_colleges())::BIGINT[]) END)")
                               .arg(mySchool, isSchoolAdmin);
    const auto policy = [&s](const QString &name, const QString &table, const QString &rest) {
        s << QStringLiteral("DROP POLICY IF EXISTS %1 ON %2").arg(name, table)
          << QStringLiteral("CREATE POLICY %1 ON %2 %3").arg(name, table, rest);
    };
    policy(QStringLiteral("students_see"), QStringLiteral("students"), QStringLiteral("FOR SELECT USING (school_id = %1 AND %2)").arg(mySchool, seeRow));
    policy(QStringLiteral("students_add"), QStringLiteral("students"), QStringLiteral("FOR INSERT WITH CHECK (%1)").arg(manage));
    policy(QStringLiteral("students_manage"), QStringLiteral("students"), QStringLiteral("FOR UPDATE USING (%1) WITH CHECK (%1)").arg(manage));
    for (const char *t : {"code_batches", "collection_codes"}) {
        const QString table = QLatin1String(t);
        policy(table + QStringLiteral("_see"), table, QStringLiteral("FOR SELECT USING (%1)").arg(seeCollege));
        policy(table + QStringLiteral("_add"), table, QStringLiteral("FOR INSERT WITH CHECK (%1)").arg(manage));
        policy(table + QStringLiteral("_change"), table, QStringLiteral("FOR UPDATE USING (%1) WITH CHECK (%1)").arg(manage));
        policy(table + QStringLiteral("_remove"), table, QStringLiteral("FOR DELETE USING (%1)").arg(manage));
    }
    policy(QStringLiteral("notices_see"), QStringLiteral("notices"),
           QStringLiteral("FOR SELECT USING (school_id = %1 AND (college_id IS NULL OR %2))").arg(mySchool, seeCollege));
    policy(QStringLiteral("notices_add"), QStringLiteral("notices"), QStringLiteral("FOR INSERT WITH CHECK (%1)").arg(manage));
    policy(QStringLiteral("notices_change"), QStringLiteral("notices"), QStringLiteral("FOR UPDATE USING (%1) WITH CHECK (%1)").arg(manage));
    policy(QStringLiteral("notices_remove"), QStringLiteral("notices"), QStringLiteral("FOR DELETE USING (%1)").arg(manage));
    // A notice's versions and attachments follow the notice (its policies apply in the sub-select).
    const QString manageNotice = QStringLiteral("EXISTS (SELECT 1 FROM notices n WHERE n.id = %1.notice_id AND n.school_id = %2 "
                                                "AND CASE WHEN n.college_id IS NULL THEN %3 "
                                                "ELSE n.college_id = ANY ((SELECT tucai_managed_colleges())::BIGINT[]) END)");
    for (const char *t : {"notice_versions", "notice_attachments"}) {
        const QString table = QLatin1String(t);
        const QString mine = manageNotice.arg(table, mySchool, isSchoolAdmin);
        s << QStringLiteral("ALTER TABLE %1 ENABLE ROW LEVEL SECURITY").arg(table);
        policy(table + QStringLiteral("_see"), table,
               QStringLiteral("FOR SELECT USING (EXISTS (SELECT 1 FROM notices n WHERE n.id = %1.notice_id))").arg(table));
        policy(table + QStringLiteral("_add"), table, QStringLiteral("FOR INSERT WITH CHECK (%1)").arg(mine));
        policy(table + QStringLiteral("_remove"), table, QStringLiteral("FOR DELETE USING (%1)").arg(mine));
    }
    policy(QStringLiteral("staff_see"), QStringLiteral("staff"),
           QStringLiteral("FOR SELECT USING (db_role = session_user::text OR (%1 AND school_id = %2))").arg(isSchoolAdmin, mySchool));
    policy(QStringLiteral("staff_manage"), QStringLiteral("staff"),
           QStringLiteral("FOR ALL USING (%1 AND school_id = %2) WITH CHECK (%1 AND school_id = %2)").arg(isSchoolAdmin, mySchool));
    const QString ownSchoolStaff = QStringLiteral("EXISTS (SELECT 1 FROM staff st WHERE st.id = staff_scopes.staff_id AND st.school_id = %1)").arg(mySchool);
    policy(QStringLiteral("scopes_see"), QStringLiteral("staff_scopes"),
           QStringLiteral("FOR SELECT USING (staff_id = (SELECT tucai_staff_id()) OR (%1 AND %2))").arg(isSchoolAdmin, ownSchoolStaff));
    policy(QStringLiteral("scopes_manage"), QStringLiteral("staff_scopes"),
           QStringLiteral("FOR ALL USING (%1 AND %2) WITH CHECK (%1 AND %2 AND college_id = ANY ((SELECT tucai_managed_colleges())::BIGINT[]))")
               .arg(isSchoolAdmin, ownSchoolStaff));
    s << QStringLiteral("ALTER TABLE settings ENABLE ROW LEVEL SECURITY");
    policy(QStringLiteral("settings_see"), QStringLiteral("settings"), QStringLiteral("FOR SELECT USING (school_id = %1)").arg(mySchool));
    policy(QStringLiteral("settings_change"), QStringLiteral("settings"),
           QStringLiteral("FOR ALL USING (%1 AND school_id = %2) WITH CHECK (%1 AND school_id = %2)").arg(isSchoolAdmin, mySchool));
    const QString ofVisibleStudent = QStringLiteral("(student_id IS NULL OR EXISTS (SELECT 1 FROM students st "
                                                    "WHERE st.id = notification_outbox.student_id))");
    policy(QStringLiteral("outbox_deliver"), QStringLiteral("notification_outbox"),
           QStringLiteral("FOR UPDATE USING (%1 AND %2) WITH CHECK (%1 AND %2)").arg(isSchoolAdmin, ofVisibleStudent));
    // Everyone reads their own entries; administrators those of the colleges they manage; a
    // school administrator also the school-wide ones of their school's staff (and the owner's).
    policy(QStringLiteral("audit_see"), QStringLiteral("audit_log"),
           QStringLiteral("FOR SELECT USING (staff_id = (SELECT tucai_staff_id()) "
                          "OR (college_id IS NOT NULL AND college_id = ANY ((SELECT tucai_managed_colleges())::BIGINT[])) "
                          "OR (%1 AND college_id IS NULL AND (staff_id IS NULL OR EXISTS (SELECT 1 FROM staff st WHERE st.id = audit_log.staff_id))))")
               .arg(isSchoolAdmin));

    // A student's class belongs to the student's college, and a photo sits where its student
    // does (and follows the student when a roster import moves them). NOT VALID: rows of an
    // older database are not re-checked (that could stop the upgrade), every change is.
    s << QStringLiteral("ALTER TABLE classes ADD CONSTRAINT classes_id_college UNIQUE (id, college_id)")
      << QStringLiteral("ALTER TABLE students ADD CONSTRAINT students_class_in_college FOREIGN KEY (class_id, college_id) "
                        "REFERENCES classes (id, college_id) NOT VALID")
      << QStringLiteral("ALTER TABLE students ADD CONSTRAINT students_id_place UNIQUE (id, college_id, class_id)")
      << QStringLiteral("ALTER TABLE photos ADD CONSTRAINT photos_where_student FOREIGN KEY (student_id, college_id, class_id) "
                        "REFERENCES students (id, college_id, class_id) ON UPDATE CASCADE NOT VALID");
    return s;
}

} // namespace tucai::db
