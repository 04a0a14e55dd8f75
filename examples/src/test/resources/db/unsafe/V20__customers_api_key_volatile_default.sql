-- ANTI-PATTERN volatile-default. Expected findings: volatile-default, lock-timeout-missing.
-- A constant default is stored once in the catalog; a volatile one (gen_random_uuid(), clock_timestamp(), random())
-- must be computed per row, so Postgres rewrites all of customers under ACCESS EXCLUSIVE.
-- Seed advice violated: "Add column | Nullable first"; "Large Table Migrations: altering large tables can lock them
-- for extended periods". (Seed 002's "Safe: Add column with default" holds only for a non-volatile default.)
-- Safe version: add the column nullable (or with a constant default), backfill it in batches, then SET DEFAULT
-- gen_random_uuid() for new rows (catalog-only).
ALTER TABLE customers ADD COLUMN api_key uuid DEFAULT gen_random_uuid();
