package dev.migratest.migration;

import java.util.List;

/**
 * One direction (up or down) of one migration.
 *
 * @param file                    path of the file relative to the migrations location, forward slashes
 * @param statements              the statements in file order, lines are lines of {@code file}
 * @param nonTransactionalReason  {@code null} when the script runs in one transaction; otherwise why it must run in
 *                                autocommit, e.g. {@code "-- +goose NO TRANSACTION (line 1)"} or
 *                                {@code "CREATE INDEX CONCURRENTLY cannot run in a transaction (line 4)"}
 */
public record Script(String file, List<Statement> statements, String nonTransactionalReason) {
    public Script {
        statements = List.copyOf(statements);
    }

    public boolean transactional() {
        return nonTransactionalReason == null;
    }
}
