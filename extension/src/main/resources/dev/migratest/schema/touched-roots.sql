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
       CASE a.classid
           WHEN 'pg_catalog.pg_class'::pg_catalog.regclass THEN
               (SELECT CASE WHEN c.relkind IN ('i', 'I') THEN
                                'r' || (SELECT i.indrelid FROM pg_catalog.pg_index i WHERE i.indexrelid = c.oid)
                            WHEN c.relkind = 'c' THEN 't' || c.reltype
                            ELSE 'r' || c.oid END
                FROM pg_catalog.pg_class c WHERE c.oid = a.objid)
           WHEN 'pg_catalog.pg_attrdef'::pg_catalog.regclass THEN
               (SELECT 'r' || ad.adrelid FROM pg_catalog.pg_attrdef ad WHERE ad.oid = a.objid)
           WHEN 'pg_catalog.pg_constraint'::pg_catalog.regclass THEN
               (SELECT CASE WHEN co.conrelid <> 0 THEN 'r' || co.conrelid ELSE 't' || co.contypid END
                FROM pg_catalog.pg_constraint co WHERE co.oid = a.objid)
           WHEN 'pg_catalog.pg_trigger'::pg_catalog.regclass THEN
               (SELECT 'r' || tg.tgrelid FROM pg_catalog.pg_trigger tg WHERE tg.oid = a.objid)
           WHEN 'pg_catalog.pg_policy'::pg_catalog.regclass THEN
               (SELECT 'r' || pol.polrelid FROM pg_catalog.pg_policy pol WHERE pol.oid = a.objid)
           WHEN 'pg_catalog.pg_rewrite'::pg_catalog.regclass THEN
               (SELECT 'r' || ru.ev_class FROM pg_catalog.pg_rewrite ru WHERE ru.oid = a.objid)
           WHEN 'pg_catalog.pg_statistic_ext'::pg_catalog.regclass THEN
               (SELECT 'r' || st.stxrelid FROM pg_catalog.pg_statistic_ext st WHERE st.oid = a.objid)
           WHEN 'pg_catalog.pg_type'::pg_catalog.regclass THEN
               (SELECT CASE WHEN t.typtype = 'c' AND EXISTS (SELECT FROM pg_catalog.pg_class c
                                                             WHERE c.oid = t.typrelid AND c.relkind <> 'c')
                            THEN 'r' || t.typrelid ELSE 't' || t.oid END
                FROM pg_catalog.pg_type t WHERE t.oid = a.objid)
           WHEN 'pg_catalog.pg_proc'::pg_catalog.regclass THEN
               (SELECT 'p' || p.oid FROM pg_catalog.pg_proc p WHERE p.oid = a.objid)
           WHEN 'pg_catalog.pg_namespace'::pg_catalog.regclass THEN
               (SELECT 'n' || n.oid FROM pg_catalog.pg_namespace n WHERE n.oid = a.objid)
           WHEN 'pg_catalog.pg_extension'::pg_catalog.regclass THEN
               (SELECT 'x' || e.oid FROM pg_catalog.pg_extension e WHERE e.oid = a.objid)
           WHEN 'pg_catalog.pg_event_trigger'::pg_catalog.regclass THEN
               (SELECT 'v' || et.oid FROM pg_catalog.pg_event_trigger et WHERE et.oid = a.objid)
       END AS root
FROM address a
