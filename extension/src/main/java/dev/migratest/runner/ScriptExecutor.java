package dev.migratest.runner;

import dev.migratest.locks.Aftermath;
import dev.migratest.locks.PhaseAftermath;
import dev.migratest.locks.PhaseRecorder;
import dev.migratest.locks.PhaseTrace;
import dev.migratest.locks.StatementTrace;
import dev.migratest.locks.Tracing;
import dev.migratest.migration.Script;
import dev.migratest.migration.StatementKind;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one script statement by statement on the migrating connection: in one transaction, or in autocommit when
 * the script cannot run in a transaction. The script's own BEGIN/COMMIT are not sent: the runner owns the
 * transaction, so that a failure rolls the whole script back and timings include the commit. With {@link Tracing},
 * each statement's locks, rewrites, scans and blocking are recorded; without, the script runs as it would in a
 * deploy and nothing else is asked of Postgres.
 */
final class ScriptExecutor {
    private final StatementLimit limit;

    /** Statements limited by {@value StatementLimit#PROPERTY} (ten minutes unless set). */
    ScriptExecutor() {
        this(StatementLimit.configured());
    }

    ScriptExecutor(StatementLimit limit) {
        this.limit = limit;
    }

    /** How long one statement of a migration may run. */
    Duration statementLimit() {
        return limit.limit();
    }

    PhaseResult run(Phase phase, Script script, Connection connection) throws SQLException {
        return run(phase, script, connection, null);
    }

    PhaseResult run(Phase phase, Script script, Connection connection, Tracing tracing) throws SQLException {
        // Each phase starts from a clean session, as it would in a fresh deploy: no SET leaks from the previous one.
        connection.setAutoCommit(true);
        try (Statement reset = connection.createStatement()) {
            reset.execute("RESET ALL");
        }
        boolean transactional = script.transactional();
        Aftermath aftermath = tracing == null ? null : Aftermath.before(connection);
        PhaseRecorder recorder = tracing == null ? PhaseRecorder.NONE : tracing.beginPhase(transactional);
        connection.setAutoCommit(!transactional);
        List<Measured> measured = new ArrayList<>();
        long phaseStart = System.nanoTime();
        PhaseError error = null;
        long tracingNanos = 0;
        for (dev.migratest.migration.Statement statement : script.statements()) {
            if (statement.kind() == StatementKind.TRANSACTION_CONTROL) continue;
            long beforeTracing = System.nanoTime();
            recorder.statementStarting();
            long start = System.nanoTime();
            tracingNanos += start - beforeTracing;
            boolean succeeded = false;
            try (Statement st = connection.createStatement()) {
                st.setEscapeProcessing(false);
                StatementLimit.Guard guard = limit.watch(st);
                try {
                    st.execute(statement.sql());
                    succeeded = true;
                } catch (SQLException e) {
                    error = PostgresErrors.toPhaseError(script.file(), statement, e);
                    if (guard.aborted()) error = error.explained(limit.abortExplanation());
                    else if (guard.fired()) error = error.explained(limit.explanation());
                    else if (script.placeholderHint(statement.sql()) != null) {
                        error = error.explained(script.placeholderHint(statement.sql()));
                    }
                } finally {
                    guard.close();
                }
            } catch (SQLException e) {
                error = PostgresErrors.toPhaseError(script.file(), statement, e);
            }
            long end = System.nanoTime();
            long tracingBefore = tracingNanos;
            recorder.statementFinished(succeeded);
            tracingNanos += System.nanoTime() - end;
            measured.add(new Measured(statement, (start - phaseStart - tracingBefore) / 1e6, (end - start) / 1e6));
            if (!succeeded) break;
        }
        boolean lost = error != null && PostgresErrors.connectionLost(error.sqlState());
        if (transactional && !lost) {
            error = finish(connection, script, error);
        }
        // The phase's own time: what migratest spent reading locks and probing in between is not the migration's.
        double durationMs = millisSince(phaseStart) - tracingNanos / 1e6;
        PhaseTrace trace = recorder.finish();
        // A lost connection can be asked nothing more: what the phase did is gone with its session.
        if (!lost) connection.setAutoCommit(true);
        List<StatementResult> results = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            Measured m = measured.get(i);
            StatementTrace t = trace == null || i >= trace.statements().size() ? null : trace.statements().get(i);
            results.add(new StatementResult(m.statement().line(), m.statement().sql(), m.startMs(), m.durationMs(), t));
        }
        PhaseAftermath left = aftermath == null || lost ? null : aftermath.after(WrittenTables.of(transactional,
                trace == null ? null : trace.incompleteReason(), results));
        String incomplete = trace == null ? null : lost && trace.complete()
                ? "the connection to PostgreSQL was lost during the phase" : trace.incompleteReason();
        return new PhaseResult(phase, script.file(), script.nonTransactionalReason(), results, durationMs, error,
                incomplete, left);
    }

    private record Measured(dev.migratest.migration.Statement statement, double startMs, double durationMs) {
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
