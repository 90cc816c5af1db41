// Schema step 4 on PostgreSQL: what some staff must not read at all. Reviewers see ID
// numbers and phones only masked; no staff login reads the code key (the server hashes).
#include "db/server_security.h"

namespace tucai::db {

QStringList serverSecretStatements()
{
    QStringList s;
    // The masked copies a reviewer reads instead (the same masking as maskIdNumber()).
    s << QStringLiteral("ALTER TABLE students ADD COLUMN id_number_masked TEXT GENERATED ALWAYS AS (CASE WHEN length(id_number) > 8 "
                        "THEN left(id_number, 4) || repeat('*', length(id_number) - 8) || right(id_number, 4) "
                        "ELSE repeat('*', length(id_number)) END) STORED")
      << QStringLiteral("ALTER TABLE students ADD COLUMN phone_masked TEXT GENERATED ALWAYS AS (CASE WHEN length(phone) >= 7 "
                        "THEN left(phone, 3) || '****' || right(phone, 4) ELSE repeat('*', length(phone)) END) STORED")
      // Column by column: a column added later is not readable until granted.
      << QStringLiteral(R"(DO $$ BEGIN
  EXECUTE format('REVOKE SELECT ON students FROM %I', tucai_group('reviewer'));
  EXECUTE format('GRANT SELECT (id, school_id, college_id, class_id, student_no, name, paid, state, liveness_failures, other_failures, '
                 'submissions, extra_attempts, lock_kind, locked_until, notify_opt_in, return_reasons, created_at, updated_at, '
                 'row_version, id_number_masked, phone_masked) ON students TO %I', tucai_group('reviewer'));
END $$)");

    // The code key: read by the owner only. HMAC-SHA256 with the server's built-in sha256()
    // (no extension needed); the key pads are computed once per call for a whole batch.
    s << QStringLiteral(R"(DO $$ BEGIN
  EXECUTE format('REVOKE ALL ON code_keys FROM %I, %I, %I', tucai_group('school_admin'), tucai_group('college_admin'),
                 tucai_group('reviewer'));
END $$)")
      << QStringLiteral(R"(CREATE FUNCTION tucai_code_hashes(p_school BIGINT, p_data TEXT[], p_create BOOLEAN) RETURNS TEXT[]
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  k BYTEA;
  ipad BYTEA := '\x'::BYTEA;
  opad BYTEA := '\x'::BYTEA;
  i INTEGER;
BEGIN
  IF tucai_restricted() AND p_school IS DISTINCT FROM tucai_staff_school() THEN
    IF p_create THEN
      RAISE EXCEPTION 'codes of school % are not yours to issue', p_school USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
  END IF;
  IF p_create AND tucai_restricted() AND tucai_staff_role() NOT IN ('school_admin', 'college_admin') THEN
    RAISE EXCEPTION 'only administrators issue codes' USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT decode(key_hex, 'hex') INTO k FROM code_keys WHERE school_id = p_school;
  IF k IS NULL AND p_create THEN
    -- 32 bytes from the server's strong random source (gen_random_uuid), mixed by sha256.
    INSERT INTO code_keys (school_id, key_hex, created_at)
    VALUES (p_school, encode(sha256(convert_to(gen_random_uuid()::TEXT || gen_random_uuid()::TEXT || gen_random_uuid()::TEXT, 'UTF8')), 'hex'),
            tucai_now_ms())
    ON CONFLICT (school_id) DO NOTHING;
    SELECT decode(key_hex, 'hex') INTO k FROM code_keys WHERE school_id = p_school;
  END IF;
  IF k IS NULL THEN
    RETURN NULL;
  END IF;
  IF length(k) > 64 THEN
    k := sha256(k);
  END IF;
  k := k || decode(repeat('00', 64 - length(k)), 'hex');
  FOR i IN 0..63 LOOP
    ipad := ipad || set_byte('\x00'::BYTEA, 0, get_byte(k, i) # 54);
    opad := opad || set_byte('\x00'::BYTEA, 0, get_byte(k, i) # 92);
  END LOOP;
  RETURN ARRAY(SELECT encode(sha256(opad || sha256(ipad || convert_to('tucai-code-v2:' || d, 'UTF8'))), 'hex')
               FROM unnest(p_data) WITH ORDINALITY AS u(d, n) ORDER BY n);
END $$)")
      << QStringLiteral(R"(DO $$ BEGIN
  EXECUTE format('GRANT EXECUTE ON FUNCTION tucai_code_hashes(BIGINT, TEXT[], BOOLEAN) TO %I, %I, %I', tucai_group('school_admin'),
                 tucai_group('college_admin'), tucai_group('reviewer'));
END $$)");
    return s;
}

} // namespace tucai::db
