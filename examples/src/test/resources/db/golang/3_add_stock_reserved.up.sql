-- Nullable first; the application fills it, a later migration may add NOT NULL once every row has a value.
ALTER TABLE stock ADD COLUMN reserved integer;
COMMENT ON COLUMN stock.reserved IS 'units promised to open orders';
