-- The catalog snapshot of every user schema in one statement.
-- One row per object: kind, name, parent, a1 … a12, classid, objid, objsubid, root.
--   * root names the top-level object a row lives and dies with ('r' || table, view or sequence oid, 't' || type,
--     'p' || routine, 'n' || schema, 'x' || extension, 'v' || event trigger): the unit of a scoped re-read.
--   * The attribute in each aN column depends on the kind: CatalogQuery.ATTRIBUTES names them, in this order.
--     A NULL aN means the attribute is absent. No value holds an OID, a relfilenode or an owner.
--   * classid, objid, objsubid are the object's catalog address, used only as join keys in Java: the rows of kind
--     'comment' (pg_description) are attached to the object with the same address there, cheaper than 15 joins here.
--     For a column, objsubid is its attnum: Java turns it into the rank among live columns.
-- Run with search_path = '' so that every name format_type and the pg_get_* functions print is schema-qualified,
-- and random_page_cost = 1.1 (the catalog is in memory) so that per-object lookups use the catalog's indexes.
-- Privileges equal to the built-in default (acldefault) are left out, so GRANT + REVOKE compares equal to none.
-- Runs on PostgreSQL 12 to 18. A collation is printed as ::regcollation (13+) prints it under search_path '': its
-- quoted name, qualified unless it is in pg_catalog; spelled out with pg_collation so that 12 prints the same.
-- On 18 a column's NOT NULL is also a constraint row (contype 'n', named like t_c_not_null): kept, because its name
-- and validation are catalog state a down can get wrong; the column's "not null" says the same on every version.
-- Plain text columns rather than json_build_object: json costs ~4 µs per object on a slow core, this nothing.
WITH /*SCOPE*/ ns AS MATERIALIZED (
    SELECT n.oid, quote_ident(n.nspname) AS qn, n.nspacl, n.nspowner
    FROM pg_catalog.pg_namespace n
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', '_migratest')
      AND n.nspname NOT LIKE 'pg\_temp\_%' AND n.nspname NOT LIKE 'pg\_toast\_temp\_%'
), rel AS MATERIALIZED (
    SELECT c.oid, c.relkind, c.relpersistence, c.relispartition, c.relpartbound, c.relrowsecurity, c.relforcerowsecurity,
           c.relreplident, c.relispopulated, c.reloptions, c.relacl, c.relowner,
           ns.qn || '.' || quote_ident(c.relname) AS qname,
           CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence'
                          WHEN 'i' THEN 'index' WHEN 'I' THEN 'index' ELSE 'table' END AS rkind
    FROM pg_catalog.pg_class c JOIN ns ON ns.oid = c.relnamespace
    WHERE /*REL*/ AND c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S', 'i', 'I')
      AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend x WHERE x.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND x.objid = c.oid AND x.deptype = 'e')
), ty AS MATERIALIZED (
    SELECT t.oid, t.typtype, t.typrelid, t.typbasetype, t.typtypmod, t.typnotnull, t.typdefaultbin, t.typcollation,
           t.typacl, t.typowner, ns.qn || '.' || quote_ident(t.typname) AS qname
    FROM pg_catalog.pg_type t JOIN ns ON ns.oid = t.typnamespace
    WHERE /*TYPE*/ AND t.typtype IN ('e', 'd', 'c', 'r')
      AND (t.typtype <> 'c' OR EXISTS (SELECT FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid AND c.relkind = 'c'))
      AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend x WHERE x.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND x.objid = t.oid AND x.deptype = 'e')
), snapshot AS (
-- schema: privileges
SELECT 'schema' AS kind, ns.qn AS name, NULL AS parent,
       CASE WHEN ns.nspacl IS NOT NULL THEN
           (SELECT CASE WHEN s.a @> s.d AND s.d @> s.a THEN NULL
                        ELSE coalesce((SELECT string_agg(x::text, ', ' ORDER BY x::text) FROM unnest(s.a) x), 'none') END
            FROM (SELECT ns.nspacl AS a, acldefault('n', ns.nspowner) AS d) s) END AS a1,
       NULL AS a2, NULL AS a3, NULL AS a4, NULL AS a5, NULL AS a6, NULL AS a7, NULL AS a8, NULL AS a9, NULL AS a10,
       NULL AS a11, NULL AS a12,
       'pg_catalog.pg_namespace'::pg_catalog.regclass::oid AS classid, ns.oid AS objid, 0 AS objsubid, 'n' || ns.oid AS root
FROM ns
WHERE /*SCHEMA*/
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend x WHERE x.classid = 'pg_catalog.pg_namespace'::pg_catalog.regclass
                                                       AND x.objid = ns.oid AND x.deptype = 'e')

UNION ALL
-- table: kind, persistence, partition key, partition of, partition bound, inherits, options, row security,
--        force row security, replica identity, privileges
SELECT r.rkind, r.qname, NULL,
       CASE r.relkind WHEN 'p' THEN 'partitioned' WHEN 'f' THEN 'foreign' ELSE 'ordinary' END,
       CASE r.relpersistence WHEN 'u' THEN 'unlogged' ELSE 'permanent' END,
       CASE WHEN r.relkind = 'p' THEN pg_get_partkeydef(r.oid) END,
       CASE WHEN r.relispartition THEN
           (SELECT i.inhparent::regclass::text FROM pg_catalog.pg_inherits i WHERE i.inhrelid = r.oid) END,
       CASE WHEN r.relispartition THEN pg_get_expr(r.relpartbound, r.oid) END,
       CASE WHEN NOT r.relispartition THEN
           (SELECT string_agg(i.inhparent::regclass::text, ', ' ORDER BY i.inhseqno)
            FROM pg_catalog.pg_inherits i WHERE i.inhrelid = r.oid) END,
       array_to_string(r.reloptions, ', '),
       r.relrowsecurity::text,
       r.relforcerowsecurity::text,
       CASE r.relreplident WHEN 'n' THEN 'nothing' WHEN 'f' THEN 'full'
           WHEN 'i' THEN (SELECT 'index ' || i.indexrelid::regclass::text FROM pg_catalog.pg_index i
                          WHERE i.indrelid = r.oid AND i.indisreplident) END,
       CASE WHEN r.relacl IS NOT NULL THEN
           (SELECT CASE WHEN s.a @> s.d AND s.d @> s.a THEN NULL
                        ELSE coalesce((SELECT string_agg(x::text, ', ' ORDER BY x::text) FROM unnest(s.a) x), 'none') END
            FROM (SELECT r.relacl AS a, acldefault('r', r.relowner) AS d) s) END,
       NULL,
       'pg_catalog.pg_class'::pg_catalog.regclass::oid, r.oid, 0, 'r' || r.oid
FROM rel r
WHERE r.relkind IN ('r', 'p', 'f')

UNION ALL
-- column: type, not null, default, identity, generated, collation, privileges
SELECT 'column', r.qname || '.' || quote_ident(a.attname), r.rkind || ' ' || r.qname,
       format_type(a.atttypid, a.atttypmod),
       CASE WHEN r.relkind IN ('r', 'p', 'f') THEN a.attnotnull::text END,
       CASE WHEN a.atthasdef AND a.attgenerated = '' THEN
           (SELECT pg_get_expr(ad.adbin, ad.adrelid) FROM pg_catalog.pg_attrdef ad
            WHERE ad.adrelid = a.attrelid AND ad.adnum = a.attnum) END,
       CASE a.attidentity WHEN 'a' THEN 'always' WHEN 'd' THEN 'by default' END,
       CASE WHEN a.attgenerated <> '' THEN
           (SELECT pg_get_expr(ad.adbin, ad.adrelid) FROM pg_catalog.pg_attrdef ad
            WHERE ad.adrelid = a.attrelid AND ad.adnum = a.attnum)
           || CASE a.attgenerated WHEN 's' THEN ' (stored)' ELSE ' (virtual)' END END,
       CASE WHEN a.attcollation <> 0 AND a.attcollation <> (SELECT t.typcollation FROM pg_catalog.pg_type t
                                                            WHERE t.oid = a.atttypid) THEN
           (SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN '' ELSE quote_ident(cn.nspname) || '.' END
                   || quote_ident(cl.collname)
            FROM pg_catalog.pg_collation cl JOIN pg_catalog.pg_namespace cn ON cn.oid = cl.collnamespace
            WHERE cl.oid = a.attcollation) END,
       CASE WHEN a.attacl IS NOT NULL THEN
           (SELECT string_agg(x::text, ', ' ORDER BY x::text) FROM unnest(a.attacl) x) END,
       NULL, NULL, NULL, NULL, NULL,
       'pg_catalog.pg_class'::pg_catalog.regclass::oid, r.oid, a.attnum::int, 'r' || r.oid
FROM rel r
-- OFFSET 0 keeps this a per-relation index lookup; joined flat, a generic plan may hash all of pg_attribute
CROSS JOIN LATERAL (SELECT a.* FROM pg_catalog.pg_attribute a
                    WHERE a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped OFFSET 0) a
WHERE r.relkind IN ('r', 'p', 'f', 'v', 'm')

UNION ALL
-- constraint (of a table or a domain): definition, validated
SELECT 'constraint', coalesce(r.qname, y.qname) || '.' || quote_ident(co.conname),
       coalesce(r.rkind || ' ' || r.qname, 'domain ' || y.qname),
       -- NOT VALID is reported as "validated false", not as a second difference in the definition
       regexp_replace(pg_get_constraintdef(co.oid), ' NOT VALID$', ''),
       co.convalidated::text,
       NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
       'pg_catalog.pg_constraint'::pg_catalog.regclass::oid, co.oid, 0, CASE WHEN r.oid IS NOT NULL THEN 'r' || r.oid ELSE 't' || y.oid END
FROM pg_catalog.pg_constraint co
LEFT JOIN rel r ON r.oid = co.conrelid
LEFT JOIN ty y ON y.oid = co.contypid
-- a domain's NOT NULL is the domain's "not null" attribute already
WHERE r.oid IS NOT NULL OR (y.oid IS NOT NULL AND co.contype <> 'n')

UNION ALL
-- index: definition, valid, unique, clustered
SELECT 'index', r.qname, t.rkind || ' ' || t.qname,
       pg_get_indexdef(i.indexrelid),
       i.indisvalid::text,
       i.indisunique::text,
       CASE WHEN i.indisclustered THEN 'true' END,
       NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
       'pg_catalog.pg_class'::pg_catalog.regclass::oid, r.oid, 0, 'r' || t.oid
FROM rel r
JOIN pg_catalog.pg_index i ON i.indexrelid = r.oid
JOIN rel t ON t.oid = i.indrelid

UNION ALL
-- sequence: type, start, increment, min, max, cycle, cache, persistence, owned by, privileges
SELECT 'sequence', r.qname, 'table ' || d.refobjid::pg_catalog.regclass::text,
       format_type(s.seqtypid, NULL),
       s.seqstart::text,
       s.seqincrement::text,
       s.seqmin::text,
       s.seqmax::text,
       s.seqcycle::text,
       s.seqcache::text,
       CASE r.relpersistence WHEN 'u' THEN 'unlogged' ELSE 'permanent' END,
       d.refobjid::pg_catalog.regclass::text || '.' || (SELECT quote_ident(oa.attname) FROM pg_catalog.pg_attribute oa
                          WHERE oa.attrelid = d.refobjid AND oa.attnum = d.refobjsubid),
       CASE WHEN r.relacl IS NOT NULL THEN
           (SELECT CASE WHEN s.a @> s.d AND s.d @> s.a THEN NULL
                        ELSE coalesce((SELECT string_agg(x::text, ', ' ORDER BY x::text) FROM unnest(s.a) x), 'none') END
            FROM (SELECT r.relacl AS a, acldefault('s', r.relowner) AS d) s) END,
       NULL, NULL,
       'pg_catalog.pg_class'::pg_catalog.regclass::oid, r.oid, 0, 'r' || r.oid
FROM rel r
JOIN pg_catalog.pg_sequence s ON s.seqrelid = r.oid
-- OWNED BY (serial) or the identity column the sequence belongs to; a sequence has one owner at most
LEFT JOIN pg_catalog.pg_depend d
       ON d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = r.oid
      AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjsubid > 0 AND d.deptype IN ('a', 'i')

UNION ALL
-- view, materialized view: definition, options, populated, privileges
SELECT r.rkind, r.qname, NULL,
       pg_get_viewdef(r.oid),
       array_to_string(r.reloptions, ', '),
       CASE WHEN r.relkind = 'm' THEN r.relispopulated::text END,
       CASE WHEN r.relacl IS NOT NULL THEN
           (SELECT CASE WHEN s.a @> s.d AND s.d @> s.a THEN NULL
                        ELSE coalesce((SELECT string_agg(x::text, ', ' ORDER BY x::text) FROM unnest(s.a) x), 'none') END
            FROM (SELECT r.relacl AS a, acldefault('r', r.relowner) AS d) s) END,
       NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
       'pg_catalog.pg_class'::pg_catalog.regclass::oid, r.oid, 0, 'r' || r.oid
FROM rel r
WHERE r.relkind IN ('v', 'm')

UNION ALL
-- function, procedure, aggregate: definition, privileges
SELECT CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END,
       p.oid::regprocedure::text, NULL,
       CASE WHEN p.prokind <> 'a' THEN pg_get_functiondef(p.oid) ELSE
           -- pg_get_functiondef refuses aggregates
           (SELECT concat_ws(', ', 'SFUNC = ' || ag.aggtransfn::regproc::text,
                             'STYPE = ' || format_type(ag.aggtranstype, NULL),
                             CASE WHEN ag.aggfinalfn <> 0 THEN 'FINALFUNC = ' || ag.aggfinalfn::regproc::text END,
                             CASE WHEN ag.aggcombinefn <> 0 THEN 'COMBINEFUNC = ' || ag.aggcombinefn::regproc::text END,
                             'INITCOND = ' || ag.agginitval)
            FROM pg_catalog.pg_aggregate ag WHERE ag.aggfnoid = p.oid) END,
       CASE WHEN p.proacl IS NOT NULL THEN
           (SELECT CASE WHEN s.a @> s.d AND s.d @> s.a THEN NULL
                        ELSE coalesce((SELECT string_agg(x::text, ', ' ORDER BY x::text) FROM unnest(s.a) x), 'none') END
            FROM (SELECT p.proacl AS a, acldefault('f', p.proowner) AS d) s) END,
       NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
       'pg_catalog.pg_proc'::pg_catalog.regclass::oid, p.oid, 0, 'p' || p.oid
FROM pg_catalog.pg_proc p
JOIN ns ON ns.oid = p.pronamespace
WHERE /*PROC*/
  -- objects of an extension, and a range type's own constructor functions (internal dependency)
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend x WHERE x.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
                                                       AND x.objid = p.oid AND x.deptype IN ('e', 'i'))

UNION ALL
-- trigger: definition, enabled
SELECT 'trigger', r.qname || '.' || quote_ident(tg.tgname), r.rkind || ' ' || r.qname,
       pg_get_triggerdef(tg.oid),
       CASE tg.tgenabled WHEN 'O' THEN 'true' WHEN 'D' THEN 'false' WHEN 'R' THEN 'replica' WHEN 'A' THEN 'always' END,
       NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
       'pg_catalog.pg_trigger'::pg_catalog.regclass::oid, tg.oid, 0, 'r' || r.oid
FROM pg_catalog.pg_trigger tg
JOIN rel r ON r.oid = tg.tgrelid
WHERE NOT tg.tgisinternal

UNION ALL
-- enum, domain, range, type (composite): labels, base type, not null, default, collation, attributes, subtype,
--                                        privileges
SELECT CASE y.typtype WHEN 'e' THEN 'enum' WHEN 'd' THEN 'domain' WHEN 'r' THEN 'range' ELSE 'type' END, y.qname, NULL,
       CASE WHEN y.typtype = 'e' THEN
           (SELECT '[' || coalesce(string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder), '') || ']'
            FROM pg_catalog.pg_enum e WHERE e.enumtypid = y.oid) END,
       CASE WHEN y.typtype = 'd' THEN format_type(y.typbasetype, y.typtypmod) END,
       CASE WHEN y.typtype = 'd' THEN y.typnotnull::text END,
       CASE WHEN y.typtype = 'd' THEN pg_get_expr(y.typdefaultbin, 0) END,
       CASE WHEN y.typtype = 'd' AND y.typcollation <> (SELECT b.typcollation FROM pg_catalog.pg_type b
                                                        WHERE b.oid = y.typbasetype) THEN
           (SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN '' ELSE quote_ident(cn.nspname) || '.' END
                   || quote_ident(cl.collname)
            FROM pg_catalog.pg_collation cl JOIN pg_catalog.pg_namespace cn ON cn.oid = cl.collnamespace
            WHERE cl.oid = y.typcollation) END,
       CASE WHEN y.typtype = 'c' THEN
           (SELECT string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)
                              || CASE WHEN a.attcollation <> at.typcollation THEN ' COLLATE ' ||
                                     (SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN ''
                                                  ELSE quote_ident(cn.nspname) || '.' END || quote_ident(cl.collname)
                                      FROM pg_catalog.pg_collation cl
                                      JOIN pg_catalog.pg_namespace cn ON cn.oid = cl.collnamespace
                                      WHERE cl.oid = a.attcollation) ELSE '' END,
                              ', ' ORDER BY a.attnum)
            FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type at ON at.oid = a.atttypid
            WHERE a.attrelid = y.typrelid AND a.attnum > 0 AND NOT a.attisdropped) END,
       CASE WHEN y.typtype = 'r' THEN
           (SELECT format_type(rg.rngsubtype, NULL)
                   || CASE WHEN rg.rngcollation <> 0 THEN ' COLLATE ' ||
                          (SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN ''
                                       ELSE quote_ident(cn.nspname) || '.' END || quote_ident(cl.collname)
                           FROM pg_catalog.pg_collation cl JOIN pg_catalog.pg_namespace cn ON cn.oid = cl.collnamespace
                           WHERE cl.oid = rg.rngcollation) ELSE '' END
            FROM pg_catalog.pg_range rg WHERE rg.rngtypid = y.oid) END,
       CASE WHEN y.typacl IS NOT NULL THEN
           (SELECT CASE WHEN s.a @> s.d AND s.d @> s.a THEN NULL
                        ELSE coalesce((SELECT string_agg(x::text, ', ' ORDER BY x::text) FROM unnest(s.a) x), 'none') END
            FROM (SELECT y.typacl AS a, acldefault('T', y.typowner) AS d) s) END,
       NULL, NULL, NULL, NULL,
       'pg_catalog.pg_type'::pg_catalog.regclass::oid, y.oid, 0, 't' || y.oid
FROM ty y

UNION ALL
-- extension: version, schema (no comment: the extension's own script sets it; the address lets a DROP be mapped)
SELECT 'extension', quote_ident(e.extname), NULL,
       e.extversion,
       quote_ident(n.nspname),
       NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
       'pg_catalog.pg_extension'::pg_catalog.regclass::oid, e.oid, 0, 'x' || e.oid
FROM pg_catalog.pg_extension e
JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
WHERE /*EXTENSION*/

UNION ALL
-- policy: command, permissive, roles, using, with check
SELECT 'policy', r.qname || '.' || quote_ident(pol.polname), r.rkind || ' ' || r.qname,
       CASE pol.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE'
                       ELSE 'ALL' END,
       pol.polpermissive::text,
       (SELECT string_agg(CASE WHEN x.role = 0 THEN 'public' ELSE x.role::regrole::text END, ', ' ORDER BY 1)
        FROM unnest(pol.polroles) x(role)),
       pg_get_expr(pol.polqual, pol.polrelid),
       pg_get_expr(pol.polwithcheck, pol.polrelid),
       NULL, NULL, NULL, NULL, NULL, NULL, NULL,
       'pg_catalog.pg_policy'::pg_catalog.regclass::oid, pol.oid, 0, 'r' || r.oid
FROM pg_catalog.pg_policy pol
JOIN rel r ON r.oid = pol.polrelid

UNION ALL
-- rule: definition, enabled
SELECT 'rule', r.qname || '.' || quote_ident(ru.rulename), r.rkind || ' ' || r.qname,
       pg_get_ruledef(ru.oid),
       CASE ru.ev_enabled WHEN 'O' THEN 'true' WHEN 'D' THEN 'false' WHEN 'R' THEN 'replica' WHEN 'A' THEN 'always' END,
       NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
       'pg_catalog.pg_rewrite'::pg_catalog.regclass::oid, ru.oid, 0, 'r' || r.oid
FROM pg_catalog.pg_rewrite ru
JOIN rel r ON r.oid = ru.ev_class
WHERE ru.rulename <> '_RETURN'

UNION ALL
-- statistics: definition
SELECT 'statistics', ns.qn || '.' || quote_ident(st.stxname), r.rkind || ' ' || r.qname,
       pg_get_statisticsobjdef(st.oid),
       NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
       'pg_catalog.pg_statistic_ext'::pg_catalog.regclass::oid, st.oid, 0, 'r' || r.oid
FROM pg_catalog.pg_statistic_ext st
JOIN ns ON ns.oid = st.stxnamespace
JOIN rel r ON r.oid = st.stxrelid

UNION ALL
-- event trigger: event, function, tags, enabled
SELECT 'event trigger', quote_ident(et.evtname), NULL,
       et.evtevent::text,
       et.evtfoid::regproc::text,
       array_to_string(et.evttags, ', '),
       CASE et.evtenabled WHEN 'O' THEN 'true' WHEN 'D' THEN 'false' WHEN 'R' THEN 'replica' WHEN 'A' THEN 'always' END,
       NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
       'pg_catalog.pg_event_trigger'::pg_catalog.regclass::oid, et.oid, 0, 'v' || et.oid
FROM pg_catalog.pg_event_trigger et
WHERE et.evtname NOT LIKE '\_migratest%'
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend x WHERE x.classid = 'pg_catalog.pg_event_trigger'::pg_catalog.regclass
                                                           AND x.objid = et.oid AND x.deptype = 'e')

UNION ALL
-- comment: the text, attached in Java to the object at the same (classid, objid, objsubid).
-- User objects have OIDs from FirstNormalObjectId (16384) on; initdb's public schema is the exception worth keeping.
SELECT 'comment', NULL, NULL,
       ds.description,
       NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
       ds.classoid, ds.objoid, ds.objsubid,
       /*ROOT_OF(ds.classoid, ds.objoid)*/
FROM pg_catalog.pg_description ds
WHERE (ds.objoid >= 16384 OR ds.classoid = 'pg_catalog.pg_namespace'::pg_catalog.regclass)
  -- an extension's comment is its script's, not the migration's
  AND ds.classoid <> 'pg_catalog.pg_extension'::pg_catalog.regclass

)
-- /*FILTER*/ keeps, in a scoped read, the comments on objects in scope; every other branch is scoped above.
SELECT * FROM snapshot /*FILTER*/