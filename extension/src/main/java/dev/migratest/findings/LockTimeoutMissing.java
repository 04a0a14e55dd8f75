package dev.migratest.findings;

import dev.migratest.locks.LockHold;
import dev.migratest.runner.StatementResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A statement that needs SHARE or stronger, with {@code lock_timeout = 0}: behind one long transaction it waits
 * forever, and every query on the table queues behind it (the seeds' lock-queue warning; measured: a 3 s reader
 * stalled new readers 2.7 s, with {@code lock_timeout = 200ms} at most 198 ms).
 */
final class LockTimeoutMissing implements Rule {

    @Override
    public String id() {
        return "lock-timeout-missing";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public List<Detection> inspect(PhaseView phase) {
        List<Detection> found = new ArrayList<>();
        for (StatementResult statement : phase.statements()) {
            if (statement.trace() == null || !"0".equals(statement.trace().lockTimeout())) continue;
            LockHold lock = statement.trace().locks().stream().filter(LockHold::dangerous)
                    .max(Comparator.comparing(LockHold::mode)).orElse(null);
            if (lock == null) continue;
            String table = lock.object().table() != null ? lock.object().table() : lock.relation();
            found.add(new Detection(statement.line(), table, phase.at(statement.line()) + ": "
                    + SqlText.of(statement.sql()).verb() + " took " + lock.mode().pgName() + " on " + lock.relation()
                    + " with lock_timeout = 0: behind one long transaction on " + table + " it would wait without "
                    + "limit, and every query on " + table + " would queue behind it",
                    "Start the migration with SET lock_timeout = '2s' (a few seconds at most) and retry it when it "
                            + "times out: a failed attempt costs seconds, a stalled lock queue is an outage."));
        }
        return found;
    }
}
