-- Type change through a parallel column: ALTER COLUMN price_cents TYPE numeric would rewrite products under
-- ACCESS EXCLUSIVE. Instead: add the new column (here, catalog-only), backfill it in batches (V16), let the code
-- move over; a later migration drops price_cents (contract).
-- The backfill is not in this migration: in the same transaction it would run under this ACCESS EXCLUSIVE.
SET lock_timeout = '2s';
ALTER TABLE products ADD COLUMN price numeric(12, 2);
