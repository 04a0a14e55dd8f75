-- A foreign key added NOT VALID only checks new rows: no scan of orders. It still takes SHARE ROW EXCLUSIVE on
-- orders and users (writes wait), briefly; lock_timeout keeps that wait from stalling the queue behind it.
-- orders.user_id is indexed since V3, so deletes on users need not scan orders.
-- migratest:allow not-valid-constraint-left — the expand step: V14 validates it
SET lock_timeout = '2s';
ALTER TABLE orders
    ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
