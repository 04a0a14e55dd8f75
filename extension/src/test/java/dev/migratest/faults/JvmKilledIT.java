package dev.migratest.faults;

import dev.migratest.postgres.EmbeddedProvider;
import dev.migratest.postgres.PostgresServer;
import dev.migratest.postgres.ServerAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JVM killed (SIGKILL) in the middle of a rehearsal leaves its embedded server running and its data directory
 * behind; the next run's provider finds them by their owner file and cleans them up, shared memory included, and
 * touches nothing else: a server whose JVM is alive (this test's own) survives with all its memory.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JvmKilledIT {
    @TempDir
    Path parent;

    @Test
    void theNextRunStopsAndDeletesWhatAKilledJvmLeftAndNothingElse() throws Exception {
        String previous = System.getProperty(EmbeddedProvider.DATA_DIR_PROPERTY);
        System.setProperty(EmbeddedProvider.DATA_DIR_PROPERTY, parent.toString());
        PostgresServer ours = null;
        Process child = null;
        try {
            ours = new EmbeddedProvider().start();
            PostgresProcesses oursProcesses = PostgresProcesses.of(ours);
            ServerSharedMemory oursMemory = ServerSharedMemory.of(oursProcesses, dataDirectory(ours));

            child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), RehearsalChild.class.getName(), parent.toString())
                    .redirectErrorStream(true).start();
            String url = listeningUrl(child);
            PostgresServer orphan = new PostgresServer("orphan", ServerAddress.parse(url, null, null), () -> { });
            PostgresProcesses orphanProcesses = PostgresProcesses.of(orphan);
            awaitSleep(orphan);
            ServerSharedMemory orphanMemory = ServerSharedMemory.of(orphanProcesses, dataDirectory(orphan));
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            List<Path> leftBehind = dataDirectories();
            assertThat(leftBehind).hasSize(2);
            assertThat(orphanProcesses.postmaster().isAlive()).as("the killed JVM's postmaster outlives it").isTrue();

            // The next run: starting a server sweeps first.
            PostgresServer next = new EmbeddedProvider().start();
            PostgresProcesses nextProcesses = PostgresProcesses.of(next);
            next.close();

            orphanProcesses.assertAllGoneWithin(Duration.ofSeconds(10));
            nextProcesses.assertAllGoneWithin(Duration.ofSeconds(10));
            assertThat(oursProcesses.alive()).contains(oursProcesses.postmaster());
            assertThat(query(ours, "SELECT 1")).isEqualTo("1");
            assertThat(dataDirectories()).as("only this JVM's own server is left").hasSize(1)
                    .allMatch(dir -> Files.exists(dir.resolveSibling(dir.getFileName() + ".owner")));
            assertThat(leftBehind).filteredOn(Files::exists).hasSize(1);
            // Dynamic segments live in the data directories, not in /dev/shm (shared with every other Postgres)...
            assertThat(orphanMemory.posixSegments()).as("the orphan's segments in /dev/shm").isEmpty();
            assertThat(orphanMemory.dataDirectorySegments()).as("the orphan's segments in pg_dynshmem/").isNotEmpty();
            // ... so the sweep leaves nothing of the orphan's memory, and all of the live server's.
            orphanMemory.assertNothingLeft();
            oursMemory.assertAllThere();
        } finally {
            if (child != null) child.destroyForcibly();
            if (ours != null) ours.close();
            if (previous == null) System.clearProperty(EmbeddedProvider.DATA_DIR_PROPERTY);
            else System.setProperty(EmbeddedProvider.DATA_DIR_PROPERTY, previous);
        }
    }

    private List<Path> dataDirectories() throws Exception {
        try (Stream<Path> files = Files.list(parent)) {
            return files.filter(Files::isDirectory).filter(p -> p.getFileName().toString().startsWith("migratest-pg-"))
                    .sorted().toList();
        }
    }

    /** The child's JDBC URL, read from its output; the child's other output is kept for the failure message. */
    private static String listeningUrl(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = out.readLine();
            if (line == null) break;
            if (line.startsWith("LISTENING ")) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "child-output");
                drain.setDaemon(true);
                drain.start();
                return line.substring("LISTENING ".length()) + "?user=postgres";
            }
            seen.append(line).append('\n');
        }
        throw new IllegalStateException("the child JVM never said where it listens:\n" + seen);
    }

    private static void awaitSleep(PostgresServer server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!"0".equals(query(server, "SELECT count(*) FROM pg_stat_activity WHERE state = 'active'"
                    + " AND query = 'SELECT pg_sleep(600)'"))) return;
            Thread.sleep(20);
        }
        throw new IllegalStateException("the child's migration never reached pg_sleep");
    }

    private static Path dataDirectory(PostgresServer server) throws Exception {
        return Path.of(query(server, "SHOW data_directory"));
    }

    private static String query(PostgresServer server, String sql) throws Exception {
        try (Connection c = server.address().connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
