-- ANTI-PATTERN constraint-validated-on-add (CHECK). Expected findings: constraint-validated-on-add,
-- lock-timeout-missing.
-- ADD CONSTRAINT ... CHECK without NOT VALID checks every existing row while holding ACCESS EXCLUSIVE on orders:
-- no reads, no writes for the whole scan.
-- Seed advice violated: "Change constraint | Two-phase | Add NOT VALID → VALIDATE CONSTRAINT separately".
-- Safe version: ADD ... NOT VALID in one migration, VALIDATE CONSTRAINT in the next (db/golang 5 and 6).
ALTER TABLE orders ADD CONSTRAINT orders_currency_iso CHECK (currency ~ '^[A-Z]{3}$');
