-- CONCURRENTLY builds the index without blocking writes; it cannot run in a transaction,
-- so this migration runs in autocommit.
CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);
