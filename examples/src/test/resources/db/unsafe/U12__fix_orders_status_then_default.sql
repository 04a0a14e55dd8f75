-- Only the schema half can be undone: which orders had no status is not recorded anywhere.
SET lock_timeout = '2s';
ALTER TABLE orders ALTER COLUMN status DROP DEFAULT;
