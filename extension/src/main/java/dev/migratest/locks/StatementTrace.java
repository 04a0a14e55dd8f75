package dev.migratest.locks;

import java.util.List;

/**
 * What one statement measurably did to the database's objects.
 *
 * @param locks            lock modes the statement took first in its phase, with their measured hold times
 * @param rewrites         relations whose storage was rewritten (new relfilenode, or an index rebuilt under a new OID)
 * @param activity         per-table scans and row changes; {@code null} when they could not be measured (an autocommit
 *                         statement on PostgreSQL 12–14, whose statistics reach the views only later)
 * @param blocked          whether application reads and writes were blocked
 * @param lockTimeout      {@code lock_timeout} in force for the statement, as {@code SHOW} prints it ({@code 0} = none)
 * @param statementTimeout {@code statement_timeout} in force for the statement
 */
public record StatementTrace(List<LockHold> locks, List<String> rewrites, List<TableActivity> activity,
                             Blocking blocked, String lockTimeout, String statementTimeout) {

    public StatementTrace {
        locks = List.copyOf(locks);
        rewrites = List.copyOf(rewrites);
        activity = activity == null ? null : List.copyOf(activity);
    }

    /** Tables the statement read in full (sequential scans). */
    public List<String> fullScans() {
        return activity == null ? List.of()
                : activity.stream().filter(TableActivity::scanned).map(TableActivity::table).toList();
    }

    /** {@code true} when {@code lock_timeout} was 0: a blocked lock request would wait forever, stalling the queue. */
    public boolean waitsForeverForLocks() {
        return lockTimeout == null || lockTimeout.equals("0");
    }

    /** The strongest mode the statement took on a pre-existing object; {@code null} when it took none. */
    public LockMode strongestOnPreExisting() {
        return locks.stream().filter(l -> l.object().preExisting()).map(LockHold::mode)
                .max(Enum::compareTo).orElse(null);
    }
}
