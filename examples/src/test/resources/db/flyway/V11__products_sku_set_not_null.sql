-- sku NOT NULL, step 4 of 5: the validated CHECK (sku IS NOT NULL) from V10 proves there is no NULL, so Postgres
-- skips the full scan: ACCESS EXCLUSIVE for milliseconds only, and lock_timeout bounds the wait for it.
SET lock_timeout = '2s';
ALTER TABLE products ALTER COLUMN sku SET NOT NULL;
