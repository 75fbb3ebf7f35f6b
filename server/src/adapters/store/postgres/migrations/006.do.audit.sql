-- The audit trail (issue 13): every read of a patient's medical data by someone else and every
-- change of a status. Append-only: no foreign keys, so an entry outlives a deleted account, and a
-- trigger refuses UPDATE and DELETE whoever asks.
CREATE TABLE audit (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  at timestamptz NOT NULL,
  actor_id text NOT NULL,
  actor_role text NOT NULL,
  action text NOT NULL,
  subject_type text NOT NULL,
  subject_id text NOT NULL,
  patient_id text NOT NULL,
  status text,
  address text
);
CREATE INDEX audit_by_patient ON audit (patient_id, at DESC, seq DESC);

CREATE FUNCTION audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only';
END;
$$;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_is_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_is_append_only();
