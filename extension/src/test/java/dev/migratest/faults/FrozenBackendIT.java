package dev.migratest.faults;

import dev.migratest.migration.Layout;
import dev.migratest.migration.Migration;
import dev.migratest.migration.MigrationLoader;
import dev.migratest.postgres.EmbeddedProvider;
import dev.migratest.postgres.PostgresServer;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.HistoryRehearsal;
import dev.migratest.runner.Outcome;
import dev.migratest.schema.ColumnOrder;
import dev.migratest.schema.SnapshotMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backend that stops answering (here: SIGSTOP, as a hung VM or a frozen network would look): the statement limit's
 * cancel goes unanswered, so migratest closes the connection, and the rehearsal ends with a clear error instead of
 * reading from a dead socket forever.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FrozenBackendIT {

    @TempDir
    Path dir;

    @Test
    void aFrozenBackendIsCutOffAfterTheCancelGoesUnanswered() throws Exception {
        Files.writeString(dir.resolve("V1__t.sql"), "CREATE TABLE t (id int);\n");
        Files.writeString(dir.resolve("U1__t.sql"), "DROP TABLE t;\n");
        Files.writeString(dir.resolve("V2__sleep.sql"), "SELECT pg_sleep(60);\n");
        Files.writeString(dir.resolve("U2__sleep.sql"), "SELECT 1;\n");
        List<Migration> migrations = MigrationLoader.load(dir, Layout.FLYWAY, false).migrations();
        Duration limit = Duration.ofSeconds(1);

        try (PostgresServer server = new EmbeddedProvider().start()) {
            PostgresProcesses processes = PostgresProcesses.of(server);
            long[] frozen = {0};
            try (HistoryRehearsal rehearsal = new HistoryRehearsal(server, "frozen", migrations, ColumnOrder.STRICT,
                    false, SnapshotMode.INCREMENTAL).withStatementLimit(limit)) {
                rehearsal.rehearse(0);
                String database = Scratch.database(server, "frozen");
                CompletableFuture<Long> stopper = CompletableFuture.supplyAsync(() -> PostgresProcesses.freezeBackendRunning(
                        server, database, "SELECT pg_sleep%", Duration.ofSeconds(10)));
                long start = System.nanoTime();
                CycleResult failed;
                try {
                    failed = rehearsal.rehearse(1);
                } finally {
                    frozen[0] = stopper.get(15, TimeUnit.SECONDS);
                    PostgresProcesses.signal("CONT", frozen[0]);
                }
                long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

                assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
                assertThat(failed.failure()).startsWith("2 sleep: UP failed at V2__sleep.sql:1: ERROR 08")
                        .contains("migratest cancelled the statement after 1000 ms, the limit for one statement"
                                + " (migratest.statementLimitMs), and closed the connection when the backend had not"
                                + " answered the cancel 5 s later: the server is frozen or unreachable");
                // the bound: limit + grace + the rehearsal's own work around them; without the abort this never ends
                assertThat(elapsedMs).isBetween(limit.toMillis() + 5_000, limit.toMillis() + 5_000 + 20_000);
            }
            assertThat(Scratch.databases(server)).isEmpty();
            server.close();
            processes.assertAllGoneWithin(Duration.ofSeconds(10));
        }
    }
}
