package dev.migratest.postgres;

import java.util.List;

/**
 * The external URL (or a DataSource the test class handed over) points at a database that holds user tables, and using
 * it was not allowed. migratest would only read from it and run nothing there, but a URL pointing at data may have
 * been meant for something else.
 */
public final class NonEmptyDatabaseException extends RuntimeException {
    /** How many table names the message shows. */
    static final int SHOWN = 5;
    private final String database;
    private final List<String> tables;
    private final int tableCount;

    /** {@code handedBy}: the field that handed the server over, or null for a URL from migratest's settings. */
    NonEmptyDatabaseException(String database, String printableUrl, List<String> tables, int tableCount,
                              String handedBy) {
        super("migratest will not use the " + (handedBy == null ? "external database '" + database + "'"
                : "database '" + database + "' handed by " + handedBy) + " at " + printableUrl + " because it holds "
                + tableCount + " user table" + (tableCount == 1 ? "" : "s") + " (" + String.join(", ", tables)
                + (tableCount > tables.size() ? ", …" : "") + "). migratest runs migrations only in scratch databases"
                + " it creates on that server and never writes to this one, but a URL that points at data may be meant"
                + " for something else. Fix: " + (handedBy == null
                ? "point migratest.postgres.url at an empty database on the server (e.g. a new one)"
                : "point it at an empty database on the server (e.g. postgres or a new one), or hand over the"
                + " container itself (a container's own database may hold tables)")
                + ", or set " + ExternalProvider.ALLOW_NON_EMPTY_DATABASE_PROPERTY + "=true to use it anyway.");
        this.database = database;
        this.tables = List.copyOf(tables);
        this.tableCount = tableCount;
    }

    public String database() {
        return database;
    }

    /** The first few tables, schema-qualified, in name order. */
    public List<String> tables() {
        return tables;
    }

    public int tableCount() {
        return tableCount;
    }
}
