package dev.migratest.datagen;

import java.util.List;

/**
 * A CHECK constraint of a table. PostgreSQL stores a column-level CHECK like a table-level one; a CHECK that
 * mentions exactly one column is the column-level kind whatever way it was written.
 *
 * @param name       constraint name
 * @param definition as {@code pg_get_constraintdef} prints it, e.g. {@code CHECK ((price >= (0)::numeric))}
 * @param columns    the columns it mentions, in column order
 */
public record CheckConstraint(String name, String definition, List<String> columns) {

    public CheckConstraint {
        columns = List.copyOf(columns);
    }

    /** Whether it mentions exactly one column. */
    public boolean columnLevel() {
        return columns.size() == 1;
    }
}
