-- A validated constraint cannot be "unvalidated": recreate it NOT VALID, as migration 5 left it. Both statements
-- are catalog-only, so one transaction costs milliseconds and leaves no moment without the check.
SET lock_timeout = '2s';
ALTER TABLE stock DROP CONSTRAINT stock_quantity_not_negative;
ALTER TABLE stock ADD CONSTRAINT stock_quantity_not_negative CHECK (quantity >= 0) NOT VALID;
