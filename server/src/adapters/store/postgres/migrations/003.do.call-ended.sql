-- When the doctor ended a consultation's call; null while it is not ended, and again once the
-- doctor rejoins (a dropped call can be reopened). The patient cannot join while it is set.
ALTER TABLE consultations ADD COLUMN call_ended_at timestamptz;
