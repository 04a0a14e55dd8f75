package dev.migratest.findings;

import dev.migratest.locks.LockHold;
import dev.migratest.locks.LockMode;
import dev.migratest.runner.StatementResult;

import java.util.ArrayList;
import java.util.List;

/**
 * In one transaction an ACCESS EXCLUSIVE lock lasts until COMMIT: every statement after the one that took it stretches
 * the time the application can neither read nor write the table.
 */
final class AccessExclusiveHeldAcrossStatements implements Rule {

    @Override
    public String id() {
        return "access-exclusive-held-across-statements";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public List<Detection> inspect(PhaseView phase) {
        List<Detection> found = new ArrayList<>();
        if (!phase.transactional()) {
            return found; // autocommit releases each lock at the end of its statement
        }
        List<StatementResult> statements = phase.statements();
        for (int i = 0; i < statements.size(); i++) {
            StatementResult statement = statements.get(i);
            if (statement.trace() == null) continue;
            LockHold lock = statement.trace().locks().stream()
                    .filter(l -> l.mode() == LockMode.ACCESS_EXCLUSIVE && l.object().preExisting()
                            && l.object().table() != null)
                    .max((a, b) -> Double.compare(a.heldMs(), b.heldMs())).orElse(null);
            if (lock == null) continue;
            List<Integer> following = statements.subList(i + 1, statements.size()).stream()
                    .filter(next -> didWork(next, phase.text(next))).map(StatementResult::line).toList();
            if (following.isEmpty()) continue;
            String table = lock.object().table();
            String object = lock.relation().equals(table) ? table : lock.relation() + " (of " + table + ")";
            found.add(new Detection(statement.line(), table, phase.at(statement.line()) + ": "
                    + SqlText.of(statement.sql()).verb() + " took AccessExclusiveLock on " + object
                    + " and held it " + Facts.ms(lock.heldMs()) + " until COMMIT while " + Facts.lines(following)
                    + " ran; every read and write of " + table + phase.rowsNote(table) + " waited meanwhile",
                    "Keep one lock-taking DDL statement per migration and let it commit at once: move the work of "
                            + Facts.lines(following) + " into its own migration (data changes into a batched "
                            + "backfill), so ACCESS EXCLUSIVE is held only for the DDL itself."));
        }
        return found;
    }

    /**
     * A statement that keeps the lock busy: it read or wrote rows, rewrote storage, or is data work by its text (the
     * rows it touches may simply be absent at rehearsal). A further catalog-only DDL statement (DROP FUNCTION after
     * DROP TRIGGER, ADD CONSTRAINT … NOT VALID after DROP CONSTRAINT) adds microseconds, not an outage.
     */
    private static boolean didWork(StatementResult statement, SqlText text) {
        if (text.trivial()) return false;
        if (text.startsWith("(?i)(UPDATE|INSERT|DELETE|MERGE|DO|CALL|COPY|SELECT|WITH|REFRESH|CLUSTER|VACUUM|ANALYZE)\\b")) {
            return true;
        }
        var trace = statement.trace();
        if (trace == null) return true;
        boolean touchedRows = trace.activity() == null || trace.activity().stream()
                .anyMatch(a -> a.scanned() || a.rowsWritten() > 0);
        return touchedRows || !trace.rewrites().isEmpty();
    }
}
