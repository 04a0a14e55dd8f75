package dev.migratest.compat;

import org.postgresql.PGStatement;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs the old application's queries against the current schema and reports each one that fails.
 *
 * <p>Nothing is left behind: all queries run inside one transaction that is always rolled back (or, when the caller's
 * connection is already inside a transaction, inside a savepoint rolled back to), and each query under a savepoint of
 * its own, rolled back after it, so that one failure does not abort the others and no query sees another's rows.
 * Sequences the queries advanced (identity columns of old INSERTs) are set back afterwards: {@code nextval} ignores
 * rollbacks.
 *
 * <p>A query with parameters is run as {@code PREPARE} + {@code EXECUTE name(values…)}: Postgres infers each
 * parameter's type from where it is used, as it does for the application's driver, and the values are real, so an
 * old INSERT that leaves a new NOT NULL column empty or breaks a CHECK fails here as it would in production. A query
 * without parameters runs as it stands. A short {@code statement_timeout} keeps an old query that waits or scans too
 * long from hanging the rehearsal: it then fails with SQLSTATE 57014.
 */
public final class OldCodeCheck {
    /** Long enough for any OLTP query on rehearsal data, short enough to notice a query that waits for a lock. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    private static final String OUTER = "migratest_old_code";
    private static final String EACH = "migratest_old_query";
    private static final String PREPARED = "migratest_old_query";
    /** Rows are read and dropped in batches, so an old SELECT over a big table costs no memory. */
    private static final int FETCH_SIZE = 500;

    private OldCodeCheck() {
    }

    /** {@link #run(Connection, List, Duration)} with {@link #DEFAULT_TIMEOUT}. */
    public static List<OldQueryFailure> run(Connection connection, List<OldQuery> queries) throws SQLException {
        return run(connection, queries, DEFAULT_TIMEOUT);
    }

    /**
     * @param timeout the {@code statement_timeout} for each query
     * @return the queries that failed, in the order given; empty when the old code would work on this schema
     * @throws SQLException when the check itself cannot run (connection lost, savepoint refused)
     */
    public static List<OldQueryFailure> run(Connection connection, List<OldQuery> queries, Duration timeout)
            throws SQLException {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(queries, "queries");
        boolean autoCommit = connection.getAutoCommit();
        SequencePositions sequences = SequencePositions.capture(connection);
        if (autoCommit) connection.setAutoCommit(false);
        try (Statement control = unprepared(connection.createStatement())) {
            // Rolling back to this savepoint also undoes SET LOCAL, so a caller's transaction keeps its own timeout.
            control.execute("SAVEPOINT " + OUTER);
            try {
                control.execute("SET LOCAL statement_timeout = " + Math.max(1, timeout.toMillis()));
                List<OldQueryFailure> failures = new ArrayList<>();
                for (OldQuery query : queries) {
                    runOne(connection, control, query, failures);
                }
                return failures;
            } finally {
                control.execute("ROLLBACK TO SAVEPOINT " + OUTER);
                control.execute("RELEASE SAVEPOINT " + OUTER);
            }
        } finally {
            if (autoCommit) {
                // The transaction was ours: end it, whatever happened, before giving the connection back.
                try {
                    connection.rollback();
                } finally {
                    connection.setAutoCommit(true);
                }
            }
            sequences.restore(connection);
        }
    }

    private static void runOne(Connection connection, Statement control, OldQuery query, List<OldQueryFailure> out)
            throws SQLException {
        control.execute("SAVEPOINT " + EACH);
        boolean prepared = false;
        try {
            if (query.prepareOnly() || !query.params().isEmpty()) {
                control.execute("PREPARE " + PREPARED + " AS " + query.sql());
                prepared = true;
                if (!query.prepareOnly()) {
                    drain(connection, "EXECUTE " + PREPARED + "(" + String.join(", ", query.params()) + ")");
                }
            } else {
                drain(connection, query.sql());
            }
        } catch (SQLException e) {
            if (e.getSQLState() == null) throw e; // not the server refusing the query: the check itself is broken
            out.add(failure(query, e));
        } finally {
            control.execute("ROLLBACK TO SAVEPOINT " + EACH);
            // Prepared statements belong to the session, not the transaction: a rollback keeps them.
            if (prepared) control.execute("DEALLOCATE " + PREPARED);
        }
    }

    /** Runs the statement to its end, reading every row: errors raised by later rows must show too. */
    private static void drain(Connection connection, String sql) throws SQLException {
        try (Statement statement = unprepared(connection.createStatement())) {
            statement.setFetchSize(FETCH_SIZE);
            boolean rows = statement.execute(sql);
            while (rows || statement.getUpdateCount() != -1) {
                if (rows) {
                    try (ResultSet result = statement.getResultSet()) {
                        while (result.next()) {
                            // dropped: only whether the old code's query works matters
                        }
                    }
                }
                rows = statement.getMoreResults();
            }
        }
    }

    /**
     * Keeps the driver from preparing the statement on the server after a few uses: the check runs the same texts
     * again after each migration, so nothing of it should stay prepared in the session, nor a plan made before a
     * migration be reused after it.
     */
    static <S extends Statement> S unprepared(S statement) throws SQLException {
        if (statement.isWrapperFor(PGStatement.class)) statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        return statement;
    }

    private static OldQueryFailure failure(OldQuery query, SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        if (server == null) return new OldQueryFailure(query, e.getSQLState(), e.getMessage());
        StringBuilder message = new StringBuilder(server.getMessage());
        if (server.getDetail() != null) message.append(" (detail: ").append(server.getDetail()).append(')');
        if (server.getHint() != null) message.append(" (hint: ").append(server.getHint()).append(')');
        return new OldQueryFailure(query, e.getSQLState(), message.toString());
    }
}
