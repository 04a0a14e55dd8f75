-- CONCURRENTLY builds the index without blocking writes (SHARE UPDATE EXCLUSIVE instead of SHARE); it cannot run
-- in a transaction, so migratest runs this migration in autocommit. If it fails half-way it leaves an INVALID
-- index behind: drop it (DROP INDEX CONCURRENTLY) and run the migration again.
CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);
