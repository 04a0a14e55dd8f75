package dev.migratest.junit;

/**
 * A failed rehearsal or unreadable migrations, reported as a test failure. The message says everything (phase,
 * file, line, Postgres error or schema differences); a stack trace into the harness would only add noise.
 */
final class MigrationFailure extends AssertionError {
    private static final long serialVersionUID = 1L;

    MigrationFailure(String message) {
        super(message);
        setStackTrace(new StackTraceElement[0]);
    }
}
