-- Staff accounts over their whole life (issue 13): a doctor who leaves is disabled, not deleted
-- (their conclusions and the audit trail name them). A disabled account cannot sign in.
ALTER TABLE users ADD COLUMN disabled_at timestamptz;
