-- ANTI-PATTERN not-null-column-without-default. Expected findings: not-null-column-without-default,
-- lock-timeout-missing.
-- Works here only because audit_log is empty (the test keeps it so). On any table with rows it fails with
-- "column contains null values" - in production, where the table is not empty, after passing on a developer's
-- empty database.
-- Seed advice violated: "NEVER add NOT NULL to a large table without a default value in a single statement";
-- "Add column | Nullable first"; "UNSAFE: Required column without default".
-- Safe version: add it nullable, backfill, then NOT NULL through a validated CHECK (or add it with a constant
-- DEFAULT).
ALTER TABLE audit_log ADD COLUMN actor text NOT NULL;
