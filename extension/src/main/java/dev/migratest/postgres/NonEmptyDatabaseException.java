package dev.migratest.postgres;

import java.util.List;

/**
 * The external URL points at a database that holds user tables, and using it was not allowed. migratest would only
 * read from it and run nothing there, but a URL pointing at data may have been meant for something else.
 */
public final class NonEmptyDatabaseException extends RuntimeException {
    /** How many table names the message shows. */
    static final int SHOWN = 5;
    private final String database;
    private final List<String> tables;
    private final int tableCount;

    NonEmptyDatabaseException(String database, String printableUrl, List<String> tables, int tableCount) {
        super("migratest will not use the external database '" + database + "' at " + printableUrl + " because it holds "
                + tableCount + " user table" + (tableCount == 1 ? "" : "s") + " (" + String.join(", ", tables)
                + (tableCount > tables.size() ? ", …" : "") + "). migratest runs migrations only in scratch databases"
                + " it creates on that server and never writes to this one, but a URL that points at data may be meant"
                + " for something else. Fix: point migratest.postgres.url at an empty database on the server (e.g."
                + " a new one), or set " + ExternalProvider.ALLOW_NON_EMPTY_DATABASE_PROPERTY + "=true to use it anyway.");
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
