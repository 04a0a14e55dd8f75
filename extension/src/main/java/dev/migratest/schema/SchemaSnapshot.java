package dev.migratest.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The catalog of every user schema of one database at one moment, read from {@code pg_catalog} in one round trip:
 * schemas, tables, columns, constraints, indexes, sequences, views, functions, triggers, types, extensions, policies,
 * rules, statistics, event triggers, with their comments and privileges. Objects that belong to an extension are left
 * out. Values hold no OIDs and no owners, so two databases built by the same DDL give equal snapshots.
 * <p>
 * Works on PostgreSQL 12 to 18 and prints the same for the same catalog, with one difference that is the catalog's
 * own: from 18 on a column's NOT NULL is also a constraint of its own ({@code <table>_<column>_not_null}), and the
 * snapshot lists it as a {@code constraint} next to the column's {@code not null} attribute.
 */
public final class SchemaSnapshot {

    private final SortedMap<String, SchemaObject> objects;

    SchemaSnapshot(Collection<SchemaObject> objects) {
        TreeMap<String, SchemaObject> byIdentity = new TreeMap<>();
        for (SchemaObject object : objects) {
            SchemaObject previous = byIdentity.put(object.identity(), object);
            if (previous != null) {
                throw new IllegalArgumentException("two objects named " + object.identity());
            }
        }
        this.objects = Collections.unmodifiableSortedMap(byIdentity);
    }

    /**
     * Reads the catalog through {@code connection} with one statement batch (one round trip). The session's
     * {@code search_path} is set to {@code ''} while the catalog is read, so every printed name is schema-qualified
     * whatever a migration did to the path, and it is restored afterwards.
     */
    public static SchemaSnapshot take(Connection connection) throws SQLException {
        return new SchemaSnapshot(CatalogQuery.read(connection));
    }

    /** How many objects the snapshot holds (columns, indexes, constraints … each count as one). */
    public int objectCount() {
        return objects.size();
    }

    /** Identity → object, sorted by identity. */
    SortedMap<String, SchemaObject> objects() {
        return objects;
    }

    @Override
    public String toString() {
        return "SchemaSnapshot[" + objects.size() + " objects]";
    }
}
