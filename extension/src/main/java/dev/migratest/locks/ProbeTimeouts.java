package dev.migratest.locks;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * How long a probe may wait for a lock ({@code lock_timeout}) and how long its whole statement may run
 * ({@code statement_timeout}).
 * <p>
 * A probe's UPDATE holds ROW EXCLUSIVE on the table while it waits for a row the migration has locked. Should the
 * migration, in the same statement, then ask for a lock that conflicts with it (an ALTER TABLE after a backfill), the
 * two wait for each other. Postgres breaks such a cycle in the backend whose wait first reaches
 * {@code deadlock_timeout}, checked once per wait: a probe still waiting then would leave the migration cancelled with
 * 40P01, a failure production would never see. That happens when the migration asks later than
 * {@code deadlock_timeout} after the probe began to wait, and also when it asks at once: the two checks are then a few
 * milliseconds apart, and either backend may run its own first (measured on PostgreSQL 17: the migration was cancelled
 * in 4 of 12 tries). The migration starts waiting after the probe's statement has started, so a probe statement that
 * ends well before {@code deadlock_timeout} can never outlast the migration's wait. Its lock wait ends earlier still,
 * so that waiting reads as a lock timeout (blocked), not a statement timeout (unknown).
 *
 * @param lock      the probe's {@code lock_timeout}
 * @param statement the probe's {@code statement_timeout}, longer than {@code lock}
 */
record ProbeTimeouts(Duration lock, Duration statement) {
    /** The smallest value both settings take: {@code 0} would turn them off. */
    private static final Duration LEAST = Duration.ofMillis(1);
    /**
     * Room for anything besides the lock wait: planning, the primary-key lookup, a busy machine (the probe's backend
     * may be descheduled when its timer fires, and keeps its locks until it runs again).
     */
    private static final Duration STATEMENT_ALLOWANCE = Duration.ofSeconds(1);

    ProbeTimeouts {
        if (lock.compareTo(LEAST) < 0 || statement.compareTo(lock) < 0) {
            throw new IllegalArgumentException("probe timeouts must be at least 1 ms, the statement's no shorter than"
                    + " the lock wait: lock " + lock.toMillis() + " ms, statement " + statement.toMillis() + " ms");
        }
    }

    /**
     * The configured lock wait, and a statement bound of 20 times that plus a second, each lowered as far as
     * {@code deadlockTimeout} requires: the lock wait to half of it, the statement to three quarters (a quarter of
     * it, 250 ms by default, is the margin before the migration's deadlock check can run). Below 4 ms no margin is
     * left: both settings are whole milliseconds, at least 1.
     */
    static ProbeTimeouts under(Duration deadlockTimeout, Duration configured) {
        Duration statementCap = atLeastOneMs(deadlockTimeout.multipliedBy(3).dividedBy(4));
        Duration lockCap = atLeastOneMs(deadlockTimeout.dividedBy(2));
        Duration lock = min(configured, lockCap);
        Duration statement = min(configured.multipliedBy(20).plus(STATEMENT_ALLOWANCE), statementCap);
        return new ProbeTimeouts(lock, statement.compareTo(lock) < 0 ? lock : statement);
    }

    /** The same with the lock wait no longer than {@code max}. */
    ProbeTimeouts lockAtMost(Duration max) {
        return new ProbeTimeouts(min(lock, max), statement);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Whole milliseconds (the settings are sent in ms), never below the least value. */
    private static Duration atLeastOneMs(Duration d) {
        Duration millis = d.truncatedTo(ChronoUnit.MILLIS);
        return millis.compareTo(LEAST) < 0 ? LEAST : millis;
    }
}
