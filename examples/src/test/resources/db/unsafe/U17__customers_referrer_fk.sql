SET lock_timeout = '2s';
ALTER TABLE customers DROP CONSTRAINT customers_referrer_id_fkey;
