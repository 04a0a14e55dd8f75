package dev.migratest.datagen;

/**
 * One column of a table.
 *
 * @param name              the column name
 * @param position          1-based position among the table's live (not dropped) columns
 * @param type              the type, domains resolved
 * @param notNull           NOT NULL on the column or on its domain
 * @param defaultExpression the default as {@code pg_get_expr} prints it, or {@code null}; for a generated column
 *                          this is the generation expression
 * @param identity          identity kind
 * @param generated         generated-column kind
 * @param serial            whether the column is a serial: its default is {@code nextval} of a sequence it owns
 * @param fill              who gives the column its values; see {@link Fill}
 */
public record Column(String name, int position, ColumnType type, boolean notNull, String defaultExpression,
                     Identity identity, Generated generated, boolean serial, Fill fill) {

    public enum Identity { NONE, ALWAYS, BY_DEFAULT }

    /** {@code VIRTUAL} exists from PostgreSQL 18. */
    public enum Generated { NONE, STORED, VIRTUAL }

    /**
     * Who fills the column.
     * <ul>
     *   <li>{@code POSTGRES}: identity ALWAYS and generated columns always; serial and identity BY DEFAULT
     *       columns unless they are a key we must control. Datagen leaves the column out of its COPY.</li>
     *   <li>{@code DATAGEN}: every other column, including a serial/identity BY DEFAULT column that a foreign key
     *       in the schema references (through a primary key or unique constraint): referencing rows must know
     *       the values, so datagen writes them (by row index) and the loader moves the sequence past them
     *       afterwards ({@code setval}).</li>
     * </ul>
     */
    public enum Fill { DATAGEN, POSTGRES }

    /** A plain column for hand-built models: no default, no identity, filled by datagen. */
    public static Column of(String name, int position, ColumnType type, boolean notNull) {
        return new Column(name, position, type, notNull, null, Identity.NONE, Generated.NONE, false, Fill.DATAGEN);
    }
}
