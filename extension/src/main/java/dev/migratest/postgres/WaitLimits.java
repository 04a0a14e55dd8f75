package dev.migratest.postgres;

import org.postgresql.util.GT;

import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * How long migratest waits for a server before it calls it frozen or unreachable. Every wait for PostgreSQL has a
 * bound, so that a hung VM, a stopped process or a dead network ends a build with a message instead of hanging it:
 * <ul>
 *   <li>a login: {@link #LOGIN} (pgjdbc's {@code loginTimeout}; the TCP connect alone is bounded by pgjdbc's own
 *       {@code connectTimeout}, but a frozen postmaster accepts the connection and then never answers);</li>
 *   <li>a migration's statement: the statement limit ({@value #STATEMENT_LIMIT_PROPERTY}), enforced by a cancel and,
 *       when the cancel goes unanswered, by closing the connection;</li>
 *   <li>any other answer migratest waits for — its own snapshots and fingerprints, creating and dropping scratch
 *       databases, loading data: {@link #replyLimit} of the statement limit, as a socket read timeout. It must be
 *       longer than the statement limit plus the cancel's grace, so that a migration's own long statement is always
 *       ended by the clearer cancel first, and it grows with the statement limit so that raising the one raises the
 *       other;</li>
 *   <li>the lock observer's polls and probes, which take milliseconds: {@link #OBSERVER_REPLY}.</li>
 * </ul>
 * A {@code loginTimeout} or {@code socketTimeout} written in the server's URL wins: the person who wrote it knows
 * their network.
 */
public final class WaitLimits {
    /** System property: the longest one statement of a migration may run, in ms (default ten minutes). */
    public static final String STATEMENT_LIMIT_PROPERTY = "migratest.statementLimitMs";
    public static final Duration DEFAULT_STATEMENT_LIMIT = Duration.ofMinutes(10);
    /** How long a cancelled statement may take to return before migratest closes its connection. */
    public static final Duration CANCEL_GRACE = Duration.ofSeconds(5);
    public static final Duration LOGIN = Duration.ofSeconds(30);
    public static final Duration OBSERVER_REPLY = Duration.ofSeconds(60);
    private static final Duration MIN_MARGIN = Duration.ofSeconds(5);
    private static final Duration MAX_MARGIN = Duration.ofSeconds(60);
    /**
     * The longest read timeout the driver can hold (an int of milliseconds, and pgjdbc multiplies its seconds by 1000
     * as an int): a statement limit of weeks, or {@code Long.MAX_VALUE} meant as "none", waits this long, about 24 days.
     */
    static final Duration LONGEST = Duration.ofSeconds(Integer.MAX_VALUE / 1000);

    private WaitLimits() {
    }

    /** The statement limit {@value #STATEMENT_LIMIT_PROPERTY} sets, else {@link #DEFAULT_STATEMENT_LIMIT}. */
    public static Duration configuredStatementLimit() {
        String value = System.getProperty(STATEMENT_LIMIT_PROPERTY);
        if (value == null || value.isBlank()) return DEFAULT_STATEMENT_LIMIT;
        try {
            long millis = Long.parseLong(value.trim());
            if (millis > 0) return Duration.ofMillis(millis);
        } catch (NumberFormatException ignored) {
            // reported below, with what is allowed
        }
        throw new IllegalArgumentException("System property " + STATEMENT_LIMIT_PROPERTY + "='" + value
                + "' is not a positive number of milliseconds; expected e.g. 600000");
    }

    /**
     * How long migratest waits for any answer on a connection that also runs migrations: the statement limit, the
     * cancel's grace, and a margin as long as the limit itself but between 5 and 60 s (a statement that was cancelled
     * needs a moment to return; a 1 s limit in a test should not mean a minute's wait).
     */
    public static Duration replyLimit(Duration statementLimit) {
        if (statementLimit.compareTo(LONGEST) >= 0) return LONGEST;
        Duration margin = statementLimit.compareTo(MIN_MARGIN) < 0 ? MIN_MARGIN
                : statementLimit.compareTo(MAX_MARGIN) > 0 ? MAX_MARGIN : statementLimit;
        Duration limit = statementLimit.plus(CANCEL_GRACE).plus(margin);
        return limit.compareTo(LONGEST) > 0 ? LONGEST : limit;
    }

    /** Login and read timeouts for a new connection, unless the URL's own parameters set them. */
    static void apply(Properties props, Map<String, String> urlParameters) {
        if (!urlParameters.containsKey("loginTimeout")) {
            props.setProperty("loginTimeout", Long.toString(LOGIN.toSeconds()));
        }
        if (!urlParameters.containsKey("socketTimeout")) {
            props.setProperty("socketTimeout", Long.toString(seconds(replyLimit(configuredStatementLimit()))));
        }
    }

    /**
     * Gives {@code connection} to {@code address} its own read bound (e.g. the observer's, or one that follows a
     * statement limit), unless the address's URL sets {@code socketTimeout}: then the URL's stays.
     */
    public static Connection bound(Connection connection, ServerAddress address, Duration replyLimit)
            throws SQLException {
        if (address.hasParameter("socketTimeout")) return connection;
        try {
            connection.setNetworkTimeout(Runnable::run, (int) Math.min(replyLimit.toMillis(), LONGEST.toMillis()));
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /**
     * What to add to an error that ended a wait of migratest's, if it did: a read that timed out, or a login that got
     * no answer, say so, since pgjdbc's own words ("An I/O error occurred", "Connection attempt timed out") do not
     * say that the server never answered.
     */
    public static Optional<String> explain(SQLException e) {
        boolean connecting = "08001".equals(e.getSQLState());
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketTimeoutException && connecting) {
                return Optional.of("the server did not accept the TCP connection within pgjdbc's connectTimeout (10 s"
                        + " unless the URL sets it): the host is down, or a firewall drops the packets");
            }
            if (t instanceof SocketTimeoutException) {
                return Optional.of("migratest waited for the server's answer longer than its reply limit (the"
                        + " statement limit " + STATEMENT_LIMIT_PROPERTY + " plus " + CANCEL_GRACE.toSeconds()
                        + " s and a margin; " + OBSERVER_REPLY.toSeconds() + " s for the lock observer) and closed the"
                        + " connection: the server is frozen or unreachable. If it is only slow, raise "
                        + STATEMENT_LIMIT_PROPERTY + " or set socketTimeout (seconds) in the server URL");
            }
        }
        // pgjdbc translates its messages: compare with its own words in this JVM's language
        if (connecting && GT.tr("Connection attempt timed out.").equals(e.getMessage())) {
            return Optional.of("the server accepted the connection but did not complete the login within "
                    + LOGIN.toSeconds() + " s (or the URL's loginTimeout): it is frozen, overloaded or unreachable");
        }
        return Optional.empty();
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}
