ALTER TABLE stock DROP CONSTRAINT stock_quantity_not_negative;
