package dev.migratest.faults;

import dev.migratest.locks.Blocking;
import dev.migratest.locks.Tracing;
import dev.migratest.migration.Layout;
import dev.migratest.migration.Migration;
import dev.migratest.migration.MigrationLoader;
import dev.migratest.postgres.EmbeddedProvider;
import dev.migratest.postgres.LogCapture;
import dev.migratest.postgres.PostgresServer;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.HistoryRehearsal;
import dev.migratest.runner.Outcome;
import dev.migratest.runner.Phase;
import dev.migratest.runner.PhaseResult;
import dev.migratest.schema.ColumnOrder;
import dev.migratest.schema.SnapshotMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A migration and migratest's own probe waiting for each other, staged on a real Postgres through the whole rehearsal.
 * The autocommit migration locks every row of {@code t}, waits until the probe's UPDATE waits for one of them (the
 * probe then holds ROW EXCLUSIVE on {@code t}), and asks for ACCESS EXCLUSIVE on {@code t}: a deadlock cycle. Postgres breaks
 * a cycle in the backend whose wait reaches {@code deadlock_timeout} first; the probe's wait must always end before
 * that, or a rehearsal fails a migration that production would have run. Every test is bounded, leaves no scratch
 * database, and the server's processes are checked when it stops.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ProbeDeadlockIT {
    private static final String CREATE_T = "CREATE TABLE t (id int PRIMARY KEY, v int);\n"
            + "INSERT INTO t SELECT g, g FROM generate_series(1, 100) g;\n";
    /** Later than deadlock_timeout after the probe began to wait: its deadlock check has run, and found nothing yet. */
    private static final String AFTER_DEADLOCK_TIMEOUT =
            "extract(epoch FROM current_setting('deadlock_timeout')::interval) + 0.5";

    private static PostgresServer server;
    private static PostgresProcesses processes;
    @TempDir
    Path dir;
    private String probeTimeoutBefore;

    @BeforeAll
    static void start() throws Exception {
        server = new EmbeddedProvider().start();
        processes = PostgresProcesses.of(server);
        // The staging's timings are relative to it; the default is what production servers mostly run with.
        assertThat(Scratch.query(server, "postgres", "SHOW deadlock_timeout")).isEqualTo("1s");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        processes.assertAllGoneWithin(Duration.ofSeconds(10));
    }

    @BeforeEach
    void rememberProbeTimeout() {
        probeTimeoutBefore = System.getProperty(Tracing.PROBE_TIMEOUT_PROPERTY);
    }

    @AfterEach
    void restoreProbeTimeoutAndCheckNoScratchDatabaseIsLeft() throws SQLException {
        if (probeTimeoutBefore == null) System.clearProperty(Tracing.PROBE_TIMEOUT_PROPERTY);
        else System.setProperty(Tracing.PROBE_TIMEOUT_PROPERTY, probeTimeoutBefore);
        assertThat(Scratch.databases(server)).isEmpty();
    }

    /**
     * Case (a). Unguarded, the probe would wait 5 s: its own deadlock check, 1 s in, finds no cycle (the migration is
     * still sleeping); the migration's check, 1 s after it asks for ACCESS EXCLUSIVE, finds one and cancels the
     * migration with 40P01.
     */
    @Test
    void aProbeTimeoutAboveDeadlockTimeoutIsLoweredSoTheMigrationIsNeverTheDeadlockVictim() throws Exception {
        System.setProperty(Tracing.PROBE_TIMEOUT_PROPERTY, "5000");
        history(AFTER_DEADLOCK_TIMEOUT, true);

        CycleResult result;
        String deadlocks;
        Set<String> cycles;
        List<String> log;
        try (LogCapture capture = new LogCapture();
             HistoryRehearsal rehearsal = rehearsal("late_cycle");
             WaitCycles watch = WaitCycles.watch(server)) {
            rehearsal.rehearse(0);
            result = rehearsal.rehearse(1);
            cycles = watch.seen();
            log = capture.lines();
            deadlocks = deadlocks("late_cycle");
        }

        assertThat(result.outcome()).as(result.failure()).isEqualTo(Outcome.PASSED);
        // The probe gave up long before the migration asked: the cycle never formed.
        assertThat(cycles).isEmpty();
        assertWritesToTBlocked(result, Phase.UP);
        assertWritesToTBlocked(result, Phase.REUP);
        assertThat(log).filteredOn(line -> line.contains(Tracing.PROBE_TIMEOUT_PROPERTY)).containsExactly(
                "INFO the probe timeout of 5000 ms (" + Tracing.PROBE_TIMEOUT_PROPERTY + ") is lowered to 500 ms, and a"
                        + " probe's whole statement to 750 ms: the server's deadlock_timeout is 1000 ms, and a probe"
                        + " still waiting when it passes could make the migration the victim of a deadlock with the"
                        + " probe");
        assertThat(deadlocks).as("deadlocks the server detected").isEqualTo("0");
    }

    /**
     * Case (b), the probe's timeout configured above deadlock_timeout. Unguarded, the probe's own deadlock check, 1 s
     * into its wait, finds the cycle and cancels the probe (40P01), which once left the trace saying "unknown"; the
     * migration's check comes only milliseconds later, and sometimes first: then the migration is cancelled.
     */
    @Test
    void aCycleFormedWithinDeadlockTimeoutIsBrokenOnTheProbesSideAndReportedAsBlockedWrites() throws Exception {
        System.setProperty(Tracing.PROBE_TIMEOUT_PROPERTY, "4000");
        history("0", true);

        CycleResult result;
        String deadlocks;
        Set<String> cycles;
        try (HistoryRehearsal rehearsal = rehearsal("quick_cycle");
             WaitCycles watch = WaitCycles.watch(server)) {
            rehearsal.rehearse(0);
            result = rehearsal.rehearse(1);
            cycles = watch.seen();
            deadlocks = deadlocks("quick_cycle");
        }

        assertThat(result.outcome()).as(result.failure()).isEqualTo(Outcome.PASSED);
        // The server showed the probe and the migration waiting for each other.
        assertThat(cycles).isNotEmpty().allMatch(pair -> pair.matches("\\d+ migratest observer <-> \\d+ .*"));
        assertWritesToTBlocked(result, Phase.UP);
        assertWritesToTBlocked(result, Phase.REUP);
        assertThat(deadlocks).as("deadlocks the server detected").isEqualTo("0");
    }

    /** Case (b) with nothing configured: the probe's 25 ms wait ends long before any deadlock check. */
    @Test
    void withTheDefaultProbeTimeoutTheCycleCannotCatchTheMigration() throws Exception {
        System.clearProperty(Tracing.PROBE_TIMEOUT_PROPERTY);
        // The probe waits 25 ms only: the migration may miss its wait on a busy machine, and then goes on after 5 s.
        history("0", false);

        CycleResult result;
        String deadlocks;
        List<String> log;
        try (LogCapture capture = new LogCapture(); HistoryRehearsal rehearsal = rehearsal("default_cycle")) {
            rehearsal.rehearse(0);
            result = rehearsal.rehearse(1);
            log = capture.lines();
            deadlocks = deadlocks("default_cycle");
        }

        assertThat(result.outcome()).as(result.failure()).isEqualTo(Outcome.PASSED);
        assertWritesToTBlocked(result, Phase.UP);
        assertThat(log).noneMatch(line -> line.contains(Tracing.PROBE_TIMEOUT_PROPERTY));
        assertThat(deadlocks).as("deadlocks the server detected").isEqualTo("0");
    }

    /**
     * V2 locks every row of {@code t}, waits until a probe waits for it, sleeps {@code pause} seconds, then asks for
     * ACCESS EXCLUSIVE on {@code t}; in autocommit, as one statement, so that the observer probes while it runs.
     */
    private void history(String pause, boolean probeMustWait) throws IOException {
        file("V1__create_t.sql", CREATE_T);
        file("U1__create_t.sql", "DROP TABLE t;\n");
        file("V2__add_w.sql.conf", "executeInTransaction=false\n");
        file("V2__add_w.sql", """
                DO $$
                DECLARE
                    deadline timestamptz := clock_timestamp() + interval '%s seconds';
                BEGIN
                    UPDATE t SET v = v;
                    -- the probe's UPDATE of one of these rows: it holds ROW EXCLUSIVE on t, waits for this transaction
                    WHILE NOT EXISTS (SELECT 1 FROM pg_locks w
                                       WHERE NOT w.granted AND pg_backend_pid() = ANY (pg_blocking_pids(w.pid))) LOOP
                        IF clock_timestamp() > deadline THEN
                            %s
                        END IF;
                        PERFORM pg_sleep(0.001);
                    END LOOP;
                    PERFORM pg_sleep(%s);
                    ALTER TABLE t ADD COLUMN w int;
                END $$;
                """.formatted(probeMustWait ? "20" : "5",
                probeMustWait ? "RAISE EXCEPTION 'no probe waited for this migration within 20 s';" : "EXIT;", pause));
        file("U2__add_w.sql", "ALTER TABLE t DROP COLUMN w;\n");
    }

    private static void assertWritesToTBlocked(CycleResult result, Phase phase) {
        PhaseResult traced = result.phase(phase).orElseThrow();
        assertThat(traced.transactional()).isFalse();
        assertThat(traced.traceIncomplete()).isNull();
        Blocking blocked = traced.statements().get(0).trace().blocked();
        assertThat(blocked.probed()).isTrue();
        assertThat(blocked.writes()).as("%s: writes blocked (null = the probe failed)", phase).isTrue();
        assertThat(blocked.writesBlockedOn()).containsExactly("public.t");
    }

    /**
     * Deadlocks the server detected in the scratch database. Secondary evidence: another backend's counters reach
     * pg_stat_database when it flushes them (at once when idle for a while, within ~10 s at most), so a very recent
     * deadlock may not show yet; the verdict and the probe's answer are what the tests rest on.
     */
    private static String deadlocks(String label) throws SQLException {
        return Scratch.query(server, Scratch.database(server, label),
                "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()");
    }

    private HistoryRehearsal rehearsal(String label) throws IOException {
        List<Migration> migrations = MigrationLoader.load(dir, Layout.FLYWAY, false).migrations();
        return new HistoryRehearsal(server, label, migrations, ColumnOrder.STRICT, false, SnapshotMode.INCREMENTAL);
    }

    private void file(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }
}
