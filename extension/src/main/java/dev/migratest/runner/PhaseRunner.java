package dev.migratest.runner;

import dev.migratest.locks.Tracing;
import dev.migratest.migration.Script;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One phase of one migration, on its own: the statements run and are traced exactly as in a rehearsal, without the
 * snapshots and comparisons around them. For benchmarks that measure a migration at several volumes.
 */
public final class PhaseRunner {

    private PhaseRunner() {
    }

    /** {@code tracing} {@code null}: untraced. */
    public static PhaseResult run(Phase phase, Script script, Connection connection, Tracing tracing)
            throws SQLException {
        return new ScriptExecutor().run(phase, script, connection, tracing);
    }
}
