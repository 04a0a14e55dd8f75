package dev.migratest.benchmarks;

import dev.migratest.locks.StatementTrace;
import dev.migratest.locks.Tracing;
import dev.migratest.migration.Layout;
import dev.migratest.migration.Migration;
import dev.migratest.migration.MigrationLoader;
import dev.migratest.postgres.EmbeddedProvider;
import dev.migratest.postgres.PostgresServer;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.HistoryRehearsal;
import dev.migratest.runner.Outcome;
import dev.migratest.runner.PhaseResult;
import dev.migratest.runner.StatementResult;
import dev.migratest.schema.ColumnOrder;
import dev.migratest.schema.SnapshotMode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What lock tracing costs: the same history rehearsed (up → down → up of every migration, snapshots and schema
 * comparisons included) with tracing on and with {@code -Dmigratest.trace=false}, side by side on one embedded server.
 * Rounds are interleaved and alternate which mode goes first (traced, untraced; untraced, traced; …), so machine noise
 * and order effects hit both alike; every rehearsal gets a fresh database.
 * <p>
 * The history is a setup migration that creates {@code accounts} and fills it with {@code rows} rows
 * ({@code INSERT … SELECT … generate_series}, primary key added after the load), followed by six migrations of the
 * kinds the seed guides recommend, each on the full table:
 * <ol>
 *   <li>{@code add_column_nullable}: {@code ADD COLUMN nickname text} (catalog only);</li>
 *   <li>{@code create_index}: a plain {@code CREATE INDEX} (blocks writes while it sorts);</li>
 *   <li>{@code create_index_concurrently}: {@code CREATE INDEX CONCURRENTLY} (autocommit, watched by the observer);</li>
 *   <li>{@code check_not_valid_validate}: {@code ADD CONSTRAINT … CHECK … NOT VALID} + {@code VALIDATE CONSTRAINT};</li>
 *   <li>{@code backfill_update}: {@code ADD COLUMN balance_cents bigint} + a whole-table {@code UPDATE};</li>
 *   <li>{@code alter_type_int_bigint}: {@code ALTER COLUMN customer_id TYPE bigint} (a rewrite; down rewrites back).</li>
 * </ol>
 * Each migration's time is the wall time of its {@code rehearse(i)}. The setup migration is timed but left out of
 * the total. Besides wall times the run prints the migrations' own time (the phases' {@code durationMs}, from which
 * the harness already subtracts its tracing pauses) so that the overhead splits into "pauses between statements"
 * and "statements slowed down while traced".
 * <p>
 * Usage: {@code java -cp benchmarks/target/migratest-benchmarks.jar dev.migratest.benchmarks.TracingOverheadComparison [rows] [rounds] [probeTimeoutMs]}
 * (defaults 1 000 000 and 5; a third argument adds a contender traced with that probe {@code lock_timeout}).
 */
public final class TracingOverheadComparison {

    static final String TRACED = "traced";
    static final String UNTRACED = "untraced";
    static final String TOTAL = "total (6 migrations)";
    private static final String PROBE_PREFIX = "traced, probe timeout ";

    private TracingOverheadComparison() {
    }

    /** One rehearsal of one migration: its wall time and the phases' own time (tracing pauses taken out). */
    record Sample(double wallSeconds, double phaseSeconds, int statements, int tracedStatements, int blockedProbes) {
    }

    /** Every sample of a run: per migration (setup and total included), per mode, in round order. */
    record Report(int rows, int rounds, String serverVersion, Map<String, Map<String, List<Sample>>> samples) {

        List<Sample> of(String migration, String mode) {
            return samples.get(migration).get(mode);
        }
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Long probeTimeoutMs = args.length > 2 ? Long.valueOf(args[2]) : null;
        Report report = run(rows, rounds, probeTimeoutMs, System.out);
        print(report, System.out);
    }

    static Report run(int rows, int rounds, PrintStream out) throws Exception {
        return run(rows, rounds, null, out);
    }

    /**
     * {@code probeTimeoutMs}, when given, adds a third contender: traced with that probe {@code lock_timeout} instead
     * of the default 25 ms, which shows what the probes' waits on blocked tables cost.
     */
    static Report run(int rows, int rounds, Long probeTimeoutMs, PrintStream out) throws Exception {
        Path dir = Files.createTempDirectory("migratest-tracing-bench-");
        List<Migration> migrations;
        try {
            write(dir, rows);
            migrations = MigrationLoader.load(dir, Layout.GOLANG_MIGRATE, false).migrations();
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        }
        Map<String, Map<String, List<Sample>>> samples = new LinkedHashMap<>();
        String version;
        try (PostgresServer server = new EmbeddedProvider().start()) {
            version = server.version();
            out.printf(Locale.ROOT, "%d rows, %d rounds, %d migrations after the setup, PostgreSQL %s (%s), %d cores%n",
                    rows, rounds, migrations.size() - 1, version, server.providerName(),
                    Runtime.getRuntime().availableProcessors());
            for (int round = 1; round <= rounds; round++) {
                List<String> modes = new ArrayList<>(List.of(TRACED, UNTRACED));
                if (probeTimeoutMs != null) modes.add(probeMode(probeTimeoutMs));
                // Rotate who goes first, so that no mode always runs on a server just warmed (or dirtied) by another.
                List<String> order = new ArrayList<>();
                for (int k = 0; k < modes.size(); k++) order.add(modes.get((k + round - 1) % modes.size()));
                for (String mode : order) {
                    rehearse(server, migrations, mode, samples);
                }
                StringBuilder line = new StringBuilder("round " + round + " (" + order.get(0) + " first):");
                for (String mode : modes) {
                    List<Sample> total = samples.get(TOTAL).get(mode);
                    line.append(String.format(Locale.ROOT, " %s %.2f s", mode, total.get(total.size() - 1).wallSeconds()));
                }
                out.println(line);
            }
        }
        return new Report(rows, rounds, version, samples);
    }

    /** One whole rehearsal in one mode on a fresh database; a sample per migration and the total. */
    private static void rehearse(PostgresServer server, List<Migration> migrations, String mode,
                                 Map<String, Map<String, List<Sample>>> samples) throws Exception {
        String before = System.getProperty(Tracing.ENABLED_PROPERTY);
        String probeBefore = System.getProperty(Tracing.PROBE_TIMEOUT_PROPERTY);
        System.setProperty(Tracing.ENABLED_PROPERTY, String.valueOf(!mode.equals(UNTRACED)));
        if (mode.startsWith(PROBE_PREFIX)) {
            System.setProperty(Tracing.PROBE_TIMEOUT_PROPERTY, mode.substring(PROBE_PREFIX.length(), mode.length() - 2));
        }
        double wall = 0;
        double phases = 0;
        int statements = 0;
        int traced = 0;
        int blocked = 0;
        try (HistoryRehearsal rehearsal = new HistoryRehearsal(server, "trace_" + mode, migrations,
                ColumnOrder.STRICT, false, SnapshotMode.INCREMENTAL)) {
            for (int i = 0; i < migrations.size(); i++) {
                long start = System.nanoTime();
                CycleResult result = rehearsal.rehearse(i);
                double seconds = (System.nanoTime() - start) / 1e9;
                if (result.outcome() != Outcome.PASSED) {
                    throw new IllegalStateException(mode + " rehearsal of " + result.migration().displayName()
                            + " must pass: " + result.failure());
                }
                Sample sample = sample(seconds, result);
                String name = i == 0 ? "setup: " + result.migration().name() : result.migration().name();
                record(samples, name, mode, sample);
                if (i > 0) {
                    wall += sample.wallSeconds();
                    phases += sample.phaseSeconds();
                    statements += sample.statements();
                    traced += sample.tracedStatements();
                    blocked += sample.blockedProbes();
                }
            }
        } finally {
            restore(Tracing.ENABLED_PROPERTY, before);
            restore(Tracing.PROBE_TIMEOUT_PROPERTY, probeBefore);
        }
        record(samples, TOTAL, mode, new Sample(wall, phases, statements, traced, blocked));
    }

    private static void restore(String property, String value) {
        if (value == null) System.clearProperty(property);
        else System.setProperty(property, value);
    }

    static String probeMode(long probeTimeoutMs) {
        return PROBE_PREFIX + probeTimeoutMs + "ms";
    }

    private static Sample sample(double wallSeconds, CycleResult result) {
        double phaseMs = 0;
        int statements = 0;
        int traced = 0;
        int blocked = 0;
        for (PhaseResult phase : result.phases()) {
            phaseMs += phase.durationMs();
            for (StatementResult statement : phase.statements()) {
                statements++;
                if (!statement.traced()) continue;
                traced++;
                StatementTrace trace = statement.trace();
                if (trace.blocked() != null && (trace.blocked().blockedReads() || trace.blocked().blockedWrites())) {
                    blocked++;
                }
            }
        }
        return new Sample(wallSeconds, phaseMs / 1000, statements, traced, blocked);
    }

    private static void record(Map<String, Map<String, List<Sample>>> samples, String migration, String mode,
                               Sample sample) {
        samples.computeIfAbsent(migration, k -> new LinkedHashMap<>())
                .computeIfAbsent(mode, k -> new ArrayList<>()).add(sample);
    }

    static void print(Report report, PrintStream out) {
        out.printf(Locale.ROOT, "%n%d rows, %d rounds interleaved, PostgreSQL %s. Wall time of rehearse(i) (up, down, up,"
                + " snapshots, comparisons) in s: median [min–max]; ratio = median ÷ untraced median; paired ="
                + " per-round ÷ untraced of the same round, median [min–max]; own = the phases' own time (tracing"
                + " pauses taken out), outside = wall − own (snapshots, comparisons, tracing pauses), medians%n",
                report.rows(), report.rounds(), report.serverVersion());
        for (String mode : report.samples().get(TOTAL).keySet()) {
            if (!mode.equals(UNTRACED)) print(report, mode, out);
        }
    }

    private static void print(Report report, String mode, PrintStream out) {
        out.printf(Locale.ROOT, "%n%s vs %s%n", mode, UNTRACED);
        out.printf(Locale.ROOT, "%-32s %-24s %-24s %7s  %-19s %-20s %s%n", "migration", mode.equals(TRACED) ? "traced"
                : "this", "untraced", "ratio", "paired ratio", "own this/untraced", "outside this/untraced");
        for (String migration : report.samples().keySet()) {
            List<Sample> traced = report.of(migration, mode);
            List<Sample> untraced = report.of(migration, UNTRACED);
            List<Double> tw = traced.stream().map(Sample::wallSeconds).toList();
            List<Double> uw = untraced.stream().map(Sample::wallSeconds).toList();
            List<Double> paired = new ArrayList<>();
            for (int i = 0; i < Math.min(tw.size(), uw.size()); i++) paired.add(tw.get(i) / uw.get(i));
            double tOwn = median(traced.stream().map(Sample::phaseSeconds).toList());
            double uOwn = median(untraced.stream().map(Sample::phaseSeconds).toList());
            double tOutside = median(traced.stream().map(s -> s.wallSeconds() - s.phaseSeconds()).toList());
            double uOutside = median(untraced.stream().map(s -> s.wallSeconds() - s.phaseSeconds()).toList());
            out.printf(Locale.ROOT, "%-32s %-24s %-24s %6.2f×  %-19s %-20s %s%n", migration, spread(tw, "%.3f"),
                    spread(uw, "%.3f"), median(tw) / median(uw), spread(paired, "%.2f"),
                    String.format(Locale.ROOT, "%.3f / %.3f", tOwn, uOwn),
                    String.format(Locale.ROOT, "%.3f / %.3f", tOutside, uOutside));
        }
        List<Sample> totals = report.of(TOTAL, mode);
        Sample last = totals.get(totals.size() - 1);
        out.printf(Locale.ROOT, "%s: %d statements a round, %d traced, %d found blocking by a probe%n", mode,
                last.statements(), last.tracedStatements(), last.blockedProbes());
        double ratio = median(totals.stream().map(Sample::wallSeconds).toList())
                / median(report.of(TOTAL, UNTRACED).stream().map(Sample::wallSeconds).toList());
        out.printf(Locale.ROOT, "%s / untraced, total of the 6 migrations: %.3f× (target ≤ 1.10×: %s)%n", mode, ratio,
                ratio <= 1.10 ? "met" : "NOT met");
    }

    private static String spread(List<Double> values, String format) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return String.format(Locale.ROOT, format + " [" + format + "–" + format + "]", median(sorted), sorted.get(0),
                sorted.get(sorted.size() - 1));
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The history in golang-migrate's layout. */
    static void write(Path dir, int rows) throws IOException {
        migration(dir, 1, "setup_accounts", """
                CREATE TABLE accounts (
                    id bigint NOT NULL,
                    customer_id integer NOT NULL,
                    email text NOT NULL,
                    status text NOT NULL,
                    balance numeric(12,2) NOT NULL,
                    created_at timestamptz NOT NULL
                );
                INSERT INTO accounts (id, customer_id, email, status, balance, created_at)
                SELECT g, g %% 50000, 'user' || g || '@example.com', (ARRAY['active', 'closed', 'pending'])[1 + g %% 3],
                       (g %% 100000) / 100.0, timestamptz '2024-01-01 00:00:00+00' + g * interval '1 minute'
                  FROM generate_series(1, %d) AS g;
                ALTER TABLE accounts ADD PRIMARY KEY (id);
                """.formatted(rows), "DROP TABLE accounts;\n");
        migration(dir, 2, "add_column_nullable",
                "ALTER TABLE accounts ADD COLUMN nickname text;\n",
                "ALTER TABLE accounts DROP COLUMN nickname;\n");
        migration(dir, 3, "create_index",
                "CREATE INDEX accounts_created_at_idx ON accounts (created_at);\n",
                "DROP INDEX accounts_created_at_idx;\n");
        migration(dir, 4, "create_index_concurrently",
                "CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);\n",
                "DROP INDEX CONCURRENTLY accounts_email_idx;\n");
        migration(dir, 5, "check_not_valid_validate", """
                ALTER TABLE accounts ADD CONSTRAINT accounts_balance_nonnegative CHECK (balance >= 0) NOT VALID;
                ALTER TABLE accounts VALIDATE CONSTRAINT accounts_balance_nonnegative;
                """, "ALTER TABLE accounts DROP CONSTRAINT accounts_balance_nonnegative;\n");
        migration(dir, 6, "backfill_update", """
                ALTER TABLE accounts ADD COLUMN balance_cents bigint;
                UPDATE accounts SET balance_cents = (balance * 100)::bigint;
                """, "ALTER TABLE accounts DROP COLUMN balance_cents;\n");
        migration(dir, 7, "alter_type_int_bigint",
                "ALTER TABLE accounts ALTER COLUMN customer_id TYPE bigint;\n",
                "ALTER TABLE accounts ALTER COLUMN customer_id TYPE integer;\n");
    }

    private static void migration(Path dir, int version, String name, String up, String down) throws IOException {
        String base = String.format(Locale.ROOT, "%06d_%s", version, name);
        Files.writeString(dir.resolve(base + ".up.sql"), up, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(base + ".down.sql"), down, StandardCharsets.UTF_8);
    }
}
