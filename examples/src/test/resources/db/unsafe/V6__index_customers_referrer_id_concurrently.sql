-- Setup, the safe way: V17 references customers.referrer_id and should only show constraint-validated-on-add,
-- not also foreign-key-without-index. CONCURRENTLY alone in its script: Flyway runs it outside a transaction, writes
-- go on.
CREATE INDEX CONCURRENTLY customers_referrer_id_idx ON customers (referrer_id);
