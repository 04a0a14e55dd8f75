package dev.migratest.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the fingerprints of one scratch database and recomputes only what may have changed: a table nobody wrote
 * since its last fingerprint (no ROW EXCLUSIVE or stronger lock in the traces, not refilled by datagen) still has it.
 * That keeps a snapshot's cost proportional to what a phase touched, not to the size of the database.
 */
public final class DataWatch {
    private final Map<String, TableFingerprint> known = new HashMap<>();
    /** Tables that hold no user data (a migration tool's own), never fingerprinted: {@code schema.table}, unquoted. */
    private final Set<String> leftOut;
    /** The last snapshot, valid while nothing was forgotten since: a phase that wrote nothing changes nothing. */
    private DataSnapshot last;

    public DataWatch() {
        this(Set.of());
    }

    /** @param leftOut tables that hold no user data, left out of every snapshot ({@code schema.table}, unquoted) */
    public DataWatch(Set<String> leftOut) {
        this.leftOut = Set.copyOf(leftOut);
    }

    /**
     * The fingerprints of every user table now.
     *
     * @param written tables that may have changed since the last snapshot; {@code null}: any table may have
     */
    public DataSnapshot snapshot(Connection connection, Set<String> written) throws SQLException {
        wrote(written);
        // No table written, created, dropped or altered (each takes ROW EXCLUSIVE or stronger): nothing to read at all.
        if (last != null) return last;
        // Text forms depend on session settings (TimeZone, DateStyle, extra_float_digits…), and a migration's plain
        // SET outlives its phase: every snapshot reads under the server's defaults, as the next phase will run.
        try (java.sql.Statement reset = connection.createStatement()) {
            reset.execute("RESET ALL");
        }
        Map<String, TableFingerprint> tables = new LinkedHashMap<>();
        for (TableShape shape : Fingerprinter.shapes(connection)) {
            if (leftOut.contains(shape.name())) continue;
            TableFingerprint previous = known.get(shape.name());
            boolean unchanged = previous != null
                    && previous.columns().keySet().equals(new java.util.LinkedHashSet<>(shape.columns()));
            TableFingerprint now = unchanged ? previous : Fingerprinter.fingerprint(connection, shape);
            known.put(shape.name(), now);
            tables.put(shape.name(), now);
        }
        known.keySet().retainAll(tables.keySet());
        last = new DataSnapshot(tables);
        return last;
    }

    /**
     * A phase wrote {@code written} ({@code null}: any table) and no snapshot follows it (a forward-only UP): the next
     * snapshot must compute those tables again, or it would hand out their fingerprints from before that phase.
     */
    public void wrote(Set<String> written) {
        if (written == null) {
            forgetAll();
        } else if (!written.isEmpty()) {
            known.keySet().removeAll(written);
            last = null;
        }
    }

    /** Something ran outside the traced phases (the lock-queue check's DOWN and UP): every table again. */
    public void forgetAll() {
        known.clear();
        last = null;
    }

    /** Tables whose row count is not the one fingerprinted (datagen filled them) must be computed again. */
    public void forgetTablesWhoseRowsChanged(Map<String, Long> rows) {
        rows.forEach((table, count) -> {
            TableFingerprint previous = known.get(table);
            if (previous != null && previous.rows() != count) {
                known.remove(table);
                this.last = null;
            }
        });
    }
}
