package dev.migratest.datagen;

import java.util.List;

/**
 * A foreign key declared on a table (for a partitioned table, the one declared on the parent).
 *
 * @param name              constraint name
 * @param columns           referencing columns, in key order
 * @param referencedTable   the referenced table
 * @param referencedColumns the referenced columns, matching {@code columns} one to one
 * @param deferrable        DEFERRABLE
 * @param initiallyDeferred INITIALLY DEFERRED
 * @param matchFull         MATCH FULL: the key is NULL only when all its columns are; otherwise (MATCH SIMPLE)
 *                          one NULL column is enough
 */
public record ForeignKey(String name, List<String> columns, TableName referencedTable, List<String> referencedColumns,
                         boolean deferrable, boolean initiallyDeferred, boolean matchFull) {

    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }

    /** A MATCH SIMPLE, not deferrable key, for hand-built models. */
    public static ForeignKey of(String name, List<String> columns, TableName referencedTable, List<String> referencedColumns) {
        return new ForeignKey(name, columns, referencedTable, referencedColumns, false, false, false);
    }
}
