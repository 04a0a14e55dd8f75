SET lock_timeout = '2s';
ALTER TABLE products ALTER COLUMN sku DROP NOT NULL;
