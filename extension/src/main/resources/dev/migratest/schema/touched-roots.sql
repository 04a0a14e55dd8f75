-- The roots (see snapshot.sql) of the objects DDL touched since the last read, and of the objects that depend on
-- them (a renamed table changes how a foreign key elsewhere, a view or an index prints it). Consumes the notes.
-- root is NULL for an object that no longer exists (dropped): the caller maps its address from the last snapshot.
-- classid is NULL for a command that reported no object (GRANT …): the caller reads everything.
WITH touched AS (
    DELETE FROM _migratest.touched RETURNING classid, objid
), address AS (
    -- LATERAL … OFFSET 0: one index lookup in pg_depend per touched object, never a scan of all of pg_depend
    SELECT t.classid, t.objid FROM touched t
    UNION
    SELECT d.classid, d.objid
    FROM touched t
    CROSS JOIN LATERAL (SELECT d.classid, d.objid FROM pg_catalog.pg_depend d
                        WHERE d.refclassid = t.classid AND d.refobjid = t.objid OFFSET 0) d
    UNION
    -- a renamed schema changes how everything that refers to an object inside it prints: one level further
    SELECT d2.classid, d2.objid
    FROM touched t
    CROSS JOIN LATERAL (SELECT d1.classid, d1.objid FROM pg_catalog.pg_depend d1
                        WHERE d1.refclassid = t.classid AND d1.refobjid = t.objid OFFSET 0) d1
    CROSS JOIN LATERAL (SELECT d2.classid, d2.objid FROM pg_catalog.pg_depend d2
                        WHERE d2.refclassid = d1.classid AND d2.refobjid = d1.objid OFFSET 0) d2
    WHERE t.classid = 'pg_catalog.pg_namespace'::pg_catalog.regclass
)
SELECT a.classid, a.objid,
       /*ROOT_OF(a.classid, a.objid)*/ AS root
FROM address a
