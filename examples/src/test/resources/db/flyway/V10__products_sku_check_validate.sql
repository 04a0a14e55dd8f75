-- sku NOT NULL, step 3 of 5: VALIDATE scans products under SHARE UPDATE EXCLUSIVE, which lets reads and writes go
-- on, during the scan and even while it waits for the lock. No lock_timeout needed; alone in its migration, so no
-- stronger lock taken earlier is held during the scan.
ALTER TABLE products VALIDATE CONSTRAINT products_sku_not_null;
