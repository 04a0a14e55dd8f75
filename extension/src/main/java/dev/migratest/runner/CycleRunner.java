package dev.migratest.runner;

import dev.migratest.compat.OldQuery;
import dev.migratest.data.DataWatch;
import dev.migratest.data.Invariants;
import dev.migratest.locks.Tracing;
import dev.migratest.migration.Migration;
import dev.migratest.migration.Script;
import dev.migratest.schema.ColumnOrder;
import dev.migratest.schema.FrozenClock;
import dev.migratest.schema.SchemaComparison;
import dev.migratest.schema.SchemaDiff;
import dev.migratest.schema.SchemaSnapshot;
import dev.migratest.schema.SchemaTracker;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rehearses one migration on a database that holds every earlier migration: snapshot S0, UP, S1, DOWN, S2 (must
 * equal S0), UP again, S3 (must equal S1). It stops at the first phase that fails, because what follows would only
 * repeat the failure in other words.
 */
final class CycleRunner {
    private final ScriptExecutor executor;
    private final ColumnOrder columnOrder;
    private final List<String> invariants;
    private final List<OldQuery> oldQueries;
    private final ToolHistory history;

    CycleRunner(ColumnOrder columnOrder) {
        this(columnOrder, List.of(), List.of());
    }

    /**
     * {@code invariants}: queries that must answer the same before and after every phase (checked with the data);
     * {@code oldQueries}: the previous application version's queries, which must keep working after UP.
     */
    CycleRunner(ColumnOrder columnOrder, List<String> invariants, List<OldQuery> oldQueries) {
        this(columnOrder, invariants, oldQueries, new ScriptExecutor());
    }

    /** {@code executor} runs the phases (it holds the limit on one statement's time). */
    CycleRunner(ColumnOrder columnOrder, List<String> invariants, List<OldQuery> oldQueries, ScriptExecutor executor) {
        this(columnOrder, invariants, oldQueries, executor, ToolHistory.NONE);
    }

    /** {@code history}: the migration tool's own table, written with each phase as the tool writes it. */
    CycleRunner(ColumnOrder columnOrder, List<String> invariants, List<OldQuery> oldQueries, ScriptExecutor executor,
                ToolHistory history) {
        this.executor = executor;
        this.history = history;
        this.columnOrder = columnOrder;
        this.invariants = List.copyOf(invariants);
        this.oldQueries = List.copyOf(oldQueries);
    }

    /**
     * {@code schema} tracks the database behind {@code connection}; it makes snapshots cost what a phase touched.
     * {@code tracing} records each statement's locks; {@code null} runs the phases untraced.
     */
    CycleResult rehearse(Migration migration, Connection connection, SchemaTracker schema, Tracing tracing)
            throws SQLException {
        return rehearse(migration, connection, schema, tracing, null);
    }

    /** {@code data} fingerprints the tables around each phase; {@code null} leaves the data unchecked. */
    CycleResult rehearse(Migration migration, Connection connection, SchemaTracker schema, Tracing tracing,
                         DataWatch data) throws SQLException {
        return rehearse(migration, connection, schema, tracing, data, null);
    }

    /**
     * {@code sequences} remembers the sequences earlier phases left behind, so that each phase reports only those it
     * left behind itself; {@code null} reports every sequence behind among the tables a phase wrote.
     */
    CycleResult rehearse(Migration migration, Connection connection, SchemaTracker schema, Tracing tracing,
                         DataWatch data, SequencesLeftBehind sequences) throws SQLException {
        List<PhaseResult> phases = new ArrayList<>();
        SchemaSnapshot before = schema.snapshot(connection);
        DataGuard guard = data == null ? null
                : new DataGuard(data, invariants.isEmpty() ? null : new Invariants(invariants));
        if (guard != null) guard.beforeUp(connection);
        OldCodeGuard oldCode = oldQueries.isEmpty() ? null : new OldCodeGuard(oldQueries);
        if (oldCode != null) oldCode.beforeUp(connection);

        long upStarted = System.nanoTime();
        PhaseResult up = executor.run(Phase.UP, migration.up(), connection, tracing,
                history.entry(Phase.UP, migration));
        if (sequences != null) up = sequences.settle(up, connection);
        if (oldCode != null && up.succeeded()) up = up.withOldQueriesFailing(oldCode.brokenSinceBeforeUp(connection));
        phases.add(up);
        if (!up.succeeded()) return failed(migration, phases, Phase.UP, FailureText.ofError(migration, up), List.of(), List.of());
        boolean repeatable = migration.kind() == Migration.Kind.REPEATABLE;
        if (migration.forwardOnly() && !repeatable) {
            // no DOWN to compare, but what UP changed is the next migration's starting point, and the invariants
            // hold after this UP as after any other
            if (guard != null) {
                guard.afterForwardOnlyUp(up);
                List<String> broken = guard.invariantsAfter(connection, Phase.UP);
                if (!broken.isEmpty()) {
                    return failed(migration, phases, Phase.UP, FailureText.ofInvariants(migration, Phase.UP, broken),
                            List.of(), List.of(), guard.check(migration, List.of()));
                }
            }
            return CycleResult.skipped(migration, "forward-only: " + migration.up().file()
                    + " has no down migration, so only UP ran (allowed by allowForwardOnly)", phases);
        }
        SchemaSnapshot afterUp = schema.snapshot(connection);
        if (guard != null) {
            guard.afterUp(connection, up);
            List<String> broken = guard.invariantsAfter(connection, Phase.UP);
            if (!broken.isEmpty()) {
                return failed(migration, phases, Phase.UP, FailureText.ofInvariants(migration, Phase.UP, broken),
                        List.of(), List.of(), guard.check(migration, List.of()));
            }
        }

        // a repeatable has no down: Flyway applies it again over its earlier self when it changes; UP again rehearses that
        List<String> downVsBefore = repeatable ? List.of() : null;
        List<String> notes = new ArrayList<>();
        if (!repeatable) {
            PhaseResult down = executor.run(Phase.DOWN, migration.down(), connection, tracing,
                    history.entry(Phase.DOWN, migration));
            if (sequences != null) down = sequences.settle(down, connection);
            phases.add(down);
            if (!down.succeeded()) return failed(migration, phases, Phase.DOWN, FailureText.ofError(migration, down), List.of(), List.of());
            // what DOWN recreated may hold a clock frozen at its creation, some time during this run
            SchemaComparison afterDown = SchemaDiff.compare(before, schema.snapshot(connection), columnOrder,
                    new FrozenClock(statements(migration.down()), sinceThisRunBegan(), "before UP"));
            notes.addAll(afterDown.notes());
            downVsBefore = afterDown.differences();
            List<String> dataAfterDown = guard == null ? List.of() : guard.afterDown(connection, down);
            if (!downVsBefore.isEmpty()) {
                return failed(migration, phases, Phase.DOWN,
                        FailureText.ofDiff(migration, Phase.DOWN, migration.down().file(), "the schema before UP", downVsBefore)
                                + FailureText.alsoData(dataAfterDown),
                        downVsBefore, List.of(), guard == null ? null : guard.check(migration, List.of()))
                        .withSchemaNotes(notes);
            }
            List<String> brokenAfterDown = guard == null ? List.of() : guard.invariantsAfter(connection, Phase.DOWN);
            if (!brokenAfterDown.isEmpty()) {
                return failed(migration, phases, Phase.DOWN, FailureText.ofInvariants(migration, Phase.DOWN, brokenAfterDown),
                        downVsBefore, List.of(), guard.check(migration, List.of())).withSchemaNotes(notes);
            }
            if (!dataAfterDown.isEmpty() && DataGuard.declaredLoss(migration) == null) {
                return failed(migration, phases, Phase.DOWN,
                        FailureText.ofDataLoss(migration, Phase.DOWN, migration.down().file(), dataAfterDown),
                        downVsBefore, List.of(), guard.check(migration, List.of())).withSchemaNotes(notes);
            }
        }

        PhaseResult reup = executor.run(Phase.REUP, migration.up(), connection, tracing,
                history.entry(Phase.REUP, migration));
        if (sequences != null) reup = sequences.settle(reup, connection);
        phases.add(reup);
        if (!reup.succeeded()) {
            return failed(migration, phases, Phase.REUP, FailureText.ofError(migration, reup), downVsBefore, List.of())
                    .withSchemaNotes(notes);
        }
        SchemaComparison afterReup = SchemaDiff.compare(afterUp, schema.snapshot(connection), columnOrder,
                new FrozenClock(statements(migration.up()), Duration.ofNanos(System.nanoTime() - upStarted),
                        "after the first UP"));
        notes.addAll(afterReup.notes());
        List<String> reupVsUp = afterReup.differences();
        List<String> dataAfterReup = guard == null ? List.of() : guard.afterReup(connection, reup);
        List<String> brokenAfterReup = guard == null ? List.of() : guard.invariantsAfter(connection, Phase.REUP);
        DataCheck check = guard == null ? null : guard.check(migration, dataAfterReup);
        if (!brokenAfterReup.isEmpty() && reupVsUp.isEmpty()) {
            return failed(migration, phases, Phase.REUP, FailureText.ofInvariants(migration, Phase.REUP, brokenAfterReup),
                    downVsBefore, reupVsUp, check).withSchemaNotes(notes);
        }
        if (!reupVsUp.isEmpty()) {
            return failed(migration, phases, Phase.REUP,
                    FailureText.ofDiff(migration, Phase.REUP, migration.up().file(), "the schema after the first UP", reupVsUp)
                            + FailureText.alsoData(dataAfterReup),
                    downVsBefore, reupVsUp, check).withSchemaNotes(notes);
        }
        if (!dataAfterReup.isEmpty() && DataGuard.declaredLoss(migration) == null) {
            return failed(migration, phases, Phase.REUP,
                    FailureText.ofDataLoss(migration, Phase.REUP, migration.up().file(), dataAfterReup),
                    downVsBefore, reupVsUp, check).withSchemaNotes(notes);
        }
        return new CycleResult(migration, Outcome.PASSED, null, null, null, phases, downVsBefore, reupVsUp, Map.of(),
                null, check, notes);
    }

    private static List<String> statements(Script script) {
        return script.statements().stream().map(dev.migratest.migration.Statement::sql).toList();
    }

    /**
     * The scratch database and everything in it were made during this run (this JVM): nothing in it was created
     * longer ago than the JVM has been up.
     */
    private static Duration sinceThisRunBegan() {
        return Duration.ofMillis(java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
    }

    /**
     * A script its tool refuses to run fails its phase with the tool's words, nothing sent. (Replaying the history
     * runs it as the no-op it is, so that the migrations after it still get their rehearsal.)
     */
    private static CycleResult failed(Migration migration, List<PhaseResult> phases, Phase phase, String failure,
                                      List<String> downVsBefore, List<String> reupVsUp) {
        return failed(migration, phases, phase, failure, downVsBefore, reupVsUp, null);
    }

    private static CycleResult failed(Migration migration, List<PhaseResult> phases, Phase phase, String failure,
                                      List<String> downVsBefore, List<String> reupVsUp, DataCheck data) {
        return new CycleResult(migration, Outcome.FAILED, null, failure, phase, phases, downVsBefore, reupVsUp,
                Map.of(), null, data);
    }
}
