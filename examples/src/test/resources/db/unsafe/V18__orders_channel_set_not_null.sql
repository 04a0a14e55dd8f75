-- ANTI-PATTERN set-not-null-scans. Expected findings: set-not-null-scans, lock-timeout-missing.
-- With no validated CHECK (channel IS NOT NULL) to prove it, SET NOT NULL scans all of orders under ACCESS EXCLUSIVE.
-- Seed advice violated: "Adding NOT NULL Constraint — Wrong way (causes lock): ALTER TABLE ... SET NOT NULL".
-- Safe version: CHECK (channel IS NOT NULL) NOT VALID → VALIDATE → SET NOT NULL → drop the CHECK
-- (db/flyway V8 to V12).
ALTER TABLE orders ALTER COLUMN channel SET NOT NULL;
