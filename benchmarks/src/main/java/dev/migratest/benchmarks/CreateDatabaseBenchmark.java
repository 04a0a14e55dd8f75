package dev.migratest.benchmarks;

import dev.migratest.postgres.Database;
import dev.migratest.postgres.EmbeddedProvider;
import dev.migratest.postgres.PostgresServer;
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

import java.util.concurrent.TimeUnit;

/**
 * How long a test class waits for its fresh database: {@code CREATE DATABASE … TEMPLATE} of migratest's empty
 * template on the embedded server. Sample mode, so the report carries the median (p0.50) and the spread. The
 * {@code dataDir} parameter puts the server's data on the RAM disk (the default) or on the temp dir's disk.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class CreateDatabaseBenchmark {
    @Param({"ram", "disk"})
    public String dataDir;

    private PostgresServer server;
    private Database database;

    @Setup(Level.Trial)
    public void start() throws Exception {
        System.setProperty(EmbeddedProvider.DATA_DIR_PROPERTY,
                dataDir.equals("ram") ? "/dev/shm" : System.getProperty("java.io.tmpdir"));
        server = new EmbeddedProvider().start();
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        server.close();
    }

    @Benchmark
    public Database createFromTemplate() throws Exception {
        database = server.createDatabase("bench");
        return database;
    }

    /** Dropping is not what a test waits for; it happens outside the measured call. */
    @TearDown(Level.Invocation)
    public void drop() throws Exception {
        if (database != null) database.close();
        database = null;
    }
}
