package dev.migratest.locks;

/**
 * One relation or type as the catalog showed it at one moment.
 *
 * @param oid      the object's OID
 * @param object   its name, kind and table ({@code createdInPhase} is decided by the caller)
 * @param filenode {@code pg_class.relfilenode}; 0 for objects without storage
 */
record CatalogEntry(long oid, LockedObject object, long filenode) {
}
