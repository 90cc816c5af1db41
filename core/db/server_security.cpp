#include "db/server_security.h"

#include "db/database.h"
#include "db/dialect.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QPasswordDigestor>
#include <QSqlError>
#include <QSqlQuery>

#include <sodium.h>

namespace tucai::db {
namespace {

QString groupsList() { return QStringLiteral("tucai_school_admin, tucai_college_admin, tucai_reviewer"); }

QString createGroup(const char *name)
{
    // Roles are cluster-wide: another database (or a parallel test) may have made it already.
    return QStringLiteral("DO $$ BEGIN CREATE ROLE %1 NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$")
        .arg(QLatin1String(name));
}

} // namespace

QStringList serverSecurityStatements()
{
    QStringList s;
    s << createGroup("tucai_school_admin") << createGroup("tucai_college_admin") << createGroup("tucai_reviewer");
    s << QStringLiteral("CREATE UNIQUE INDEX staff_db_role ON staff (db_role) WHERE db_role <> ''")
      << QStringLiteral("CREATE INDEX photos_sha ON photos (sha256)");

    // Helpers: who is signed in (by database user) and what may they see/manage.
    // SECURITY DEFINER so that they read staff/staff_scopes past those tables' own policies.
    const QString fn = QStringLiteral(" LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$ %1 $$");
    s << QStringLiteral("CREATE OR REPLACE FUNCTION tucai_staff_id() RETURNS BIGINT")
             + fn.arg(QStringLiteral("SELECT id FROM staff WHERE db_role = session_user::text AND active = 1"))
      << QStringLiteral("CREATE OR REPLACE FUNCTION tucai_staff_role() RETURNS TEXT")
             + fn.arg(QStringLiteral("SELECT role FROM staff WHERE db_role = session_user::text AND active = 1"));

    // The colleges and classes the signed-in staff member may see / manage, as arrays.
    const QString &arr = fn;
    s << QStringLiteral("CREATE OR REPLACE FUNCTION tucai_visible_colleges() RETURNS BIGINT[]")
             + arr.arg(QStringLiteral(
                 "SELECT COALESCE(array_agg(c.id), '{}') FROM colleges c JOIN staff s ON s.db_role = session_user::text AND s.active = 1 "
                 "WHERE (s.role = 'school_admin' AND c.school_id = s.school_id) "
                 "OR (s.role = 'college_admin' AND c.id = s.college_id) "
                 "OR (s.role = 'reviewer' AND EXISTS (SELECT 1 FROM staff_scopes sc WHERE sc.staff_id = s.id AND sc.college_id = c.id))"))
      << QStringLiteral("CREATE OR REPLACE FUNCTION tucai_visible_classes() RETURNS BIGINT[]")
             + arr.arg(QStringLiteral(
                 "SELECT COALESCE(array_agg(k.id), '{}') FROM classes k JOIN colleges c ON c.id = k.college_id "
                 "JOIN staff s ON s.db_role = session_user::text AND s.active = 1 "
                 "WHERE (s.role = 'school_admin' AND c.school_id = s.school_id) "
                 "OR (s.role = 'college_admin' AND k.college_id = s.college_id) "
                 "OR (s.role = 'reviewer' AND EXISTS (SELECT 1 FROM staff_scopes sc WHERE sc.staff_id = s.id "
                 "    AND sc.college_id = k.college_id AND (sc.class_id IS NULL OR sc.class_id = k.id)))"))
      << QStringLiteral("CREATE OR REPLACE FUNCTION tucai_managed_colleges() RETURNS BIGINT[]")
             + arr.arg(QStringLiteral(
                 "SELECT COALESCE(array_agg(c.id), '{}') FROM colleges c JOIN staff s ON s.db_role = session_user::text AND s.active = 1 "
                 "WHERE (s.role = 'school_admin' AND c.school_id = s.school_id) OR (s.role = 'college_admin' AND c.id = s.college_id)"));

    // Login role per staff member. The role name is always derived from the
    // database and the staff id, never taken from the table, so that nobody can
    // point it at another role (e.g. the owner).
    s << QStringLiteral(R"(CREATE OR REPLACE FUNCTION tucai_sync_staff_role(p_staff BIGINT, p_password TEXT) RETURNS TEXT
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  r staff%ROWTYPE;
  rname TEXT;
  g TEXT;
BEGIN
  SELECT * INTO r FROM staff WHERE id = p_staff;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'staff % does not exist', p_staff USING ERRCODE = 'no_data_found';
  END IF;
  rname := left('tucai_' || trim(both '_' from regexp_replace(lower(current_database()), '[^a-z0-9]+', '_', 'g')), 40)
           || '_staff_' || p_staff;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = rname) THEN
    EXECUTE format('CREATE ROLE %I LOGIN', rname);
  END IF;
  IF p_password IS NOT NULL AND p_password <> '' THEN
    EXECUTE format('ALTER ROLE %I PASSWORD %L', rname, p_password);
  END IF;
  FOREACH g IN ARRAY ARRAY['tucai_school_admin', 'tucai_college_admin', 'tucai_reviewer'] LOOP
    IF g = 'tucai_' || r.role THEN
      EXECUTE format('GRANT %I TO %I', g, rname);
    ELSIF EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles a ON a.oid = m.roleid JOIN pg_roles b ON b.oid = m.member
                  WHERE a.rolname = g AND b.rolname = rname) THEN
      EXECUTE format('REVOKE %I FROM %I', g, rname);
    END IF;
  END LOOP;
  EXECUTE format('ALTER ROLE %I %s', rname, CASE WHEN r.active = 1 THEN 'LOGIN' ELSE 'NOLOGIN' END);
  UPDATE staff SET db_role = rname WHERE id = p_staff AND db_role <> rname;
  RETURN rname;
END $$)");
    s << QStringLiteral("REVOKE ALL ON FUNCTION tucai_sync_staff_role(BIGINT, TEXT) FROM PUBLIC")
      << QStringLiteral("GRANT EXECUTE ON FUNCTION tucai_sync_staff_role(BIGINT, TEXT) TO tucai_school_admin");

    // Table privileges: read everything the policies let through; write only
    // what the role's work needs. Reviewers may move a student between review
    // states but not touch lock columns (no unlocks).
    const QString all = groupsList();
    s << QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA public TO %1").arg(all)
      << QStringLiteral("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO %1").arg(all)
      // Tables of later schema steps (made by the same owner) are readable too;
      // their writes and policies must be granted by that step.
      << QStringLiteral("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO %1").arg(all)
      << QStringLiteral("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON SEQUENCES TO %1").arg(all)
      << QStringLiteral("GRANT INSERT, UPDATE ON students TO tucai_school_admin, tucai_college_admin")
      << QStringLiteral("GRANT UPDATE (state, return_reasons, updated_at, row_version) ON students TO tucai_reviewer")
      << QStringLiteral("GRANT UPDATE ON photos TO %1").arg(all)
      << QStringLiteral("GRANT INSERT, UPDATE, DELETE ON photo_violations TO %1").arg(all)
      << QStringLiteral("GRANT INSERT ON audit_log, notification_outbox TO %1").arg(all)
      // Notification delivery from an administrator's app and the outbox page's "retry".
      << QStringLiteral("GRANT UPDATE (status, attempts, next_attempt_at, last_error, delivered_at) ON notification_outbox "
                        "TO tucai_school_admin")
      // Undoing a decision withdraws its notification while it is still pending (policy below).
      << QStringLiteral("GRANT UPDATE (status) ON notification_outbox TO %1").arg(all)
      << QStringLiteral("GRANT UPDATE (hash) ON audit_log TO %1").arg(all)
      << QStringLiteral("GRANT UPDATE ON audit_chain_head TO %1").arg(all)
      << QStringLiteral("GRANT INSERT, UPDATE, DELETE ON notices, notice_versions, notice_attachments, code_batches, collection_codes "
                        "TO tucai_school_admin, tucai_college_admin")
      << QStringLiteral("GRANT INSERT, UPDATE ON settings TO tucai_school_admin")
      << QStringLiteral("GRANT INSERT, UPDATE ON staff TO tucai_school_admin")
      << QStringLiteral("GRANT INSERT, DELETE ON staff_scopes TO tucai_school_admin")
      // The code key: administrators who generate codes need it (the student side verifies with
      // it too); reviewers only look at codes and get nothing.
      << QStringLiteral("DO $$ BEGIN IF to_regclass('code_keys') IS NOT NULL THEN "
                        "REVOKE ALL ON code_keys FROM %1; "
                        "GRANT SELECT, INSERT ON code_keys TO tucai_school_admin, tucai_college_admin; END IF; END $$").arg(all);

    // Row-level security. The helpers are wrapped in sub-selects so that the
    // server evaluates them once per statement (an InitPlan), not once per row.
    const QString seeRow = QStringLiteral("(class_id = ANY ((SELECT tucai_visible_classes())::BIGINT[]) "
                                          "AND college_id = ANY ((SELECT tucai_visible_colleges())::BIGINT[]))");
    const QString seeCollege = QStringLiteral("(CASE WHEN college_id IS NULL THEN (SELECT tucai_staff_role()) = 'school_admin' "
                                              "ELSE college_id = ANY ((SELECT tucai_visible_colleges())::BIGINT[]) END)");
    const QString manage = QStringLiteral("(CASE WHEN college_id IS NULL THEN (SELECT tucai_staff_role()) = 'school_admin' "
                                          "ELSE college_id = ANY ((SELECT tucai_managed_colleges())::BIGINT[]) END)");
    const auto enable = [&](const char *table) {
        s << QStringLiteral("ALTER TABLE %1 ENABLE ROW LEVEL SECURITY").arg(QLatin1String(table));
    };
    enable("students");
    s << QStringLiteral("CREATE POLICY students_see ON students FOR SELECT USING (") + seeRow + QStringLiteral(")")
      << QStringLiteral("CREATE POLICY students_add ON students FOR INSERT WITH CHECK (") + manage + QStringLiteral(")")
      << QStringLiteral("CREATE POLICY students_manage ON students FOR UPDATE USING (") + manage + QStringLiteral(") "
                        "WITH CHECK (") + manage + QStringLiteral(")")
      << QStringLiteral("CREATE POLICY students_review ON students FOR UPDATE USING ((SELECT tucai_staff_role()) = 'reviewer' "
                        "AND ") + seeRow + QStringLiteral(" AND state IN ('awaiting_review', 'approved', 'returned')) "
                        "WITH CHECK (") + seeRow + QStringLiteral(" AND state IN ('awaiting_review', 'approved', 'returned'))");
    enable("photos");
    s << QStringLiteral("CREATE POLICY photos_see ON photos FOR SELECT USING (") + seeRow + QStringLiteral(")")
      << QStringLiteral("CREATE POLICY photos_change ON photos FOR UPDATE USING (") + seeRow + QStringLiteral(") "
                        "WITH CHECK (") + seeRow + QStringLiteral(")");
    enable("photo_blobs");
    s << QStringLiteral("CREATE POLICY blobs_see ON photo_blobs FOR SELECT USING "
                        "(EXISTS (SELECT 1 FROM photos p WHERE p.sha256 = photo_blobs.sha256))");
    enable("photo_violations");
    s << QStringLiteral("CREATE POLICY violations_all ON photo_violations FOR ALL USING "
                        "(EXISTS (SELECT 1 FROM photos p WHERE p.id = photo_violations.photo_id)) "
                        "WITH CHECK (EXISTS (SELECT 1 FROM photos p WHERE p.id = photo_violations.photo_id))");
    // Policies on students apply inside the sub-select: attempts follow their student.
    enable("capture_attempts");
    s << QStringLiteral("CREATE POLICY attempts_see ON capture_attempts FOR SELECT USING "
                        "(EXISTS (SELECT 1 FROM students st WHERE st.id = capture_attempts.student_id))");
    // School-wide codes and batches (college_id NULL) belong to the school administrators.
    for (const char *t : {"code_batches", "collection_codes"}) {
        const QString table = QLatin1String(t);
        enable(t);
        s << QStringLiteral("CREATE POLICY %1_see ON %1 FOR SELECT USING (%2)").arg(table, seeCollege)
          << QStringLiteral("CREATE POLICY %1_add ON %1 FOR INSERT WITH CHECK (%2)").arg(table, manage)
          << QStringLiteral("CREATE POLICY %1_change ON %1 FOR UPDATE USING (%2) WITH CHECK (%2)").arg(table, manage)
          << QStringLiteral("CREATE POLICY %1_remove ON %1 FOR DELETE USING (%2)").arg(table, manage);
    }
    // School-wide notices are read by every staff member; college notices by those who see the college.
    enable("notices");
    s << QStringLiteral("CREATE POLICY notices_see ON notices FOR SELECT USING "
                        "((SELECT tucai_staff_id()) IS NOT NULL AND (college_id IS NULL OR ") + seeCollege + QStringLiteral("))")
      << QStringLiteral("CREATE POLICY notices_add ON notices FOR INSERT WITH CHECK (") + manage + QStringLiteral(")")
      << QStringLiteral("CREATE POLICY notices_change ON notices FOR UPDATE USING (") + manage + QStringLiteral(") "
                        "WITH CHECK (") + manage + QStringLiteral(")")
      << QStringLiteral("CREATE POLICY notices_remove ON notices FOR DELETE USING (") + manage + QStringLiteral(")");
    enable("staff");
    s << QStringLiteral("CREATE POLICY staff_see ON staff FOR SELECT USING "
                        "(db_role = session_user::text OR (SELECT tucai_staff_role()) = 'school_admin')")
      << QStringLiteral("CREATE POLICY staff_manage ON staff FOR ALL USING ((SELECT tucai_staff_role()) = 'school_admin') "
                        "WITH CHECK ((SELECT tucai_staff_role()) = 'school_admin')");
    enable("staff_scopes");
    s << QStringLiteral("CREATE POLICY scopes_see ON staff_scopes FOR SELECT USING "
                        "(staff_id = (SELECT tucai_staff_id()) OR (SELECT tucai_staff_role()) = 'school_admin')")
      << QStringLiteral("CREATE POLICY scopes_manage ON staff_scopes FOR ALL USING ((SELECT tucai_staff_role()) = 'school_admin') "
                        "WITH CHECK ((SELECT tucai_staff_role()) = 'school_admin')");
    // Notifications follow their student (school-wide ones, without a student, are read by all).
    // Everyone may queue one; school administrators deliver them; anyone who sees the student
    // may withdraw a pending one (undo of a decision) and do nothing else to it.
    enable("notification_outbox");
    const QString ofVisibleStudent = QStringLiteral("(student_id IS NULL OR EXISTS (SELECT 1 FROM students st "
                                                    "WHERE st.id = notification_outbox.student_id))");
    s << QStringLiteral("CREATE POLICY outbox_see ON notification_outbox FOR SELECT USING (") + ofVisibleStudent + QStringLiteral(")")
      << QStringLiteral("CREATE POLICY outbox_add ON notification_outbox FOR INSERT WITH CHECK (status = 'pending' AND ")
             + ofVisibleStudent + QStringLiteral(")")
      << QStringLiteral("CREATE POLICY outbox_deliver ON notification_outbox FOR UPDATE USING ((SELECT tucai_staff_role()) = 'school_admin') "
                        "WITH CHECK ((SELECT tucai_staff_role()) = 'school_admin')")
      << QStringLiteral("CREATE POLICY outbox_withdraw ON notification_outbox FOR UPDATE USING (status = 'pending' AND ")
             + ofVisibleStudent + QStringLiteral(") WITH CHECK (status = 'withdrawn')");
    // Audit: everyone appends under their own name and may only fill in the
    // hash of their own fresh entry; nobody but the owner edits history.
    enable("audit_log");
    s << QStringLiteral("CREATE POLICY audit_see ON audit_log FOR SELECT USING ((SELECT tucai_staff_role()) = 'school_admin' "
                        "OR staff_id = (SELECT tucai_staff_id()) OR (college_id IS NOT NULL AND ") + manage + QStringLiteral("))")
      << QStringLiteral("CREATE POLICY audit_add ON audit_log FOR INSERT WITH CHECK (staff_id = (SELECT tucai_staff_id()))")
      << QStringLiteral("CREATE POLICY audit_seal ON audit_log FOR UPDATE USING (staff_id = (SELECT tucai_staff_id()) AND hash = '') "
                        "WITH CHECK (staff_id = (SELECT tucai_staff_id()))");
    return s;
}

QString scramVerifier(const QString &password, const QByteArray &saltIn, int iterations)
{
    // RFC 5802/7677 as PostgreSQL stores it: SCRAM-SHA-256$<iter>:<salt>$<StoredKey>:<ServerKey>.
    // The server SASLpreps the password; NFKC is the part of SASLprep that changes
    // printable text (both sides then hash the same UTF-8 bytes).
    QByteArray salt = saltIn;
    if (salt.isEmpty()) {
        if (sodium_init() < 0)
            qFatal("libsodium cannot be initialised");
        salt.resize(16);
        randombytes_buf(salt.data(), size_t(salt.size()));
    }
    const QByteArray salted = QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, password.normalized(QString::NormalizationForm_KC).toUtf8(),
                                                                 salt, iterations, 32);
    const QByteArray clientKey = QMessageAuthenticationCode::hash(QByteArrayLiteral("Client Key"), salted, QCryptographicHash::Sha256);
    const QByteArray storedKey = QCryptographicHash::hash(clientKey, QCryptographicHash::Sha256);
    const QByteArray serverKey = QMessageAuthenticationCode::hash(QByteArrayLiteral("Server Key"), salted, QCryptographicHash::Sha256);
    return QStringLiteral("SCRAM-SHA-256$%1:%2$%3:%4")
        .arg(iterations)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(storedKey.toBase64()), QString::fromLatin1(serverKey.toBase64()));
}

bool ServerSecurity::available() const { return m_db.dialect().hasDatabaseRoles(); }

QString ServerSecurity::syncStaffRole(qint64 staffId, const QString &password)
{
    if (!available())
        return {};
    return Query(m_db, QStringLiteral("SELECT tucai_sync_staff_role(:id, :pw)"))
        .bind(QStringLiteral(":id"), staffId)
        .bind(QStringLiteral(":pw"), password.isEmpty() ? QVariant() : QVariant(scramVerifier(password)))
        .scalar()
        .toString();
}

std::optional<qint64> ServerSecurity::staffIdForCurrentUser() const
{
    if (!available())
        return std::nullopt;
    Query q(m_db, QStringLiteral("SELECT id FROM staff WHERE db_role = CAST(session_user AS TEXT) AND active = 1"));
    q.exec();
    if (!q.next())
        return std::nullopt;
    return q.toLongLong(0);
}

QString ServerSecurity::currentUser() const
{
    if (!available())
        return {};
    return Query(m_db, QStringLiteral("SELECT CAST(session_user AS TEXT)")).scalar().toString();
}

void ServerSecurity::setOwnPassword(const QString &password)
{
    if (!available())
        return;
    // The server quotes the name and the verifier (format %I/%L); ALTER ROLE
    // cannot take bound parameters, so the quoted text is run as it is. It holds
    // the SCRAM verifier only, never the password.
    const QString sql = Query(m_db, QStringLiteral("SELECT format('ALTER ROLE %I PASSWORD %L', session_user, CAST(:pw AS TEXT))"))
                            .bind(QStringLiteral(":pw"), scramVerifier(password))
                            .scalar()
                            .toString();
    QSqlQuery q(m_db.connection());
    if (!q.exec(sql))
        throw m_db.errorFrom(q.lastError(), QStringLiteral("ALTER ROLE"));
}

} // namespace tucai::db
