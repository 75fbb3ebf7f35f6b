-- Coordination between the instances of the API that share this database: rate-limit windows,
-- one-use tickets, NOTIFY payloads too big for NOTIFY, and the seats of the video signaling
-- rooms. Every row is short-lived; the instances delete the ones past their time lazily.

-- A fixed window per key (sign-in attempts per client, phone and user; one SMS a minute per phone).
CREATE TABLE oz_rate_windows (
  key text PRIMARY KEY,
  started_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  count integer NOT NULL CHECK (count > 0)
);
CREATE INDEX oz_rate_windows_by_end ON oz_rate_windows (ends_at);

-- One-use tickets (live stream, signaling room). Only a hash of the ticket is kept: a copy of the
-- table redeems nothing.
CREATE TABLE oz_tickets (
  kind text NOT NULL,
  ticket_hash text NOT NULL,
  payload jsonb NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (kind, ticket_hash)
);
CREATE INDEX oz_tickets_by_expiry ON oz_tickets (expires_at);

-- NOTIFY carries less than 8000 bytes; a bigger message (an SDP offer, up to 70 kB) waits here
-- and the notification names its id. Read within milliseconds, deleted after a few minutes.
CREATE TABLE oz_notify_payloads (
  id bigserial PRIMARY KEY,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX oz_notify_payloads_by_age ON oz_notify_payloads (created_at);

-- Who sits in which video room, connected to which instance: one seat per user and room (the
-- newest connection takes it), two seats at most. `seen_at` is refreshed by the heartbeat of the
-- instance holding the socket; a seat no longer refreshed (its instance died) is freed by the others.
CREATE TABLE oz_signaling_seats (
  consultation_id text NOT NULL,
  user_id text NOT NULL,
  role text NOT NULL CHECK (role IN ('patient', 'doctor')),
  connection_id text NOT NULL UNIQUE,
  instance_id text NOT NULL,
  joined_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consultation_id, user_id)
);
CREATE INDEX oz_signaling_seats_by_seen ON oz_signaling_seats (seen_at);
