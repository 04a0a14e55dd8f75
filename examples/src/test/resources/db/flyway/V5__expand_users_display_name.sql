-- Expand-contract rename of full_name to display_name, step 1 (expand):
-- add the new column, keep both in sync from the database while old and new code run side by side,
-- and backfill existing rows in batches so no single UPDATE holds row locks on the whole table.
ALTER TABLE users ADD COLUMN display_name text;

CREATE FUNCTION users_sync_display_name() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.display_name IS NULL THEN
        NEW.display_name := NEW.full_name;
    ELSIF NEW.full_name IS NULL THEN
        NEW.full_name := NEW.display_name;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER users_sync_display_name
    BEFORE INSERT OR UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION users_sync_display_name();

-- Batched backfill: each pass touches at most 10 000 rows.
DO $backfill$
DECLARE
    touched integer;
BEGIN
    LOOP
        UPDATE users SET display_name = full_name
        WHERE id IN (SELECT id FROM users
                     WHERE display_name IS NULL AND full_name IS NOT NULL
                     LIMIT 10000);
        GET DIAGNOSTICS touched = ROW_COUNT;
        EXIT WHEN touched = 0;
    END LOOP;
END
$backfill$;
