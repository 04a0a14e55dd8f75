package dev.migratest.postgres;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The System V segment of a real embedded server, which only {@link SysvSegment#removeIfAbandoned} may remove: not
 * while the server's processes are attached, not for a pid file that names another creator, and only then, once its
 * postmaster was killed, the one its own pid file names.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SysvSegmentIT {
    @TempDir
    Path forged;

    @Test
    void onlyTheKilledServersOwnUnattachedSegmentIsRemoved() throws Exception {
        PostgresServer server = new EmbeddedProvider().start();
        try {
            Path dataDir = Path.of(query(server, "SHOW data_directory"));
            List<String> pidFile = Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            SysvSegment segment = SysvSegment.recordedIn(dataDir).orElseThrow();
            assertThat(listed(segment.id())).as("the running server's segment").isTrue();

            assertThat(segment.removeIfAbandoned(Duration.ofMillis(300))).as("removed while attached").isFalse();
            assertThat(listed(segment.id())).isTrue();
            assertThat(query(server, "SELECT 1")).isEqualTo("1");

            ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(pidFile.get(0).trim())).orElseThrow();
            postmaster.destroyForcibly();
            postmaster.onExit().get(10, TimeUnit.SECONDS);
            awaitDetached(segment.id());
            assertThat(listed(segment.id())).as("a killed postmaster's segment outlives it").isTrue();

            // The same key and id, but a pid file naming another creator: not provably that segment.
            List<String> otherCreator = new ArrayList<>(pidFile);
            otherCreator.set(0, Long.toString(ProcessHandle.current().pid()));
            Files.write(forged.resolve("postmaster.pid"), otherCreator, StandardCharsets.UTF_8);
            assertThat(SysvSegment.recordedIn(forged).orElseThrow().removeIfAbandoned(Duration.ofSeconds(1))).isFalse();
            assertThat(listed(segment.id())).isTrue();

            assertThat(segment.removeIfAbandoned(Duration.ofSeconds(10))).as("removed once abandoned").isTrue();
            assertThat(listed(segment.id())).isFalse();
            assertThat(segment.removeIfAbandoned(Duration.ofSeconds(1))).as("a second time: gone already").isFalse();
        } finally {
            server.close();
        }
    }

    private static String query(PostgresServer server, String sql) throws Exception {
        try (Connection c = server.address().connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Whether /proc/sysvipc/shm lists a segment with this id. */
    private static boolean listed(long id) throws Exception {
        return row(id) != null;
    }

    /** A killed postmaster's backends notice and exit on their own; until then they keep the segment attached. */
    private static void awaitDetached(long id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String[] row = row(id);
            if (row == null || "0".equals(row[6])) return;
            Thread.sleep(20);
        }
        throw new IllegalStateException("segment " + id + " still attached 10 s after its postmaster was killed");
    }

    /** Columns: key shmid perms size cpid lpid nattch ... */
    private static String[] row(long id) throws Exception {
        return Files.readAllLines(Path.of("/proc/sysvipc/shm"), StandardCharsets.US_ASCII).stream().skip(1)
                .map(line -> line.trim().split("\\s+")).filter(f -> f[1].equals(Long.toString(id)))
                .findFirst().orElse(null);
    }
}
