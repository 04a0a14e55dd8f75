package dev.migratest.junit;

import org.junit.jupiter.api.Test;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

/** migratest's log records as the one-line console form a user sees instead of java.util.logging's two lines. */
class ConsoleLoggingTest {

    @Test
    void informationIsTheMessageAloneAndWarningsAndErrorsSayWhatTheyAre() {
        assertThat(ConsoleLogging.line(new LogRecord(Level.INFO, "using embedded PostgreSQL 17.11")))
                .isEqualTo("using embedded PostgreSQL 17.11");
        assertThat(ConsoleLogging.line(new LogRecord(Level.WARNING, "could not drop scratch database x")))
                .isEqualTo("WARNING: could not drop scratch database x");
        assertThat(ConsoleLogging.line(new LogRecord(Level.SEVERE, "gone"))).isEqualTo("ERROR: gone");
    }

    @Test
    void parametersAreFilledInAndACauseIsNamed() {
        LogRecord record = new LogRecord(Level.INFO, "kept {0} for {1}");
        record.setParameters(new Object[] {"db_1", "inspection"});
        record.setThrown(new IllegalStateException("boom"));

        assertThat(ConsoleLogging.line(record)).isEqualTo("kept db_1 for inspection (java.lang.IllegalStateException: boom)");
    }
}
