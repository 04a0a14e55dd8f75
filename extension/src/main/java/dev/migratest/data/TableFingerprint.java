package dev.migratest.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One table's data, computed by Postgres in one pass: no row is shipped to the JVM.
 *
 * @param table   schema-qualified name
 * @param rows    row count (partitions included for a partitioned table)
 * @param columns per column, in column order
 */
public record TableFingerprint(String table, long rows, Map<String, ColumnFingerprint> columns) {
    public TableFingerprint {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }
}
