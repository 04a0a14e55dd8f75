package dev.migratest.runner;

import dev.migratest.migration.Script;
import dev.migratest.migration.StatementKind;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one script statement by statement on the migrating connection: in one transaction, or in autocommit when
 * the script cannot run in a transaction. The script's own BEGIN/COMMIT are not sent: the runner owns the
 * transaction, so that a failure rolls the whole script back and timings include the commit.
 */
final class ScriptExecutor {

    PhaseResult run(Phase phase, Script script, Connection connection) throws SQLException {
        // Each phase starts from a clean session, as it would in a fresh deploy: no SET leaks from the previous one.
        connection.setAutoCommit(true);
        try (Statement reset = connection.createStatement()) {
            reset.execute("RESET ALL");
        }
        boolean transactional = script.transactional();
        connection.setAutoCommit(!transactional);
        List<StatementResult> results = new ArrayList<>();
        long phaseStart = System.nanoTime();
        PhaseError error = null;
        for (dev.migratest.migration.Statement statement : script.statements()) {
            if (statement.kind() == StatementKind.TRANSACTION_CONTROL) continue;
            long start = System.nanoTime();
            try (Statement st = connection.createStatement()) {
                st.setEscapeProcessing(false);
                st.execute(statement.sql());
            } catch (SQLException e) {
                results.add(new StatementResult(statement.line(), statement.sql(), millisSince(start)));
                error = PostgresErrors.toPhaseError(script.file(), statement, e);
                break;
            }
            results.add(new StatementResult(statement.line(), statement.sql(), millisSince(start)));
        }
        if (transactional) {
            error = finish(connection, script, error);
        }
        connection.setAutoCommit(true);
        return new PhaseResult(phase, script.file(), script.nonTransactionalReason(), results, millisSince(phaseStart), error);
    }

    private static PhaseError finish(Connection connection, Script script, PhaseError error) throws SQLException {
        if (error != null) {
            connection.rollback();
            return error;
        }
        try {
            connection.commit();
            return null;
        } catch (SQLException e) {
            // Deferred constraints fail at COMMIT: blame the last statement, the nearest thing to a culprit we have.
            var last = script.statements().get(script.statements().size() - 1);
            return PostgresErrors.toPhaseError(script.file(), last, e);
        }
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000.0;
    }
}
