package dev.migratest.compat;

/**
 * An old query that failed on the migrated schema: the old code running during the deployment would fail the same
 * way.
 *
 * @param query    the query
 * @param sqlState the SQLSTATE Postgres returned, e.g. {@code 42703} (undefined column), {@code 23502} (not null)
 * @param message  the server's message, with its detail and hint when it gave them
 */
public record OldQueryFailure(OldQuery query, String sqlState, String message) {

    /**
     * One line, e.g. {@code insert_user (app-v1.sql:12): ERROR 23502: null value in column "display_name" of
     * relation "users" violates not-null constraint}.
     */
    public String describe() {
        return query.name() + " (" + query.where() + "): ERROR " + sqlState + ": " + message;
    }
}
