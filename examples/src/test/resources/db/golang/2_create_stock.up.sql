-- REFERENCES warehouses takes SHARE ROW EXCLUSIVE on warehouses, an existing table (writes to it wait until
-- commit). lock_timeout: fail fast and retry rather than queue every writer behind a slow transaction.
SET lock_timeout = '2s';
-- The primary key starts with warehouse_id, so it also serves as the index the foreign key needs.
CREATE TABLE stock (
    warehouse_id integer NOT NULL REFERENCES warehouses (id),
    sku          text    NOT NULL,
    quantity     integer NOT NULL DEFAULT 0,
    PRIMARY KEY (warehouse_id, sku)
);
