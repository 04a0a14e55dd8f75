package dev.migratest.locks;

/**
 * The catalog queries of the tracer. One lock query serves both sides: the migrating backend reading its own
 * locks inside its transaction, and the observer connection polling another backend by pid.
 */
final class LockQueries {

    private LockQueries() {
    }

    static String userNamespace(String column) {
        return column + " not in ('pg_catalog', 'information_schema', 'pg_toast', '_migratest')"
                + " and " + column + " not like 'pg\\_temp%' and " + column + " not like 'pg\\_toast\\_temp%'";
    }

    /**
     * Locks on relations and types of the current database held (or awaited) by {@code pidExpression}. Objects the
     * backend's own transaction dropped come back unnamed (their catalog rows are gone for it).
     */
    static String locks(String pidExpression, int major) {
        String waited = major >= 14
                ? "case when not l.granted and l.waitstart is not null"
                  + " then extract(epoch from clock_timestamp() - l.waitstart) * 1000 end"
                : "null::float8";
        return """
                select l.mode, l.granted, coalesce(l.relation, l.objid)::bigint,
                       case when l.locktype = 'object' then 'y' else c.relkind::text end,
                       case when l.locktype = 'object' then tyn.nspname || '.' || ty.typname
                            when c.relkind = 't' then 'toast of ' || own.name
                            else n.nspname || '.' || c.relname end,
                       coalesce(c.relfilenode, 0)::bigint, coalesce(c.reltoastrelid, 0)::bigint,
                       coalesce(t.relfilenode, 0)::bigint,
                       case when c.relkind in ('i', 'I') then idx.name when c.relkind = 't' then own.name
                            when c.relkind in ('r', 'p', 'm', 'f') then n.nspname || '.' || c.relname end,
                       %s
                  from pg_locks l
                  left join pg_class c on l.locktype = 'relation' and c.oid = l.relation
                  left join pg_namespace n on n.oid = c.relnamespace
                  left join pg_class t on t.oid = c.reltoastrelid
                  left join pg_type ty on l.locktype = 'object' and ty.oid = l.objid
                  left join pg_namespace tyn on tyn.oid = ty.typnamespace
                  left join lateral (select o_n.nspname || '.' || o.relname as name, o_n.nspname as nsp
                                       from pg_class o join pg_namespace o_n on o_n.oid = o.relnamespace
                                      where c.relkind = 't' and o.reltoastrelid = c.oid) own on true
                  left join lateral (select x_n.nspname || '.' || x_c.relname as name
                                       from pg_index x join pg_class x_c on x_c.oid = x.indrelid
                                       join pg_namespace x_n on x_n.oid = x_c.relnamespace
                                      where c.relkind in ('i', 'I') and x.indexrelid = c.oid) idx on true
                 where l.pid = %s
                   and l.database = (select oid from pg_database where datname = current_database())
                   and (l.locktype = 'relation' or (l.locktype = 'object' and l.classid = 'pg_type'::regclass))
                   and ((c.oid is null and ty.oid is null) or (%s))
                """.formatted(waited, pidExpression, userNamespace("coalesce(own.nsp, n.nspname, tyn.nspname)"));
    }

    /** Rows scanned and changed per table by the current transaction so far. */
    static final String TRANSACTION_ACTIVITY = """
            select s.relid::bigint, s.schemaname || '.' || s.relname, s.seq_scan, s.n_tup_ins, s.n_tup_upd, s.n_tup_del
              from pg_stat_xact_user_tables s
             where s.schemaname <> '_migratest'
               and (s.seq_scan > 0 or s.n_tup_ins > 0 or s.n_tup_upd > 0 or s.n_tup_del > 0)
            """;

    /** The same counters, cumulative: for autocommit statements, read before and after after a forced flush (15+). */
    static final String CUMULATIVE_ACTIVITY = """
            select s.relid::bigint, s.schemaname || '.' || s.relname, s.seq_scan, s.n_tup_ins, s.n_tup_upd, s.n_tup_del
              from pg_stat_user_tables s
             where s.schemaname <> '_migratest'
            """;

    static final String TIMEOUTS = "select current_setting('lock_timeout'), current_setting('statement_timeout')";
}
