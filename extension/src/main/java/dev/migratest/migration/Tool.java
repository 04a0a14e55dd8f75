package dev.migratest.migration;

/**
 * The migration tool whose rules a folder is rehearsed by: whether it runs a script in a transaction, how it sends the
 * statements, and which table it keeps of the migrations it applied. Each rule is read from the tool's source; the
 * version read is named in README's "Migration folders".
 */
public enum Tool {
    FLYWAY("Flyway", "flyway_schema_history"),
    GOLANG_MIGRATE("golang-migrate", "schema_migrations"),
    SQLX("sqlx", "_sqlx_migrations"),
    DIESEL("diesel", "__diesel_schema_migrations"),
    DBMATE("dbmate", "schema_migrations"),
    GOOSE("goose", "goose_db_version"),
    SQL_MIGRATE("sql-migrate", "gorp_migrations"),
    /**
     * No tool's rule is modelled ({@link Layout#SPLIT_FOLDERS}, {@link Layout#UP_DOWN_MARKERS}, {@link Layout#PRISMA}):
     * a script runs in one transaction unless a statement cannot run in one, and no table is kept.
     */
    NONE("migratest", null);

    private final String displayName;
    private final String table;

    Tool(String displayName, String table) {
        this.displayName = displayName;
        this.table = table;
    }

    /** How the tool calls itself, e.g. {@code golang-migrate}. */
    public String displayName() {
        return displayName;
    }

    /** The table the tool keeps of the migrations it applied, by its default name; {@code null} for {@link #NONE}. */
    public String table() {
        return table;
    }

    /** The tool whose folders a layout reads; {@link #NONE} for layouts without one and for {@link Layout#AUTO}. */
    public static Tool of(Layout layout) {
        return switch (layout) {
            case FLYWAY -> FLYWAY;
            case GOLANG_MIGRATE -> GOLANG_MIGRATE;
            case SQLX -> SQLX;
            case DIESEL -> DIESEL;
            case DBMATE -> DBMATE;
            case GOOSE -> GOOSE;
            case SQL_MIGRATE -> SQL_MIGRATE;
            case AUTO, SPLIT_FOLDERS, UP_DOWN_MARKERS, PRISMA, PATTERN -> NONE;
        };
    }
}
