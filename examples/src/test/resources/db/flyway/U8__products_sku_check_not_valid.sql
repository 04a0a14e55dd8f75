SET lock_timeout = '2s';
ALTER TABLE products DROP CONSTRAINT products_sku_not_null;
