package dev.migratest.locks;

/** Names what a lock row points at, with the phase-start catalog as the memory of what existed. */
final class Holds {

    private Holds() {
    }

    /**
     * A relation that exists for an instant inside a statement (the new heap of a rewrite, dropped before the
     * statement returns): no catalog knows its name, and no session but ours could ever have touched it.
     */
    static boolean fleeting(LockRow row, RelationCatalog catalog) {
        return row.object() == null && !catalog.contains(row.oid());
    }

    /**
     * The locked object: as the catalog of the phase's start knew it (pre-existing), else as the lock row names it
     * (created in the phase), else an OID nobody can name any more (created and dropped within the phase).
     */
    static LockedObject object(LockRow row, RelationCatalog catalog) {
        return catalog.entry(row.oid()).map(CatalogEntry::object).orElseGet(() -> row.object() != null
                ? new LockedObject(row.object().name(), row.object().kind(), row.object().table(), true)
                : new LockedObject("relation " + row.oid(), ObjectKind.OTHER, null, true));
    }
}
