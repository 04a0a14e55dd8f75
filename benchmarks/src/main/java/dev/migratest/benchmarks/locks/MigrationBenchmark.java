package dev.migratest.benchmarks.locks;

import dev.migratest.datagen.TopUp;
import dev.migratest.locks.Tracing;
import dev.migratest.migration.Layout;
import dev.migratest.migration.Migration;
import dev.migratest.migration.MigrationLoader;
import dev.migratest.postgres.Database;
import dev.migratest.postgres.EmbeddedProvider;
import dev.migratest.postgres.PostgresServer;
import dev.migratest.runner.Phase;
import dev.migratest.runner.PhaseResult;
import dev.migratest.runner.PhaseRunner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One migration of a user's history, measured at a volume: the trial loads {@code rows} synthetic rows into every
 * table the earlier migrations created (datagen, into a template database); every iteration gets a fresh copy of it
 * and runs the migration's UP (or DOWN, after UP was applied to the template) once, traced. Single-shot: the time of
 * one real run, as a deploy would see it. Add {@code -prof dev.migratest.benchmarks.locks.LockProfiler} for its
 * lock impact.
 * <pre>
 * java -jar benchmarks/target/migratest-benchmarks.jar MigrationBenchmark \
 *     -p location=filesystem:src/main/resources/db/migration -p migration=15 -p rows=10000,100000,1000000 \
 *     -prof dev.migratest.benchmarks.locks.LockProfiler -rf json -rff lock-impact.json
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(1)
public class MigrationBenchmark {

    /** Where the migrations are: {@code classpath:…}, {@code filesystem:…} or a path. */
    @Param("classpath:db/migration")
    public String location;

    /** The version to measure; empty: the last migration. */
    @Param("")
    public String migration;

    /** Rows datagen loads into every table before the measured migration. */
    @Param("10000")
    public long rows;

    /** UP, or DOWN (measured on the state after UP). */
    @Param("UP")
    public String phase;

    /** Seed of the synthetic data. */
    @Param("1")
    public long seed;

    private PostgresServer server;
    private Database template;
    private Migration target;
    private Database scratch;
    private Connection connection;
    private Tracing tracing;

    @Setup(Level.Trial)
    public void loadTemplate() throws Exception {
        List<Migration> migrations = MigrationLoader.load(location, Layout.AUTO, true).migrations();
        int index = indexOf(migrations);
        target = migrations.get(index);
        server = new EmbeddedProvider().start();
        template = server.createDatabase("bench_template");
        try (Connection setup = template.connect()) {
            for (int i = 0; i < index; i++) apply(migrations.get(i), Phase.UP, setup);
        }
        new TopUp(rows, Map.of(), Map.of(), seed, false).run(template::connect);
        if (measuredPhase() == Phase.DOWN) {
            try (Connection setup = template.connect()) {
                apply(target, Phase.UP, setup);
            }
        }
    }

    @Setup(Level.Iteration)
    public void freshCopy() throws SQLException {
        scratch = server.createDatabase("bench", template);
        connection = scratch.connect();
        tracing = Tracing.open(connection, scratch::connect);
    }

    @Benchmark
    public PhaseResult migrate() throws SQLException {
        Phase measured = measuredPhase();
        PhaseResult result = PhaseRunner.run(measured, measured == Phase.UP ? target.up() : target.down(), connection,
                tracing);
        if (!result.succeeded()) {
            throw new IllegalStateException(target.displayName() + " " + measured + " failed at "
                    + result.error().describe());
        }
        LastPhase.record(result);
        return result;
    }

    @TearDown(Level.Iteration)
    public void dropCopy() throws SQLException {
        tracing.close();
        connection.close();
        scratch.close();
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        if (server != null) server.close();
    }

    private Phase measuredPhase() {
        return Phase.valueOf(phase.trim().toUpperCase(java.util.Locale.ROOT));
    }

    private int indexOf(List<Migration> migrations) {
        if (migration == null || migration.isBlank()) return migrations.size() - 1;
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version().equals(migration.trim())) return i;
        }
        throw new IllegalArgumentException("no migration with version '" + migration + "' in " + location
                + "; versions there: " + migrations.stream().map(Migration::version).toList());
    }

    private static void apply(Migration migration, Phase phase, Connection connection) throws SQLException {
        PhaseResult result = PhaseRunner.run(phase, phase == Phase.UP ? migration.up() : migration.down(), connection,
                null);
        if (!result.succeeded()) {
            throw new IllegalStateException("preparing the benchmark: " + migration.displayName() + " " + phase
                    + " failed at " + result.error().describe());
        }
    }
}
