package dev.migratest.locks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lock tracing for one scratch database: the migrating connection reads its own locks; a second connection of ours
 * observes autocommit statements and probes whether the application could still read and write. Both connections
 * carry migratest's {@code application_name}, and the observer filters {@code pg_locks} by the migrating backend's
 * pid, so traces of classes rehearsed in parallel on one server never mix.
 */
public final class Tracing implements AutoCloseable {
    /** System property: {@code false} runs migrations without tracing (for measuring what tracing costs). */
    public static final String ENABLED_PROPERTY = "migratest.trace";
    /**
     * System property: how long a probe run while an autocommit statement is running waits for a lock before it calls
     * the table blocked, in ms (default 25). Probes between the statements of a transaction wait at most 2 ms. Never
     * more than half the server's {@code deadlock_timeout} (see {@link ProbeTimeouts}): a longer value is lowered, and
     * said so once.
     */
    public static final String PROBE_TIMEOUT_PROPERTY = "migratest.trace.probeTimeoutMs";
    static final Duration DEFAULT_PROBE_TIMEOUT = Duration.ofMillis(25);
    static final Duration PAUSED_PROBE_TIMEOUT = Duration.ofMillis(2);
    /** Bound on asking whether the observer's connection still answers. */
    private static final int OBSERVER_CHECK_SECONDS = 2;
    private static final System.Logger LOG = System.getLogger(Tracing.class.getName());
    /** Each lowering is said once per JVM, not once per scratch database or per lost observer connection. */
    private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();

    /** Opens connections to the database being traced. */
    @FunctionalInterface
    public interface Connector {
        Connection connect() throws SQLException;
    }

    private final Connection migrating;
    private final Connector connector;
    private final Duration probeTimeout;
    private final int major;
    private final int pid;
    private final String ownLocks;
    /** The observer's connection and what is prepared on it; replaced when the connection is lost. */
    private Connection second;
    private BlockingProbe probe;
    private BlockingProbe pausedProbe;
    private java.sql.PreparedStatement poll;

    private Tracing(Connection migrating, Connector connector, Duration probeTimeout) throws SQLException {
        this.migrating = migrating;
        this.connector = connector;
        this.probeTimeout = probeTimeout;
        this.major = migrating.getMetaData().getDatabaseMajorVersion();
        this.pid = migrating.unwrap(org.postgresql.PGConnection.class).getBackendPID();
        this.ownLocks = LockQueries.locks("pg_backend_pid()", major);
        attach(connector.connect());
    }

    /** Makes {@code connection} the observer's: prepares the poll and the probes on it. Closes it on failure. */
    private void attach(Connection connection) throws SQLException {
        try {
            Duration deadlockTimeout = deadlockTimeout(connection);
            ProbeTimeouts timeouts = ProbeTimeouts.under(deadlockTimeout, probeTimeout);
            announceIfLowered(timeouts, deadlockTimeout);
            this.probe = new BlockingProbe(connection, timeouts);
            // Between two statements of a transaction the migration is paused: nothing it holds can be released while
            // the probe waits, so any wait at all is a block, and a couple of milliseconds prove it.
            this.pausedProbe = new BlockingProbe(connection, timeouts.lockAtMost(PAUSED_PROBE_TIMEOUT));
            // Prepared once and planned once on the server: a poll must cost well under the interval it samples.
            this.poll = connection.prepareStatement(LockQueries.locks("?", major));
            poll.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(1);
            poll.setInt(1, pid);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET application_name = 'migratest observer'");
                // Index lookups only: the probes must not add sequential scans to the counters they help to read.
                statement.execute("SET enable_seqscan = off");
            }
            quietProbeErrors(connection);
            this.second = connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * The server's {@code deadlock_timeout} as our sessions get it (server, database and role settings alike; a
     * migration that sets its own in its session is not seen here). {@code pg_settings} gives it in ms, unlike SHOW.
     */
    private static Duration deadlockTimeout(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT setting::bigint FROM pg_settings WHERE name = 'deadlock_timeout'")) {
            rs.next();
            return Duration.ofMillis(rs.getLong(1));
        }
    }

    private void announceIfLowered(ProbeTimeouts timeouts, Duration deadlockTimeout) {
        if (timeouts.lock().compareTo(probeTimeout) >= 0) return;
        String message = "the probe timeout of " + probeTimeout.toMillis() + " ms (" + PROBE_TIMEOUT_PROPERTY
                + ") is lowered to " + timeouts.lock().toMillis() + " ms, and a probe's whole statement to "
                + timeouts.statement().toMillis() + " ms: the server's deadlock_timeout is "
                + deadlockTimeout.toMillis() + " ms, and a probe still waiting when it passes could make the migration"
                + " the victim of a deadlock with the probe";
        if (ANNOUNCED.add(message)) LOG.log(System.Logger.Level.INFO, message);
    }

    /**
     * A probe that times out is an answer, not an error: keep the server log free of those expected failures where
     * we may (superuser-only settings; without the right the log just shows them).
     */
    private static void quietProbeErrors(Connection second) {
        try (Statement statement = second.createStatement()) {
            statement.execute("SET log_min_messages = fatal");
            statement.execute("SET log_min_error_statement = panic");
        } catch (SQLException notAllowed) {
            // not a superuser: the server logs each blocked probe as an ERROR, harmlessly
        }
    }

    /** Tracing of the database behind {@code migrating}; {@code second} opens the observer's own connection. */
    public static Tracing open(Connection migrating, Connector second) throws SQLException {
        return open(migrating, second, probeTimeout());
    }

    public static Tracing open(Connection migrating, Connector second, Duration probeTimeout) throws SQLException {
        Objects.requireNonNull(migrating, "migrating");
        return new Tracing(migrating, second, probeTimeout);
    }

    /** Whether {@value #ENABLED_PROPERTY} leaves tracing on (the default). */
    public static boolean enabled() {
        String value = System.getProperty(ENABLED_PROPERTY);
        if (value == null || value.isBlank()) return true;
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) return Boolean.parseBoolean(value);
        throw new IllegalArgumentException("System property " + ENABLED_PROPERTY + "='" + value
                + "' is not a boolean; expected true or false");
    }

    private static Duration probeTimeout() {
        String value = System.getProperty(PROBE_TIMEOUT_PROPERTY);
        if (value == null || value.isBlank()) return DEFAULT_PROBE_TIMEOUT;
        try {
            long millis = Long.parseLong(value.trim());
            if (millis > 0) return Duration.ofMillis(millis);
        } catch (NumberFormatException ignored) {
            // reported below, with what is allowed
        }
        throw new IllegalArgumentException("System property " + PROBE_TIMEOUT_PROPERTY + "='" + value
                + "' is not a positive number of milliseconds; expected e.g. 25");
    }

    /**
     * Starts tracing a phase; call it before the phase's transaction begins (the catalog read here is the memory of
     * what existed before the phase).
     */
    public PhaseRecorder beginPhase(boolean transactional) throws SQLException {
        RelationCatalog catalog = RelationCatalog.read(migrating);
        try {
            reattachIfLost();
            if (transactional) return new TransactionRecorder(migrating, pausedProbe, catalog, ownLocks);
            LockObserver observer = new LockObserver(poll, probe, catalog);
            return new AutocommitRecorder(migrating, second, observer, catalog, major >= 15);
        } catch (SQLException e) {
            if (!migrating.isValid(OBSERVER_CHECK_SECONDS)) throw e;
            // The observer's trouble, not the migration's: the phase runs untraced and says why.
            return PhaseRecorder.incomplete("the lock observer's connection could not be used at the start of the"
                    + " phase: " + e.getMessage());
        }
    }

    /**
     * A new observer connection when the last one was lost (a migration may terminate other backends, a pooler may
     * drop it): one phase's trace is incomplete, not every phase after it.
     */
    private void reattachIfLost() throws SQLException {
        if (second.isValid(OBSERVER_CHECK_SECONDS)) return;
        closeObserver();
        attach(connector.connect());
    }

    private void closeObserver() {
        try {
            poll.close();
        } catch (SQLException alreadyGone) {
            // a lost connection has nothing left to close
        }
        try {
            second.close();
        } catch (SQLException alreadyGone) {
            // as above
        }
    }

    @Override
    public void close() {
        closeObserver();
    }
}
