-- CONCURRENTLY builds the index without blocking writes (SHARE UPDATE EXCLUSIVE instead of SHARE); it cannot run
-- in a transaction. Alone in its script, Flyway recognises it and runs the script outside one (next to another
-- statement, Flyway would refuse the script unless its .sql.conf said executeInTransaction=false; migratest
-- refuses it the same way). If it fails half-way it leaves an INVALID index behind: drop it (DROP INDEX
-- CONCURRENTLY) and run the migration again.
CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);
