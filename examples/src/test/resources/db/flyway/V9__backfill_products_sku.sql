-- sku NOT NULL, step 2 of 5: give legacy rows a sku, 1 000 rows per transaction (see V8 for the plan).
-- COMMIT inside the DO block needs autocommit: V9__backfill_products_sku.sql.conf says executeInTransaction=false.
-- Each batch is a primary-key range; row locks live only until its COMMIT; no lock above ROW EXCLUSIVE is taken.
-- New rows cannot add NULLs any more: the NOT VALID check from V8 already rejects them.
DO $backfill$
DECLARE
    last_id   bigint := 0;
    batch_end bigint;
BEGIN
    LOOP
        SELECT max(id) INTO batch_end
        FROM (SELECT id FROM products WHERE id > last_id ORDER BY id LIMIT 1000) AS batch;
        EXIT WHEN batch_end IS NULL;
        UPDATE products SET sku = 'legacy-' || id
        WHERE id > last_id AND id <= batch_end AND sku IS NULL;
        last_id := batch_end;
        COMMIT;
    END LOOP;
END
$backfill$;
