SET lock_timeout = '2s';
ALTER TABLE stock DROP CONSTRAINT stock_quantity_not_negative;
