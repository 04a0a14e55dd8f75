-- Expand-contract rename, step 2 of 3: keep full_name and display_name in sync from the database while old and new
-- application code run side by side, so that no write made during the backfill (V7) is lost.
-- The function touches no table; CREATE TRIGGER takes SHARE ROW EXCLUSIVE on users (writes wait), so it comes last
-- and that lock is held only until the commit right after it, bounded by lock_timeout.
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

SET lock_timeout = '2s';
CREATE TRIGGER users_sync_display_name
    BEFORE INSERT OR UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION users_sync_display_name();
