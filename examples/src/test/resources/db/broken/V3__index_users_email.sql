CREATE INDEX users_email_idx ON users (email);
ALTER TABLE users ADD COLUMN last_login timestamptz;
