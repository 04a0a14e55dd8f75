SET lock_timeout = '2s';
ALTER TABLE orders DROP CONSTRAINT orders_gift_recipient_id_fkey;
