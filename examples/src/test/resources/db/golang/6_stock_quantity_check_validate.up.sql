-- VALIDATE scans stock under SHARE UPDATE EXCLUSIVE: reads and writes continue during the scan and while it waits.
ALTER TABLE stock VALIDATE CONSTRAINT stock_quantity_not_negative;
