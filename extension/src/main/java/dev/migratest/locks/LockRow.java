package dev.migratest.locks;

/**
 * One row of {@code pg_locks} for the migrating backend, with the catalog facts the trace needs.
 *
 * @param oid           the relation's or type's OID
 * @param object        name, kind, table; {@code null} when the migrating transaction dropped the object (the catalog
 *                      of the phase's start names it)
 * @param mode          the lock mode
 * @param granted       {@code false} while the backend waits for it
 * @param filenode      {@code relfilenode} as the migrating backend sees it; 0 without storage or when unknown
 * @param toastOid      OID of the relation's toast table, 0 when none
 * @param toastFilenode {@code relfilenode} of that toast table
 * @param waitedMs      time waited so far ({@code pg_locks.waitstart}, PostgreSQL 14+), {@code null} otherwise
 */
record LockRow(long oid, LockedObject object, LockMode mode, boolean granted, long filenode, long toastOid,
               long toastFilenode, Double waitedMs) {

    /** Identifies the (object, mode) pair: a statement that takes a second mode on a table shows a second row. */
    String key() {
        return oid + "/" + mode;
    }
}
