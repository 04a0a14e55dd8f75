-- A validated constraint cannot be "unvalidated": recreate it NOT VALID, as V7 left it.
ALTER TABLE orders DROP CONSTRAINT orders_user_id_fkey;
ALTER TABLE orders
    ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
