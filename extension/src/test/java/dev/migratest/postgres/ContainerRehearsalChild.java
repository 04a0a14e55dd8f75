package dev.migratest.postgres;

import dev.migratest.migration.Layout;
import dev.migratest.migration.MigrationLoader;
import dev.migratest.runner.HistoryRehearsal;
import dev.migratest.schema.ColumnOrder;
import dev.migratest.schema.SnapshotMode;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run to be killed: starts Postgres through the container provider, says where it listens, then rehearses a
 * migration that sleeps in Postgres for ten minutes. {@link ContainerJvmKilledIT} kills this JVM with SIGKILL; its
 * migrations live in the test's temporary folder ({@code args[0]}).
 */
public final class ContainerRehearsalChild {
    static final String LISTENING = "LISTENING ";

    private ContainerRehearsalChild() {
    }

    public static void main(String[] args) throws Exception {
        Path migrations = Files.createDirectories(Path.of(args[0], "child-migrations"));
        Files.writeString(migrations.resolve("V1__sleep.sql"), "SELECT pg_sleep(600);\n");
        Files.writeString(migrations.resolve("U1__sleep.sql"), "SELECT 1;\n");
        PostgresServer server = new ContainerProvider(PostgresRequest.ANY, false).start();
        System.out.println(LISTENING + server.address().jdbcUrl("postgres"));
        System.out.flush();
        try (HistoryRehearsal rehearsal = new HistoryRehearsal(server, "child",
                MigrationLoader.load(migrations, Layout.FLYWAY, false).migrations(), ColumnOrder.STRICT, false,
                SnapshotMode.INCREMENTAL)) {
            rehearsal.rehearse(0);
        }
    }
}
