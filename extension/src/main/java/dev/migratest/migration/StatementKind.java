package dev.migratest.migration;

/** What the runner has to know about a statement before running it. */
public enum StatementKind {
    /** Runs inside the migration's transaction like any other statement. */
    ORDINARY,
    /**
     * The script's own {@code BEGIN}, {@code START TRANSACTION}, {@code COMMIT}, {@code END}: the runner owns the
     * transaction, so these are not sent.
     */
    TRANSACTION_CONTROL,
    /**
     * Cannot run inside a transaction block (CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, VACUUM,
     * DETACH PARTITION CONCURRENTLY, …): its script runs in autocommit, statement by statement.
     */
    NEEDS_AUTOCOMMIT
}
