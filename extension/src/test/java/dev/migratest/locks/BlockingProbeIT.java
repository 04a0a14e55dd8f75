package dev.migratest.locks;

import dev.migratest.postgres.ClassServer;
import dev.migratest.postgres.Database;
import dev.migratest.postgres.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probe as the victim of a deadlock with the migration, on a real Postgres. Tracing never lets a probe wait that
 * long ({@link ProbeTimeouts}); this probe is given 10 s so that the server's deadlock detector, not its lock timeout,
 * ends its wait, as it would were {@code deadlock_timeout} lowered under a running rehearsal.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BlockingProbeIT {
    @ClassServer
    private static PostgresServer server;

    @Test
    void aProbeCancelledAsTheVictimOfADeadlockWithTheMigrationWasWaitingForItSoWritesWereBlocked() throws Exception {
        try (Database database = server.createDatabase("probe_victim");
             Connection migrating = database.connect();
             Connection observer = database.connect()) {
            assertThat(query(migrating, "SHOW deadlock_timeout")).isEqualTo("1s");
            execute(migrating, "CREATE TABLE t (id int PRIMARY KEY, v int);"
                    + " INSERT INTO t SELECT g, g FROM generate_series(1, 100) g");
            long t = Long.parseLong(query(migrating, "SELECT 't'::regclass::oid"));
            BlockingProbe probe = new BlockingProbe(observer,
                    new ProbeTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(20)));

            migrating.setAutoCommit(false);
            execute(migrating, "UPDATE t SET v = v");
            CompletableFuture<BlockingProbe.ProbeResult> probed = CompletableFuture.supplyAsync(() -> {
                try {
                    return probe.probe(t);
                } catch (SQLException e) {
                    throw new CompletionException(e);
                }
            });
            awaitAWaiterOn(migrating);
            // Half a deadlock_timeout later, so that the probe's deadlock check comes 500 ms before the migration's
            // would: asked at once, the two checks are a few ms apart and either backend may be the one cancelled
            // (seen here: the migration, on a busy machine).
            Thread.sleep(500);
            // The probe's UPDATE holds ROW EXCLUSIVE on t while it waits for our row lock: now each waits for the
            // other, and the probe, waiting longer, reaches deadlock_timeout first.
            execute(migrating, "LOCK TABLE t IN ACCESS EXCLUSIVE MODE");
            migrating.commit();
            BlockingProbe.ProbeResult result = probed.get(30, TimeUnit.SECONDS);

            assertThat(result).isEqualTo(new BlockingProbe.ProbeResult(false, true));
            // The server's word that this was a deadlock, not a lock timeout; the migration committed, so the victim
            // was the probe.
            execute(observer, "SELECT pg_stat_force_next_flush()");
            assertThat(query(migrating, "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()"))
                    .isEqualTo("1");
        }
    }

    /** Until some backend waits for a lock {@code connection}'s transaction holds (10 s at most). */
    private static void awaitAWaiterOn(Connection connection) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!"t".equals(query(connection, "SELECT EXISTS (SELECT 1 FROM pg_locks w WHERE NOT w.granted"
                + " AND pg_backend_pid() = ANY (pg_blocking_pids(w.pid)))"))) {
            if (System.nanoTime() > deadline) throw new AssertionError("no probe waited for the migration in 10 s");
            Thread.sleep(2);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
