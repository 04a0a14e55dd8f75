package dev.migratest.locks;

/**
 * An object a statement locked.
 *
 * @param name           schema-qualified name ({@code public.users}, {@code public.users_pkey}); a toast table is named
 *                       {@code toast of public.users}; a relation created and dropped within one phase that no catalog
 *                       read saw is named {@code relation <oid>}
 * @param kind           table, index, toast table, sequence, type…
 * @param table          the table whose traffic the lock affects: the table itself, an index's or toast table's
 *                       table; {@code null} for objects that belong to no table (a type, a view, a sequence)
 * @param createdInPhase the object did not exist when the phase began: locks on it harm nobody
 */
public record LockedObject(String name, ObjectKind kind, String table, boolean createdInPhase) {

    /** Locks on this object can stall the application: it existed before the phase. */
    public boolean preExisting() {
        return !createdInPhase;
    }
}
