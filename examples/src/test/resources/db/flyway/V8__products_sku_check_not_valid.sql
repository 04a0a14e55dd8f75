-- sku NOT NULL, step 1 of 5. SET NOT NULL on its own scans the whole table under ACCESS EXCLUSIVE (no reads, no
-- writes for the whole scan). A validated CHECK (sku IS NOT NULL) lets Postgres 12+ skip that scan, so:
--   V8  add the CHECK NOT VALID    (catalog-only; new and updated rows are checked from now on)
--   V9  backfill the legacy NULLs  (batched, autocommit)
--   V10 VALIDATE the CHECK         (scans under SHARE UPDATE EXCLUSIVE: reads and writes go on)
--   V11 SET NOT NULL               (no scan: the validated CHECK proves it)
--   V12 drop the now redundant CHECK
-- Each step is its own migration: in one transaction, the ACCESS EXCLUSIVE taken here would be held through the
-- backfill and the validation scan, which is exactly what the steps are meant to avoid.
-- migratest:allow not-valid-constraint-left — the expand step: V10 validates it
SET lock_timeout = '2s';
ALTER TABLE products ADD CONSTRAINT products_sku_not_null CHECK (sku IS NOT NULL) NOT VALID;
