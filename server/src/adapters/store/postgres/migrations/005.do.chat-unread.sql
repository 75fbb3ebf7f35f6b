-- Nothing missed in a consultation's chat: each participant's unread count (on the consultation
-- in the API, kept across reloads) and when the last SMS about it went out (one an hour at most).
CREATE TABLE chat_unread (
  consultation_id text NOT NULL REFERENCES consultations (id),
  user_id text NOT NULL REFERENCES users (id),
  seq bigserial NOT NULL,
  count integer NOT NULL CHECK (count >= 0),
  last_message_at timestamptz NOT NULL,
  sms_at timestamptz,
  PRIMARY KEY (consultation_id, user_id)
);
CREATE INDEX chat_unread_by_user ON chat_unread (user_id);
-- The sweep looks only at chats with something unread.
CREATE INDEX chat_unread_waiting ON chat_unread (last_message_at) WHERE count > 0;

-- When each user was last online (an authenticated request or an open live stream), shared by
-- every instance: an SMS goes to someone only after 10 minutes away.
CREATE TABLE presence (
  user_id text PRIMARY KEY REFERENCES users (id),
  seq bigserial NOT NULL,
  seen_at timestamptz NOT NULL
);

-- The one unread «new message» entry of a user about a consultation, found when the next comes.
CREATE INDEX notifications_unread_about ON notifications (user_id, kind, (data->>'consultationId')) WHERE read_at IS NULL;
