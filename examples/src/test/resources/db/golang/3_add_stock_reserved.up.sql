-- Nullable first; the application fills it, a later migration may add NOT NULL once every row has a value.
-- Catalog-only, but ACCESS EXCLUSIVE: bounded by lock_timeout, and alone in its migration so it is released at
-- once (the column's comment is migration 4).
SET lock_timeout = '2s';
ALTER TABLE stock ADD COLUMN reserved integer;
