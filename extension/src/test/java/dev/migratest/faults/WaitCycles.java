package dev.migratest.faults;

import dev.migratest.postgres.PostgresServer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * The server's own word that two backends waited for each other: from a session of the test's, polls
 * {@code pg_blocking_pids} every couple of milliseconds for a pair of backends each blocked by the other, one of them
 * migratest's observer. A cycle broken by a lock timeout before the deadlock detector ran leaves no trace in the server
 * log or in {@code pg_stat_database.deadlocks}; only a look while it lasts shows it.
 */
final class WaitCycles implements AutoCloseable {
    private static final String CYCLES = """
            SELECT a.pid || ' ' || a.application_name || ' <-> ' || b.pid || ' ' || b.application_name
              FROM pg_stat_activity a
              CROSS JOIN LATERAL unnest(pg_blocking_pids(a.pid)) AS blocker(pid)
              JOIN pg_stat_activity b ON b.pid = blocker.pid
             WHERE a.wait_event_type = 'Lock' AND a.application_name = 'migratest observer'
               AND a.pid = ANY (pg_blocking_pids(b.pid))
            """;

    private final Connection connection;
    private final Thread thread;
    private final Set<String> seen = new LinkedHashSet<>();
    private volatile boolean stopping;
    private volatile SQLException failure;

    private WaitCycles(Connection connection) {
        this.connection = connection;
        this.thread = new Thread(this::run, "wait-cycle-watch");
        thread.setDaemon(true);
    }

    static WaitCycles watch(PostgresServer server) throws SQLException {
        WaitCycles cycles = new WaitCycles(server.address().connect("postgres"));
        cycles.thread.start();
        return cycles;
    }

    private void run() {
        try (Statement statement = connection.createStatement()) {
            while (!stopping) {
                try (ResultSet rs = statement.executeQuery(CYCLES)) {
                    while (rs.next()) record(rs.getString(1));
                }
                LockSupport.parkNanos(2_000_000);
            }
        } catch (SQLException e) {
            failure = e;
        }
    }

    private synchronized void record(String pair) {
        seen.add(pair);
    }

    /** Each pair of backends seen waiting for each other, as "pid application &lt;-&gt; pid application". */
    synchronized Set<String> seen() {
        if (failure != null) throw new IllegalStateException("watching for wait cycles failed", failure);
        return Set.copyOf(seen);
    }

    @Override
    public void close() throws SQLException, InterruptedException {
        stopping = true;
        thread.join(10_000);
        connection.close();
    }
}
