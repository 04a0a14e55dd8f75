-- Fill price from price_cents, 1 000 rows per transaction along the primary key. COMMIT inside the DO block needs
-- autocommit (V16__backfill_products_price.sql.conf: executeInTransaction=false). Only ROW EXCLUSIVE and row locks,
-- each released at its batch's COMMIT. Rerunnable: rows that have a price are skipped.
DO $backfill$
DECLARE
    last_id   bigint := 0;
    batch_end bigint;
BEGIN
    LOOP
        SELECT max(id) INTO batch_end
        FROM (SELECT id FROM products WHERE id > last_id ORDER BY id LIMIT 1000) AS batch;
        EXIT WHEN batch_end IS NULL;
        UPDATE products SET price = price_cents / 100.0
        WHERE id > last_id AND id <= batch_end AND price IS NULL;
        last_id := batch_end;
        COMMIT;
    END LOOP;
END
$backfill$;
