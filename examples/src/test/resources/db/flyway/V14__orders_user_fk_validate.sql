-- Validation scans orders under SHARE UPDATE EXCLUSIVE (and users under ROW SHARE): application reads and writes
-- continue. Its own migration, so no stronger lock from V13 is held during the scan.
ALTER TABLE orders VALIDATE CONSTRAINT orders_user_id_fkey;
