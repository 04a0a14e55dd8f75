package dev.migratest.locks;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Watches one autocommit statement from the second connection: polls {@code pg_locks} for the migrating backend
 * every millisecond or so (a statement like CREATE INDEX CONCURRENTLY takes and releases its locks in transactions of
 * its own, so the migrating connection cannot see them afterwards) and probes each pre-existing table the first time
 * it is seen locked. One watch per statement, on its own thread.
 */
final class LockObserver {
    /**
     * A poll costs 0.3–0.7 ms (round trip plus {@code pg_locks}); statements like DROP INDEX CONCURRENTLY last 2 ms.
     * So the first moments of a statement are sampled back to back, and only a statement still running after them is
     * sampled every millisecond (two cores: a busy observer would slow the migration it measures).
     */
    private static final long DENSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long POLL_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /**
     * After a second a statement is a long one (an index build, a validation): its locks last seconds, 10 ms is
     * precision enough, and polling every millisecond would take a core from the statement on a 2-core machine
     * (measured: CREATE INDEX CONCURRENTLY on 1 M rows ran 1.5× slower while watched every millisecond).
     */
    private static final long LONG_STATEMENT_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long LONG_POLL_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final PreparedStatement poll;
    private final BlockingProbe probe;
    private final RelationCatalog catalog;

    /** {@code poll} is the lock query prepared on the observer connection with the migrating backend's pid bound. */
    LockObserver(PreparedStatement poll, BlockingProbe probe, RelationCatalog catalog) {
        this.poll = poll;
        this.probe = probe;
        this.catalog = catalog;
    }

    /**
     * Starts a watch and returns once it has polled (and seen nothing yet): a thread takes up to ~2 ms to start, as
     * long as a whole fast statement, so a statement sent right after {@code thread.start()} could end unwatched.
     */
    Watch watch(long phaseStart) throws SQLException {
        Watch watch = new Watch(phaseStart);
        watch.thread.start();
        try {
            watch.ready.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            watch.stopping = true;
            throw new SQLException("interrupted while starting the lock observer", e);
        }
        if (watch.failure != null) throw watch.failure;
        watch.statementStart = System.nanoTime();
        return watch;
    }

    /**
     * What one watch saw of one (object, mode). Times are polls' midpoints (the moment {@code pg_locks} was read is
     * somewhere in the round trip); {@code before}/{@code after} are the polls on either side that did not show the
     * lock granted, so the true hold lies between {@code lastSeen - grantedFirst} and {@code after - before}.
     */
    static final class Seen {
        final LockRow row;
        final long firstSeen;
        long before;
        long grantedFirst = -1;
        long lastSeen;
        long after = -1;
        Double waitedMs;

        Seen(LockRow row, long now) {
            this.row = row;
            this.firstSeen = now;
        }

        /**
         * The hold estimated from midpoints between the polls that saw the lock and those that did not: unbiased,
         * and a lock seen by one poll only gets about one poll interval rather than 0.
         */
        double heldMs() {
            if (grantedFirst < 0) return 0;
            double from = (before + grantedFirst) / 2.0;
            double to = (lastSeen + after) / 2.0;
            return Math.max(0, to - from) / 1e6;
        }
    }

    final class Watch {
        private final Thread thread;
        private final long phaseStart;
        private final CountDownLatch ready = new CountDownLatch(1);
        private final Map<String, Seen> seen = new LinkedHashMap<>();
        private final Map<Long, BlockingProbe.ProbeResult> probes = new LinkedHashMap<>();
        private final Map<Long, String> probedNames = new LinkedHashMap<>();
        private volatile boolean stopping;
        private volatile SQLException failure;
        private volatile long statementStart;
        private long lastPoll;

        private Watch(long phaseStart) {
            this.phaseStart = phaseStart;
            this.thread = new Thread(this::run, "migratest-lock-observer");
            thread.setDaemon(true);
        }

        private void run() {
            long started = System.nanoTime();
            try {
                while (!stopping) {
                    long sent = System.nanoTime();
                    List<LockRow> rows;
                    try (ResultSet rs = poll.executeQuery()) {
                        rows = Rows.locks(rs);
                    }
                    long now = sent + (System.nanoTime() - sent) / 2;
                    Set<Long> toProbe = record(rows, now);
                    lastPoll = now;
                    ready.countDown();
                    for (Long table : toProbe) {
                        BlockingProbe.ProbeResult known = probes.get(table);
                        if (known != null && Boolean.TRUE.equals(known.reads())) continue;
                        // Probed again for a lock granted later, when what blocked the first probe may be gone:
                        // keep both answers.
                        probes.merge(table, probe.probe(table), BlockingProbe.ProbeResult::combinedWith);
                    }
                    long running = System.nanoTime() - started;
                    if (running > LONG_STATEMENT_NANOS) LockSupport.parkNanos(LONG_POLL_INTERVAL_NANOS);
                    else if (running > DENSE_NANOS) LockSupport.parkNanos(POLL_INTERVAL_NANOS);
                }
            } catch (SQLException e) {
                failure = e;
            } finally {
                ready.countDown();
            }
        }

        /** Updates the sightings with one poll; the pre-existing tables newly locked, to probe. */
        private Set<Long> record(List<LockRow> rows, long now) {
            Set<Long> toProbe = new LinkedHashSet<>();
            Set<String> granted = new java.util.HashSet<>();
            for (LockRow row : rows) {
                if (Holds.fleeting(row, catalog)) continue;
                Seen s = seen.computeIfAbsent(row.key(), k -> new Seen(row, now));
                if (row.granted()) {
                    granted.add(row.key());
                    if (s.grantedFirst < 0) {
                        s.grantedFirst = now;
                        s.before = Math.max(lastPoll, statementStart);
                        table(row).ifPresent(toProbe::add);
                    }
                    s.lastSeen = now;
                    s.after = -1;
                }
                if (row.waitedMs() != null) s.waitedMs = row.waitedMs();
                else if (!row.granted()) s.waitedMs = (now - s.firstSeen) / 1e6;
            }
            for (Seen s : seen.values()) {
                if (s.grantedFirst >= 0 && s.after < 0 && !granted.contains(s.row.key())) s.after = now;
            }
            return toProbe;
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

        /**
         * Stops polling (the statement returned at {@code statementEnd}) and says what was seen. A lock still shown by
         * the last poll was released by the time the statement returned.
         */
        Observation stop(long statementEnd) throws SQLException {
            stopping = true;
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while stopping the lock observer", e);
            }
            if (failure != null) throw failure;
            for (Seen s : seen.values()) {
                if (s.grantedFirst >= 0 && s.after < 0) s.after = Math.max(statementEnd, s.lastSeen);
            }
            return new Observation(phaseStart, seen, probes, probedNames);
        }
    }

    /** The locks one statement was seen holding, and the probes' answers. */
    record Observation(long phaseStart, Map<String, Seen> seen, Map<Long, BlockingProbe.ProbeResult> probes,
                       Map<Long, String> probedNames) {
    }
}
