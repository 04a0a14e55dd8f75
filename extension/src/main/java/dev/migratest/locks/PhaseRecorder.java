package dev.migratest.locks;

import java.sql.SQLException;

/**
 * Traces one phase while the runner executes it. The runner calls {@link #statementStarting} and
 * {@link #statementFinished} around each statement and {@link #finish} once COMMIT (or ROLLBACK) has returned, since
 * a transaction's locks are held until then.
 */
public interface PhaseRecorder {

    void statementStarting() throws SQLException;

    void statementFinished(boolean succeeded) throws SQLException;

    PhaseTrace finish() throws SQLException;

    /** For runs without tracing: statements get no trace. */
    PhaseRecorder NONE = new PhaseRecorder() {
        @Override
        public void statementStarting() {
        }

        @Override
        public void statementFinished(boolean succeeded) {
        }

        @Override
        public PhaseTrace finish() {
            return null;
        }
    };
}
