-- A foreign key added NOT VALID only checks new rows: no scan of orders, brief locks on both tables.
ALTER TABLE orders
    ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
