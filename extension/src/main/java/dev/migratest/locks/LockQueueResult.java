package dev.migratest.locks;

import java.util.List;

/**
 * What happened to the application's readers when UP met a long-running reader (the seeds' lock-queue outage: an
 * ALTER waiting for ACCESS EXCLUSIVE behind one slow SELECT makes every later SELECT wait behind the ALTER).
 *
 * @param tables             the pre-existing tables UP locks ACCESS EXCLUSIVE, each held ACCESS SHARE by the blocker
 * @param blockerHoldMs      how long the blocking reader kept its transaction open
 * @param worstReaderStallMs the longest single query of the concurrent readers
 * @param readerQueries      how many queries the readers completed during the check
 * @param verdict            whether UP gave up quickly, made everyone wait, or never queued
 * @param migrationMs        how long UP ran under contention, until it failed or committed
 * @param migrationError     the SQLSTATE and message UP failed with, {@code null} when it committed
 */
public record LockQueueResult(List<String> tables, double blockerHoldMs, double worstReaderStallMs, int readerQueries,
                              Verdict verdict, double migrationMs, String migrationError) {

    public LockQueueResult {
        tables = List.copyOf(tables);
    }

    public enum Verdict {
        /** UP hit its {@code lock_timeout} (or {@code statement_timeout}) and rolled back: readers barely noticed. */
        FAILED_FAST,
        /** UP waited in the lock queue for the blocker, and the readers queued behind it. */
        MADE_READERS_WAIT,
        /** The readers never waited longer than a normal query. */
        READERS_UNAFFECTED
    }
}
