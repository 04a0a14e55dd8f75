-- ANTI-PATTERN index-without-concurrently. Expected findings: index-without-concurrently, lock-timeout-missing.
-- A plain CREATE INDEX on a table that holds data takes SHARE: reads go on, but every INSERT, UPDATE and DELETE on
-- orders waits for the whole build.
-- Seed advice violated: "Add index | Concurrent | CREATE INDEX CONCURRENTLY — don't wrap in transaction";
-- "Creating indexes without CONCURRENTLY" (common mistakes).
-- Safe version: CREATE INDEX CONCURRENTLY (db/flyway V17), alone in its script so that Flyway runs it outside a
-- transaction.
CREATE INDEX orders_created_at_idx ON orders (created_at);
