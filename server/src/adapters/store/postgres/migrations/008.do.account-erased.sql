-- «Удалить аккаунт» (issue 13, 152-FZ art. 14 and 9): a patient erases their account. The row stays,
-- its name and birth date on the kept medical records; the phone becomes a tombstone that no one
-- can type (so it is free to register again), the e-mail, the password hash and the consent go.
ALTER TABLE users ADD COLUMN erased_at timestamptz;
