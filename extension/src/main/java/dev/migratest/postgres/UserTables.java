package dev.migratest.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a database holds user tables: ordinary, partitioned or foreign tables outside {@code pg_catalog},
 * {@code information_schema}, toast and temporary schemas, not counting partitions (their parent is listed) and
 * tables that belong to an extension (PostGIS' {@code spatial_ref_sys}).
 */
final class UserTables {
    private static final String QUERY = "SELECT n.nspname || '.' || c.relname, count(*) OVER ()"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('r', 'p', 'f') AND NOT c.relispartition"
            + " AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
            + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'"
            + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass"
            + "                 AND d.objid = c.oid AND d.deptype = 'e')"
            + " ORDER BY 1 LIMIT " + NonEmptyDatabaseException.SHOWN;

    private UserTables() {
    }

    /** Refuses {@code address}'s own database, from a URL in migratest's settings, when it holds user tables. */
    static void refuseIfAny(ServerAddress address) throws SQLException {
        refuseIfAny(address, null);
    }

    /** The same for a server handed over by {@code handedBy} (the field), or by a URL when null. */
    static void refuseIfAny(ServerAddress address, String handedBy) throws SQLException {
        List<String> tables = new ArrayList<>();
        int count = 0;
        try (Connection c = address.connect(address.defaultDatabase()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(QUERY)) {
            while (rs.next()) {
                tables.add(rs.getString(1));
                count = rs.getInt(2);
            }
        }
        if (count > 0) {
            throw new NonEmptyDatabaseException(address.defaultDatabase(),
                    address.printableUrl(address.defaultDatabase()), tables, count, handedBy);
        }
    }
}
