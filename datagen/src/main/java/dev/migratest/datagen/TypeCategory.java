package dev.migratest.datagen;

/** What kind of values a column holds, after domains are resolved to their base type. */
public enum TypeCategory {
    /** text, varchar(n), char(n), name, and extension string types such as citext (see {@link ColumnType#extensionText()}). */
    TEXT,
    /** smallint, integer, bigint: see {@link ColumnType#minValue()} and {@link ColumnType#maxValue()}. */
    INTEGER,
    /** numeric, with {@link ColumnType#precision()} and {@link ColumnType#scale()} when declared. */
    NUMERIC,
    /** real, double precision. */
    FLOAT,
    BOOLEAN,
    DATE,
    /** time and time with time zone. */
    TIME,
    TIMESTAMP,
    TIMESTAMPTZ,
    INTERVAL,
    UUID,
    JSON,
    JSONB,
    BYTEA,
    INET,
    CIDR,
    /** An enum type: {@link ColumnType#enumLabels()} in declaration order. */
    ENUM,
    /** An array: {@link ColumnType#element()} and {@link ColumnType#dimensions()}. */
    ARRAY,
    /**
     * Anything datagen has no generator for: extension types (hstore, ltree, geometry…), composite, range and
     * the rarer built-in types (money, xml, point…). Listed by {@link SchemaModel#unsupportedColumns()}.
     */
    UNKNOWN
}
