package dev.migratest.locks;

import dev.migratest.migration.Layout;
import dev.migratest.migration.MigrationLoader;
import dev.migratest.postgres.PostgresServer;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.HistoryRehearsal;
import dev.migratest.schema.ColumnOrder;
import dev.migratest.schema.SnapshotMode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A two-step Flyway history on a real Postgres: V1 builds the tables and fills them with plain SQL, V2 is the
 * migration under test. Returns V2's rehearsal, traced as the harness traces it.
 */
final class TracedHistory {
    private final PostgresServer server;
    private final Path dir;
    private java.time.Duration lockQueueBlockerHold;

    TracedHistory(PostgresServer server, Path dir) {
        this.server = server;
        this.dir = dir;
    }

    /** Also runs the lock-queue check with a blocker holding its lock this long. */
    TracedHistory withLockQueueCheck(java.time.Duration blockerHold) {
        this.lockQueueBlockerHold = blockerHold;
        return this;
    }

    CycleResult rehearse(String setup, String up, String down) throws IOException, java.sql.SQLException {
        write("V1__setup.sql", setup);
        write("V2__under_test.sql", up);
        write("U2__under_test.sql", down);
        // The setup is forward-only: it runs once, is reported skipped, and the history goes on from it.
        var migrations = MigrationLoader.load(dir, Layout.FLYWAY, true).migrations();
        List<CycleResult> results = new ArrayList<>();
        try (HistoryRehearsal rehearsal = new HistoryRehearsal(server, "trace", migrations, ColumnOrder.IGNORE, false,
                SnapshotMode.INCREMENTAL)) {
            if (lockQueueBlockerHold != null) rehearsal.withLockQueueCheck(lockQueueBlockerHold);
            for (int i = 0; i < migrations.size(); i++) results.add(rehearsal.rehearse(i));
        }
        return results.get(1);
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
