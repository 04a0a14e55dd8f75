package dev.migratest.benchmarks;

import dev.migratest.postgres.ContainerProvider;
import dev.migratest.postgres.EmbeddedProvider;
import dev.migratest.postgres.PostgresProvider;
import dev.migratest.postgres.PostgresRequest;
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
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * How long a provider takes from nothing to a server that answers SHOW server_version: what the first test class of
 * a JVM waits. Single-shot: each measured call starts one server, stopped outside the measurement. The container
 * parameter needs a Docker API (e.g. after {@code source .ci/container-engine.sh}); without one run
 * {@code -p provider=embedded}. {@code -p major=12,14,18} compares embedded majors (binaries already downloaded
 * and extracted: the warm-up boot does that).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 7)
@Fork(1)
public class ProviderBootBenchmark {
    @Param({"embedded", "container"})
    public String provider;

    /** A PostgreSQL major, or "default" (embedded: the binaries on the classpath; container: the default image). */
    @Param({"default"})
    public String major;

    private PostgresServer server;

    @Benchmark
    public PostgresServer boot() throws Exception {
        PostgresRequest request = major.equals("default") ? PostgresRequest.ANY : PostgresRequest.parse(major);
        PostgresProvider chosen = provider.equals("container")
                ? new ContainerProvider(request, false) : new EmbeddedProvider(request, false);
        server = chosen.start();
        return server;
    }

    @TearDown(Level.Iteration)
    public void stop() throws Exception {
        if (server != null) server.close();
        server = null;
    }
}
