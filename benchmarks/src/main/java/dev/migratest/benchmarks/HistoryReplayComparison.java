package dev.migratest.benchmarks;

import dev.migratest.migration.Layout;
import dev.migratest.migration.LoadedMigrations;
import dev.migratest.migration.Migration;
import dev.migratest.migration.MigrationLoader;
import dev.migratest.postgres.Database;
import dev.migratest.postgres.EmbeddedProvider;
import dev.migratest.postgres.PostgresServer;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.HistoryRehearsal;
import dev.migratest.runner.Outcome;
import dev.migratest.schema.ColumnOrder;
import dev.migratest.schema.SnapshotMode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The harness against plain replays of the same SQL, side by side on one embedded server, rounds interleaved so
 * that machine noise hits all three alike:
 * <ul>
 *   <li>{@code migratest}: every migration up → down → up with a catalog snapshot and diff around each phase, each
 *   snapshot re-reading what the phase touched (the default);</li>
 *   <li>{@code migratest-full}: the same with every snapshot reading the whole catalog;</li>
 *   <li>{@code psql-session}: one psql process replaying up, down, up of every file, one transaction per file, no checks;</li>
 *   <li>{@code psql-per-file}: one psql process per file and phase, as shell-script CI checks do it.</li>
 * </ul>
 * Usage: {@code java -cp benchmarks/target/migratest-benchmarks.jar dev.migratest.benchmarks.HistoryReplayComparison [migrations] [rounds]}.
 * Needs {@code psql} on the PATH.
 */
public final class HistoryReplayComparison {

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = SyntheticHistory.write(Files.createTempDirectory("migratest-history-"), count);
        LoadedMigrations loaded = MigrationLoader.load(dir, Layout.GOLANG_MIGRATE, false);
        Path sessionScript = sessionScript(dir, loaded.migrations());
        Map<String, List<Double>> seconds = new TreeMap<>();
        try (PostgresServer server = new EmbeddedProvider().start()) {
            System.out.printf(Locale.ROOT, "%d migrations, %d rounds, PostgreSQL %s (%s), %d cores%n", count, rounds,
                    server.version(), server.providerName(), Runtime.getRuntime().availableProcessors());
            for (int round = 1; round <= rounds; round++) {
                record(seconds, "migratest", harness(server, loaded.migrations(), SnapshotMode.INCREMENTAL));
                record(seconds, "migratest-full", harness(server, loaded.migrations(), SnapshotMode.FULL));
                record(seconds, "psql-session", psqlSession(server, sessionScript));
                record(seconds, "psql-per-file", psqlPerFile(server, dir, loaded.migrations()));
                System.out.println("round " + round + ": " + seconds);
            }
        }
        print(seconds);
    }

    private static double harness(PostgresServer server, List<Migration> migrations, SnapshotMode mode)
            throws Exception {
        long start = System.nanoTime();
        try (HistoryRehearsal rehearsal = new HistoryRehearsal(server, "bench", migrations, ColumnOrder.STRICT, false, mode)) {
            for (int i = 0; i < migrations.size(); i++) {
                CycleResult result = rehearsal.rehearse(i);
                if (result.outcome() != Outcome.PASSED) {
                    throw new IllegalStateException("the synthetic history must pass: " + result.failure());
                }
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double psqlSession(PostgresServer server, Path script) throws Exception {
        try (Database db = server.createDatabase("psql")) {
            long start = System.nanoTime();
            psql(server, db, "-f", script.toString());
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static double psqlPerFile(PostgresServer server, Path dir, List<Migration> migrations) throws Exception {
        try (Database db = server.createDatabase("psqlfiles")) {
            long start = System.nanoTime();
            for (Migration m : migrations) {
                for (String file : List.of(m.up().file(), m.down().file(), m.up().file())) {
                    psql(server, db, "-1", "-f", dir.resolve(file).toString());
                }
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static Path sessionScript(Path dir, List<Migration> migrations) throws IOException {
        StringBuilder sql = new StringBuilder();
        for (Migration m : migrations) {
            for (String file : List.of(m.up().file(), m.down().file(), m.up().file())) {
                sql.append("BEGIN;\n").append(Files.readString(dir.resolve(file), StandardCharsets.UTF_8)).append("\nCOMMIT;\n");
            }
        }
        Path script = dir.resolve("all-up-down-up.sql.txt");
        Files.writeString(script, sql.toString(), StandardCharsets.UTF_8);
        return script;
    }

    private static void psql(PostgresServer server, Database db, String... args) throws Exception {
        String url = server.address().jdbcUrl(db.name()).replace("jdbc:", "");
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1",
                "-d", url.replace("postgresql://", "postgresql://" + server.address().user() + "@")));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException("psql failed: " + out);
    }

    private static void record(Map<String, List<Double>> seconds, String what, double value) {
        seconds.computeIfAbsent(what, k -> new ArrayList<>()).add(Math.round(value * 1000) / 1000.0);
    }

    private static void print(Map<String, List<Double>> seconds) {
        double harness = median(seconds.get("migratest"));
        for (Map.Entry<String, List<Double>> e : seconds.entrySet()) {
            List<Double> sorted = new ArrayList<>(e.getValue());
            sorted.sort(null);
            System.out.printf(Locale.ROOT, "%-15s median %7.2f s  min %7.2f  max %7.2f  migratest/this %.2f×%n",
                    e.getKey(), median(sorted), sorted.get(0), sorted.get(sorted.size() - 1), harness / median(sorted));
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
