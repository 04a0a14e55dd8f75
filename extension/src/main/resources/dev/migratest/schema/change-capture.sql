-- Installed by migratest in its own scratch databases only: event triggers that note which objects each DDL command
-- created, altered or dropped, so that a snapshot after a phase re-reads only those (see SchemaTracker).
-- ENABLE ALWAYS: a migration that sets session_replication_role = replica must still be seen.
CREATE SCHEMA _migratest;
CREATE TABLE _migratest.touched (classid oid, objid oid);
CREATE FUNCTION _migratest.note_ddl() RETURNS event_trigger LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
    -- GRANT and a few other commands report no object: a NULL row makes the next snapshot a full one
    INSERT INTO _migratest.touched (classid, objid) SELECT c.classid, c.objid FROM pg_event_trigger_ddl_commands() c;
END
$$;
CREATE FUNCTION _migratest.note_drop() RETURNS event_trigger LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
    INSERT INTO _migratest.touched (classid, objid) SELECT d.classid, d.objid FROM pg_event_trigger_dropped_objects() d;
END
$$;
CREATE EVENT TRIGGER _migratest_ddl ON ddl_command_end EXECUTE FUNCTION _migratest.note_ddl();
CREATE EVENT TRIGGER _migratest_drop ON sql_drop EXECUTE FUNCTION _migratest.note_drop();
ALTER EVENT TRIGGER _migratest_ddl ENABLE ALWAYS;
ALTER EVENT TRIGGER _migratest_drop ENABLE ALWAYS;
