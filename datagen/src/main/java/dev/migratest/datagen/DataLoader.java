package dev.migratest.datagen;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.postgresql.PGConnection;

/**
 * Fills fresh, empty tables following a {@link LoadPlan}: generated rows streamed through COPY (text format), a
 * plan step as soon as the steps it references are loaded, up to {@link #threads} steps at once, each on its own
 * connection; then the step's deferred updates, then sequences moved past datagen-written serial/identity values.
 * Big tables are loaded without their indexes and keys, which are restored exactly afterwards
 * ({@link #dropIndexesDuringLoad}). The same seed and schema give the same rows whatever the thread count.
 *
 * <pre>{@code
 * LoadReport report = DataLoader.seed(42).load(dataSource::getConnection, model, plan);
 * }</pre>
 */
public final class DataLoader {

    private final long seed;
    private final int threads;
    private final double edgeFraction;
    /** The tables to write; null for every table of the plan. The others only serve as parents of foreign keys. */
    private final Set<TableName> only;
    /** Hears how far loads are; null for {@link LoadProgress#console()}, decided when a load starts. */
    private final LoadProgress progress;
    /** Load without indexes and keys, restored afterwards: TRUE always, FALSE never, null for big tables only. */
    private final Boolean dropIndexes;

    /** From this many rows on, a table is loaded bare by default (below, dropping and rebuilding costs more). */
    static final long BIG_LOAD_ROWS = 50_000;

    /** Also emit values PostgreSQL accepts but a later migration may choke on (see {@link #hostileEdgeValues}). */
    private final boolean hostileEdges;

    private DataLoader(long seed, int threads, double edgeFraction, Set<TableName> only, LoadProgress progress,
                       Boolean dropIndexes) {
        this(seed, threads, edgeFraction, only, progress, dropIndexes, false);
    }

    private DataLoader(long seed, int threads, double edgeFraction, Set<TableName> only, LoadProgress progress,
                       Boolean dropIndexes, boolean hostileEdges) {
        this.hostileEdges = hostileEdges;
        this.seed = seed;
        this.threads = threads;
        this.edgeFraction = edgeFraction;
        this.only = only;
        this.progress = progress;
        this.dropIndexes = dropIndexes;
    }

    /** A loader for this seed, one thread per core, 1 % of rows after the first ones getting edge values. */
    public static DataLoader seed(long seed) {
        return new DataLoader(seed, Runtime.getRuntime().availableProcessors(), 0.01, null, null, null);
    }

    /** How many steps load at once (each on its own connection); at least 1. */
    public DataLoader threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        return new DataLoader(seed, threads, edgeFraction, only, progress, dropIndexes, hostileEdges);
    }

    /**
     * Writes only these tables; the plan's other tables are taken as already loaded with the plan's row counts (and
     * this seed), so that foreign keys into them point at rows that exist. Used to top up a schema that grew.
     */
    public DataLoader only(Set<TableName> tables) {
        return new DataLoader(seed, threads, edgeFraction, Set.copyOf(tables), progress, dropIndexes, hostileEdges);
    }

    /** The fraction of rows (after the first ones, which hold every edge value once) that get edge values. */
    public DataLoader edgeFraction(double edgeFraction) {
        if (!(edgeFraction >= 0 && edgeFraction <= 1)) {
            throw new IllegalArgumentException("edgeFraction must be in [0, 1], was " + edgeFraction);
        }
        return new DataLoader(seed, threads, edgeFraction, only, progress, dropIndexes, hostileEdges);
    }

    /**
     * Who hears how far loads are, rows counted as they go to COPY; {@link LoadProgress#NONE} for nobody. By default
     * each load gets a {@link LoadProgress#console()} of its own, which prints once the load has taken a second; one
     * listener given to several loads tells what they wrote together.
     */
    public DataLoader progress(LoadProgress progress) {
        return new DataLoader(seed, threads, edgeFraction, only, Objects.requireNonNull(progress, "progress"),
                dropIndexes, hostileEdges);
    }

    /**
     * Whether a table is loaded without its indexes, primary/unique keys and foreign keys, which are then restored
     * exactly (same definitions, same names) once its rows and deferred updates are in: several times faster for big
     * tables. Only for an empty plain table, and never for a key another table references (see {@link BareLoad}).
     * Default: on for tables getting at least {@value #BIG_LOAD_ROWS} rows, off for smaller ones.
     */
    public DataLoader dropIndexesDuringLoad(boolean drop) {
        return new DataLoader(seed, threads, edgeFraction, only, progress, drop, hostileEdges);
    }

    /**
     * Opt-in edge set: values PostgreSQL stores but a later migration may choke on, e.g. a {@code json} value holding
     * {@code \u0000} or a duplicate key, which a json → jsonb change rejects or silently collapses. Off by default,
     * because they are valid data only for the column's current type.
     */
    public DataLoader hostileEdgeValues(boolean hostile) {
        return new DataLoader(seed, threads, edgeFraction, only, progress, dropIndexes, hostile);
    }

    /**
     * Loads {@code plan} into empty tables. Throws {@link DatagenException} with every problem found before loading
     * anything (values that cannot be unique or satisfy a CHECK, unsupported types…), or with the failures of the
     * load itself.
     */
    public LoadReport load(ConnectionSource source, SchemaModel model, LoadPlan plan) throws SQLException {
        long start = System.nanoTime();
        List<String> notes = new ArrayList<>();
        Map<TableName, TableGenerator> generators;
        try (Connection c = source.open()) {
            generators = new GeneratorFactory(seed, edgeFraction, new PostgresCandidateFilter(c), hostileEdges).build(plan, notes);
        }
        ProgressCounter counter = new ProgressCounter(progress == null ? LoadProgress.console() : progress,
                generators.values().stream().filter(g -> only == null || only.contains(g.table().name()))
                        .mapToLong(TableGenerator::rows).sum());
        counter.started();
        List<LoadReport.TableLoaded> loaded = Collections.synchronizedList(new ArrayList<>());
        List<DatagenException.Problem> failures = Collections.synchronizedList(new ArrayList<>());
        Map<TableName, Integer> stepOf = new HashMap<>();
        for (int i = 0; i < plan.steps().size(); i++) {
            for (LoadPlan.TableLoad t : plan.steps().get(i).tables()) {
                stepOf.put(t.table().name(), i);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "migratest-datagen-load");
            th.setDaemon(true);
            return th;
        });
        try {
            List<CompletableFuture<Boolean>> done = new ArrayList<>();
            for (int i = 0; i < plan.steps().size(); i++) {
                LoadPlan.Step step = plan.steps().get(i);
                int self = i;
                List<CompletableFuture<Boolean>> deps = step.tables().stream()
                        .flatMap(t -> t.table().foreignKeys().stream().map(ForeignKey::referencedTable))
                        // earlier steps only: a key to a later (0-row) table stays NULL and waits for nothing
                        .map(stepOf::get).filter(j -> j != null && j < self).distinct().map(done::get).toList();
                done.add(CompletableFuture.allOf(deps.toArray(CompletableFuture[]::new)).thenApplyAsync(ignored -> {
                    if (deps.stream().anyMatch(d -> !d.join())) {
                        return false; // a referenced table failed: its failure is reported
                    }
                    try {
                        loadStep(source, step, generators, loaded, counter);
                        return true;
                    } catch (SQLException | IOException | RuntimeException e) {
                        String tables = String.join(", ", step.tables().stream().map(t -> t.table().name().toString()).toList());
                        failures.add(new DatagenException.Problem(tables, null, "loading failed: " + e.getMessage(),
                                "see the message; datagen expects fresh, empty tables"));
                        return false;
                    }
                }, pool));
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdownNow();
        }
        if (!failures.isEmpty()) {
            throw new DatagenException(failures);
        }
        counter.finished();
        List<LoadReport.TableLoaded> ordered = plan.tables().stream()
                .flatMap(t -> loaded.stream().filter(l -> l.table().equals(t.table().name())))
                .toList();
        return new LoadReport(ordered, notes, (System.nanoTime() - start) / 1e9);
    }

    private void loadStep(ConnectionSource source, LoadPlan.Step step, Map<TableName, TableGenerator> generators,
                          List<LoadReport.TableLoaded> loaded, ProgressCounter counter)
            throws SQLException, IOException {
        List<TableGenerator> tables = step.tables().stream().map(t -> generators.get(t.table().name()))
                .filter(g -> g != null && (only == null || only.contains(g.table().name()))).toList();
        if (tables.isEmpty()) {
            return;
        }
        try (Connection c = source.open()) {
            c.setAutoCommit(!step.deferConstraints());
            if (step.deferConstraints()) {
                try (Statement st = c.createStatement()) {
                    st.execute("SET CONSTRAINTS ALL DEFERRED");
                }
            }
            // a step loading a cycle runs in one transaction with deferred constraints: left as it is
            List<BareLoad> bare = new ArrayList<>();
            if (!step.deferConstraints()) {
                for (TableGenerator g : tables) {
                    if (dropIndexes == null ? g.rows() >= BIG_LOAD_ROWS : dropIndexes) {
                        bare.add(BareLoad.plan(c, g.table().name()));
                    }
                }
            }
            boolean ok = false;
            try {
                for (BareLoad b : bare) {
                    b.drop(c);
                }
                for (TableGenerator g : tables) {
                    restartSequences(c, g);
                    long t0 = System.nanoTime();
                    long rows;
                    try (RenderedRows in = new RenderedRows(counter.counting(g.table().name(), g.rows(), g::appendCopyRow),
                            0, g.rows(), "migratest-datagen-render")) {
                        rows = WatchedCopy.copyIn(c, g.copySql(), in);
                    }
                    loaded.add(new LoadReport.TableLoaded(g.table().name(), rows, (System.nanoTime() - t0) / 1e9));
                }
                for (LoadPlan.DeferredUpdate u : step.updates()) {
                    TableGenerator g = generators.get(u.table());
                    if (g != null && tables.contains(g)) {
                        update(c, g, u);
                    }
                }
                for (TableGenerator g : tables) {
                    moveSequences(c, g);
                }
                ok = true;
            } finally {
                // a failed COPY left the table empty again, so its definitions go back in either case
                // keys of every table first: the step's tables may reference each other
                SQLException restoreFailed = null;
                for (boolean foreign : new boolean[] {false, true}) {
                    for (BareLoad b : bare) {
                        try {
                            if (foreign) {
                                b.restoreForeignKeys(c);
                            } else {
                                b.restoreKeys(c);
                            }
                        } catch (SQLException e) {
                            restoreFailed = restoreFailed == null ? e : restoreFailed;
                        }
                    }
                }
                if (ok && restoreFailed != null) {
                    throw restoreFailed;
                }
            }
            if (step.deferConstraints()) {
                c.commit();
            }
        }
    }

    /** Sets the keys loaded as NULL: COPY (key, value) pairs into a temporary table, then one UPDATE … FROM. */
    private static void update(Connection c, TableGenerator g, LoadPlan.DeferredUpdate u) throws SQLException, IOException {
        UniqueKey key = GeneratorFactory.updateKey(g.table(), u);
        List<String> columns = Stream.concat(key.columns().stream(), u.columns().stream()).toList();
        List<String> quoted = columns.stream().map(TableName::quote).toList();
        String target = g.table().name().sql();
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS pg_temp._migratest_update");
            st.execute("CREATE TEMP TABLE _migratest_update AS SELECT " + String.join(", ", quoted) + " FROM "
                    + target + " WITH NO DATA");
            WatchedCopy.copyIn(c,
                    "COPY pg_temp._migratest_update (" + String.join(", ", quoted) + ") FROM STDIN",
                    new RowReader((row, out) -> {
                        for (int i = 0; i < columns.size(); i++) {
                            if (i > 0) {
                                out.append('\t');
                            }
                            CopyText.appendField(out, g.value(columns.get(i), row));
                        }
                        out.append('\n');
                    }, 0, g.rows()));
            st.execute("UPDATE " + target + " AS _mt_t SET "
                    + String.join(", ", u.columns().stream().map(col -> TableName.quote(col) + " = _mt_u." + TableName.quote(col)).toList())
                    + " FROM pg_temp._migratest_update AS _mt_u WHERE "
                    + String.join(" AND ", key.columns().stream().map(col -> "_mt_t." + TableName.quote(col) + " = _mt_u." + TableName.quote(col)).toList()));
            st.execute("DROP TABLE pg_temp._migratest_update");
        }
    }

    /**
     * Identity and serial columns PostgreSQL fills: restart their sequence at 1 so that row i gets i + 1, the value
     * the generators give foreign keys that reference it. Refuses an increment other than 1.
     */
    private static void restartSequences(Connection c, TableGenerator g) throws SQLException {
        for (Column col : g.table().columns()) {
            if (!GeneratorFactory.sequenceFilled(col)) {
                continue;
            }
            String sql = "SELECT s.seqincrement, setval(s.seqrelid, 1, false) FROM pg_sequence s"
                    + " WHERE s.seqrelid = pg_get_serial_sequence(?, ?)::regclass";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, g.table().name().sql());
                ps.setString(2, col.name());
                try (var rs = ps.executeQuery()) {
                    if (rs.next() && rs.getLong(1) != 1) {
                        throw new SQLException(g.table().name() + "." + col.name() + ": its sequence increments by "
                                + rs.getLong(1) + "; datagen needs 1 to know the values PostgreSQL gives");
                    }
                }
            }
        }
    }

    /** Serial and identity BY DEFAULT columns that datagen wrote: the next nextval must not collide. */
    private static void moveSequences(Connection c, TableGenerator g) throws SQLException {
        for (Column col : g.copyColumns()) {
            if (!col.serial() && col.identity() != Column.Identity.BY_DEFAULT) {
                continue;
            }
            String sql = "SELECT setval(pg_get_serial_sequence(?, ?), m) FROM (SELECT max(" + TableName.quote(col.name())
                    + ") AS m FROM " + g.table().name().sql() + ") s WHERE m IS NOT NULL AND m > 0";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, g.table().name().sql());
                ps.setString(2, col.name());
                ps.execute();
            }
        }
    }
}
