CREATE TABLE products (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku         text,
    title       text    NOT NULL,
    price_cents integer NOT NULL DEFAULT 0
);

COMMENT ON COLUMN products.price_cents IS 'price in cents; replaced by price (numeric) in V15';
