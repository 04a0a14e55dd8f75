package dev.migratest.locks;

import java.util.Arrays;

/**
 * PostgreSQL's table-level lock modes, weakest first, with what each one does to the application's traffic
 * (DESIGN.md, "Facts from measurement"): reads stop only at ACCESS EXCLUSIVE, writes stop from SHARE upwards.
 */
public enum LockMode {
    ACCESS_SHARE("AccessShareLock"),
    ROW_SHARE("RowShareLock"),
    ROW_EXCLUSIVE("RowExclusiveLock"),
    SHARE_UPDATE_EXCLUSIVE("ShareUpdateExclusiveLock"),
    SHARE("ShareLock"),
    SHARE_ROW_EXCLUSIVE("ShareRowExclusiveLock"),
    EXCLUSIVE("ExclusiveLock"),
    ACCESS_EXCLUSIVE("AccessExclusiveLock");

    private final String pgName;

    LockMode(String pgName) {
        this.pgName = pgName;
    }

    /** The name {@code pg_locks.mode} uses, e.g. {@code AccessExclusiveLock}. */
    public String pgName() {
        return pgName;
    }

    /** The mode named as {@code pg_locks.mode} names it; {@code null} for a name that is not a table lock mode. */
    public static LockMode fromPg(String name) {
        return Arrays.stream(values()).filter(m -> m.pgName.equals(name)).findFirst().orElse(null);
    }

    /** Application writes (INSERT/UPDATE/DELETE take ROW EXCLUSIVE) wait while this mode is held. */
    public boolean blocksWrites() {
        return isAtLeast(SHARE);
    }

    /** Application reads (SELECT takes ACCESS SHARE) wait while this mode is held. */
    public boolean blocksReads() {
        return this == ACCESS_EXCLUSIVE;
    }

    /** SHARE or stronger: the modes whose wait in the lock queue stalls the application. */
    public boolean isDangerous() {
        return isAtLeast(SHARE);
    }

    public boolean isAtLeast(LockMode other) {
        return compareTo(other) >= 0;
    }

    public boolean isStrongerThan(LockMode other) {
        return compareTo(other) > 0;
    }
}
