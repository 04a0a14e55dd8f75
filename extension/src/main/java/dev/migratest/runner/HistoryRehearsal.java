package dev.migratest.runner;

import dev.migratest.datagen.LoadProgress;
import dev.migratest.data.DataWatch;
import dev.migratest.locks.Tracing;
import dev.migratest.migration.Migration;
import dev.migratest.migration.Tool;
import dev.migratest.postgres.Database;
import dev.migratest.postgres.PostgresServer;
import dev.migratest.postgres.WaitLimits;
import dev.migratest.schema.ColumnOrder;
import dev.migratest.schema.SchemaTracker;
import dev.migratest.schema.SnapshotMode;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rehearses a whole history in order on one scratch database: migration k runs on a database holding migrations
 * 1…k-1. After a failure the database is rebuilt (a fresh clone, every earlier UP replayed) so later migrations still
 * get their rehearsal; when even the replay fails, every later migration is skipped with that reason.
 */
public final class HistoryRehearsal implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(HistoryRehearsal.class.getName());

    private final PostgresServer server;
    private final String label;
    private final List<Migration> migrations;
    private final boolean keepFailedDatabase;
    private final SnapshotMode snapshotMode;
    private final DataVolume volume;
    private VolumeLoads volumeLoads;
    private final ColumnOrder columnOrder;
    private CycleRunner cycleRunner;
    private List<String> invariants = List.of();
    private List<dev.migratest.compat.OldQuery> oldQueries = List.of();
    private ScriptExecutor executor = new ScriptExecutor();
    private ToolHistory toolHistory = ToolHistory.NONE;
    private final List<CycleResult> results = new ArrayList<>();
    private final boolean traced = Tracing.enabled();
    private java.time.Duration lockQueueBlockerHold;

    private Database database;
    private Connection connection;
    private SchemaTracker schema;
    private Tracing tracing;
    private DataWatch dataWatch;
    private SequencesLeftBehind sequences;
    private boolean checkData = true;
    private int applied;
    private boolean dirty;
    private String blockedReason;

    public HistoryRehearsal(PostgresServer server, String label, List<Migration> migrations, ColumnOrder columnOrder,
                            boolean keepFailedDatabase, SnapshotMode snapshotMode) {
        this(server, label, migrations, columnOrder, keepFailedDatabase, snapshotMode, DataVolume.NONE);
    }

    public HistoryRehearsal(PostgresServer server, String label, List<Migration> migrations, ColumnOrder columnOrder,
                            boolean keepFailedDatabase, SnapshotMode snapshotMode, DataVolume volume) {
        this.snapshotMode = snapshotMode;
        this.volume = volume;
        this.volumeLoads = new VolumeLoads(volume, LoadProgress.console());
        this.server = server;
        this.label = label;
        this.migrations = List.copyOf(migrations);
        this.keepFailedDatabase = keepFailedDatabase;
        this.columnOrder = columnOrder;
        this.cycleRunner = new CycleRunner(columnOrder);
    }

    /**
     * Also rehearses each passing migration's UP behind a reader that holds ACCESS SHARE for {@code blockerHold}
     * (needs tracing: the trace says which tables UP locks ACCESS EXCLUSIVE). Call before the first rehearsal.
     */
    public HistoryRehearsal withLockQueueCheck(java.time.Duration blockerHold) {
        this.lockQueueBlockerHold = blockerHold;
        return this;
    }

    /**
     * Queries that must answer the same before UP and after every phase of every migration they apply to (those
     * that can run before its UP). Checked with the data; call before the first rehearsal.
     */
    public HistoryRehearsal withInvariants(List<String> queries) {
        this.invariants = List.copyOf(queries);
        this.cycleRunner = new CycleRunner(columnOrder, invariants, oldQueries, executor, toolHistory);
        return this;
    }

    /**
     * The previous application version's queries: each migration's UP must not break one that worked before it (the
     * finding {@code old-code-query-fails}). Call before the first rehearsal.
     */
    public HistoryRehearsal withPreviousVersionQueries(List<dev.migratest.compat.OldQuery> queries) {
        this.oldQueries = List.copyOf(queries);
        this.cycleRunner = new CycleRunner(columnOrder, invariants, oldQueries, executor, toolHistory);
        return this;
    }

    /**
     * How long one statement may run before migratest cancels it (the default is {@value StatementLimit#PROPERTY}, else
     * ten minutes): a statement waiting for a lock that is never released fails instead of hanging the build. Call
     * before the first rehearsal.
     */
    public HistoryRehearsal withStatementLimit(java.time.Duration limit) {
        this.executor = new ScriptExecutor(new StatementLimit(limit));
        this.cycleRunner = new CycleRunner(columnOrder, invariants, oldQueries, executor, toolHistory);
        return this;
    }

    /**
     * The migration tool whose table of applied migrations the rehearsal keeps (as the tool keeps it, so that a
     * migration that reads or guards on it runs as in production); without, no such table exists. Call before the
     * first rehearsal.
     */
    public HistoryRehearsal withToolOf(Tool tool) {
        this.toolHistory = ToolHistory.of(tool, migrations);
        this.cycleRunner = new CycleRunner(columnOrder, invariants, oldQueries, executor, toolHistory);
        return this;
    }

    /**
     * Who hears the data loads of the whole history, one load before each migration that meets empty tables (by
     * default a {@link LoadProgress#console() console line} for all of them). Call before the first rehearsal.
     */
    public HistoryRehearsal withLoadProgress(LoadProgress progress) {
        this.volumeLoads = new VolumeLoads(volume, progress);
        return this;
    }

    /** {@code false}: no data fingerprints (schema and locks only). Call before the first rehearsal. */
    public HistoryRehearsal withDataCheck(boolean check) {
        this.checkData = check;
        return this;
    }

    public List<Migration> migrations() {
        return migrations;
    }

    /** Results so far, in history order. */
    public synchronized List<CycleResult> results() {
        return List.copyOf(results);
    }

    /**
     * The rehearsal of migration {@code index} (0-based). Earlier migrations not rehearsed yet are rehearsed first
     * (an IDE may select one invocation); one already rehearsed is not run again (a class may hold several
     * {@code @MigrationCycleTest} methods).
     */
    public synchronized CycleResult rehearse(int index) throws SQLException {
        while (results.size() <= index) {
            results.add(rehearseNext());
        }
        return results.get(index);
    }

    private CycleResult rehearseNext() throws SQLException {
        int index = results.size();
        Migration migration = migrations.get(index);
        if (blockedReason == null) {
            try {
                reachStateBefore(index);
            } catch (SQLException e) {
                // The server itself is unreachable (stopped, killed): nothing later can be rehearsed either.
                blockedReason = "the database cannot be brought to the state before " + migration.displayName()
                        + ": a fresh database could not be created and migrated on " + server + ": " + describe(e);
            }
        }
        if (blockedReason != null) return CycleResult.skipped(migration, blockedReason, List.of());
        if (migration.kind() == Migration.Kind.JAVA) {
            // nothing to run: the database stays as it is, and the gap is this migration's verdict
            applied = index + 1;
            return CycleResult.skipped(migration, "a Flyway Java migration (" + migration.up().file() + "): migratest"
                    + " runs SQL only, so it is not rehearsed, and every migration after it runs without what it does",
                    List.of());
        }
        Map<String, Long> rows;
        try {
            rows = volumeLoads.topUp(this::connectForWork, toolHistory.tables());
        } catch (SQLException | RuntimeException e) {
            dirty = true;
            return new CycleResult(migration, Outcome.FAILED, null, migration.displayName()
                    + ": the data for its rehearsal could not be loaded before UP: " + e.getMessage(), null,
                    List.of(), List.of(), List.of());
        }
        if (dataWatch != null) dataWatch.forgetTablesWhoseRowsChanged(rows);
        CycleResult result;
        try {
            result = cycleRunner.rehearse(migration, connection, schema, tracing, dataWatch, sequences).withRows(rows);
        } catch (SQLException e) {
            // Between phases (a snapshot, a fingerprint): the migration's own statements did not fail, Postgres did.
            dirty = true;
            return new CycleResult(migration, Outcome.FAILED, null, migration.displayName()
                    + ": the rehearsal stopped between its phases: " + describe(e), null, List.of(), List.of(), List.of())
                    .withRows(rows);
        }
        if (result.outcome() == Outcome.PASSED && lockQueueBlockerHold != null && tracing != null) {
            result = new QueueRehearsal(new dev.migratest.locks.LockQueueCheck(this::connectForWork, lockQueueBlockerHold),
                    toolHistory)
                    .rehearse(result, connection);
            if (dataWatch != null) dataWatch.forgetAll();
            if (sequences != null && result.outcome() == Outcome.PASSED) sequences.resync(connection);
        }
        if (result.outcome() == Outcome.FAILED) {
            dirty = true;
            if (keepFailedDatabase) keepForInspection(result);
        } else {
            applied = index + 1;
        }
        // a forward-only last migration (SKIPPED) ran its UP: the volume's names are as checkable as after a PASSED one
        if (index == migrations.size() - 1 && result.outcome() != Outcome.FAILED) {
            try {
                result = volumeLoads.checkNamesAfterLast(result, this::connectForWork);
            } catch (SQLException e) {
                return new CycleResult(migration, Outcome.FAILED, null, migration.displayName() + ": its rehearsal"
                        + " passed, but the data volume's table names could not be checked: " + describe(e), null,
                        result.phases(), result.downVsBefore(), result.reupVsUp()).withRows(rows);
            }
        }
        return result;
    }

    /** Makes sure the database holds exactly migrations 0…index-1, rebuilding it when a failure left it unknown. */
    private void reachStateBefore(int index) throws SQLException {
        if (database != null && !dirty && applied == index) return;
        replaceDatabase();
        for (int i = 0; i < index; i++) {
            Migration earlier = migrations.get(i);
            // a script its tool refuses for holding no statement (diesel) changes nothing: the later ones still get
            // their rehearsal on the state it would have left
            if (earlier.up().refused() && earlier.up().statements().isEmpty()) continue;
            PhaseResult replay = executor.run(Phase.UP, earlier.up(), connection, null,
                    toolHistory.entry(Phase.UP, earlier));
            if (!replay.succeeded()) {
                blockedReason = "the database cannot be brought to the state before " + migrations.get(index).displayName()
                        + ": replaying UP of " + earlier.displayName() + " fails at " + replay.error().describe();
                return;
            }
        }
        // the replay is not traced: what it left behind was reported by the UPs that did it, at their turn
        if (sequences != null) sequences.resync(connection);
        applied = index;
        dirty = false;
    }

    private void replaceDatabase() throws SQLException {
        closeDatabase();
        database = server.createDatabase(label);
        connection = connectForWork();
        // before the schema is tracked: the tool's table is there before the first migration, as in production
        toolHistory.create(connection);
        schema = SchemaTracker.start(connection, snapshotMode, toolHistory.quotedTables());
        if (traced) tracing = Tracing.open(connection, this::connectForObserving);
        dataWatch = checkData ? new DataWatch(toolHistory.tables()) : null;
        sequences = traced ? new SequencesLeftBehind() : null;
    }

    /**
     * A connection that runs migrations, migratest's snapshots, data loads or the lock-queue check: it waits for an
     * answer a little longer than the statement limit (so a frozen server cannot hang the rehearsal), never less.
     */
    private Connection connectForWork() throws SQLException {
        return WaitLimits.bound(database.connect(), server.address(), WaitLimits.replyLimit(executor.statementLimit()));
    }

    /** The lock observer's: polls and probes answer in milliseconds, so a minute without an answer means a frozen server. */
    private Connection connectForObserving() throws SQLException {
        return WaitLimits.bound(database.connect(), server.address(), WaitLimits.OBSERVER_REPLY);
    }

    private static String describe(SQLException e) {
        return (e.getSQLState() == null ? "" : e.getSQLState() + ": ") + e.getMessage()
                + WaitLimits.explain(e).map(why -> "; " + why).orElse("");
    }

    private void keepForInspection(CycleResult result) {
        database.keep();
        String message = "kept the database of failed migration " + result.migration().displayName()
                + " for inspection: " + database.printableUrl();
        // printed whatever the logging set-up, since the URL is what the person needs next; logged for log files
        System.out.println("[migratest] " + message);
        LOG.log(System.Logger.Level.DEBUG, message);
    }

    /**
     * Closes our connections and drops the database. A failure to drop is logged, not thrown: a rehearsal whose
     * server died must still be able to close, and say why the migrations after it could not run.
     */
    private void closeDatabase() throws SQLException {
        try {
            if (tracing != null) tracing.close();
            if (connection != null) connection.close();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "could not close the connections to " + database + ": " + e.getMessage());
        }
        tracing = null;
        connection = null;
        Database closing = database;
        database = null;
        if (closing == null) return;
        try {
            closing.close();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "could not drop scratch database " + closing.name() + ": " + e.getMessage());
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        closeDatabase();
    }
}
