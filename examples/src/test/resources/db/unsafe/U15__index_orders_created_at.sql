SET lock_timeout = '2s';
DROP INDEX orders_created_at_idx;
