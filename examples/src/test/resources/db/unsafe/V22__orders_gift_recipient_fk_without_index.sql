-- ANTI-PATTERN foreign-key-without-index. Expected findings: foreign-key-without-index, lock-timeout-missing,
-- not-valid-constraint-left (nothing validates it later in this history).
-- NOT VALID, so nothing is scanned now (and the existing values are not checked). But orders.gift_recipient_id has
-- no index: every DELETE of a customer, and every update of a customer's id, must scan orders to find referencing
-- rows, and deleting many customers becomes quadratic.
-- Seed advice: none says it outright; the seeds' own FK examples (posts.author_id, orders.user_id) add no index.
-- It follows from "Non-blocking: avoid long locks on production tables" and "test on production-like volume".
-- Safe version: CREATE INDEX CONCURRENTLY on gift_recipient_id first, then the FK NOT VALID, then VALIDATE.
ALTER TABLE orders
    ADD CONSTRAINT orders_gift_recipient_id_fkey FOREIGN KEY (gift_recipient_id) REFERENCES customers (id) NOT VALID;
