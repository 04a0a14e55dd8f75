package dev.migratest.faults;

import dev.migratest.migration.Layout;
import dev.migratest.migration.MigrationLoader;
import dev.migratest.postgres.EmbeddedProvider;
import dev.migratest.postgres.PostgresServer;
import dev.migratest.runner.HistoryRehearsal;
import dev.migratest.schema.ColumnOrder;
import dev.migratest.schema.SnapshotMode;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run to be killed: starts an embedded server (data directory under {@code args[0]}), says where it listens, then
 * rehearses a migration that sleeps in Postgres for ten minutes. {@link JvmKilledIT} kills this JVM with SIGKILL.
 */
public final class RehearsalChild {

    private RehearsalChild() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty(EmbeddedProvider.DATA_DIR_PROPERTY, args[0]);
        // Beside the data directories, in the test's temporary folder: nothing of this run outlives the test.
        Path migrations = Files.createDirectories(Path.of(args[0], "child-migrations"));
        Files.writeString(migrations.resolve("V1__sleep.sql"), "SELECT pg_sleep(600);\n");
        Files.writeString(migrations.resolve("U1__sleep.sql"), "SELECT 1;\n");
        PostgresServer server = new EmbeddedProvider().start();
        System.out.println("LISTENING " + server.address().jdbcUrl("postgres"));
        System.out.flush();
        try (HistoryRehearsal rehearsal = new HistoryRehearsal(server, "child",
                MigrationLoader.load(migrations, Layout.FLYWAY, false).migrations(), ColumnOrder.STRICT, false,
                SnapshotMode.INCREMENTAL)) {
            rehearsal.rehearse(0);
        }
    }
}
