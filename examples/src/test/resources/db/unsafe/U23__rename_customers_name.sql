SET lock_timeout = '2s';
ALTER TABLE customers RENAME COLUMN full_name TO name;
