-- Setup, the safe way: V17 references customers.referrer_id and should only show constraint-validated-on-add,
-- not also foreign-key-without-index. CONCURRENTLY: runs in autocommit, writes go on.
CREATE INDEX CONCURRENTLY customers_referrer_id_idx ON customers (referrer_id);
