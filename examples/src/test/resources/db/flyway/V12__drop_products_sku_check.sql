-- sku NOT NULL, step 5 of 5: the column's NOT NULL now says what the CHECK said; drop the duplicate.
-- Its own migration, so V11's ACCESS EXCLUSIVE was not held any longer than SET NOT NULL needed.
SET lock_timeout = '2s';
ALTER TABLE products DROP CONSTRAINT products_sku_not_null;
