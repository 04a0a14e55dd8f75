-- DROP COLUMN is catalog-only but needs ACCESS EXCLUSIVE: bound the wait for it.
SET lock_timeout = '2s';
ALTER TABLE users DROP COLUMN phone;
