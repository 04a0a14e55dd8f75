-- ANTI-PATTERN ddl-and-dml-in-one-transaction. Expected findings: ddl-and-dml-in-one-transaction,
-- lock-timeout-missing.
-- A data fix and a schema change in one migration, so in one transaction: the UPDATE's row locks on half of the
-- orders are held until the ALTER has got its ACCESS EXCLUSIVE (queued behind whatever holds orders) and committed;
-- if the ALTER fails, the data fix is rolled back with it. The DML comes first, so no ACCESS EXCLUSIVE is held
-- across it.
-- Seed advice violated: "NEVER mix schema DDL and data mutations in the same migration file"; "Data Migrations:
-- Separate from Schema Migrations".
-- Safe version: the backfill in its own (batched) migration, the DEFAULT in another, under lock_timeout.
UPDATE orders SET channel = 'store' WHERE id % 2 = 0;
ALTER TABLE orders ALTER COLUMN channel SET DEFAULT 'store';
