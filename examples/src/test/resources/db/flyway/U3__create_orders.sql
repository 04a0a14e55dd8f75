-- Dropping a table that references products takes ACCESS EXCLUSIVE on products too: bound the wait.
SET lock_timeout = '2s';
DROP TABLE orders;
DROP TYPE order_status;
