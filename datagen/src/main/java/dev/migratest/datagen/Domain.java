package dev.migratest.datagen;

import java.util.List;

/**
 * The domain a column is declared with. When domains are stacked, {@code name} is the outermost one and
 * {@code notNull}/{@code checks} gather the constraints of the whole chain, outermost first.
 *
 * @param name    the domain as {@code format_type} prints it (schema-qualified when not on the search path)
 * @param notNull whether the domain (or one it is based on) is NOT NULL
 * @param checks  the domain CHECK constraints as {@code pg_get_constraintdef} prints them, e.g. {@code CHECK ((VALUE > 0))}
 */
public record Domain(String name, boolean notNull, List<String> checks) {
    public Domain {
        checks = List.copyOf(checks);
    }
}
