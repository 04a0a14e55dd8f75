package dev.migratest.runner;

import dev.migratest.postgres.WaitLimits;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The longest a migration's statement may run before migratest cancels it: the bound on every wait of a rehearsal,
 * above all a statement queued behind a lock that another session holds and never releases. Set neither
 * {@code statement_timeout} nor {@code lock_timeout}: what the migration itself sets is a finding, and must stay its own.
 * The cancel goes through the driver's cancel request, exactly what a person pressing Ctrl-C in psql sends.
 */
final class StatementLimit {
    /** System property: the limit in ms (default 600000, ten minutes). */
    static final String PROPERTY = WaitLimits.STATEMENT_LIMIT_PROPERTY;
    static final Duration DEFAULT = WaitLimits.DEFAULT_STATEMENT_LIMIT;
    /** How long a cancelled statement may take to return before migratest closes its connection. */
    static final Duration ABORT_GRACE = WaitLimits.CANCEL_GRACE;

    private static final ScheduledExecutorService TIMER = timer();
    /** pgjdbc's cancelSignalTimeout (10 s) and a little more: the longest sending a cancel takes. */
    private static final Duration CANCEL_SEND_BOUND = Duration.ofSeconds(12);

    /**
     * One daemon thread, only while statements are being watched: a cancelled watch leaves the queue at once (else each
     * finished statement would keep a ten-minute task queued), and the thread ends after a second without work, so a
     * finished run leaves no migratest thread behind.
     */
    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "migratest-statement-limit");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        timer.setKeepAliveTime(1, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        return timer;
    }

    private final Duration limit;

    StatementLimit(Duration limit) {
        if (limit.isZero() || limit.isNegative()) {
            throw new IllegalArgumentException("a statement limit must be positive, not " + limit);
        }
        this.limit = limit;
    }

    /** The limit {@value #PROPERTY} sets, else {@link #DEFAULT}. */
    static StatementLimit configured() {
        return new StatementLimit(WaitLimits.configuredStatementLimit());
    }

    Duration limit() {
        return limit;
    }

    /** Starts the clock for {@code statement}, which is about to be executed; close the guard when it returns. */
    Guard watch(Statement statement) {
        return new Guard(statement);
    }

    /** What to add to the I/O error when the backend never answered the cancel and the connection was closed. */
    String abortExplanation() {
        return "migratest cancelled the statement after " + limit.toMillis() + " ms, the limit for one statement ("
                + PROPERTY + "), and closed the connection when the backend had not answered the cancel "
                + ABORT_GRACE.toSeconds() + " s later: the server is frozen or unreachable";
    }

    /** What to add to Postgres' "canceling statement due to user request" when the cancel was ours. */
    String explanation() {
        return "migratest cancelled it after " + limit.toMillis() + " ms, the limit for one statement (" + PROPERTY
                + "): it was waiting for a lock another session held, or ran longer than a rehearsal allows";
    }

    final class Guard implements AutoCloseable {
        private final Statement statement;
        private final ScheduledFuture<?> timer;
        private boolean done;
        private boolean fired;
        private boolean aborted;
        private ScheduledFuture<?> abortTimer;
        private volatile Thread sender;

        private Guard(Statement statement) {
            this.statement = statement;
            this.timer = TIMER.schedule(this::cancel, limit.toMillis(), TimeUnit.MILLISECONDS);
        }

        /**
         * Sends the cancel from a thread of its own: pgjdbc waits for the server to close the cancel connection (up to
         * its cancelSignalTimeout, 10 s), which a frozen postmaster never does. On the timer thread that wait would
         * hold up the abort below and every other statement's limit.
         */
        private void cancel() {
            synchronized (this) {
                if (done) return;
                fired = true;
                abortTimer = TIMER.schedule(this::abort, ABORT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
            sender = new Thread(() -> {
                try {
                    statement.cancel();
                } catch (SQLException e) {
                    // The statement ended on its own meanwhile, or the server is gone: either way nothing waits any more.
                }
            }, "migratest-statement-cancel");
            sender.setDaemon(true);
            sender.start();
        }

        /**
         * A cancel only works if the backend answers it: a frozen backend (stopped, swapping, a hung network) never
         * does, and the driver would read from its socket forever. Closing the connection ends that read with an I/O
         * error, which the phase reports as a lost connection.
         */
        private void abort() {
            synchronized (this) {
                if (done) return;
                aborted = true;
            }
            try {
                statement.getConnection().abort(Runnable::run);
            } catch (SQLException e) {
                // already closed: the read has ended
            }
        }

        /** Whether migratest had to close the connection because the cancel went unanswered. */
        synchronized boolean aborted() {
            return aborted;
        }

        /** Whether the statement was cancelled by migratest. */
        synchronized boolean fired() {
            return fired;
        }

        /**
         * Once this returns no cancel is on its way: it cannot hit the next statement. A cancel already being sent is
         * waited for, as long as pgjdbc itself would wait for it.
         */
        @Override
        public void close() {
            Thread sending;
            synchronized (this) {
                done = true;
                timer.cancel(false);
                if (abortTimer != null) abortTimer.cancel(false);
                sending = sender;
            }
            if (sending == null) return;
            try {
                sending.join(CANCEL_SEND_BOUND.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
