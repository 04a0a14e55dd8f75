package dev.migratest.schema;

/** How {@link SchemaTracker} reads the catalog after the first snapshot. */
public enum SnapshotMode {
    /** Re-read only the objects DDL touched since the last snapshot (event triggers note them); the default. */
    INCREMENTAL,
    /** Re-read the whole catalog every time. */
    FULL,
    /** Incremental, and a full read next to it that must agree: for testing migratest itself. */
    VERIFY
}
