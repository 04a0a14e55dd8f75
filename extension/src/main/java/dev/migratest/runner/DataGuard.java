package dev.migratest.runner;

import dev.migratest.data.DataDiff;
import dev.migratest.data.DataSnapshot;
import dev.migratest.data.DataWatch;
import dev.migratest.data.Invariants;
import dev.migratest.locks.LockHold;
import dev.migratest.locks.LockMode;
import dev.migratest.migration.AllowDirective;
import dev.migratest.migration.Migration;
import dev.migratest.migration.Script;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Takes the data snapshots of one cycle through a {@link DataWatch} and judges them. The lock trace says which tables
 * a phase wrote (every write takes ROW EXCLUSIVE or stronger), so only those are fingerprinted again.
 */
final class DataGuard {
    private final DataWatch watch;
    private final Invariants invariants;
    private final List<String> violations = new java.util.ArrayList<>();
    private DataSnapshot beforeUp;
    private DataSnapshot afterUp;
    private List<String> downVsBefore = List.of();

    DataGuard(DataWatch watch, Invariants invariants) {
        this.watch = watch;
        this.invariants = invariants;
    }

    void beforeUp(Connection connection) throws SQLException {
        beforeUp = watch.snapshot(connection, Set.of());
        if (invariants != null) invariants.beforeUp(connection);
    }

    /** The invariants that broke after {@code phase}; they are kept for the report as well. */
    List<String> invariantsAfter(Connection connection, Phase phase) throws SQLException {
        if (invariants == null) return List.of();
        List<String> broken = invariants.violations(connection, switch (phase) {
            case UP -> "after UP";
            case DOWN -> "after DOWN";
            case REUP -> "after the second UP";
        });
        violations.addAll(broken);
        return broken;
    }

    void afterUp(Connection connection, PhaseResult up) throws SQLException {
        afterUp = watch.snapshot(connection, written(up));
    }

    /**
     * A forward-only UP ran and no DOWN follows: nothing is compared, but the watch must know what it wrote, or the
     * next migration's snapshot before UP would be the one from before this UP.
     */
    void afterForwardOnlyUp(PhaseResult up) {
        watch.wrote(written(up));
    }

    List<String> afterDown(Connection connection, PhaseResult down) throws SQLException {
        downVsBefore = DataDiff.between(beforeUp, watch.snapshot(connection, written(down)), "after DOWN", true);
        return downVsBefore;
    }

    List<String> afterReup(Connection connection, PhaseResult reup) throws SQLException {
        return DataDiff.between(afterUp, watch.snapshot(connection, written(reup)), "after the second UP", false);
    }

    DataCheck check(Migration migration, List<String> reupVsUp) {
        return new DataCheck(downVsBefore, reupVsUp, declaredLoss(migration), violations);
    }

    /** {@code -- migratest:allow data-loss — reason} in the up or down file; its reason, or a note that none was given. */
    static String declaredLoss(Migration migration) {
        for (Script script : new Script[] {migration.up(), migration.down()}) {
            if (script == null) continue;
            for (AllowDirective directive : script.allowDirectives()) {
                if (directive.ruleIds().contains(DataCheck.DATA_LOSS)) {
                    return directive.reason() != null ? directive.reason()
                            : "declared in " + directive.file() + " line " + directive.line() + " (no reason given)";
                }
            }
        }
        return null;
    }

    static Set<String> written(PhaseResult phase) {
        return WrittenTables.of(phase.transactional(), phase.traceIncomplete(), phase.statements());
    }
}
