package dev.migratest.runner;

import dev.migratest.migration.Script;
import dev.migratest.migration.Statement;
import dev.migratest.migration.StatementKind;
import dev.migratest.migration.ToolRun;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The parts of a phase that belong to the migration tool rather than to the script: its refusal to run a script, its
 * explanation when PostgreSQL refuses a statement inside the tool's transaction, and the statements on its own table.
 */
final class ToolBookkeeping {

    /** PostgreSQL's "… cannot run inside a transaction block". */
    private static final String ACTIVE_SQL_TRANSACTION = "25001";

    private ToolBookkeeping() {
    }

    /** The phase of a script the tool refuses: nothing of it ran, the tool's words are the error. */
    static PhaseResult refusal(Phase phase, Script script) {
        ToolRun.Refusal refusal = script.toolRun().refusal();
        String sql = script.statements().stream().filter(s -> s.line() == refusal.line()).map(Statement::sql)
                .findFirst().orElse("");
        return new PhaseResult(phase, script.file(), script.nonTransactionalReason(), List.of(), 0,
                new PhaseError(script.file(), refusal.line(), null, refusal.message() + "; fix: " + refusal.fix(), sql));
    }

    /**
     * A statement PostgreSQL refused inside the tool's transaction (ERROR 25001) fails as it would in production:
     * with why the tool ran it in a transaction and the tool's marker that takes it out.
     */
    static PhaseError explainRefusedTransaction(PhaseError error, Script script) {
        ToolRun run = script.toolRun();
        if (!ACTIVE_SQL_TRANSACTION.equals(error.sqlState()) || !script.transactional()
                || run.transactionReason() == null) {
            return error;
        }
        return error.explained(run.transactionReason() + "; fix: " + run.fix());
    }

    /** Runs the tool's statements on the connection as it is (in the phase's transaction, or in autocommit). */
    static PhaseError inPhase(Connection connection, Script script, List<ToolStatement> statements) {
        for (ToolStatement statement : statements) {
            try {
                statement.execute(connection);
            } catch (SQLException e) {
                return failed(script, statement, e);
            }
        }
        return null;
    }

    /** Runs the tool's statements in one transaction of their own; the connection is in autocommit before and after. */
    static PhaseError inOwnTransaction(Connection connection, Script script, List<ToolStatement> statements)
            throws SQLException {
        if (statements.isEmpty()) return null;
        connection.setAutoCommit(false);
        try {
            PhaseError error = inPhase(connection, script, statements);
            if (error == null) connection.commit();
            else connection.rollback();
            return error;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Blamed on the script's last line: the tool runs it after the script (or before its first line). */
    private static PhaseError failed(Script script, ToolStatement statement, SQLException e) {
        int line = script.statements().isEmpty() ? 1 : script.statements().get(script.statements().size() - 1).line();
        PhaseError error = PostgresErrors.toPhaseError(script.file(),
                new Statement(line, statement.sql(), StatementKind.ORDINARY), e);
        return new PhaseError(script.file(), line, error.sqlState(), "the migration tool's own statement on its table"
                + " failed: " + error.message(), statement.sql());
    }
}
