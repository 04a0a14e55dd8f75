package dev.migratest.benchmarks.locks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lock-impact benchmark cannot rot: a tiny run (two small volumes, one iteration, in this JVM) of a plain and a
 * concurrent index build through JMH itself, with the profiler's metrics read back from JMH's results.
 */
class MigrationBenchmarkIT {

    @Test
    void aPlainIndexBuildBlocksWritesAndItsConcurrentTwinDoesNotAtEveryVolume(@TempDir Path dir) throws Exception {
        write(dir, "V1__create_orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, created_at timestamptz NOT NULL,"
                + " note text);\n");
        write(dir, "U1__create_orders.sql", "DROP TABLE orders;\n");
        write(dir, "V2__index_orders_created_at.sql", "CREATE INDEX orders_created_at_idx ON orders (created_at);\n");
        write(dir, "U2__index_orders_created_at.sql", "DROP INDEX orders_created_at_idx;\n");
        write(dir, "V3__index_orders_note_concurrently.sql", "CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);\n");
        write(dir, "U3__index_orders_note_concurrently.sql", "DROP INDEX CONCURRENTLY orders_note_idx;\n");

        Options options = new OptionsBuilder().include(MigrationBenchmark.class.getName())
                .param("location", "filesystem:" + dir).param("migration", "2", "3").param("rows", "500", "5000")
                .addProfiler(LockProfiler.class).forks(0).warmupIterations(0).measurementIterations(1)
                .shouldFailOnError(true).build();
        Collection<RunResult> results = new Runner(options).run();

        assertThat(results).hasSize(4);
        for (RunResult run : results) {
            String migration = run.getParams().getParam("migration");
            Map<String, Result> secondary = run.getSecondaryResults();
            assertThat(secondary).containsKeys("lock.ShareLock.maxHeldMs", "lock.AccessExclusiveLock.maxHeldMs",
                    "blocked.readsMs", "blocked.writesMs", "rewrite", "phase.ownMs");
            assertThat(run.getPrimaryResult().getScore()).isPositive();
            assertThat(secondary.get("blocked.readsMs").getScore()).isZero();
            if (migration.equals("2")) {
                // the plain build holds SHARE on orders until commit: writes wait the whole build
                assertThat(secondary.get("lock.ShareLock.maxHeldMs").getScore()).isPositive();
                assertThat(secondary.get("blocked.writesMs").getScore()).isPositive();
            } else {
                assertThat(secondary.get("lock.ShareLock.maxHeldMs").getScore()).isZero();
                assertThat(secondary.get("blocked.writesMs").getScore()).isZero();
            }
        }
    }

    private static void write(Path dir, String name, String sql) throws Exception {
        Files.writeString(dir.resolve(name), sql, StandardCharsets.UTF_8);
    }
}
