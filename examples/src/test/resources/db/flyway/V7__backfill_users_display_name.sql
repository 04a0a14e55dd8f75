-- Expand-contract rename, step 3 of 3: backfill display_name for existing rows, in batches.
-- Batching only helps if each batch commits: inside one transaction every row lock is kept until the end, exactly
-- like one big UPDATE. A DO block may COMMIT only when it is not inside a transaction block, so this migration runs
-- in autocommit (V7__backfill_users_display_name.sql.conf: executeInTransaction=false).
-- Batches walk the primary key (an index range per batch, no repeated full scans), hold row locks on at most
-- 1 000 rows for one short transaction, and take no lock stronger than ROW EXCLUSIVE: no lock_timeout needed.
-- Rows the application writes meanwhile are kept in sync by the V6 trigger. Rerunning is harmless: filled rows
-- are skipped.
DO $backfill$
DECLARE
    last_id   bigint := 0;
    batch_end bigint;
BEGIN
    LOOP
        SELECT max(id) INTO batch_end
        FROM (SELECT id FROM users WHERE id > last_id ORDER BY id LIMIT 1000) AS batch;
        EXIT WHEN batch_end IS NULL;
        UPDATE users SET display_name = full_name
        WHERE id > last_id AND id <= batch_end
          AND display_name IS NULL AND full_name IS NOT NULL;
        last_id := batch_end;
        COMMIT;
    END LOOP;
END
$backfill$;
