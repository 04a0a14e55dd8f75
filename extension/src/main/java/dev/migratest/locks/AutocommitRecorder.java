package dev.migratest.locks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Traces a phase that runs in autocommit (CONCURRENTLY, VACUUM, a NO TRANSACTION script): each statement is its own
 * transaction or several, so its locks are gone when it returns. The observer watches each statement from the second
 * connection; afterwards the catalog is re-read for rewrites and, on PostgreSQL 15+, the table counters are flushed
 * and compared.
 */
final class AutocommitRecorder implements PhaseRecorder {
    private final Connection migrating;
    private final Connection observerConnection;
    private final LockObserver observer;
    private final boolean countersFlushable;
    private final long phaseStart;
    private final RelationCatalog phaseCatalog;

    private RelationCatalog current;
    private Map<Long, TableActivity> counters;
    private LockObserver.Watch watch;
    private long statementStart;
    private long pausedNanos;
    private Map<Long, TableActivity> probedSoFar = Map.of();
    private final List<StatementTrace> traces = new ArrayList<>();
    private String incompleteReason;

    AutocommitRecorder(Connection migrating, Connection observerConnection, LockObserver observer,
                       RelationCatalog catalog, boolean countersFlushable) throws SQLException {
        this.migrating = migrating;
        this.observerConnection = observerConnection;
        this.observer = observer;
        this.phaseCatalog = catalog;
        this.current = catalog;
        this.countersFlushable = countersFlushable;
        this.counters = countersFlushable ? counters() : null;
        this.phaseStart = System.nanoTime();
    }

    @Override
    public void statementStarting() {
        long before = System.nanoTime();
        watch = null;
        if (incompleteReason == null) {
            try {
                watch = observer.watch(phaseStart);
            } catch (SQLException e) {
                incompleteReason = "starting the observer for statement " + (traces.size() + 1) + " failed: "
                        + e.getMessage();
            }
        }
        statementStart = System.nanoTime();
        // Waiting for the observer's first poll is migratest's time, not the phase's.
        pausedNanos += statementStart - before;
    }

    @Override
    public void statementFinished(boolean succeeded) {
        long end = System.nanoTime();
        if (watch == null) {
            traces.add(null);
            return;
        }
        try {
            LockObserver.Observation seen = watch.stop(end);
            traces.add(trace(seen));
        } catch (SQLException e) {
            incompleteReason = "observing statement " + (traces.size() + 1) + " failed: " + e.getMessage();
            traces.add(null);
        }
        pausedNanos += System.nanoTime() - end;
    }

    private StatementTrace trace(LockObserver.Observation seen) throws SQLException {
        List<LockHold> holds = new ArrayList<>();
        boolean dangerousUnprobed = false;
        List<String> inferredReads = new ArrayList<>();
        List<String> inferredWrites = new ArrayList<>();
        for (LockObserver.Seen s : seen.seen().values()) {
            if (s.grantedFirst < 0) continue;
            LockedObject object = Holds.object(s.row, phaseCatalog);
            double since = (statementStart - phaseStart - pausedNanos) / 1e6;
            holds.add(new LockHold(object, s.row.mode(), since, s.heldMs(), s.waitedMs, true));
            if (object.preExisting() && object.table() != null && !seen.probedNames().containsValue(object.table())) {
                if (s.row.mode().blocksReads()) inferredReads.add(object.table());
                if (s.row.mode().blocksWrites()) inferredWrites.add(object.table());
                dangerousUnprobed = true;
            }
        }
        RelationCatalog after = RelationCatalog.read(migrating);
        List<String> rewrites = rewrites(current, after);
        current = after;
        List<TableActivity> activity = null;
        if (countersFlushable) {
            Map<Long, TableActivity> now = counters();
            activity = Rows.delta(counters, now);
            counters = now;
        }
        String lockTimeout;
        String statementTimeout;
        try (Statement statement = migrating.createStatement(); ResultSet rs = statement.executeQuery(LockQueries.TIMEOUTS)) {
            rs.next();
            lockTimeout = rs.getString(1);
            statementTimeout = rs.getString(2);
        }
        return new StatementTrace(holds, rewrites, activity, blocking(seen, dangerousUnprobed, inferredReads,
                inferredWrites), lockTimeout, statementTimeout);
    }

    /**
     * Probe answers where the observer got to probe; the lock modes' meaning where the statement was faster. Not
     * "probed" when no probe ran: a 2 ms statement (DROP INDEX CONCURRENTLY) can end between two polls, and "nothing
     * seen" must not read as "tried for real".
     */
    private static Blocking blocking(LockObserver.Observation seen, boolean inferred, List<String> inferredReads,
                                     List<String> inferredWrites) {
        Set<String> reads = new LinkedHashSet<>(inferredReads);
        Set<String> writes = new LinkedHashSet<>(inferredWrites);
        boolean unknown = false;
        for (Map.Entry<Long, BlockingProbe.ProbeResult> e : seen.probes().entrySet()) {
            String name = seen.probedNames().get(e.getKey());
            if (e.getValue().reads() == null || e.getValue().writes() == null) unknown = true;
            if (Boolean.TRUE.equals(e.getValue().reads())) reads.add(name);
            if (Boolean.TRUE.equals(e.getValue().writes())) writes.add(name);
        }
        return new Blocking(!reads.isEmpty() ? Boolean.TRUE : unknown ? null : Boolean.FALSE,
                !writes.isEmpty() ? Boolean.TRUE : unknown ? null : Boolean.FALSE,
                List.copyOf(reads), List.copyOf(writes), !inferred && !seen.probes().isEmpty());
    }

    /** Storage that changed between two catalog readings, and indexes that came back under a new OID. */
    static List<String> rewrites(RelationCatalog before, RelationCatalog after) {
        Set<String> found = new LinkedHashSet<>();
        for (CatalogEntry now : after.entries()) {
            var then = before.entry(now.oid());
            if (then.isPresent()) {
                if (then.get().filenode() != 0 && now.filenode() != 0 && then.get().filenode() != now.filenode()) {
                    found.add(then.get().object().name());
                }
            } else if (now.object().kind() == ObjectKind.INDEX) {
                before.sameName(now.object()).filter(e -> after.entry(e.oid()).isEmpty())
                        .ifPresent(e -> found.add(now.object().name()));
            }
        }
        return List.copyOf(found);
    }

    /**
     * Cumulative counters after making both of our backends publish what they have pending (PostgreSQL 15+), less
     * what our own probes did (a rolled-back probe UPDATE still counts as an updated row).
     */
    private Map<Long, TableActivity> counters() throws SQLException {
        Map<Long, TableActivity> probes;
        try (Statement statement = observerConnection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(LockQueries.TRANSACTION_ACTIVITY)) {
                probes = Rows.activity(rs);
            }
            statement.execute("select pg_stat_force_next_flush()");
        }
        try (Statement statement = migrating.createStatement()) {
            statement.execute("select pg_stat_force_next_flush()");
        }
        Map<Long, TableActivity> totals;
        try (Statement statement = migrating.createStatement();
             ResultSet rs = statement.executeQuery(LockQueries.CUMULATIVE_ACTIVITY)) {
            totals = Rows.activity(rs);
        }
        probedSoFar = Rows.sum(probedSoFar, probes);
        return Rows.minus(totals, probedSoFar);
    }

    @Override
    public PhaseTrace finish() {
        return new PhaseTrace(traces, incompleteReason);
    }
}
