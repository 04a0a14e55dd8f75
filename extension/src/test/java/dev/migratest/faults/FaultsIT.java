package dev.migratest.faults;

import dev.migratest.migration.Layout;
import dev.migratest.migration.Migration;
import dev.migratest.migration.MigrationLoader;
import dev.migratest.postgres.EmbeddedProvider;
import dev.migratest.postgres.PostgresServer;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.HistoryRehearsal;
import dev.migratest.runner.Outcome;
import dev.migratest.runner.Phase;
import dev.migratest.runner.PhaseError;
import dev.migratest.runner.PhaseResult;
import dev.migratest.schema.ColumnOrder;
import dev.migratest.schema.SnapshotMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults injected into rehearsals on a real Postgres, and what migratest makes of each: a migration failing half-way
 * (in a transaction and in autocommit), timeouts a migration sets, a lock held elsewhere forever, the observer's
 * connection terminated. Every case asserts the exact words users read, and that no scratch database is left
 * behind; the server's processes are checked when it stops. The server killed mid-phase is {@link ServerKilledIT}'s.
 * Every test is bounded: a fault must never turn into a hang.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FaultsIT {
    private static final String CREATE_T = "CREATE TABLE t (id int PRIMARY KEY);\nINSERT INTO t SELECT generate_series(1, 100);\n";
    /** A Flyway script configuration that runs its script outside a transaction, one statement at a time. */
    private static final String NO_TRANSACTION = "executeInTransaction=false\n";

    private static PostgresServer server;
    private static PostgresProcesses processes;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        server = new EmbeddedProvider().start();
        processes = PostgresProcesses.of(server);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        processes.assertAllGoneWithin(Duration.ofSeconds(10));
    }

    @AfterEach
    void noScratchDatabaseLeftBehind() throws SQLException {
        assertThat(Scratch.databases(server)).isEmpty();
    }

    @Test
    void aTransactionalDownFailingHalfWayIsRolledBackReportedAndTheNextMigrationPasses() throws Exception {
        file("V1__create_t.sql", CREATE_T);
        file("U1__create_t.sql", "DROP TABLE t;\n");
        file("V2__add_a.sql", "ALTER TABLE t ADD COLUMN a int;\nCREATE INDEX t_a_idx ON t (a);\n");
        file("U2__add_a.sql", "DROP INDEX t_a_idx;\nALTER TABLE t DROP COLUMN a;\nSELECT 1 / 0;\n");
        file("V3__add_b.sql", "ALTER TABLE t ADD COLUMN b int;\n");
        file("U3__add_b.sql", "ALTER TABLE t DROP COLUMN b;\n");

        try (HistoryRehearsal rehearsal = rehearsal("half_tx")) {
            assertThat(rehearsal.rehearse(0).outcome()).isEqualTo(Outcome.PASSED);
            CycleResult failed = rehearsal.rehearse(1);

            assertThat(failed.failure()).isEqualTo("2 add_a: DOWN failed at U2__add_a.sql:3: ERROR 22012: division by zero"
                    + "\n  statement: SELECT 1 / 0"
                    + "\n  the phase ran in one transaction and was rolled back");
            assertThat(failed.phase(Phase.DOWN).orElseThrow().error())
                    .extracting(PhaseError::line, PhaseError::sqlState).containsExactly(3, "22012");
            // Rolled back for real: the failed database still holds what UP made, index and column.
            String failedDatabase = Scratch.database(server, "half_tx");
            assertThat(Scratch.query(server, failedDatabase, "SELECT count(*) FROM pg_indexes WHERE indexname = 't_a_idx'"))
                    .isEqualTo("1");
            assertThat(Scratch.query(server, failedDatabase, "SELECT count(*) FROM information_schema.columns"
                    + " WHERE table_name = 't' AND column_name = 'a'")).isEqualTo("1");

            CycleResult next = rehearsal.rehearse(2);

            assertThat(next.outcome()).isEqualTo(Outcome.PASSED);
            assertThat(Scratch.databases(server)).doesNotContain(failedDatabase).hasSize(1);
        }
    }

    @Test
    void anAutocommitDownFailingHalfWayNamesWhatCommittedAndTheDatabaseIsRebuiltForTheNext() throws Exception {
        file("V1__create_t.sql", CREATE_T);
        file("U1__create_t.sql", "DROP TABLE t;\n");
        file("V2__index_t.sql", "CREATE INDEX CONCURRENTLY t_id_idx ON t (id);\nCREATE TABLE audit (id int);\n");
        file("U2__index_t.sql", "DROP INDEX CONCURRENTLY t_id_idx;\nDROP TABLE audit;\nSELECT 1 / 0;\nDROP TABLE never_reached;\n");
        // Flyway refuses a script that mixes statements that can and cannot run in a transaction unless told
        file("V2__index_t.sql.conf", NO_TRANSACTION);
        file("U2__index_t.sql.conf", NO_TRANSACTION);
        // Passes only on a rebuilt database: the failed DOWN had already dropped the index it drops.
        file("V3__drop_index_t.sql", "DROP INDEX CONCURRENTLY t_id_idx;\n");
        file("U3__drop_index_t.sql", "CREATE INDEX CONCURRENTLY t_id_idx ON t (id);\n");

        try (HistoryRehearsal rehearsal = rehearsal("half_auto")) {
            rehearsal.rehearse(0);
            CycleResult failed = rehearsal.rehearse(1);

            assertThat(failed.failure()).isEqualTo("2 index_t: DOWN failed at U2__index_t.sql:3: ERROR 22012: division by zero"
                    + "\n  statement: SELECT 1 / 0"
                    + "\n  the phase ran in autocommit (executeInTransaction=false (U2__index_t.sql.conf line 1)):"
                    + " statements before line 3"
                    + " stay applied:"
                    + "\n    U2__index_t.sql:1: DROP INDEX CONCURRENTLY t_id_idx"
                    + "\n    U2__index_t.sql:2: DROP TABLE audit");
            String failedDatabase = Scratch.database(server, "half_auto");
            assertThat(Scratch.query(server, failedDatabase, "SELECT count(*) FROM pg_class"
                    + " WHERE relname IN ('t_id_idx', 'audit')")).isEqualTo("0");

            CycleResult next = rehearsal.rehearse(2);

            assertThat(next.outcome()).as(next.failure()).isEqualTo(Outcome.PASSED);
            assertThat(Scratch.databases(server)).doesNotContain(failedDatabase);
        }
    }

    @Test
    void aLockTimeoutTheMigrationSetsIsReportedWithSqlstatePhaseAndLine() throws Exception {
        file("V1__create_t.sql", CREATE_T);
        file("U1__create_t.sql", "DROP TABLE t;\n");
        file("V2__add_c.sql", "SET lock_timeout = '200ms';\nALTER TABLE t ADD COLUMN c int;\n");
        file("U2__add_c.sql", "ALTER TABLE t DROP COLUMN c;\n");

        try (HistoryRehearsal rehearsal = rehearsal("lock_timeout")) {
            rehearsal.rehearse(0);
            CycleResult failed;
            try (Connection holder = Scratch.holdLock(server, Scratch.database(server, "lock_timeout"), "ACCESS SHARE")) {
                failed = rehearsal.rehearse(1);
            }

            assertThat(failed.failure()).isEqualTo("2 add_c: UP failed at V2__add_c.sql:2: ERROR 55P03:"
                    + " canceling statement due to lock timeout"
                    + "\n  statement: ALTER TABLE t ADD COLUMN c int"
                    + "\n  the phase ran in one transaction and was rolled back");
            assertThat(failed.failedPhase()).isEqualTo(Phase.UP);
        }
    }

    @Test
    void aStatementTimeoutHitInAnAutocommitPhaseIsReportedWithSqlstatePhaseAndLine() throws Exception {
        file("V1__create_t.sql", CREATE_T);
        file("U1__create_t.sql", "DROP TABLE t;\n");
        file("V2__index_t.sql", "SET statement_timeout = '300ms';\nCREATE INDEX CONCURRENTLY t_id_idx ON t (id);\n");
        file("V2__index_t.sql.conf", NO_TRANSACTION);
        file("U2__index_t.sql", "DROP INDEX CONCURRENTLY t_id_idx;\n");

        try (HistoryRehearsal rehearsal = rehearsal("statement_timeout")) {
            rehearsal.rehearse(0);
            CycleResult failed;
            // SHARE conflicts with the SHARE UPDATE EXCLUSIVE that CONCURRENTLY asks for.
            try (Connection holder = Scratch.holdLock(server, Scratch.database(server, "statement_timeout"), "SHARE")) {
                failed = rehearsal.rehearse(1);
            }

            assertThat(failed.failure()).isEqualTo("2 index_t: UP failed at V2__index_t.sql:2: ERROR 57014:"
                    + " canceling statement due to statement timeout"
                    + "\n  statement: CREATE INDEX CONCURRENTLY t_id_idx ON t (id)"
                    + "\n  the phase ran in autocommit (executeInTransaction=false (V2__index_t.sql.conf line 1)):"
                    + " statements before line 2"
                    + " stay applied:"
                    + "\n    V2__index_t.sql:1: SET statement_timeout = '300ms'");
            assertThat(failed.phase(Phase.UP).orElseThrow().traceIncomplete()).isNull();
        }
    }

    @Test
    void aMigrationWaitingForALockHeldElsewhereIsCancelledAtTheStatementLimitNotLeftHanging() throws Exception {
        file("V1__create_t.sql", CREATE_T);
        file("U1__create_t.sql", "DROP TABLE t;\n");
        file("V2__add_d.sql", "ALTER TABLE t ADD COLUMN d int;\n");
        file("U2__add_d.sql", "ALTER TABLE t DROP COLUMN d;\n");
        Duration limit = Duration.ofSeconds(1);

        try (HistoryRehearsal rehearsal = rehearsal("waits").withStatementLimit(limit)) {
            rehearsal.rehearse(0);
            CycleResult failed;
            long elapsedMs;
            try (Connection holder = Scratch.holdLock(server, Scratch.database(server, "waits"), "ACCESS SHARE")) {
                long start = System.nanoTime();
                failed = rehearsal.rehearse(1);
                elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                // The holder is someone else's session: migratest cancels its own statement, never the holder.
                assertThat(holder.isValid(1)).isTrue();
                assertThat(Scratch.query(holder, "SELECT count(*) FROM pg_locks WHERE pid = pg_backend_pid()"
                        + " AND relation = 't'::regclass AND mode = 'AccessShareLock'")).isEqualTo("1");
            }

            assertThat(failed.failure()).isEqualTo("2 add_d: UP failed at V2__add_d.sql:1: ERROR 57014:"
                    + " canceling statement due to user request: migratest cancelled it after 1000 ms, the limit for one"
                    + " statement (migratest.statementLimitMs): it was waiting for a lock another session held, or ran"
                    + " longer than a rehearsal allows"
                    + "\n  statement: ALTER TABLE t ADD COLUMN d int"
                    + "\n  the phase ran in one transaction and was rolled back");
            // The bound: the limit, plus a rehearsal's own work (snapshots, tracing) around it.
            assertThat(elapsedMs).isBetween(limit.toMillis(), limit.toMillis() + 5_000);
        }
    }

    @Test
    void theObserverTerminatedByTheMigrationMarksTheTraceIncompleteAndLeavesTheVerdictAlone() throws Exception {
        file("V1__create_t.sql", CREATE_T);
        file("U1__create_t.sql", "DROP TABLE t;\n");
        file("V2__add_e.sql", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE application_name = 'migratest observer' AND datname = current_database();\n"
                + "ALTER TABLE t ADD COLUMN e int;\n");
        file("U2__add_e.sql", "ALTER TABLE t DROP COLUMN e;\n");

        try (HistoryRehearsal rehearsal = rehearsal("observer_tx")) {
            rehearsal.rehearse(0);
            CycleResult result = rehearsal.rehearse(1);

            assertThat(result.outcome()).as(result.failure()).isEqualTo(Outcome.PASSED);
            PhaseResult up = result.phase(Phase.UP).orElseThrow();
            assertThat(up.traceIncomplete()).startsWith("reading the locks after statement 2 failed: ");
            // A new observer for the next phase: one phase's trace is lost, not the rest of the cycle's.
            assertThat(result.phase(Phase.DOWN).orElseThrow().traceIncomplete()).isNull();
            assertThat(result.phase(Phase.DOWN).orElseThrow().statements().get(0).traced()).isTrue();
        }
    }

    @Test
    void theObserverTerminatedFromOutsideDuringAnAutocommitStatementMarksThatPhaseIncomplete() throws Exception {
        file("V1__create_t.sql", CREATE_T);
        file("U1__create_t.sql", "DROP TABLE t;\n");
        file("V2__index_t.sql", "CREATE INDEX CONCURRENTLY t_id_idx ON t (id);\nSELECT pg_sleep(0.5);\n"
                + "CREATE INDEX CONCURRENTLY t_id_2_idx ON t (id);\n");
        file("V2__index_t.sql.conf", NO_TRANSACTION);
        file("U2__index_t.sql", "DROP INDEX CONCURRENTLY t_id_2_idx;\nDROP INDEX CONCURRENTLY t_id_idx;\n");

        try (HistoryRehearsal rehearsal = rehearsal("observer_auto")) {
            rehearsal.rehearse(0);
            String database = Scratch.database(server, "observer_auto");
            Thread terminator = new Thread(() -> Scratch.terminateObserverWhileSleeping(server, database));
            terminator.start();
            CycleResult result = rehearsal.rehearse(1);
            terminator.join(10_000);

            assertThat(result.outcome()).as(result.failure()).isEqualTo(Outcome.PASSED);
            assertThat(result.phase(Phase.UP).orElseThrow().traceIncomplete()).startsWith("observing statement 2 failed: ");
            assertThat(result.phase(Phase.DOWN).orElseThrow().traceIncomplete()).isNull();
        }
    }

    private HistoryRehearsal rehearsal(String label) throws IOException {
        List<Migration> migrations = MigrationLoader.load(dir, Layout.FLYWAY, false).migrations();
        return new HistoryRehearsal(server, label, migrations, ColumnOrder.STRICT, false, SnapshotMode.INCREMENTAL);
    }

    private void file(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }
}
