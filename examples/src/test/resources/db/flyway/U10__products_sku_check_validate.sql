-- A validated constraint cannot be "unvalidated": recreate it NOT VALID, as V8 left it. Both statements are
-- catalog-only, so holding ACCESS EXCLUSIVE from the first to the second costs milliseconds, and one transaction
-- means no moment without the check.
SET lock_timeout = '2s';
ALTER TABLE products DROP CONSTRAINT products_sku_not_null;
ALTER TABLE products ADD CONSTRAINT products_sku_not_null CHECK (sku IS NOT NULL) NOT VALID;
