-- The root (see snapshot.sql) of the object at catalog address ($classid, $objid), or NULL when it no longer exists:
-- an index, a default, a constraint, a trigger, a policy, a rule or a statistics object lives and dies with its
-- table; a composite type's relation with its type. Shared by snapshot.sql (comments) and touched-roots.sql.
CASE $classid
           WHEN 'pg_catalog.pg_class'::pg_catalog.regclass THEN
               (SELECT CASE WHEN c.relkind IN ('i', 'I') THEN
                                'r' || (SELECT i.indrelid FROM pg_catalog.pg_index i WHERE i.indexrelid = c.oid)
                            WHEN c.relkind = 'c' THEN 't' || c.reltype
                            ELSE 'r' || c.oid END
                FROM pg_catalog.pg_class c WHERE c.oid = $objid)
           WHEN 'pg_catalog.pg_attrdef'::pg_catalog.regclass THEN
               (SELECT 'r' || ad.adrelid FROM pg_catalog.pg_attrdef ad WHERE ad.oid = $objid)
           WHEN 'pg_catalog.pg_constraint'::pg_catalog.regclass THEN
               (SELECT CASE WHEN co.conrelid <> 0 THEN 'r' || co.conrelid ELSE 't' || co.contypid END
                FROM pg_catalog.pg_constraint co WHERE co.oid = $objid)
           WHEN 'pg_catalog.pg_trigger'::pg_catalog.regclass THEN
               (SELECT 'r' || tg.tgrelid FROM pg_catalog.pg_trigger tg WHERE tg.oid = $objid)
           WHEN 'pg_catalog.pg_policy'::pg_catalog.regclass THEN
               (SELECT 'r' || pol.polrelid FROM pg_catalog.pg_policy pol WHERE pol.oid = $objid)
           WHEN 'pg_catalog.pg_rewrite'::pg_catalog.regclass THEN
               (SELECT 'r' || ru.ev_class FROM pg_catalog.pg_rewrite ru WHERE ru.oid = $objid)
           WHEN 'pg_catalog.pg_statistic_ext'::pg_catalog.regclass THEN
               (SELECT 'r' || st.stxrelid FROM pg_catalog.pg_statistic_ext st WHERE st.oid = $objid)
           WHEN 'pg_catalog.pg_type'::pg_catalog.regclass THEN
               (SELECT CASE WHEN t.typtype = 'c' AND EXISTS (SELECT FROM pg_catalog.pg_class c
                                                             WHERE c.oid = t.typrelid AND c.relkind <> 'c')
                            THEN 'r' || t.typrelid ELSE 't' || t.oid END
                FROM pg_catalog.pg_type t WHERE t.oid = $objid)
           WHEN 'pg_catalog.pg_proc'::pg_catalog.regclass THEN
               (SELECT 'p' || p.oid FROM pg_catalog.pg_proc p WHERE p.oid = $objid)
           WHEN 'pg_catalog.pg_namespace'::pg_catalog.regclass THEN
               (SELECT 'n' || n.oid FROM pg_catalog.pg_namespace n WHERE n.oid = $objid)
           WHEN 'pg_catalog.pg_extension'::pg_catalog.regclass THEN
               (SELECT 'x' || e.oid FROM pg_catalog.pg_extension e WHERE e.oid = $objid)
           WHEN 'pg_catalog.pg_event_trigger'::pg_catalog.regclass THEN
               (SELECT 'v' || et.oid FROM pg_catalog.pg_event_trigger et WHERE et.oid = $objid)
       END
