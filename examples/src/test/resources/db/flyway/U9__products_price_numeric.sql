ALTER TABLE products DROP COLUMN price;
