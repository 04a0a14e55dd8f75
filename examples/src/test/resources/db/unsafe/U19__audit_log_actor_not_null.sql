SET lock_timeout = '2s';
ALTER TABLE audit_log DROP COLUMN actor;
