SET lock_timeout = '2s';
ALTER TABLE customers DROP COLUMN referrer_id, DROP COLUMN country;
