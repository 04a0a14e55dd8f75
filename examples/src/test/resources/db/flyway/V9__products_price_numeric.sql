-- Type change through a parallel column: ALTER COLUMN ... TYPE numeric would rewrite products
-- under ACCESS EXCLUSIVE. Instead add the new column, backfill it, and let code move over;
-- a later migration drops price_cents (contract).
ALTER TABLE products ADD COLUMN price numeric(12, 2);
UPDATE products SET price = price_cents / 100.0 WHERE price IS NULL;
