-- ANTI-PATTERN whole-table-backfill. Expected finding: whole-table-backfill.
-- One UPDATE without WHERE rewrites every row version of customers in one transaction: row locks on the whole
-- table until commit (every concurrent update of a customer waits), a burst of WAL and dead tuples, replication lag.
-- Seed advice violated: "Large data migrations in single transaction" (common mistakes), "Batched backfill",
-- "UPDATE ... WHERE new_col IS NULL LIMIT batch_size ... COMMIT".
-- Safe version: a batched DO loop with COMMIT per batch in a non-transactional migration (db/flyway V7).
-- It takes only ROW EXCLUSIVE on customers, so lock-timeout-missing does not apply.
UPDATE customers SET nickname = split_part(email, '@', 1);
