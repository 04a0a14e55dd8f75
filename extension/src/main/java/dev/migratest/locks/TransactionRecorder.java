package dev.migratest.locks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Traces a phase that runs in one transaction. After each statement the migrating connection reads, in one round
 * trip, its own {@code pg_locks}, storage file numbers of what it locked, its transaction's scan and row counters and
 * the timeouts in force; newly locked pre-existing tables are then probed from the second connection while the
 * transaction is still open. Hold times are closed when COMMIT returns.
 */
final class TransactionRecorder implements PhaseRecorder {
    private final Connection migrating;
    private final BlockingProbe probe;
    private final RelationCatalog catalog;
    private final String batch;
    private long phaseStart;

    private final List<Long> starts = new ArrayList<>();
    private final List<Long> pauses = new ArrayList<>();
    private final List<List<LockRow>> newLocks = new ArrayList<>();
    private final List<StatementFacts> facts = new ArrayList<>();
    private final Map<String, LockRow> held = new HashMap<>();
    private final Map<Long, Long> filenodes = new HashMap<>();
    private final Map<Long, String> toasts = new HashMap<>();
    private final Map<Long, BlockingProbe.ProbeResult> tableState = new LinkedHashMap<>();
    private final Map<Long, String> tableNames = new HashMap<>();
    private Map<Long, TableActivity> activity = Map.of();
    private String incompleteReason;

    TransactionRecorder(Connection migrating, BlockingProbe probe, RelationCatalog catalog, String lockQuery) {
        this.migrating = migrating;
        this.probe = probe;
        this.catalog = catalog;
        this.batch = "SAVEPOINT migratest_trace;\n" + lockQuery + ";\n" + LockQueries.TRANSACTION_ACTIVITY + ";\n"
                + LockQueries.TIMEOUTS + ";\nRELEASE SAVEPOINT migratest_trace";
        catalog.entries().forEach(e -> filenodes.put(e.oid(), e.filenode()));
        this.phaseStart = System.nanoTime();
    }

    @Override
    public void statementStarting() {
        if (starts.isEmpty() && incompleteReason == null) {
            long readStart = System.nanoTime();
            try {
                activity = baseline();
                phaseStart += System.nanoTime() - readStart;
            } catch (SQLException e) {
                incompleteReason = "reading the table counters at the start of the transaction failed: " + e.getMessage();
            }
        }
        starts.add(System.nanoTime());
    }

    /**
     * The backend's unflushed counters, read as the transaction's first query: Postgres 15+ shows in
     * {@code pg_stat_xact_user_tables} everything not yet flushed, earlier transactions included, and nothing is
     * flushed inside a transaction, so this reading is the zero of the phase.
     */
    private Map<Long, TableActivity> baseline() throws SQLException {
        try (Statement statement = migrating.createStatement();
             ResultSet rs = statement.executeQuery(LockQueries.TRANSACTION_ACTIVITY)) {
            return Rows.activity(rs);
        }
    }

    @Override
    public void statementFinished(boolean succeeded) {
        long pauseStart = System.nanoTime();
        if (!succeeded || incompleteReason != null) {
            newLocks.add(List.of());
            facts.add(null);
        } else {
            try {
                readAfterStatement();
            } catch (SQLException e) {
                incompleteReason = "reading the locks after statement " + starts.size() + " failed: " + e.getMessage();
                newLocks.add(List.of());
                facts.add(null);
            }
        }
        pauses.add(System.nanoTime() - pauseStart);
    }

    private void readAfterStatement() throws SQLException {
        List<LockRow> locks = null;
        Map<Long, TableActivity> nowActivity = null;
        String lockTimeout = null;
        String statementTimeout = null;
        try (Statement statement = migrating.createStatement()) {
            // Our reads run in a savepoint: should one fail, the user's transaction goes on as if we had not looked.
            // Savepoint, three reads and release go in one round trip: this runs after every statement.
            try {
                boolean isResultSet = statement.execute(batch);
                int index = 0;
                while (true) {
                    if (isResultSet) {
                        try (ResultSet rs = statement.getResultSet()) {
                            switch (index++) {
                                case 0 -> locks = Rows.locks(rs);
                                case 1 -> nowActivity = Rows.activity(rs);
                                default -> {
                                    rs.next();
                                    lockTimeout = rs.getString(1);
                                    statementTimeout = rs.getString(2);
                                }
                            }
                        }
                    } else if (statement.getUpdateCount() == -1) {
                        break;
                    }
                    isResultSet = statement.getMoreResults();
                }
            } catch (SQLException e) {
                statement.execute("ROLLBACK TO SAVEPOINT migratest_trace");
                statement.execute("RELEASE SAVEPOINT migratest_trace");
                throw e;
            }
        }
        if (locks == null || nowActivity == null || lockTimeout == null) {
            throw new SQLException("the trace batch returned fewer results than it asked for");
        }
        List<LockRow> fresh = new ArrayList<>();
        List<String> rewrites = new ArrayList<>();
        for (LockRow row : locks) {
            if (!row.granted() || Holds.fleeting(row, catalog)) continue;
            if (!held.containsKey(row.key())) {
                held.put(row.key(), row);
                fresh.add(row);
            }
            rewrites.addAll(rewrites(row));
        }
        List<TableActivity> changed = Rows.delta(activity, nowActivity);
        activity = nowActivity;
        probeTouchedTables(fresh);
        newLocks.add(fresh);
        facts.add(new StatementFacts(List.copyOf(new LinkedHashSet<>(rewrites)), changed, blocking(), lockTimeout,
                statementTimeout));
    }

    /** New storage for the same OID, or a same-named index under a new OID (an ALTER TYPE rebuilds indexes so). */
    private List<String> rewrites(LockRow row) {
        List<String> found = new ArrayList<>();
        LockedObject object = Holds.object(row, catalog);
        if (row.filenode() != 0) {
            Long before = filenodes.put(row.oid(), row.filenode());
            if (before == null && row.object() != null) {
                catalog.sameName(row.object()).filter(e -> e.oid() != row.oid() && e.filenode() != 0)
                        .filter(e -> object.kind() == ObjectKind.INDEX)
                        .ifPresent(e -> found.add(object.name()));
            } else if (before != null && before != 0 && before != row.filenode()) {
                found.add(object.name());
            }
        }
        if (row.toastOid() != 0 && catalog.contains(row.oid())) {
            String toast = RelationCatalog.toastStorage(row.toastOid(), row.toastFilenode());
            String before = toasts.containsKey(row.oid()) ? toasts.get(row.oid()) : catalog.toastOf(row.oid());
            toasts.put(row.oid(), toast);
            if (before != null && !before.equals(toast)) found.add("toast of " + object.name());
        }
        return found;
    }

    /** Probes each pre-existing table a new lock acts on, unless it is already known to block reads (and writes). */
    private void probeTouchedTables(List<LockRow> fresh) throws SQLException {
        Set<Long> tables = new LinkedHashSet<>();
        for (LockRow row : fresh) {
            LockedObject object = Holds.object(row, catalog);
            if (object.createdInPhase() || object.table() == null) continue;
            Long table = object.kind().holdsRows() ? Long.valueOf(row.oid()) : catalog.tableOid(object.table()).orElse(null);
            if (table != null) {
                tables.add(table);
                tableNames.put(table, object.table());
            }
        }
        for (Long table : tables) {
            BlockingProbe.ProbeResult known = tableState.get(table);
            if (known != null && Boolean.TRUE.equals(known.reads())) continue;
            tableState.put(table, probe.probe(table));
        }
    }

    /** Locks only accumulate in a transaction: what was blocked after an earlier statement still is. */
    private Blocking blocking() {
        List<String> reads = new ArrayList<>();
        List<String> writes = new ArrayList<>();
        boolean readsUnknown = false;
        boolean writesUnknown = false;
        for (Map.Entry<Long, BlockingProbe.ProbeResult> e : tableState.entrySet()) {
            String name = tableNames.get(e.getKey());
            if (e.getValue().reads() == null) readsUnknown = true;
            else if (e.getValue().reads()) reads.add(name);
            if (e.getValue().writes() == null) writesUnknown = true;
            else if (e.getValue().writes()) writes.add(name);
        }
        return new Blocking(!reads.isEmpty() ? Boolean.TRUE : readsUnknown ? null : Boolean.FALSE,
                !writes.isEmpty() ? Boolean.TRUE : writesUnknown ? null : Boolean.FALSE, reads, writes, true);
    }

    @Override
    public PhaseTrace finish() {
        long end = System.nanoTime();
        List<StatementTrace> traces = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            StatementFacts f = facts.get(i);
            if (f == null) {
                traces.add(null);
                continue;
            }
            long pausedSince = 0;
            for (int j = i; j < pauses.size(); j++) pausedSince += pauses.get(j);
            long pausedBefore = 0;
            for (int j = 0; j < i; j++) pausedBefore += pauses.get(j);
            // Times on the phase's own clock: the pauses migratest made to read and probe are taken out.
            double since = (starts.get(i) - phaseStart - pausedBefore) / 1e6;
            double heldMs = (end - starts.get(i) - pausedSince) / 1e6;
            List<LockHold> holds = newLocks.get(i).stream()
                    .map(row -> new LockHold(Holds.object(row, catalog), row.mode(), since, heldMs, null, false))
                    .toList();
            traces.add(new StatementTrace(holds, f.rewrites(), f.activity(), f.blocked(), f.lockTimeout(),
                    f.statementTimeout()));
        }
        return new PhaseTrace(traces, incompleteReason);
    }

    private record StatementFacts(List<String> rewrites, List<TableActivity> activity, Blocking blocked,
                                  String lockTimeout, String statementTimeout) {
    }
}
