-- Documentation in the catalog. Its own migration, so that migration 3's ACCESS EXCLUSIVE is not held while it runs.
COMMENT ON COLUMN stock.reserved IS 'units promised to open orders';
