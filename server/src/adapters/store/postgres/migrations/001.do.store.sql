-- The store of Oblako Zdorovya. The database is the last guard of the program's rules: a unique
-- phone, one live consultation per duty slot, no two scheduled consultations of one doctor at
-- once, no two duty slots of one doctor at once, one waiting application per patient and center.
-- `seq` orders records written in the same millisecond and anchors page cursors.

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE users (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  role text NOT NULL CHECK (role IN ('patient', 'doctor', 'manager')),
  full_name text NOT NULL,
  phone text NOT NULL,
  email text,
  birth_date text CHECK (birth_date ~ '^\d{4}-\d{2}-\d{2}$'),
  center_id text,
  is_duty_doctor boolean NOT NULL,
  must_change_password boolean NOT NULL,
  password_hash text NOT NULL,
  otp_expires_at timestamptz,
  consent_at timestamptz,
  consent_version text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT users_phone_unique UNIQUE (phone)
);

CREATE TABLE tokens (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  user_id text NOT NULL REFERENCES users (id),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX tokens_live_by_user ON tokens (user_id) WHERE revoked_at IS NULL;
CREATE INDEX tokens_by_expiry ON tokens (expires_at);

CREATE TABLE documents (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  owner_id text NOT NULL REFERENCES users (id),
  kind text NOT NULL,
  file_name text NOT NULL,
  media_type text NOT NULL,
  size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
  storage_key text NOT NULL UNIQUE,
  uploaded_at timestamptz NOT NULL
);
CREATE INDEX documents_by_owner ON documents (owner_id, uploaded_at DESC, seq DESC);

CREATE TABLE applications (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  patient_id text NOT NULL REFERENCES users (id),
  center_id text NOT NULL,
  disease text NOT NULL,
  diagnosis text NOT NULL,
  complaints text NOT NULL,
  document_ids jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL CHECK (status IN ('submitted', 'scheduled', 'declined', 'cancelled')),
  source text NOT NULL CHECK (source IN ('own', 'referral')),
  referral jsonb,
  decline_reason text,
  consultation_id text,
  reviewed_by text REFERENCES users (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX applications_one_waiting ON applications (patient_id, center_id) WHERE status = 'submitted';
CREATE INDEX applications_by_patient ON applications (patient_id, created_at DESC, seq DESC);
CREATE INDEX applications_queue ON applications (center_id, created_at, seq);
CREATE INDEX applications_queue_by_status ON applications (center_id, status, created_at, seq);

CREATE TABLE consultations (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  kind text NOT NULL CHECK (kind IN ('application', 'duty', 'referral')),
  status text NOT NULL CHECK (status IN ('scheduled', 'in_progress', 'completed', 'cancelled')),
  center_id text NOT NULL,
  patient_id text NOT NULL REFERENCES users (id),
  doctor_id text NOT NULL REFERENCES users (id),
  application_id text REFERENCES applications (id),
  slot_id text,
  topic text,
  channel text NOT NULL DEFAULT 'video',
  starts_at timestamptz NOT NULL,
  duration_minutes integer NOT NULL CHECK (duration_minutes > 0),
  -- Written with starts_at: timestamptz + interval is not immutable, so it cannot be generated.
  ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
  cancelled_by text CHECK (cancelled_by IN ('patient', 'doctor')),
  cancel_reason text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT consultations_doctor_time EXCLUDE USING gist (doctor_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (status = 'scheduled')
);
CREATE UNIQUE INDEX consultations_one_per_slot ON consultations (slot_id) WHERE slot_id IS NOT NULL AND status <> 'cancelled';
CREATE INDEX consultations_by_patient ON consultations (patient_id, starts_at, seq);
CREATE INDEX consultations_by_doctor ON consultations (doctor_id, starts_at, seq);

CREATE TABLE conclusions (
  consultation_id text PRIMARY KEY REFERENCES consultations (id),
  seq bigserial NOT NULL,
  doctor_id text NOT NULL REFERENCES users (id),
  text text NOT NULL,
  recommendations text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('conclusion', 'in_person')),
  created_at timestamptz NOT NULL
);

CREATE TABLE notifications (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  user_id text NOT NULL REFERENCES users (id),
  kind text NOT NULL,
  text text NOT NULL,
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  read_at timestamptz
);
CREATE INDEX notifications_by_user ON notifications (user_id, created_at DESC, seq DESC);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;

CREATE TABLE duty_slots (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  doctor_id text NOT NULL REFERENCES users (id),
  center_id text NOT NULL,
  starts_at timestamptz NOT NULL,
  duration_minutes integer NOT NULL CHECK (duration_minutes > 0),
  ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
  consultation_id text,
  created_at timestamptz NOT NULL,
  CONSTRAINT duty_slots_doctor_time EXCLUDE USING gist (doctor_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
);
CREATE INDEX duty_slots_free ON duty_slots (starts_at, seq) WHERE consultation_id IS NULL;
CREATE INDEX duty_slots_free_by_center ON duty_slots (center_id, starts_at, seq) WHERE consultation_id IS NULL;
CREATE INDEX duty_slots_by_doctor ON duty_slots (doctor_id, starts_at, seq);

CREATE TABLE messages (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  consultation_id text NOT NULL REFERENCES consultations (id),
  author_id text NOT NULL REFERENCES users (id),
  text text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX messages_by_consultation ON messages (consultation_id, created_at DESC, seq DESC);
