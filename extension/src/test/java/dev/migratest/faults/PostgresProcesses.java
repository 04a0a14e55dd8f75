package dev.migratest.faults;

import dev.migratest.postgres.PostgresServer;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processes of one running Postgres, found from a backend of its own (its parent is the postmaster): so that a
 * test can kill the server, and prove that nothing of it outlives the test.
 */
final class PostgresProcesses {
    private final ProcessHandle postmaster;
    private final List<ProcessHandle> all;

    private PostgresProcesses(ProcessHandle postmaster) {
        this.postmaster = postmaster;
        this.all = Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList();
    }

    static PostgresProcesses of(PostgresServer server) throws SQLException {
        try (Connection c = server.address().connect("postgres")) {
            long backend = c.unwrap(org.postgresql.PGConnection.class).getBackendPID();
            ProcessHandle postmaster = ProcessHandle.of(backend).flatMap(ProcessHandle::parent)
                    .orElseThrow(() -> new IllegalStateException("no parent process for backend " + backend));
            return new PostgresProcesses(postmaster);
        }
    }

    ProcessHandle postmaster() {
        return postmaster;
    }

    /** The postmaster and every process it had started when this was taken, plus any it has started since. */
    List<ProcessHandle> alive() {
        return Stream.concat(all.stream(), postmaster.descendants()).filter(PostgresProcesses::running).distinct().toList();
    }

    /** Alive and not a zombie: a killed process whose parent has not reaped it yet runs nothing any more. */
    static boolean running(ProcessHandle process) {
        if (!process.isAlive()) return false;
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(process.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (java.io.IOException | RuntimeException gone) {
            return process.isAlive();
        }
    }

    void assertAllGoneWithin(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!alive().isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(alive()).as("postgres processes left running (postmaster %s)", postmaster.pid())
                .extracting(p -> p.pid() + " " + p.info().commandLine().orElse("?")).isEmpty();
    }

    /** Sends {@code kill -<name>} (e.g. STOP, CONT) to one process of a server: how a test freezes and thaws it. */
    static void signal(String name, long pid) throws java.io.IOException, InterruptedException {
        if (pid == 0) return;
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).as("kill -%s %s", name, pid).isZero();
    }

    /**
     * Waits until a backend of {@code database} is active on a query matching {@code queryLike} (SQL LIKE), then stops
     * it with SIGSTOP, as a hung VM would; its pid, for the SIGCONT.
     */
    static long freezeBackendRunning(PostgresServer server, String database, String queryLike, Duration within) {
        try (Connection c = server.address().connect(database); java.sql.Statement st = c.createStatement()) {
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline) {
                try (java.sql.ResultSet rs = st.executeQuery("SELECT pid FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND state = 'active' AND query LIKE '"
                        + queryLike.replace("'", "''") + "'")) {
                    if (rs.next()) {
                        long pid = rs.getLong(1);
                        signal("STOP", pid);
                        return pid;
                    }
                }
                Thread.sleep(5);
            }
            throw new IllegalStateException("no backend ran " + queryLike + " within " + within.toSeconds() + " s");
        } catch (SQLException | InterruptedException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
