-- Bring back the validated CHECK the safe way, like V8 + V10: add it NOT VALID (catalog-only), commit, then
-- VALIDATE under SHARE UPDATE EXCLUSIVE. In one transaction the ACCESS EXCLUSIVE of the ADD would be held across
-- the validation scan, so this undo runs in autocommit (U12__drop_products_sku_check.sql.conf).
SET lock_timeout = '2s';
ALTER TABLE products ADD CONSTRAINT products_sku_not_null CHECK (sku IS NOT NULL) NOT VALID;
ALTER TABLE products VALIDATE CONSTRAINT products_sku_not_null;
