ALTER TABLE stock DROP COLUMN reserved;
