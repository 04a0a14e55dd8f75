package dev.migratest.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Snapshots of one database across many phases, each costing what the phase touched rather than what the database
 * holds. Event triggers ({@link ChangeCapture}) note every object DDL creates, alters or drops; the next snapshot
 * re-reads only the roots of those objects and of their dependents, and keeps the rest of the previous one. Where
 * the triggers cannot be installed (they need a superuser) or a command reports no object (GRANT), it reads
 * everything. Not thread-safe: one tracker per connection.
 */
public final class SchemaTracker {
    /** System property choosing the {@link SnapshotMode}; default incremental. */
    public static final String MODE_PROPERTY = "migratest.snapshot";
    private static final String EVENT_TRIGGER_ROOT = "v";
    private static final System.Logger LOG = System.getLogger(SchemaTracker.class.getName());

    private final SnapshotMode mode;
    /** Identities of the tables left out ({@code table schema.name}), e.g. a migration tool's own table. */
    private final Set<String> leftOut;
    private final Map<String, List<CatalogEntry>> byRoot = new HashMap<>();
    private final Map<Address, String> rootByAddress = new HashMap<>();
    private SchemaSnapshot current;

    private SchemaTracker(SnapshotMode mode, Set<String> leftOutTables) {
        this.mode = mode;
        Set<String> identities = new LinkedHashSet<>();
        leftOutTables.forEach(table -> identities.add("table " + table));
        this.leftOut = Set.copyOf(identities);
    }

    /** Starts tracking the database behind {@code connection}; falls back to full reads when capture is refused. */
    public static SchemaTracker start(Connection connection, SnapshotMode mode) {
        return start(connection, mode, Set.of());
    }

    /**
     * As {@link #start(Connection, SnapshotMode)}, with {@code leftOutTables} ({@code schema.table} as the snapshot
     * prints it) and everything that belongs to them left out of every snapshot: a migration tool's own table.
     */
    public static SchemaTracker start(Connection connection, SnapshotMode mode, Set<String> leftOutTables) {
        if (mode == SnapshotMode.FULL) return new SchemaTracker(mode, leftOutTables);
        try {
            ChangeCapture.install(connection);
            return new SchemaTracker(mode, leftOutTables);
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.INFO, "schema snapshots read the whole catalog each time: event triggers"
                    + " could not be installed (" + e.getSQLState() + " " + e.getMessage() + ")");
            return new SchemaTracker(SnapshotMode.FULL, leftOutTables);
        }
    }

    /** The mode in force (FULL when change capture was refused). */
    public SnapshotMode mode() {
        return mode;
    }

    /** The catalog as it is now. Call it with no transaction open. */
    public SchemaSnapshot snapshot(Connection connection) throws SQLException {
        if (mode == SnapshotMode.FULL || current == null) return readEverything(connection);
        Set<String> roots = new LinkedHashSet<>();
        for (ChangeCapture.Touched touched : ChangeCapture.consume(connection)) {
            if (!touched.reported()) return readEverything(connection);
            String root = touched.root() != null ? touched.root()
                    : rootByAddress.get(new Address(touched.classid(), touched.objid()));
            if (root != null) roots.add(root);
        }
        if (roots.isEmpty()) return current;
        roots.addAll(InheritanceRelatives.of(roots, byRoot));
        // every scoped read also returns all event triggers (see snapshot.sql): forget the old ones with them
        byRoot.keySet().stream().filter(root -> root.startsWith(EVENT_TRIGGER_ROOT)).forEach(roots::add);
        for (String root : roots) {
            forget(root);
        }
        remember(CatalogQuery.read(connection, roots));
        current = assemble();
        if (mode == SnapshotMode.VERIFY) verify(connection, roots);
        return current;
    }

    private SchemaSnapshot readEverything(Connection connection) throws SQLException {
        if (mode != SnapshotMode.FULL) ChangeCapture.consume(connection);
        byRoot.clear();
        rootByAddress.clear();
        remember(CatalogQuery.read(connection, null));
        current = assemble();
        return current;
    }

    private void verify(Connection connection, Set<String> roots) throws SQLException {
        SchemaSnapshot full = new SchemaSnapshot(CatalogQuery.read(connection).stream()
                .filter(object -> !leftOut(object)).toList());
        List<String> lines = SchemaDiff.between(full, current, ColumnOrder.STRICT);
        if (!lines.isEmpty()) {
            throw new IllegalStateException("incremental snapshot disagrees with a full read after re-reading "
                    + roots + ":\n  " + String.join("\n  ", lines));
        }
    }

    private void forget(String root) {
        List<CatalogEntry> gone = byRoot.remove(root);
        if (gone != null) {
            for (CatalogEntry entry : gone) rootByAddress.remove(new Address(entry.classid(), entry.objid()));
        }
    }

    private void remember(List<CatalogEntry> entries) {
        for (CatalogEntry entry : entries) {
            if (leftOut(entry.object())) continue;
            byRoot.computeIfAbsent(entry.root(), r -> new ArrayList<>()).add(entry);
            rootByAddress.put(new Address(entry.classid(), entry.objid()), entry.root());
        }
    }

    private SchemaSnapshot assemble() {
        List<SchemaObject> objects = new ArrayList<>();
        for (List<CatalogEntry> entries : byRoot.values()) {
            for (CatalogEntry entry : entries) objects.add(entry.object());
        }
        return new SchemaSnapshot(objects);
    }

    /** The left-out table itself, or an object that belongs to it (column, constraint, index, owned sequence…). */
    private boolean leftOut(SchemaObject object) {
        return leftOut.contains(object.identity()) || object.parent() != null && leftOut.contains(object.parent());
    }

    private record Address(long classid, long objid) {
    }
}
