-- CHECK added NOT VALID: no scan, only new and updated rows are checked; ACCESS EXCLUSIVE for a moment, bounded by
-- lock_timeout. The validation is migration 6: in the same transaction it would scan stock under this lock.
-- migratest:allow not-valid-constraint-left — the expand step: migration 6 validates it
SET lock_timeout = '2s';
ALTER TABLE stock ADD CONSTRAINT stock_quantity_not_negative CHECK (quantity >= 0) NOT VALID;
