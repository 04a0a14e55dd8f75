package dev.migratest.locks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rehearses the lock-queue outage on purpose: a blocker session holds ACCESS SHARE on the tables UP will lock ACCESS
 * EXCLUSIVE (a long report query, an idle-in-transaction client), readers keep querying them, and UP starts. Either
 * UP's {@code lock_timeout} makes it give up quickly, or it waits — and every reader that arrives after it waits too.
 * The worst reader stall is measured, not estimated.
 */
public final class LockQueueCheck {
    /** A reader gives up after this: the check must end even when something else goes wrong. */
    private static final Duration READER_STATEMENT_TIMEOUT = Duration.ofSeconds(60);
    private static final int READERS = 2;
    private static final Duration HEAD_START = Duration.ofMillis(50);

    /** Runs UP on the migrating connection; returns the SQLSTATE and message it failed with, or {@code null}. */
    @FunctionalInterface
    public interface Migration {
        String run() throws SQLException;
    }

    private final Tracing.Connector connector;
    private final Duration blockerHold;

    public LockQueueCheck(Tracing.Connector connector, Duration blockerHold) {
        this.connector = connector;
        this.blockerHold = blockerHold;
    }

    public LockQueueResult run(List<String> tables, Migration migration) throws SQLException {
        List<String> quoted = quote(tables);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong worstNanos = new AtomicLong();
        AtomicInteger queries = new AtomicInteger();
        List<Thread> readers = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        try (Connection blocker = connector.connect()) {
            blocker.setAutoCommit(false);
            try (Statement statement = blocker.createStatement()) {
                for (String table : quoted) statement.execute("SELECT 1 FROM " + table + " LIMIT 1");
            }
            long blockerStart = System.nanoTime();
            for (int i = 0; i < READERS; i++) {
                Connection reader = connector.connect();
                connections.add(reader);
                Thread thread = new Thread(() -> read(reader, quoted, stop, worstNanos, queries), "migratest-queue-reader");
                thread.setDaemon(true);
                readers.add(thread);
                thread.start();
            }
            CountDownLatch released = new CountDownLatch(1);
            Thread release = new Thread(() -> {
                sleep(blockerHold);
                try {
                    blocker.rollback();
                } catch (SQLException ignored) {
                    // the connection closes below either way; its transaction ends with it
                }
                released.countDown();
            }, "migratest-queue-blocker");
            release.setDaemon(true);
            sleep(HEAD_START);
            release.start();
            long migrationStart = System.nanoTime();
            String error = migration.run();
            double migrationMs = (System.nanoTime() - migrationStart) / 1e6;
            awaitQuietly(released);
            double blockerHeldMs = (System.nanoTime() - blockerStart) / 1e6;
            sleep(HEAD_START);
            stop.set(true);
            for (Thread reader : readers) join(reader);
            double worstMs = worstNanos.get() / 1e6;
            return new LockQueueResult(tables, Math.min(blockerHeldMs, blockerHold.toNanos() / 1e6), worstMs,
                    queries.get(), verdict(error, worstMs), migrationMs, error);
        } finally {
            stop.set(true);
            for (Connection c : connections) c.close();
        }
    }

    /** A stall of a fifth of the blocker's hold is far beyond any normal query on these tables: that is queueing. */
    private LockQueueResult.Verdict verdict(String error, double worstMs) {
        if (error != null && (error.startsWith(BlockingProbe.LOCK_NOT_AVAILABLE) || error.startsWith("57014"))) {
            return LockQueueResult.Verdict.FAILED_FAST;
        }
        return worstMs > blockerHold.toMillis() / 5.0 ? LockQueueResult.Verdict.MADE_READERS_WAIT
                : LockQueueResult.Verdict.READERS_UNAFFECTED;
    }

    private static void read(Connection connection, List<String> tables, AtomicBoolean stop, AtomicLong worstNanos,
                             AtomicInteger queries) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET statement_timeout = '" + READER_STATEMENT_TIMEOUT.toMillis() + "ms'");
            while (!stop.get()) {
                for (String table : tables) {
                    long start = System.nanoTime();
                    try (ResultSet rs = statement.executeQuery("SELECT 1 FROM " + table + " LIMIT 1")) {
                        while (rs.next()) {
                            // drain
                        }
                    } catch (SQLException e) {
                        // the table may be gone once UP committed a DROP: readers of it stop, the stall so far stands
                        return;
                    }
                    worstNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
                    queries.incrementAndGet();
                }
                sleep(Duration.ofMillis(5));
            }
        } catch (SQLException e) {
            // a reader that cannot even start reports nothing; the others still measure
        }
    }

    /** {@code schema.table} as an identifier the SQL can use, whatever characters the names contain. */
    private List<String> quote(List<String> tables) throws SQLException {
        List<String> quoted = new ArrayList<>();
        try (Connection connection = connector.connect();
             PreparedStatement lookup = connection.prepareStatement("select format('%I.%I', n.nspname, c.relname)"
                     + " from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname || '.' || c.relname = ?")) {
            for (String table : tables) {
                lookup.setString(1, table);
                try (ResultSet rs = lookup.executeQuery()) {
                    if (rs.next()) quoted.add(rs.getString(1));
                }
            }
        }
        return quoted;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(70));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
