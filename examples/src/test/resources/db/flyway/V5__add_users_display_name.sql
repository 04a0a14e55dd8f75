-- Expand-contract rename of full_name to display_name, step 1 of 3 (expand): add the new column, alone.
-- Nullable and without a default, ADD COLUMN is catalog-only; it needs ACCESS EXCLUSIVE on users for a moment.
-- Alone in its migration, that lock is released at once: nothing else runs while it is held.
-- (The sync trigger is V6, the backfill V7: in the same transaction, they would run under this lock.)
SET lock_timeout = '2s';
ALTER TABLE users ADD COLUMN display_name text;
