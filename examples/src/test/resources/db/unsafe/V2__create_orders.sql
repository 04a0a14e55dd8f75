-- Setup. REFERENCES customers takes SHARE ROW EXCLUSIVE on customers (already loaded): bounded by lock_timeout.
-- gift_recipient_id deliberately has neither a foreign key nor an index: V22 adds the foreign key without the index.
SET lock_timeout = '2s';
CREATE TABLE orders (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id       bigint      NOT NULL REFERENCES customers (id),
    gift_recipient_id bigint,
    quantity          integer     NOT NULL,
    amount_cents      integer     NOT NULL,
    status            text,
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
