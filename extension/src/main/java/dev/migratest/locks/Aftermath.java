package dev.migratest.locks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads invalid indexes and unindexed foreign keys before a phase, so that afterwards only what the phase added is
 * reported (an index left invalid by an earlier failure is that failure's story).
 */
public final class Aftermath {
    private static final String INVALID_INDEXES = """
            select n.nspname || '.' || c.relname
              from pg_index i join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace
             where not i.indisvalid and %s
            """.formatted(LockQueries.userNamespace("n.nspname"));

    /** A foreign key is supported when some index's leading columns are exactly its columns, in any order. */
    private static final String UNINDEXED_FOREIGN_KEYS = """
            select co.conname || ' on ' || n.nspname || '.' || t.relname || ' ('
                   || (select string_agg(a.attname, ', ' order by k.ord)
                         from unnest(co.conkey) with ordinality k(attnum, ord)
                         join pg_attribute a on a.attrelid = co.conrelid and a.attnum = k.attnum) || ')'
              from pg_constraint co join pg_class t on t.oid = co.conrelid join pg_namespace n on n.oid = t.relnamespace
             where co.contype = 'f' and %s
               and not exists (
                   select 1 from pg_index i
                    where i.indrelid = co.conrelid
                      and (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(co.conkey)] @> co.conkey
                      and (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(co.conkey)] <@ co.conkey)
            """.formatted(LockQueries.userNamespace("n.nspname"));

    private static final String NOT_VALID_CONSTRAINTS = """
            select co.conname || ' on ' || n.nspname || '.' || t.relname
              from pg_constraint co join pg_class t on t.oid = co.conrelid join pg_namespace n on n.oid = t.relnamespace
             where not co.convalidated and co.contype in ('c', 'f') and %s
            """.formatted(LockQueries.userNamespace("n.nspname"));

    /**
     * Sequences owned by a column (serial or identity) whose next value would collide: rows were written with
     * explicit ids (a DOWN copying rows back, a data fix) and the sequence never heard of them. One query: the
     * column maxima are read through query_to_xml, since their tables are only known from the catalog.
     */
    private static final String SEQUENCES_BEHIND = """
            select s.name || ' at ' || coalesce(s.last, 0) || ' < max(' || s.col || ') ' || s.biggest
              from (select sn.nspname || '.' || seq.relname as name, tn.nspname || '.' || tbl.relname || '.' || a.attname as col,
                           (select ps.last_value from pg_sequences ps
                             where ps.schemaname = sn.nspname and ps.sequencename = seq.relname) as last,
                           (xpath('/row/m/text()', query_to_xml(format('select max(%%I)::numeric as m from %%I.%%I',
                                  a.attname, tn.nspname, tbl.relname), false, true, '')))[1]::text::numeric as biggest
                      from pg_depend d
                      join pg_class seq on seq.oid = d.objid and seq.relkind = 'S'
                      join pg_namespace sn on sn.oid = seq.relnamespace
                      join pg_class tbl on tbl.oid = d.refobjid
                      join pg_namespace tn on tn.oid = tbl.relnamespace
                      join pg_attribute a on a.attrelid = tbl.oid and a.attnum = d.refobjsubid
                     where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass
                       and d.deptype in ('a', 'i') and %s) s
             where s.biggest > coalesce(s.last, 0)
            """.formatted(LockQueries.userNamespace("tn.nspname"));

    private final Connection connection;
    private final Set<String> invalidBefore;
    private final Set<String> unindexedBefore;
    private final Set<String> notValidBefore;
    private final Set<String> behindBefore;

    private Aftermath(Connection connection) throws SQLException {
        this.connection = connection;
        this.invalidBefore = read(connection, INVALID_INDEXES);
        this.unindexedBefore = read(connection, UNINDEXED_FOREIGN_KEYS);
        this.notValidBefore = read(connection, NOT_VALID_CONSTRAINTS);
        this.behindBefore = sequenceNames(read(connection, SEQUENCES_BEHIND));
    }

    /** Takes the "before" reading; call it outside the phase's transaction. */
    public static Aftermath before(Connection connection) throws SQLException {
        return new Aftermath(connection);
    }

    /** What the phase added; call it after COMMIT or ROLLBACK. */
    public PhaseAftermath after() throws SQLException {
        List<String> behind = new ArrayList<>();
        for (String line : read(connection, SEQUENCES_BEHIND)) {
            if (!behindBefore.contains(line.substring(0, line.indexOf(' ')))) behind.add(line);
        }
        return new PhaseAftermath(added(invalidBefore, read(connection, INVALID_INDEXES)),
                added(unindexedBefore, read(connection, UNINDEXED_FOREIGN_KEYS)),
                added(notValidBefore, read(connection, NOT_VALID_CONSTRAINTS)), behind);
    }

    /** A sequence already behind before the phase is an earlier migration's story. */
    private static Set<String> sequenceNames(Set<String> lines) {
        Set<String> names = new LinkedHashSet<>();
        lines.forEach(line -> names.add(line.substring(0, line.indexOf(' '))));
        return names;
    }

    private static List<String> added(Set<String> before, Set<String> after) {
        List<String> added = new ArrayList<>(after);
        added.removeAll(before);
        return added;
    }

    private static Set<String> read(Connection connection, String sql) throws SQLException {
        Set<String> names = new LinkedHashSet<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) names.add(rs.getString(1));
        }
        return names;
    }
}
