package dev.migratest.datagen;

import java.util.List;

/**
 * A primary key, a UNIQUE constraint, or a unique index that backs no constraint.
 *
 * @param name       constraint or index name
 * @param kind       where it comes from
 * @param columns    the key columns in key order; empty entries are not used: an expression part makes
 *                   {@code expression} true and is left out of this list
 * @param predicate  for a partial unique index: its WHERE predicate as {@code pg_get_expr} prints it; otherwise null
 * @param expression whether the index has an expression part (e.g. {@code lower(email)})
 * @param definition the index definition ({@code pg_get_indexdef}) or constraint definition ({@code pg_get_constraintdef})
 * @param respected  whether datagen can keep it by construction (distinct values from the row index in the key
 *                   columns); a partial index is respected because values unique overall are unique under any
 *                   predicate; an expression index is not
 * @param note       for one that is not respected: why, and what to do; otherwise null
 */
public record UniqueKey(String name, Kind kind, List<String> columns, String predicate, boolean expression,
                        String definition, boolean respected, String note) {

    public enum Kind { PRIMARY_KEY, UNIQUE_CONSTRAINT, UNIQUE_INDEX }

    public UniqueKey {
        columns = List.copyOf(columns);
    }

    /** A plain key over columns, for hand-built models. */
    public static UniqueKey of(String name, Kind kind, String... columns) {
        return new UniqueKey(name, kind, List.of(columns), null, false, null, true, null);
    }
}
