package dev.migratest.datagen;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The user tables of a database as datagen sees them, sorted by name. Built by {@link SchemaIntrospector} or by
 * hand (tests, callers with their own catalog reader).
 *
 * @param searchPath the schemas a table name without a schema is looked up in, in order: the existing schemas of the
 *                   reading connection's search_path ({@code current_schemas(false)})
 */
public record SchemaModel(List<Table> tables, List<String> searchPath) {

    public SchemaModel {
        tables = tables.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
        searchPath = List.copyOf(searchPath);
    }

    /** With PostgreSQL's default search_path as a database without a schema per user has it: {@code public}. */
    public SchemaModel(List<Table> tables) {
        this(tables, List.of("public"));
    }

    /** A column whose type datagen cannot generate. */
    public record UnsupportedColumn(TableName table, String column, String type) {
        /** {@code public.places.tags: type hstore is not supported; skip the table with 0 rows} */
        public String message() {
            return table + "." + column + ": type " + type
                    + " is not supported; skip the table with 0 rows";
        }
    }

    /**
     * The model without the tables named ({@code schema.table}, unquoted): tables that are no user data, such as a
     * migration tool's own table of applied migrations.
     */
    public SchemaModel without(java.util.Set<String> qualifiedNames) {
        if (qualifiedNames.isEmpty()) return this;
        return new SchemaModel(tables.stream().filter(t -> !qualifiedNames.contains(t.name().toString())).toList(),
                searchPath);
    }

    public Optional<Table> table(TableName name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The table with this schema-qualified name; throws when there is none. */
    public Table table(String qualifiedName) {
        TableName name = TableName.parse(qualifiedName);
        return table(name).orElseThrow(() -> new IllegalArgumentException("no table " + name));
    }

    /**
     * Columns of UNKNOWN type (or arrays of them) that datagen must fill: generated and identity ALWAYS columns are
     * left out because PostgreSQL fills them. In table order, then column order.
     */
    public List<UnsupportedColumn> unsupportedColumns() {
        List<UnsupportedColumn> out = new ArrayList<>();
        for (Table t : tables) {
            for (Column c : t.columns()) {
                if (c.fill() == Column.Fill.DATAGEN && c.type().unsupported()) {
                    out.add(new UnsupportedColumn(t.name(), c.name(), c.type().unsupportedTypeName()));
                }
            }
        }
        return out;
    }
}
