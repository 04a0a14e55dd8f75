-- ANTI-PATTERN breaking-drop-or-rename. Expected findings: breaking-drop-or-rename, lock-timeout-missing,
-- old-code-query-fails (both queries of ../unsafe-app-queries.sql name customers.name).
-- Catalog-only and instant, but every running application instance that selects or writes customers.name fails
-- from the moment this commits until new code is deployed everywhere.
-- Seed advice violated: "Every migration must be backward compatible with the previous version of your code";
-- "Rename column | Expand-contract | Add new → dual-write → backfill → switch reads → drop old";
-- "NEVER skip the dual-write phase when renaming columns in a live system".
-- Safe version: the expand-contract rename (db/flyway V5 to V7), dropping the old column only after no code reads it.
ALTER TABLE customers RENAME COLUMN name TO full_name;
