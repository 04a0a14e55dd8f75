-- Nullable first: adding a nullable column without a volatile default is a catalog-only change,
-- so it holds ACCESS EXCLUSIVE on users for milliseconds, not for a table rewrite.
ALTER TABLE users ADD COLUMN phone text;
