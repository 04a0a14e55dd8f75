-- ANTI-PATTERN table-rewrite. Expected findings: table-rewrite, lock-timeout-missing.
-- "Reclaim the space the V11 backfill left behind": VACUUM FULL copies customers and all its indexes into new
-- files under ACCESS EXCLUSIVE for the whole copy, so no reads and no writes of customers until it finishes, for a
-- time that grows with the table. (Neither a type change nor a volatile default, which have findings of their own:
-- V20, V21.) VACUUM cannot run in a transaction: alone in its script, Flyway runs it outside one.
-- Seed advice violated: "Large Table Migrations: altering large tables can lock them for extended periods";
-- "Non-blocking: avoid long locks on production tables".
-- Safe version: let plain VACUUM (autovacuum) make the space reusable, or pg_repack for an online rewrite; better,
-- batch the backfill so it leaves little bloat at once.
VACUUM FULL customers;
