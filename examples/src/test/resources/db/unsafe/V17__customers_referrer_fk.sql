-- ANTI-PATTERN constraint-validated-on-add (FOREIGN KEY). Expected findings: constraint-validated-on-add,
-- lock-timeout-missing.
-- A foreign key added without NOT VALID is checked against every existing row at once, under SHARE ROW EXCLUSIVE on
-- customers (writes blocked for the whole check). referrer_id is indexed (V6), so this is only about validation.
-- Seed advice violated: "Add foreign key (with NOT VALID for large tables)" then "Validate in background".
-- Safe version: ADD ... NOT VALID, then VALIDATE CONSTRAINT in a later migration (db/flyway V13 and V14).
ALTER TABLE customers
    ADD CONSTRAINT customers_referrer_id_fkey FOREIGN KEY (referrer_id) REFERENCES customers (id);
