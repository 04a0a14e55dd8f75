package dev.migratest.benchmarks;

import dev.migratest.migration.Layout;
import dev.migratest.migration.Migration;
import dev.migratest.migration.MigrationLoader;
import dev.migratest.postgres.Database;
import dev.migratest.postgres.EmbeddedProvider;
import dev.migratest.postgres.PostgresServer;
import dev.migratest.schema.SchemaSnapshot;
import dev.migratest.schema.SchemaTracker;
import dev.migratest.schema.SnapshotMode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What one catalog snapshot costs on the database a 300-migration synthetic history leaves behind (~700 objects):
 * a full read against the incremental re-read after a one-table DDL, with the DDL alone as the baseline.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class SchemaSnapshotBenchmark {
    private PostgresServer server;
    private Database database;
    private Connection connection;
    private SchemaTracker tracker;
    private int counter;

    @Setup(Level.Trial)
    public void start() throws Exception {
        server = new EmbeddedProvider().start();
        database = server.createDatabase("snapshot-bench");
        connection = database.connect();
        tracker = SchemaTracker.start(connection, SnapshotMode.INCREMENTAL);
        List<Migration> history = MigrationLoader.load(
                SyntheticHistory.write(Files.createTempDirectory("migratest-history-"), 300),
                Layout.GOLANG_MIGRATE, false).migrations();
        for (Migration migration : history) {
            for (var statement : migration.up().statements()) execute(statement.sql());
        }
        tracker.snapshot(connection);
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        connection.close();
        database.close();
        server.close();
    }

    @Benchmark
    public SchemaSnapshot fullRead() throws Exception {
        return SchemaSnapshot.take(connection);
    }

    @Benchmark
    public SchemaSnapshot oneTableDdlThenIncrementalRead() throws Exception {
        execute("COMMENT ON TABLE t151 IS 'comment " + (++counter) + "'");
        return tracker.snapshot(connection);
    }

    @Benchmark
    public int oneTableDdlAlone() throws Exception {
        execute("COMMENT ON TABLE t151 IS 'comment " + (++counter) + "'");
        return counter;
    }

    private void execute(String sql) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
