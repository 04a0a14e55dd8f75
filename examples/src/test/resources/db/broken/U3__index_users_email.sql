-- Forgets the index: DOWN "works" but leaves users_email_idx behind.
ALTER TABLE users DROP COLUMN last_login;
