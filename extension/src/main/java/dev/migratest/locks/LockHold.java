package dev.migratest.locks;

/**
 * One lock mode on one object, first taken by a statement, and how long it was held.
 *
 * @param object     what was locked
 * @param mode       the lock mode
 * @param sinceMs    when the statement that first showed the lock began, in ms from the start of the phase
 * @param heldMs     measured hold: from {@code sinceMs} to the end of COMMIT (or ROLLBACK) in a transactional phase,
 *                   minus the pauses migratest's own tracing made while the lock was held; for a statement run in
 *                   autocommit, estimated from the observer's polls: from midway between the last poll
 *                   without the lock and the first with it, to midway between the last poll with it and the next
 *                   without it (or the statement's end); uncertain by about one poll interval (0.3–1.5 ms)
 * @param waitedMs   how long the backend waited for the lock before it was granted, when the observer saw the wait;
 *                   {@code null} when no wait was seen
 * @param observed   {@code true} when the observer connection saw the lock by polling {@code pg_locks} (autocommit
 *                   statements); {@code false} when the migrating connection read it inside its transaction
 */
public record LockHold(LockedObject object, LockMode mode, double sinceMs, double heldMs, Double waitedMs,
                       boolean observed) {

    public String relation() {
        return object.name();
    }

    /** A lock that can stall the application: a dangerous mode on an object that existed before the phase. */
    public boolean dangerous() {
        return mode.isDangerous() && object.preExisting();
    }
}
