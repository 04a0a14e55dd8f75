package dev.migratest.locks;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Watches one autocommit statement from the second connection: polls {@code pg_locks} for the migrating backend
 * every millisecond or so (a statement like CREATE INDEX CONCURRENTLY takes and releases its locks in transactions of
 * its own, so the migrating connection cannot see them afterwards) and probes each pre-existing table the first time
 * it is seen locked. One watch per statement, on its own thread.
 */
final class LockObserver {
    private static final long POLL_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final PreparedStatement poll;
    private final BlockingProbe probe;
    private final RelationCatalog catalog;

    /** {@code poll} is the lock query prepared on the observer connection with the migrating backend's pid bound. */
    LockObserver(PreparedStatement poll, BlockingProbe probe, RelationCatalog catalog) {
        this.poll = poll;
        this.probe = probe;
        this.catalog = catalog;
    }

    Watch watch(long phaseStart) {
        Watch watch = new Watch(phaseStart);
        watch.thread.start();
        return watch;
    }

    /** What one watch saw, per (object, mode). */
    static final class Seen {
        final LockRow row;
        final long firstSeen;
        long grantedFirst = -1;
        long lastSeen;
        Double waitedMs;

        Seen(LockRow row, long now) {
            this.row = row;
            this.firstSeen = now;
        }
    }

    final class Watch {
        private final Thread thread;
        private final long phaseStart;
        private final Map<String, Seen> seen = new LinkedHashMap<>();
        private final Map<Long, BlockingProbe.ProbeResult> probes = new LinkedHashMap<>();
        private final Map<Long, String> probedNames = new LinkedHashMap<>();
        private volatile boolean stopping;
        private volatile SQLException failure;

        private Watch(long phaseStart) {
            this.phaseStart = phaseStart;
            this.thread = new Thread(this::run, "migratest-lock-observer");
            thread.setDaemon(true);
        }

        private void run() {
            try {
                while (!stopping) {
                    List<LockRow> rows;
                    try (ResultSet rs = poll.executeQuery()) {
                        rows = Rows.locks(rs);
                    }
                    long now = System.nanoTime();
                    Set<Long> toProbe = new LinkedHashSet<>();
                    for (LockRow row : rows) {
                        if (Holds.fleeting(row, catalog)) continue;
                        Seen s = seen.computeIfAbsent(row.key(), k -> new Seen(row, now));
                        s.lastSeen = now;
                        if (row.granted() && s.grantedFirst < 0) {
                            s.grantedFirst = now;
                            table(row).ifPresent(toProbe::add);
                        }
                        if (row.waitedMs() != null) s.waitedMs = row.waitedMs();
                        else if (!row.granted()) s.waitedMs = (now - s.firstSeen) / 1e6;
                    }
                    for (Long table : toProbe) {
                        BlockingProbe.ProbeResult known = probes.get(table);
                        if (known != null && Boolean.TRUE.equals(known.reads())) continue;
                        probes.put(table, probe.probe(table));
                    }
                    LockSupport.parkNanos(POLL_INTERVAL_NANOS);
                }
            } catch (SQLException e) {
                failure = e;
            }
        }

        /** The pre-existing table a lock acts on. */
        private java.util.Optional<Long> table(LockRow row) {
            LockedObject object = Holds.object(row, catalog);
            if (object.createdInPhase() || object.table() == null) return java.util.Optional.empty();
            java.util.Optional<Long> oid = object.kind().holdsRows() ? java.util.Optional.of(row.oid())
                    : catalog.tableOid(object.table());
            oid.ifPresent(o -> probedNames.put(o, object.table()));
            return oid;
        }

        /** Stops polling (the statement returned) and says what was seen. */
        Observation stop() throws SQLException {
            stopping = true;
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while stopping the lock observer", e);
            }
            if (failure != null) throw failure;
            return new Observation(phaseStart, seen, probes, probedNames);
        }
    }

    /** The locks one statement was seen holding, and the probes' answers. */
    record Observation(long phaseStart, Map<String, Seen> seen, Map<Long, BlockingProbe.ProbeResult> probes,
                       Map<Long, String> probedNames) {
    }
}
