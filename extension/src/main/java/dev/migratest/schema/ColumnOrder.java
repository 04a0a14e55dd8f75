package dev.migratest.schema;

/** Whether {@link SchemaDiff} compares where columns stand in their table. */
public enum ColumnOrder {
    /** Columns must stand at the same rank among their table's live columns. */
    STRICT,
    /**
     * Positions are not compared. A down that drops a column and an up that adds it back leave it at the end of the
     * table: that is how Postgres works, not a mistake of the down.
     */
    IGNORE
}
