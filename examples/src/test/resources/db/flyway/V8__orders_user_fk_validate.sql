-- Validation scans orders under SHARE UPDATE EXCLUSIVE: application reads and writes continue.
ALTER TABLE orders VALIDATE CONSTRAINT orders_user_id_fkey;
