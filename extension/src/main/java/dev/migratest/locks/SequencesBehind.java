package dev.migratest.locks;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the sequences owned by a column (serial or identity) that are behind their column's largest value: rows were
 * written with explicit ids (a DOWN copying rows back, seed rows, a data fix) or the sequence was moved back, and the
 * next INSERT that takes the default collides. One query: the column maxima are read through query_to_xml, since
 * their tables are only known from the catalog.
 */
public final class SequencesBehind {
    private static final String QUERY = """
            with wanted(names) as (select cast(? as text[]))
            select s.name, s.tbl, s.col, s.last, s.biggest
              from wanted,
                   lateral (select sn.nspname || '.' || seq.relname as name, tn.nspname || '.' || tbl.relname as tbl,
                                   tn.nspname || '.' || tbl.relname || '.' || a.attname as col,
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
                               and d.deptype in ('a', 'i') and %s
                               and (wanted.names is null
                                    or tn.nspname || '.' || tbl.relname = any (wanted.names)
                                    or sn.nspname || '.' || seq.relname = any (wanted.names))) s
             where s.biggest > coalesce(s.last, 0)
             order by s.name
            """.formatted(LockQueries.userNamespace("tn.nspname"));

    private SequencesBehind() {
    }

    /**
     * The sequences behind their column among those of {@code relations} (tables, or the sequences themselves);
     * {@code null}: every sequence of the database. Call it with no transaction open, or inside the one to read.
     */
    public static List<SequenceBehind> among(Connection connection, Set<String> relations) throws SQLException {
        if (relations != null && relations.isEmpty()) return List.of();
        List<SequenceBehind> behind = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(QUERY)) {
            Array names = relations == null ? null : connection.createArrayOf("text", relations.toArray(new String[0]));
            statement.setArray(1, names);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long last = rs.getLong(4);
                    behind.add(new SequenceBehind(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.wasNull() ? null : last, rs.getBigDecimal(5)));
                }
            }
        }
        return behind;
    }
}
