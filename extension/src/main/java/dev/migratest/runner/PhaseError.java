package dev.migratest.runner;

/**
 * Why a phase stopped: the statement that failed, where it stands, and what Postgres said.
 *
 * @param file     file of the statement, relative to the migrations location
 * @param line     1-based line of the statement
 * @param sqlState Postgres' SQLSTATE, e.g. {@code 42P07}; {@code null} when the failure was not Postgres'
 * @param message  Postgres' message (with detail and hint when it gave them)
 * @param sql      the statement that failed
 */
public record PhaseError(String file, int line, String sqlState, String message, String sql) {

    /** The same error, with what migratest knows of its cause appended to Postgres' message. */
    PhaseError explained(String explanation) {
        return new PhaseError(file, line, sqlState, message + ": " + explanation, sql);
    }

    /** e.g. {@code V3__add_index.sql:12: ERROR 42P07: relation "x" already exists}. */
    public String describe() {
        return file + ":" + line + ": ERROR " + (sqlState == null ? "" : sqlState + ": ") + message;
    }
}
