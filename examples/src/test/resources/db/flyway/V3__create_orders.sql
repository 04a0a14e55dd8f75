CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped');

-- user_id has no foreign key yet: V7 adds it NOT VALID, V8 validates it.
CREATE TABLE orders (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    bigint       NOT NULL,
    product_id bigint       NOT NULL REFERENCES products (id),
    quantity   integer      NOT NULL,
    status     order_status NOT NULL DEFAULT 'pending',
    created_at timestamptz  NOT NULL DEFAULT now()
);
