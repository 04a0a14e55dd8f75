package dev.migratest.datagen;

import java.util.Objects;

/**
 * A table's schema-qualified name. {@link #toString()} gives {@code schema.name} unquoted (for messages);
 * {@link #sql()} quotes each part when needed (for statements).
 */
public record TableName(String schema, String name) implements Comparable<TableName> {

    public TableName {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    /** Parses {@code schema.table} (unquoted); a name without a dot is put in {@code public}. */
    public static TableName parse(String qualified) {
        int dot = qualified.indexOf('.');
        return dot < 0 ? new TableName("public", qualified)
                : new TableName(qualified.substring(0, dot), qualified.substring(dot + 1));
    }

    /** The name as SQL, each part double-quoted unless it is a plain lower-case identifier. */
    public String sql() {
        return quote(schema) + "." + quote(name);
    }

    static String quote(String identifier) {
        return identifier.matches("[a-z_][a-z0-9_$]*") ? identifier : '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public int compareTo(TableName other) {
        int c = schema.compareTo(other.schema);
        return c != 0 ? c : name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return schema + "." + name;
    }
}
