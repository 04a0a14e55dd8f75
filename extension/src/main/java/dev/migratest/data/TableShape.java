package dev.migratest.data;

import java.util.List;

/**
 * A table as the fingerprint query needs it.
 *
 * @param name          schema-qualified name, as reports print it
 * @param quotedName    the same, quoted for SQL
 * @param columns       column names in column order
 * @param quotedColumns the same, quoted for SQL
 * @param types         each column's type name (a domain's base type), in column order
 */
record TableShape(String name, String quotedName, List<String> columns, List<String> quotedColumns,
                  List<String> types) {
    TableShape {
        columns = List.copyOf(columns);
        quotedColumns = List.copyOf(quotedColumns);
        types = List.copyOf(types);
    }
}
