-- V5 gave channel the default 'web' and set it on every order; V12 moved the even ids to 'store'.
SET lock_timeout = '2s';
ALTER TABLE orders ALTER COLUMN channel SET DEFAULT 'web';
UPDATE orders SET channel = 'web' WHERE channel = 'store';
