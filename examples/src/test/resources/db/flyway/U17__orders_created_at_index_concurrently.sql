-- CONCURRENTLY again: a plain DROP INDEX would take ACCESS EXCLUSIVE on orders.
DROP INDEX CONCURRENTLY orders_created_at_idx;
