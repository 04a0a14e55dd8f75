-- ANTI-PATTERN type-change-rewrite. Expected findings: type-change-rewrite, lock-timeout-missing.
-- integer → bigint is not binary-compatible: Postgres rewrites orders (and rebuilds its indexes) under
-- ACCESS EXCLUSIVE.
-- Seed advice violated: "Change type | Parallel column | Add new type → dual-write + cast → switch → drop old".
-- Safe version: a new bigint column, a sync trigger, a batched backfill, then switch and drop (db/flyway V15, V16).
ALTER TABLE orders ALTER COLUMN quantity TYPE bigint;
