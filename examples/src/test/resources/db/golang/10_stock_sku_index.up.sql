-- Version 10 after 4: golang-migrate orders versions as numbers, not as text.
CREATE INDEX CONCURRENTLY stock_sku_idx ON stock (sku);
