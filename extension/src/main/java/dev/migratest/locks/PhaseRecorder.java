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

    /** A phase that cannot be traced, for {@code reason}: each statement gets no trace, the phase says why. */
    static PhaseRecorder incomplete(String reason) {
        java.util.List<StatementTrace> none = new java.util.ArrayList<>();
        return new PhaseRecorder() {
            @Override
            public void statementStarting() {
            }

            @Override
            public void statementFinished(boolean succeeded) {
                none.add(null);
            }

            @Override
            public PhaseTrace finish() {
                return new PhaseTrace(none, reason);
            }
        };
    }

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
