-- Setup, done the safe way: columns the anti-patterns below need, added after the data is loaded so every existing
-- row has the value (a constant default is catalog-only since Postgres 11: no rewrite). One ALTER statement, so
-- the ACCESS EXCLUSIVE is taken once and released at commit right after it.
-- referrer_id is NULL everywhere (V17's foreign key validates trivially); country is 'NL' everywhere.
SET lock_timeout = '2s';
ALTER TABLE customers
    ADD COLUMN referrer_id bigint,
    ADD COLUMN country     text DEFAULT 'NL';
