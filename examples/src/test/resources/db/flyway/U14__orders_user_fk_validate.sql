-- A validated constraint cannot be "unvalidated": recreate it NOT VALID, as V13 left it. Both statements are
-- catalog-only (no scan), so one transaction costs milliseconds and leaves no moment without the foreign key.
SET lock_timeout = '2s';
ALTER TABLE orders DROP CONSTRAINT orders_user_id_fkey;
ALTER TABLE orders
    ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
