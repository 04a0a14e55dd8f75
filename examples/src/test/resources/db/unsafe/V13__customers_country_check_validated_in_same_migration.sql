-- ANTI-PATTERN access-exclusive-held-across-statements. Expected findings: access-exclusive-held-across-statements,
-- lock-timeout-missing.
-- Looks like the seeds' NOT VALID + VALIDATE pattern, but both steps are in one migration, hence one transaction:
-- ADD CONSTRAINT takes ACCESS EXCLUSIVE on customers and keeps it until commit, so the VALIDATE scan that follows
-- runs with the table closed to reads and writes, which is what NOT VALID was meant to avoid.
-- Seed advice violated: "Change constraint | Two-phase | Add NOT VALID → VALIDATE CONSTRAINT separately";
-- "Atomic changes: one logical change per migration".
-- Safe version: V_n adds NOT VALID (under lock_timeout), V_n+1 validates (db/flyway V8 and V10).
ALTER TABLE customers ADD CONSTRAINT customers_country_iso CHECK (country ~ '^[A-Z]{2}$') NOT VALID;
ALTER TABLE customers VALIDATE CONSTRAINT customers_country_iso;
