package dev.migratest.faults;

import dev.migratest.migration.Layout;
import dev.migratest.migration.Migration;
import dev.migratest.migration.MigrationLoader;
import dev.migratest.postgres.EmbeddedProvider;
import dev.migratest.postgres.ExternalProvider;
import dev.migratest.postgres.ExternalServerException;
import dev.migratest.postgres.PostgresServer;
import dev.migratest.postgres.WaitLimits;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.DataVolume;
import dev.migratest.runner.HistoryRehearsal;
import dev.migratest.runner.Outcome;
import dev.migratest.schema.ColumnOrder;
import dev.migratest.schema.SnapshotMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A server that stops answering (SIGSTOP: what a paused VM, a swapped-out host or a dead network path looks like to a
 * client) while migratest itself waits for it — at login, in its own reads between phases, on a bounded connection
 * like the lock observer's. Each wait ends within its limit ({@link WaitLimits}) with a message that says the server
 * did not answer; the migration statement's own bound is {@link FrozenBackendIT}'s.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FrozenServerIT {
    /** Scheduling on a busy 2-core machine; generous, since what is proven is "ends", not "ends fast". */
    private static final long SLACK_MS = 20_000;

    @TempDir
    Path dir;

    @Test
    void aFrozenServerFailsTheLoginWithinTheLoginLimit() throws Exception {
        try (PostgresServer server = new EmbeddedProvider().start()) {
            PostgresProcesses processes = PostgresProcesses.of(server);
            long postmaster = processes.postmaster().pid();
            ExternalProvider external = new ExternalProvider(server.address().jdbcUrl("postgres"),
                    server.address().user(), null);
            PostgresProcesses.signal("STOP", postmaster);
            long start = System.nanoTime();
            ExternalServerException refused;
            try {
                refused = catchThrowableOfType(ExternalServerException.class, external::start);
            } finally {
                PostgresProcesses.signal("CONT", postmaster);
            }
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(refused).as("a login to a frozen server").isNotNull();
            assertThat(refused.getMessage())
                    .startsWith("the external PostgreSQL server at " + server.address().printableUrl("postgres")
                            + " did not answer: ")
                    .contains("did not complete the login within 30 s (or the URL's loginTimeout)")
                    .contains("(SQLSTATE 08001)")
                    .contains("Fix: check that the server at that address is up and not stopped");
            assertThat(elapsedMs).isBetween(WaitLimits.LOGIN.toMillis() - 1_000, WaitLimits.LOGIN.toMillis() + SLACK_MS);
            assertThat(query(server, "SELECT 1")).as("the thawed server answers again").isEqualTo("1");
        }
    }

    @Test
    void migratestsOwnReadOnAFrozenBackendEndsWithinTheReplyLimitAndTheNextMigrationRunsOnAFreshDatabase()
            throws Exception {
        Files.writeString(dir.resolve("V1__t.sql"), "CREATE TABLE t (id int PRIMARY KEY, v text);\n"
                + "INSERT INTO t SELECT g, 'row ' || g FROM generate_series(1, 100) g;\n");
        Files.writeString(dir.resolve("U1__t.sql"), "DROP TABLE t;\n");
        Files.writeString(dir.resolve("V2__c.sql"), "ALTER TABLE t ADD COLUMN c int;\n");
        Files.writeString(dir.resolve("U2__c.sql"), "ALTER TABLE t DROP COLUMN c;\n");
        Files.writeString(dir.resolve("V3__d.sql"), "ALTER TABLE t ADD COLUMN d int;\n");
        Files.writeString(dir.resolve("U3__d.sql"), "ALTER TABLE t DROP COLUMN d;\n");
        List<Migration> migrations = MigrationLoader.load(dir, Layout.FLYWAY, false).migrations();
        Duration limit = Duration.ofSeconds(1);
        Duration replyLimit = WaitLimits.replyLimit(limit);
        assertThat(replyLimit).isEqualTo(Duration.ofSeconds(11));

        try (PostgresServer server = new EmbeddedProvider().start()) {
            PostgresProcesses processes = PostgresProcesses.of(server);
            try (HistoryRehearsal rehearsal = new HistoryRehearsal(server, "frozen_reads", migrations,
                    ColumnOrder.STRICT, false, SnapshotMode.INCREMENTAL).withStatementLimit(limit)) {
                assertThat(rehearsal.rehearse(0).outcome()).isEqualTo(Outcome.PASSED);
                String database = Scratch.database(server, "frozen_reads");
                // Between two migrations the rehearsal's sessions are idle: the next thing sent to them is
                // migratest's own (a reset, a catalog snapshot), never a migration's statement.
                List<Long> backends = backendsOf(server, database);
                assertThat(backends).as("the migrating and the observer session").hasSize(2);
                for (long pid : backends) PostgresProcesses.signal("STOP", pid);
                long start = System.nanoTime();
                CycleResult stuck;
                try {
                    stuck = rehearsal.rehearse(1);
                } finally {
                    for (long pid : backends) PostgresProcesses.signal("CONT", pid);
                }
                long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

                assertThat(stuck.outcome()).isEqualTo(Outcome.FAILED);
                assertThat(stuck.failure()).startsWith("2 c: ")
                        .contains("08006")
                        .contains("migratest waited for the server's answer longer than its reply limit (the statement"
                                + " limit migratest.statementLimitMs plus 5 s and a margin; 60 s for the lock observer)"
                                + " and closed the connection: the server is frozen or unreachable");
                assertThat(elapsedMs).isBetween(replyLimit.toMillis() - 1_000, replyLimit.toMillis() + SLACK_MS);

                CycleResult next = rehearsal.rehearse(2);
                assertThat(next.outcome()).as(next.failure()).isEqualTo(Outcome.PASSED);
            }
            assertThat(Scratch.databases(server)).isEmpty();
            server.close();
            processes.assertAllGoneWithin(Duration.ofSeconds(10));
        }
    }

    @Test
    void aDataLoadIntoAFrozenServerEndsWithinTheReplyLimit() throws Exception {
        // Wide rows and a large volume: COPY must outrun what the kernel buffers for a server that stopped reading.
        Files.writeString(dir.resolve("V1__t.sql"), "CREATE TABLE t (id bigint PRIMARY KEY, a text, b text, c text);\n");
        Files.writeString(dir.resolve("U1__t.sql"), "DROP TABLE t;\n");
        Files.writeString(dir.resolve("V2__x.sql"), "ALTER TABLE t ADD COLUMN x int;\n");
        Files.writeString(dir.resolve("U2__x.sql"), "ALTER TABLE t DROP COLUMN x;\n");
        List<Migration> migrations = MigrationLoader.load(dir, Layout.FLYWAY, false).migrations();
        Duration limit = Duration.ofSeconds(1);
        DataVolume volume = new DataVolume(2_000_000, Map.of(), Map.of(), 1, false);

        try (PostgresServer server = new EmbeddedProvider().start()) {
            PostgresProcesses processes = PostgresProcesses.of(server);
            try (HistoryRehearsal rehearsal = new HistoryRehearsal(server, "frozen_load", migrations,
                    ColumnOrder.STRICT, false, SnapshotMode.INCREMENTAL, volume).withStatementLimit(limit)) {
                // V1 creates the table on an empty database: its rows are loaded before V2, as the app's would be.
                assertThat(rehearsal.rehearse(0).outcome()).isEqualTo(Outcome.PASSED);
                String database = Scratch.database(server, "frozen_load");
                CompletableFuture<Long> freezer = CompletableFuture.supplyAsync(() -> PostgresProcesses.freezeBackendRunning(
                        server, database, "COPY %t%FROM STDIN%", Duration.ofSeconds(20)));
                long start = System.nanoTime();
                CycleResult stuck;
                long frozen = 0;
                try {
                    stuck = rehearsal.rehearse(1);
                } finally {
                    frozen = freezer.get(30, TimeUnit.SECONDS);
                    PostgresProcesses.signal("CONT", frozen);
                }
                long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

                assertThat(stuck.outcome()).isEqualTo(Outcome.FAILED);
                assertThat(stuck.failure()).startsWith("2 x: the data for its rehearsal could not be loaded before UP:")
                        .contains("COPY stopped: PostgreSQL took no rows for 11 s (the connection's network timeout),"
                                + " so the server stopped reading: it is frozen or unreachable; the connection was"
                                + " closed to end the blocked write");
                assertThat(elapsedMs).isLessThan(WaitLimits.replyLimit(limit).toMillis() + SLACK_MS);
            }
            assertThat(Scratch.databases(server)).isEmpty();
            server.close();
            processes.assertAllGoneWithin(Duration.ofSeconds(10));
        }
    }

    @Test
    void aConnectionWithTheObserversBoundGivesUpOnAFrozenBackend() throws Exception {
        Duration bound = Duration.ofSeconds(2);
        try (PostgresServer server = new EmbeddedProvider().start();
             Connection bounded = WaitLimits.bound(server.address().connect("postgres"), server.address(), bound)) {
            long backend = bounded.unwrap(org.postgresql.PGConnection.class).getBackendPID();
            PostgresProcesses.signal("STOP", backend);
            long start = System.nanoTime();
            SQLException unanswered;
            try {
                unanswered = catchThrowableOfType(SQLException.class, () -> query(bounded, "SELECT 1"));
            } finally {
                PostgresProcesses.signal("CONT", backend);
            }
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat((Throwable) unanswered).as("a read from a frozen backend").isNotNull();
            assertThat(unanswered.getSQLState()).isEqualTo("08006");
            assertThat(WaitLimits.explain(unanswered)).get().asString().contains("the server is frozen or unreachable");
            assertThat(elapsedMs).isBetween(bound.toMillis() - 500, bound.toMillis() + SLACK_MS);
            assertThat(bounded.isClosed()).as("pgjdbc closes a connection whose read timed out").isTrue();
        }
    }

    /** The sessions of migratest's own in {@code database}, the one asking left out. */
    private static List<Long> backendsOf(PostgresServer server, String database) throws SQLException {
        List<Long> pids = new ArrayList<>();
        try (Connection c = server.address().connect(database); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                     + " AND pid <> pg_backend_pid() AND backend_type = 'client backend' ORDER BY pid")) {
            while (rs.next()) pids.add(rs.getLong(1));
        }
        return pids;
    }

    private static String query(PostgresServer server, String sql) throws SQLException {
        try (Connection c = server.address().connect("postgres")) {
            return query(c, sql);
        }
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
