COMMENT ON COLUMN stock.reserved IS NULL;
