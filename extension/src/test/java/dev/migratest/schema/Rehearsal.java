package dev.migratest.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Runs setup, snapshot S0, up, snapshot S1, down, snapshot S2 on a fresh database, as the harness does: through a
 * {@link SchemaTracker} in VERIFY mode, so every aspect is also proof that the incremental re-read misses nothing.
 */
final class Rehearsal {

    private final TestPostgres postgres;

    Rehearsal(TestPostgres postgres) {
        this.postgres = postgres;
    }

    /** The diff S0 → S2 (down against before up), after checking that the up changed something. */
    List<String> downVsBefore(String setup, String up, String down) throws SQLException {
        return downVsBefore(setup, up, down, ColumnOrder.STRICT);
    }

    List<String> downVsBefore(String setup, String up, String down, ColumnOrder order) throws SQLException {
        try (Connection connection = postgres.freshDatabase()) {
            SchemaTracker tracker = SchemaTracker.start(connection, SnapshotMode.VERIFY);
            assertThat(tracker.mode()).isEqualTo(SnapshotMode.VERIFY);
            execute(connection, setup);
            SchemaSnapshot before = tracker.snapshot(connection);
            execute(connection, up);
            SchemaSnapshot afterUp = tracker.snapshot(connection);
            assertThat(SchemaDiff.between(before, afterUp, order)).as("what the up changed").isNotEmpty();
            execute(connection, down);
            return SchemaDiff.between(before, tracker.snapshot(connection), order);
        }
    }

    /** Runs a script as one batch (one implicit transaction), or nothing when it is blank. */
    static void execute(Connection connection, String script) throws SQLException {
        if (script.isBlank()) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(script);
        }
    }
}
