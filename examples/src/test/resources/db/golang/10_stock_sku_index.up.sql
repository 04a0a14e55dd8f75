-- Version 10 after 6: golang-migrate orders versions as numbers, not as text.
-- stock exists and holds data: a plain CREATE INDEX would take SHARE and block every write for the whole build.
-- CONCURRENTLY takes SHARE UPDATE EXCLUSIVE instead and cannot run in a transaction. golang-migrate sends a file as
-- one query, which PostgreSQL runs in one implicit transaction when it holds several statements: alone in its file,
-- the statement runs outside any transaction (no SET lock_timeout next to it, or the whole file fails).
CREATE INDEX CONCURRENTLY stock_sku_idx ON stock (sku);
