-- Version 10 after 6: golang-migrate orders versions as numbers, not as text.
-- stock exists and holds data: a plain CREATE INDEX would take SHARE and block every write for the whole build.
-- CONCURRENTLY takes SHARE UPDATE EXCLUSIVE instead and cannot run in a transaction; migratest notices and runs it
-- in autocommit (golang-migrate runs each file as given; `-- no-transaction` on line 1 is the sqlx spelling).
CREATE INDEX CONCURRENTLY stock_sku_idx ON stock (sku);
