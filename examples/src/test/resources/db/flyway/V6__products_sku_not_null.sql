-- SET NOT NULL on its own scans the whole table under ACCESS EXCLUSIVE.
-- A validated CHECK (sku IS NOT NULL) lets Postgres 12+ skip that scan:
-- add it NOT VALID (instant), VALIDATE it (SHARE UPDATE EXCLUSIVE: reads and writes go on),
-- then SET NOT NULL and drop the now redundant CHECK.
ALTER TABLE products ADD CONSTRAINT products_sku_not_null CHECK (sku IS NOT NULL) NOT VALID;
UPDATE products SET sku = 'legacy-' || id WHERE sku IS NULL;
ALTER TABLE products VALIDATE CONSTRAINT products_sku_not_null;
ALTER TABLE products ALTER COLUMN sku SET NOT NULL;
ALTER TABLE products DROP CONSTRAINT products_sku_not_null;
