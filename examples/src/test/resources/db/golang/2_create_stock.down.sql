-- Dropping a table that references warehouses takes ACCESS EXCLUSIVE on warehouses too: bound the wait.
SET lock_timeout = '2s';
DROP TABLE stock;
