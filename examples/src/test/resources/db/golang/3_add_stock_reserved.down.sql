SET lock_timeout = '2s';
ALTER TABLE stock DROP COLUMN reserved;
