package dev.migratest.datagen;

import org.postgresql.PGConnection;

import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@code COPY … FROM STDIN} that cannot hang on a server that stopped reading. A frozen server (a paused VM, a stopped
 * process, a dead network path) still lets the kernel buffer a few megabytes; then the driver's socket write blocks,
 * and no read timeout ends a write. The rows stream shows progress: pgjdbc reads the next rows only once the last ones
 * were written. When it has not read for as long as the connection's own network timeout (what the connection's owner
 * decided is "no answer"), the connection is closed, which ends the blocked write with an error. A connection without
 * a network timeout gets a plain COPY: its owner chose to wait forever.
 */
final class WatchedCopy {
    private static final int BUFFER = 64 * 1024;
    private static final long CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private WatchedCopy() {
    }

    /** Runs {@code copySql} with {@code rows} (bytes) as its input on {@code c}; the rows COPY reported. */
    static long copyIn(Connection c, String copySql, InputStream rows) throws SQLException, IOException {
        return watched(c, watch -> c.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql,
                watch == null ? rows : watch.counting(rows), BUFFER));
    }

    /** Runs {@code copySql} with {@code rows} (text) as its input on {@code c}; the rows COPY reported. */
    static long copyIn(Connection c, String copySql, Reader rows) throws SQLException, IOException {
        return watched(c, watch -> c.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql,
                watch == null ? rows : watch.counting(rows), BUFFER));
    }

    private static long watched(Connection c, Copy copy) throws SQLException, IOException {
        int timeoutMs = c.getNetworkTimeout();
        if (timeoutMs <= 0) return copy.run(null);
        Watch watch = new Watch(c, TimeUnit.MILLISECONDS.toNanos(timeoutMs));
        try {
            return copy.run(watch);
        } catch (SQLException | IOException e) {
            if (!watch.stop()) throw e;
            throw new SQLException("COPY stopped: PostgreSQL took no rows for " + seconds(timeoutMs) + " (the"
                    + " connection's network timeout), so the server stopped reading: it is frozen or unreachable;"
                    + " the connection was closed to end the blocked write", "08006", e);
        } finally {
            watch.stop();
        }
    }

    private static String seconds(int millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    @FunctionalInterface
    private interface Read {
        int run() throws IOException;
    }

    @FunctionalInterface
    private interface Copy {
        /** {@code watch} is null when nothing is watched. */
        long run(Watch watch) throws SQLException, IOException;
    }

    /** The time of the last read, and the thread that closes the connection when it gets too old. */
    private static final class Watch {
        private final Connection connection;
        private final long limitNanos;
        private final Thread thread;
        private volatile long lastRead = System.nanoTime();
        private volatile boolean reading;
        private volatile boolean done;
        private volatile boolean fired;

        Watch(Connection connection, long limitNanos) {
            this.connection = connection;
            this.limitNanos = limitNanos;
            this.thread = new Thread(this::run, "migratest-datagen-copy-watch");
            thread.setDaemon(true);
            thread.start();
        }

        Reader counting(Reader rows) {
            return new FilterReader(rows) {
                @Override
                public int read() throws IOException {
                    return timed(super::read);
                }

                @Override
                public int read(char[] b, int off, int len) throws IOException {
                    return timed(() -> super.read(b, off, len));
                }
            };
        }

        InputStream counting(InputStream rows) {
            return new FilterInputStream(rows) {
                @Override
                public int read() throws IOException {
                    return timed(super::read);
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return timed(() -> super.read(b, off, len));
                }
            };
        }

        /**
         * One read of the rows. Time spent rendering rows inside it is ours, not the server's: the clock only runs
         * between reads, and restarts when one returns.
         */
        private int timed(Read read) throws IOException {
            reading = true;
            try {
                // Also after the last rows: the final flush can block like any write. Waiting for the answer is
                // bounded by the same network timeout as a read, so slow triggers at the end cost no earlier failure.
                return read.run();
            } finally {
                lastRead = System.nanoTime();
                reading = false;
            }
        }

        private void run() {
            while (!done) {
                LockSupport.parkNanos(CHECK_NANOS);
                if (!done && !reading && System.nanoTime() - lastRead > limitNanos) {
                    fired = true;
                    try {
                        connection.abort(Runnable::run);
                    } catch (SQLException alreadyClosed) {
                        // the write has ended either way
                    }
                    return;
                }
            }
        }

        /** Ends the watch; whether it had closed the connection. */
        boolean stop() {
            done = true;
            LockSupport.unpark(thread);
            return fired;
        }
    }
}
