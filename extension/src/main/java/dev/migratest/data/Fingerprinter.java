package dev.migratest.data;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes table fingerprints in Postgres: per table one aggregate query, row count plus per column the non-NULL
 * count and the sum of the values' hashes ({@link ValueHash}). A sum is order-independent and, unlike XOR, does not
 * cancel repeated values; the query runs with parallel workers where Postgres plans them.
 */
final class Fingerprinter {
    private static final String USER_TABLES = """
            select n.nspname || '.' || c.relname, format('%I.%I', n.nspname, c.relname),
                   array_agg(a.attname::text order by a.attnum), array_agg(quote_ident(a.attname) order by a.attnum),
                   array_agg(coalesce(base.typname, ty.typname)::text order by a.attnum)
              from pg_class c join pg_namespace n on n.oid = c.relnamespace
              join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
              join pg_type ty on ty.oid = a.atttypid
              left join pg_type base on ty.typtype = 'd' and base.oid = ty.typbasetype
             where c.relkind in ('r', 'p') and not c.relispartition
               and n.nspname not in ('pg_catalog', 'information_schema', '_migratest')
               and n.nspname not like 'pg\\_%'
             group by 1, 2
             order by 1
            """;

    private Fingerprinter() {
    }

    /** Every user table with its columns (partitions are covered by their parent). */
    static List<TableShape> shapes(Connection connection) throws SQLException {
        List<TableShape> shapes = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(USER_TABLES)) {
            while (rs.next()) {
                shapes.add(new TableShape(rs.getString(1), rs.getString(2), strings(rs.getArray(3)),
                        strings(rs.getArray(4)), strings(rs.getArray(5))));
            }
        }
        return shapes;
    }

    static TableFingerprint fingerprint(Connection connection, TableShape shape) throws SQLException {
        StringBuilder sql = new StringBuilder("select count(*)");
        for (int i = 0; i < shape.quotedColumns().size(); i++) {
            String column = shape.quotedColumns().get(i);
            sql.append(", count(").append(column).append("), coalesce(sum(")
                    .append(ValueHash.of(column, shape.types().get(i))).append("), 0)");
        }
        sql.append(" from ").append(shape.quotedName());
        Map<String, ColumnFingerprint> columns = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql.toString())) {
            rs.next();
            long rows = rs.getLong(1);
            for (int i = 0; i < shape.columns().size(); i++) {
                String column = shape.columns().get(i);
                // a sum of 64-bit hashes is numeric: its low 64 bits are checksum enough
                columns.put(column, new ColumnFingerprint(column, rs.getLong(2 + 2 * i),
                        rs.getBigDecimal(3 + 2 * i).toBigInteger().longValue()));
            }
            return new TableFingerprint(shape.name(), rows, columns);
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
