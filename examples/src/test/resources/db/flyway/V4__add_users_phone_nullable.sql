-- Nullable first: adding a nullable column without a volatile default is a catalog-only change,
-- so it holds ACCESS EXCLUSIVE on users for milliseconds, not for a table rewrite.
-- Getting that lock can still take long: it queues behind any running transaction on users, and every reader
-- queues behind it. lock_timeout gives up after 2 s instead of stalling the application; rerun the migration.
SET lock_timeout = '2s';
ALTER TABLE users ADD COLUMN phone text;
