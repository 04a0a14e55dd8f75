-- Setup, the safe way (see V4): every existing order gets currency 'EUR' and channel 'web', no NULLs.
SET lock_timeout = '2s';
ALTER TABLE orders
    ADD COLUMN currency text DEFAULT 'EUR',
    ADD COLUMN channel  text DEFAULT 'web';
