CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped');

-- REFERENCES products takes SHARE ROW EXCLUSIVE on products, an existing table: writes to products wait until this
-- migration commits, and if a long transaction holds products, this CREATE TABLE would queue and stall every writer
-- behind it. lock_timeout turns that wait into a quick failure that can simply be retried.
SET lock_timeout = '2s';

-- user_id has no foreign key yet: V13 adds it NOT VALID, V14 validates it.
CREATE TABLE orders (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    bigint       NOT NULL,
    product_id bigint       NOT NULL REFERENCES products (id),
    quantity   integer      NOT NULL,
    status     order_status NOT NULL DEFAULT 'pending',
    created_at timestamptz  NOT NULL DEFAULT now()
);

-- Index the referencing columns while orders is new and empty (a plain CREATE INDEX costs nothing here):
-- without them every DELETE or key UPDATE on users/products scans orders to check the foreign key.
CREATE INDEX orders_user_id_idx ON orders (user_id);
CREATE INDEX orders_product_id_idx ON orders (product_id);
