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

    /** The three catalog leftovers in one round trip, each row tagged with what it is. */
    private static final String LEFTOVERS = "select 'i', x.* from (" + INVALID_INDEXES + ") x union all select 'f', y.* from ("
            + UNINDEXED_FOREIGN_KEYS + ") y union all select 'n', z.* from (" + NOT_VALID_CONSTRAINTS + ") z";

    private final Connection connection;
    private final Set<String> before;

    private Aftermath(Connection connection) throws SQLException {
        this.connection = connection;
        this.before = leftovers(connection);
    }

    /** Takes the "before" reading; call it outside the phase's transaction. */
    public static Aftermath before(Connection connection) throws SQLException {
        return new Aftermath(connection);
    }

    /**
     * What the phase added; call it after COMMIT or ROLLBACK. {@code written}: the tables the phase wrote, from its
     * trace ({@code null}: any), and the sequences it moved — only their sequences can have fallen behind, so only theirs
     * are read (reading every column maximum around every phase of a long history cost more than the history itself).
     */
    public PhaseAftermath after(Set<String> written) throws SQLException {
        Set<String> now = leftovers(connection);
        now.removeAll(before);
        List<String> invalid = new ArrayList<>();
        List<String> unindexed = new ArrayList<>();
        List<String> notValid = new ArrayList<>();
        for (String tagged : now) {
            String text = tagged.substring(2);
            switch (tagged.charAt(0)) {
                case 'i' -> invalid.add(text);
                case 'f' -> unindexed.add(text);
                default -> notValid.add(text);
            }
        }
        return new PhaseAftermath(invalid, unindexed, notValid, sequencesBehind(written));
    }

    private List<String> sequencesBehind(Set<String> written) throws SQLException {
        return SequencesBehind.among(connection, written).stream().map(SequenceBehind::describe).toList();
    }

    private static Set<String> leftovers(Connection connection) throws SQLException {
        Set<String> tagged = new LinkedHashSet<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(LEFTOVERS)) {
            while (rs.next()) tagged.add(rs.getString(1) + " " + rs.getString(2));
        }
        return tagged;
    }
}
