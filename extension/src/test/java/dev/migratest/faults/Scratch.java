package dev.migratest.faults;

import dev.migratest.postgres.PostgresServer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The test's own view of a server a rehearsal uses: migratest's scratch databases, and sessions opened next to it. */
final class Scratch {
    private static final long WAIT_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);

    private Scratch() {
    }

    /** migratest's scratch databases on {@code server}, its template (dropped when the server closes) left out. */
    static List<String> databases(PostgresServer server) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = server.address().connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'migratest\\_%'"
                     + " AND datname NOT LIKE '%\\_template' ORDER BY datname")) {
            while (rs.next()) names.add(rs.getString(1));
        }
        return names;
    }

    /** The one scratch database of the rehearsal labelled {@code label}. */
    static String database(PostgresServer server, String label) throws SQLException {
        List<String> matching = databases(server).stream().filter(name -> name.endsWith("_" + label)).toList();
        if (matching.size() != 1) throw new IllegalStateException("expected one database for " + label + ": " + matching);
        return matching.get(0);
    }

    static String query(PostgresServer server, String database, String sql) throws SQLException {
        try (Connection c = server.address().connect(database)) {
            return query(c, sql);
        }
    }

    static String query(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** A session of someone else's holding a lock on table {@code t} until it is closed. */
    static Connection holdLock(PostgresServer server, String database, String mode) throws SQLException {
        Connection holder = server.address().connect(database);
        holder.setAutoCommit(false);
        try (Statement st = holder.createStatement()) {
            st.execute("LOCK TABLE t IN " + mode + " MODE");
        }
        return holder;
    }

    /** Once the migration is inside {@code pg_sleep}, terminates the observer's backend, as an operator might. */
    static void terminateObserverWhileSleeping(PostgresServer server, String database) {
        try (Connection c = server.address().connect(database); Statement st = c.createStatement()) {
            long deadline = System.nanoTime() + WAIT_NANOS;
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = st.executeQuery("SELECT pg_terminate_backend(o.pid) FROM pg_stat_activity o"
                        + " WHERE o.application_name = 'migratest observer' AND o.datname = current_database()"
                        + " AND EXISTS (SELECT 1 FROM pg_stat_activity m WHERE m.datname = current_database()"
                        + " AND m.state = 'active' AND m.query LIKE 'SELECT pg_sleep%')")) {
                    if (rs.next()) return;
                }
                Thread.sleep(5);
            }
            throw new IllegalStateException("the migration never reached pg_sleep within 10 s");
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
