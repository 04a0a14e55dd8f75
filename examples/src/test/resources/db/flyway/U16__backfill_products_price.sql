-- Undo the backfill the same way it was done: back to NULL, 1 000 rows per transaction, in autocommit.
DO $unfill$
DECLARE
    last_id   bigint := 0;
    batch_end bigint;
BEGIN
    LOOP
        SELECT max(id) INTO batch_end
        FROM (SELECT id FROM products WHERE id > last_id ORDER BY id LIMIT 1000) AS batch;
        EXIT WHEN batch_end IS NULL;
        UPDATE products SET price = NULL
        WHERE id > last_id AND id <= batch_end AND price IS NOT NULL;
        last_id := batch_end;
        COMMIT;
    END LOOP;
END
$unfill$;
