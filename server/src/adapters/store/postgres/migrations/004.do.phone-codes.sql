-- SMS codes that prove a phone (registration, a forgotten password, confirming an older account).
-- In the database, not in one instance's memory: every instance checks the same code and counts
-- the same tries. Only a salted hash of the code is kept; a code lives 10 minutes.
CREATE TABLE phone_codes (
  id text PRIMARY KEY, -- '<purpose>:<phone>': asking again replaces the code
  seq bigserial NOT NULL,
  phone text NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('register', 'reset', 'confirm')),
  code_hash text NOT NULL,
  failed_attempts integer NOT NULL CHECK (failed_attempts >= 0),
  sent_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX phone_codes_by_expiry ON phone_codes (expires_at);

-- When the phone was proved. Accounts from before SMS codes start unconfirmed and confirm at their
-- next sign-in; staff accounts were made by the administrator with a known phone.
ALTER TABLE users ADD COLUMN phone_confirmed_at timestamptz;
UPDATE users SET phone_confirmed_at = created_at WHERE role <> 'patient';
