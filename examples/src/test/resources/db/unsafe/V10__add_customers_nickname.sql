-- ANTI-PATTERN lock-timeout-missing. Expected finding: lock-timeout-missing (nothing else).
-- The change itself is the seeds' safe "nullable first" column: catalog-only, no rewrite. But ADD COLUMN needs
-- ACCESS EXCLUSIVE on customers, and without lock_timeout it waits for it forever: behind one long-running
-- SELECT, this ALTER queues, and every later read and write of customers queues behind the ALTER.
-- Seed advice violated: "Non-blocking: avoid long locks on production tables", "Lock impact analyzed",
-- "Estimated lock time acceptable" (no seed names lock_timeout; DESIGN.md measured the queue it prevents).
-- Safe version: SET lock_timeout = '2s'; first (and retry on failure).
ALTER TABLE customers ADD COLUMN nickname text;
