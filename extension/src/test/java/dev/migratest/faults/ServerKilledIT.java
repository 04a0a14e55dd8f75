package dev.migratest.faults;

import dev.migratest.migration.Layout;
import dev.migratest.migration.Migration;
import dev.migratest.migration.MigrationLoader;
import dev.migratest.postgres.EmbeddedProvider;
import dev.migratest.postgres.PostgresServer;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.HistoryRehearsal;
import dev.migratest.runner.Outcome;
import dev.migratest.runner.Phase;
import dev.migratest.schema.ColumnOrder;
import dev.migratest.schema.SnapshotMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded server's postmaster killed (SIGKILL, by pid) while a migration sleeps in it: the migration fails
 * with a clear error, every later one is skipped with the reason, the run ends within a bound, and no process of the
 * server outlives it, nor its data directory, nor its shared memory. Its own server, since the fault destroys it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ServerKilledIT {
    @TempDir
    Path dir;

    @Test
    void aServerKilledMidPhaseFailsThatMigrationSkipsTheRestAndLeavesNoProcess() throws Exception {
        Files.writeString(dir.resolve("V1__create_t.sql"), "CREATE TABLE t (id int);\n");
        Files.writeString(dir.resolve("U1__create_t.sql"), "DROP TABLE t;\n");
        Files.writeString(dir.resolve("V2__sleep.sql"), "SELECT pg_sleep(60);\n");
        Files.writeString(dir.resolve("U2__sleep.sql"), "SELECT 1;\n");
        Files.writeString(dir.resolve("V3__after.sql"), "CREATE TABLE u (id int);\n");
        Files.writeString(dir.resolve("U3__after.sql"), "DROP TABLE u;\n");
        List<Migration> migrations = MigrationLoader.load(dir, Layout.FLYWAY, false).migrations();
        PostgresServer server = new EmbeddedProvider().start();
        PostgresProcesses processes = PostgresProcesses.of(server);
        Path dataDirectory;
        try (Connection c = server.address().connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW data_directory")) {
            rs.next();
            dataDirectory = Path.of(rs.getString(1));
        }
        AtomicReference<ServerSharedMemory> memory = new AtomicReference<>();
        Path data = dataDirectory;
        Thread killer = new Thread(() -> killWhenSleeping(server, processes, data, memory), "postmaster-killer");

        List<CycleResult> results = new ArrayList<>();
        long start = System.nanoTime();
        try (HistoryRehearsal rehearsal = new HistoryRehearsal(server, "killed", migrations, ColumnOrder.STRICT, false,
                SnapshotMode.INCREMENTAL)) {
            results.add(rehearsal.rehearse(0));
            killer.start();
            results.add(rehearsal.rehearse(1));
            results.add(rehearsal.rehearse(2));
        }
        server.close();
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        killer.join(10_000);

        assertThat(results).extracting(CycleResult::outcome)
                .containsExactly(Outcome.PASSED, Outcome.FAILED, Outcome.SKIPPED);
        assertThat(results.get(1).failedPhase()).isEqualTo(Phase.UP);
        assertThat(results.get(1).failure()).isEqualTo("2 sleep: UP failed at V2__sleep.sql:1: ERROR 08006:"
                + " An I/O error occurred while sending to the backend."
                + "\n  statement: SELECT pg_sleep(60)"
                + "\n  the connection to PostgreSQL was lost (the server stopped, or ended the session):"
                + " the phase's transaction went with it");
        String port = server.address().jdbcUrl("postgres").replaceAll(".*:(\\d+)/.*", "$1");
        assertThat(results.get(2).skipReason()).isEqualTo("the database cannot be brought to the state before 3 after:"
                + " a fresh database could not be created and migrated on " + server + ": 08001: Connection to localhost:"
                + port + " refused. Check that the hostname and port are correct and that the postmaster is accepting"
                + " TCP/IP connections.");
        // Far below pg_sleep(60): the kill ends the wait, and nothing after it waits for a server that is gone.
        assertThat(elapsedMs).isLessThan(30_000);
        processes.assertAllGoneWithin(Duration.ofSeconds(10));
        assertThat(dataDirectory).doesNotExist();
        // Its dynamic segments were files in its data directory, none in /dev/shm, which every Postgres shares...
        assertThat(memory.get()).as("read just before the kill").isNotNull();
        assertThat(memory.get().posixSegments()).as("segments in /dev/shm").isEmpty();
        assertThat(memory.get().dataDirectorySegments()).as("segments in pg_dynshmem/").isNotEmpty();
        // ... and nothing of it is left: those files went with the directory, its System V segment was removed.
        memory.get().assertNothingLeft();
    }

    private static void killWhenSleeping(PostgresServer server, PostgresProcesses processes, Path dataDirectory,
                                         AtomicReference<ServerSharedMemory> memory) {
        try (Connection c = server.address().connect("postgres"); Statement st = c.createStatement()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE state = 'active' AND query = 'SELECT pg_sleep(60)'")) {
                    rs.next();
                    if (rs.getInt(1) > 0) break;
                }
                Thread.sleep(10);
            }
            memory.set(ServerSharedMemory.of(processes, dataDirectory));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        processes.postmaster().destroyForcibly();
    }
}
