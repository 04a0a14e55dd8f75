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

    /**
     * The fingerprints of every user table now.
     *
     * @param written tables that may have changed since the last snapshot; {@code null}: any table may have
     */
    public DataSnapshot snapshot(Connection connection, Set<String> written) throws SQLException {
        // Text forms depend on session settings (TimeZone, DateStyle, extra_float_digits…), and a migration's plain
        // SET outlives its phase: every snapshot reads under the server's defaults, as the next phase will run.
        try (java.sql.Statement reset = connection.createStatement()) {
            reset.execute("RESET ALL");
        }
        Map<String, TableFingerprint> tables = new LinkedHashMap<>();
        for (TableShape shape : Fingerprinter.shapes(connection)) {
            TableFingerprint last = known.get(shape.name());
            boolean unchanged = last != null && written != null && !written.contains(shape.name())
                    && last.columns().keySet().equals(new java.util.LinkedHashSet<>(shape.columns()));
            TableFingerprint now = unchanged ? last : Fingerprinter.fingerprint(connection, shape);
            known.put(shape.name(), now);
            tables.put(shape.name(), now);
        }
        known.keySet().retainAll(tables.keySet());
        return new DataSnapshot(tables);
    }

    /** Something ran outside the traced phases (the lock-queue check's DOWN and UP): every table again. */
    public void forgetAll() {
        known.clear();
    }

    /** Tables whose row count is not the one fingerprinted (datagen filled them) must be computed again. */
    public void forgetTablesWhoseRowsChanged(Map<String, Long> rows) {
        rows.forEach((table, count) -> {
            TableFingerprint last = known.get(table);
            if (last != null && last.rows() != count) known.remove(table);
        });
    }
}
