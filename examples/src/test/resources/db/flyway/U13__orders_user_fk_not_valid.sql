-- Dropping a foreign key takes ACCESS EXCLUSIVE on orders and on users, briefly: bound the wait.
SET lock_timeout = '2s';
ALTER TABLE orders DROP CONSTRAINT orders_user_id_fkey;
