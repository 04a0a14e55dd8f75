package dev.migratest.runner;

import dev.migratest.locks.Tracing;
import dev.migratest.migration.Migration;
import dev.migratest.schema.ColumnOrder;
import dev.migratest.schema.SchemaDiff;
import dev.migratest.schema.SchemaSnapshot;
import dev.migratest.schema.SchemaTracker;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rehearses one migration on a database that holds every earlier migration: snapshot S0, UP, S1, DOWN, S2 (must
 * equal S0), UP again, S3 (must equal S1). It stops at the first phase that fails, because what follows would only
 * repeat the failure in other words.
 */
final class CycleRunner {
    private final ScriptExecutor executor = new ScriptExecutor();
    private final ColumnOrder columnOrder;

    CycleRunner(ColumnOrder columnOrder) {
        this.columnOrder = columnOrder;
    }

    /**
     * {@code schema} tracks the database behind {@code connection}; it makes snapshots cost what a phase touched.
     * {@code tracing} records each statement's locks; {@code null} runs the phases untraced.
     */
    CycleResult rehearse(Migration migration, Connection connection, SchemaTracker schema, Tracing tracing)
            throws SQLException {
        List<PhaseResult> phases = new ArrayList<>();
        SchemaSnapshot before = schema.snapshot(connection);

        PhaseResult up = executor.run(Phase.UP, migration.up(), connection, tracing);
        phases.add(up);
        if (!up.succeeded()) return failed(migration, phases, Phase.UP, FailureText.ofError(migration, up), List.of(), List.of());
        if (migration.forwardOnly()) {
            return CycleResult.skipped(migration, "forward-only: " + migration.up().file()
                    + " has no down migration, so only UP ran (allowed by allowForwardOnly)", phases);
        }
        SchemaSnapshot afterUp = schema.snapshot(connection);

        PhaseResult down = executor.run(Phase.DOWN, migration.down(), connection, tracing);
        phases.add(down);
        if (!down.succeeded()) return failed(migration, phases, Phase.DOWN, FailureText.ofError(migration, down), List.of(), List.of());
        List<String> downVsBefore = SchemaDiff.between(before, schema.snapshot(connection), columnOrder);
        if (!downVsBefore.isEmpty()) {
            return failed(migration, phases, Phase.DOWN,
                    FailureText.ofDiff(migration, Phase.DOWN, migration.down().file(), "the schema before UP", downVsBefore),
                    downVsBefore, List.of());
        }

        PhaseResult reup = executor.run(Phase.REUP, migration.up(), connection, tracing);
        phases.add(reup);
        if (!reup.succeeded()) return failed(migration, phases, Phase.REUP, FailureText.ofError(migration, reup), downVsBefore, List.of());
        List<String> reupVsUp = SchemaDiff.between(afterUp, schema.snapshot(connection), columnOrder);
        if (!reupVsUp.isEmpty()) {
            return failed(migration, phases, Phase.REUP,
                    FailureText.ofDiff(migration, Phase.REUP, migration.up().file(), "the schema after the first UP", reupVsUp),
                    downVsBefore, reupVsUp);
        }
        return new CycleResult(migration, Outcome.PASSED, null, null, null, phases, downVsBefore, reupVsUp);
    }

    private static CycleResult failed(Migration migration, List<PhaseResult> phases, Phase phase, String failure,
                                      List<String> downVsBefore, List<String> reupVsUp) {
        return new CycleResult(migration, Outcome.FAILED, null, failure, phase, phases, downVsBefore, reupVsUp);
    }
}
