-- CHECK added NOT VALID (no scan, brief lock), then validated without blocking writes.
ALTER TABLE stock ADD CONSTRAINT stock_quantity_not_negative CHECK (quantity >= 0) NOT VALID;
ALTER TABLE stock VALIDATE CONSTRAINT stock_quantity_not_negative;
