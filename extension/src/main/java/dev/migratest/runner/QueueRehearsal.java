package dev.migratest.runner;

import dev.migratest.locks.LockHold;
import dev.migratest.locks.LockMode;
import dev.migratest.locks.LockQueueCheck;
import dev.migratest.locks.LockQueueResult;
import dev.migratest.migration.Migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The opt-in lock-queue check, run after a passing cycle (the database then holds UP): DOWN, then UP again while a
 * blocker holds ACCESS SHARE on every pre-existing table the first UP locked ACCESS EXCLUSIVE and readers keep
 * querying them. When UP gave up (its lock_timeout did its job) it runs once more, so the database ends holding UP
 * as the history expects.
 */
final class QueueRehearsal {
    private final ScriptExecutor executor = new ScriptExecutor();
    private final LockQueueCheck check;
    private final ToolHistory history;

    /** {@code history}: the migration tool's own table, kept with this DOWN and UP too. */
    QueueRehearsal(LockQueueCheck check, ToolHistory history) {
        this.check = check;
        this.history = history;
    }

    CycleResult rehearse(CycleResult passed, Connection connection) throws SQLException {
        Migration migration = passed.migration();
        PhaseResult up = passed.phase(Phase.UP).orElseThrow();
        List<String> tables = exclusivelyLockedTables(up);
        if (tables.isEmpty() || !up.transactional()) return passed;
        PhaseResult down = executor.run(Phase.DOWN, migration.down(), connection, null,
                history.entry(Phase.DOWN, migration));
        if (!down.succeeded()) return failed(passed, "DOWN failed before the lock-queue check: " + down.error().describe());
        LockQueueResult result = check.run(tables, () -> {
            PhaseResult contended = executor.run(Phase.UP, migration.up(), connection, null,
                    history.entry(Phase.UP, migration));
            return contended.succeeded() ? null : contended.error().sqlState() + ": " + contended.error().message();
        });
        if (result.migrationError() != null) {
            PhaseResult again = executor.run(Phase.UP, migration.up(), connection, null,
                    history.entry(Phase.UP, migration));
            if (!again.succeeded()) {
                return failed(passed, "UP failed after the lock-queue check: " + again.error().describe());
            }
        }
        return passed.withLockQueue(result);
    }

    /** The tables whose readers can queue: ACCESS EXCLUSIVE on them or on one of their indexes, taken by UP. */
    static List<String> exclusivelyLockedTables(PhaseResult up) {
        Set<String> tables = new LinkedHashSet<>();
        for (StatementResult s : up.statements()) {
            if (s.trace() == null) continue;
            for (LockHold l : s.trace().locks()) {
                if (l.mode() == LockMode.ACCESS_EXCLUSIVE && l.object().preExisting() && l.object().table() != null) {
                    tables.add(l.object().table());
                }
            }
        }
        return List.copyOf(tables);
    }

    private static CycleResult failed(CycleResult passed, String why) {
        return new CycleResult(passed.migration(), Outcome.FAILED, null, passed.migration().displayName() + ": " + why,
                Phase.UP, passed.phases(), passed.downVsBefore(), passed.reupVsUp(), passed.rows(), null,
                passed.data());
    }
}
