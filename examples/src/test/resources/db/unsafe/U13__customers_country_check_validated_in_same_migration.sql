SET lock_timeout = '2s';
ALTER TABLE customers DROP CONSTRAINT customers_country_iso;
