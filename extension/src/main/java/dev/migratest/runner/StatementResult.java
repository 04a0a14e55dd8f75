package dev.migratest.runner;

import dev.migratest.locks.StatementTrace;

/**
 * What one statement did.
 *
 * @param line       1-based line of the statement in its file
 * @param sql        the statement as written
 * @param startMs    when it began, in ms from the start of its phase
 * @param durationMs wall time of the statement as the migrating connection saw it
 * @param trace      its locks, rewrites, scans and blocking; {@code null} when the phase ran untraced or the statement's
 *                   effects could not be read (it failed and took its transaction with it)
 */
public record StatementResult(int line, String sql, double startMs, double durationMs, StatementTrace trace) {

    public StatementResult(int line, String sql, double durationMs) {
        this(line, sql, 0, durationMs, null);
    }

    public boolean traced() {
        return trace != null;
    }
}
