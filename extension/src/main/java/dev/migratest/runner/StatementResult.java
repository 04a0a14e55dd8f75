package dev.migratest.runner;

/**
 * What one statement did.
 *
 * @param line       1-based line of the statement in its file
 * @param sql        the statement as written
 * @param durationMs wall time of the statement as the migrating connection saw it
 */
public record StatementResult(int line, String sql, double durationMs) {
}
