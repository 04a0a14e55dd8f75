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

    private final Connection connection;
    private final Set<String> invalidBefore;
    private final Set<String> unindexedBefore;

    private Aftermath(Connection connection) throws SQLException {
        this.connection = connection;
        this.invalidBefore = read(connection, INVALID_INDEXES);
        this.unindexedBefore = read(connection, UNINDEXED_FOREIGN_KEYS);
    }

    /** Takes the "before" reading; call it outside the phase's transaction. */
    public static Aftermath before(Connection connection) throws SQLException {
        return new Aftermath(connection);
    }

    /** What the phase added; call it after COMMIT or ROLLBACK. */
    public PhaseAftermath after() throws SQLException {
        return new PhaseAftermath(added(invalidBefore, read(connection, INVALID_INDEXES)),
                added(unindexedBefore, read(connection, UNINDEXED_FOREIGN_KEYS)));
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
