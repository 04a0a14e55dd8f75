package dev.migratest.locks;

import dev.migratest.postgres.ClassServer;
import dev.migratest.postgres.Database;
import dev.migratest.postgres.PostgresServer;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.Outcome;
import dev.migratest.runner.Phase;
import dev.migratest.runner.PhaseResult;
import dev.migratest.runner.StatementResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static dev.migratest.locks.LockMode.ACCESS_EXCLUSIVE;
import static dev.migratest.locks.LockMode.ROW_EXCLUSIVE;
import static dev.migratest.locks.LockMode.ROW_SHARE;
import static dev.migratest.locks.LockMode.SHARE;
import static dev.migratest.locks.LockMode.SHARE_ROW_EXCLUSIVE;
import static dev.migratest.locks.LockMode.SHARE_UPDATE_EXCLUSIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Each kind of migration statement, rehearsed on a real Postgres, traced as the harness traces it: which lock modes
 * it takes on what, whether it rewrites or scans a table, and whether the application's reads and writes had to wait
 * (asked for real by the probes). The facts asserted are what Postgres does (DESIGN.md, "Facts from measurement").
 */
class LockTraceIT {
    /** {@code parent} ← {@code child} (FK added per case), both with a few thousand rows, a PK and a secondary index. */
    private static final String TABLES = """
            CREATE TABLE parent (id int PRIMARY KEY, name varchar(10) NOT NULL, score int);
            INSERT INTO parent SELECT g, 'p' || g, g FROM generate_series(1, 5000) g;
            CREATE TABLE child (id int PRIMARY KEY, parent_id int NOT NULL, qty int, note varchar(10));
            INSERT INTO child SELECT g, 1 + g % 5000, g, 'n' || g % 100 FROM generate_series(1, 5000) g;
            CREATE INDEX child_qty_idx ON child (qty);
            ANALYZE parent;
            ANALYZE child;
            """;
    private static final String FK = "ALTER TABLE child ADD CONSTRAINT child_parent_fk FOREIGN KEY (parent_id) REFERENCES parent;\n";
    private static final int ROWS = 5000;

    @ClassServer
    private static PostgresServer server;
    @TempDir
    Path dir;
    private TracedHistory history;

    @BeforeEach
    void history() {
        history = new TracedHistory(server, dir);
    }

    // 1. ADD COLUMN

    @Test
    void addNullableColumnLocksTheTableExclusivelyButNeitherRewritesNorScans() throws Exception {
        StatementTrace add = up(TABLES + FK, "ALTER TABLE child ADD COLUMN extra text;",
                "ALTER TABLE child DROP COLUMN extra;", 0);

        assertThat(modesOn(add, "public.child")).contains(ACCESS_EXCLUSIVE);
        assertThat(add.rewrites()).isEmpty();
        assertThat(add.fullScans()).isEmpty();
        assertThat(add.blocked().blockedReads()).isTrue();
        assertThat(add.blocked().blockedWrites()).isTrue();
        assertThat(add.blocked().readsBlockedOn()).containsExactly("public.child");
        assertThat(add.blocked().probed()).isTrue();
    }

    @Test
    void addColumnWithStableDefaultNowDoesNotRewrite() throws Exception {
        StatementTrace add = up(TABLES, "ALTER TABLE child ADD COLUMN created timestamptz DEFAULT now();",
                "ALTER TABLE child DROP COLUMN created;", 0);

        assertThat(modesOn(add, "public.child")).contains(ACCESS_EXCLUSIVE);
        assertThat(add.rewrites()).isEmpty();
        assertThat(add.fullScans()).isEmpty();
    }

    @Test
    void addColumnWithVolatileDefaultClockTimestampRewritesTheTable() throws Exception {
        StatementTrace add = up(TABLES, "ALTER TABLE child ADD COLUMN created timestamptz DEFAULT clock_timestamp();",
                "ALTER TABLE child DROP COLUMN created;", 0);

        assertThat(modesOn(add, "public.child")).contains(ACCESS_EXCLUSIVE);
        assertThat(add.rewrites()).contains("public.child");
        assertThat(add.blocked().blockedReads()).isTrue();
    }

    // 2. SET NOT NULL

    @Test
    void setNotNullWithoutAValidCheckScansTheWholeTable() throws Exception {
        StatementTrace set = up(TABLES, "ALTER TABLE child ALTER COLUMN qty SET NOT NULL;",
                "ALTER TABLE child ALTER COLUMN qty DROP NOT NULL;", 0);

        assertThat(modesOn(set, "public.child")).contains(ACCESS_EXCLUSIVE);
        assertThat(set.fullScans()).containsExactly("public.child");
        assertThat(set.rewrites()).isEmpty();
        assertThat(set.blocked().blockedReads()).isTrue();
    }

    @Test
    void setNotNullBackedByAValidatedCheckSkipsTheScan() throws Exception {
        StatementTrace set = up(TABLES + "ALTER TABLE child ADD CONSTRAINT qty_present CHECK (qty IS NOT NULL);\n",
                "ALTER TABLE child ALTER COLUMN qty SET NOT NULL;",
                "ALTER TABLE child ALTER COLUMN qty DROP NOT NULL;", 0);

        assertThat(modesOn(set, "public.child")).contains(ACCESS_EXCLUSIVE);
        assertThat(set.fullScans()).isEmpty();
    }

    // 3. CHECK and FOREIGN KEY: validating at once vs NOT VALID + VALIDATE

    @Test
    void addCheckValidatesUnderAccessExclusiveWithAScan() throws Exception {
        StatementTrace add = up(TABLES, "ALTER TABLE child ADD CONSTRAINT qty_positive CHECK (qty > 0);",
                "ALTER TABLE child DROP CONSTRAINT qty_positive;", 0);

        assertThat(modesOn(add, "public.child")).contains(ACCESS_EXCLUSIVE);
        assertThat(add.fullScans()).containsExactly("public.child");
        assertThat(add.blocked().blockedReads()).isTrue();
        assertThat(add.blocked().blockedWrites()).isTrue();
    }

    @Test
    void addCheckNotValidDoesNotScan() throws Exception {
        StatementTrace add = up(TABLES, "ALTER TABLE child ADD CONSTRAINT qty_positive CHECK (qty > 0) NOT VALID;",
                "ALTER TABLE child DROP CONSTRAINT qty_positive;", 0);

        assertThat(modesOn(add, "public.child")).contains(ACCESS_EXCLUSIVE);
        assertThat(add.fullScans()).isEmpty();
    }

    @Test
    void validateCheckInItsOwnMigrationScansWithoutBlockingReadsOrWrites() throws Exception {
        StatementTrace validate = up(TABLES + "ALTER TABLE child ADD CONSTRAINT qty_positive CHECK (qty > 0) NOT VALID;\n",
                "ALTER TABLE child VALIDATE CONSTRAINT qty_positive;",
                "ALTER TABLE child DROP CONSTRAINT qty_positive;\n"
                        + "ALTER TABLE child ADD CONSTRAINT qty_positive CHECK (qty > 0) NOT VALID;", 0);

        assertThat(modesOn(validate, "public.child")).containsExactly(SHARE_UPDATE_EXCLUSIVE);
        assertThat(validate.fullScans()).containsExactly("public.child");
        assertThat(validate.blocked().reads()).isFalse();
        assertThat(validate.blocked().writes()).isFalse();
    }

    @Test
    void addForeignKeyValidatesUnderShareRowExclusiveOnBothTablesBlockingWritesOnBoth() throws Exception {
        StatementTrace add = up(TABLES, FK.strip(), "ALTER TABLE child DROP CONSTRAINT child_parent_fk;", 0);

        assertThat(modesOn(add, "public.child")).contains(SHARE_ROW_EXCLUSIVE);
        assertThat(modesOn(add, "public.parent")).contains(SHARE_ROW_EXCLUSIVE);
        assertThat(add.fullScans()).contains("public.child");
        assertThat(add.blocked().blockedWrites()).isTrue();
        assertThat(add.blocked().writesBlockedOn()).containsExactlyInAnyOrder("public.child", "public.parent");
        assertThat(add.blocked().blockedReads()).isFalse();
    }

    @Test
    void addForeignKeyNotValidDoesNotScan() throws Exception {
        StatementTrace add = up(TABLES, "ALTER TABLE child ADD CONSTRAINT child_parent_fk FOREIGN KEY (parent_id)"
                + " REFERENCES parent NOT VALID;", "ALTER TABLE child DROP CONSTRAINT child_parent_fk;", 0);

        assertThat(modesOn(add, "public.child")).contains(SHARE_ROW_EXCLUSIVE);
        assertThat(modesOn(add, "public.parent")).contains(SHARE_ROW_EXCLUSIVE);
        assertThat(add.fullScans()).isEmpty();
    }

    @Test
    void validateForeignKeyInItsOwnMigrationScansWithoutBlockingReadsOrWrites() throws Exception {
        String notValid = "ALTER TABLE child ADD CONSTRAINT child_parent_fk FOREIGN KEY (parent_id) REFERENCES parent NOT VALID;";
        StatementTrace validate = up(TABLES + notValid + "\n", "ALTER TABLE child VALIDATE CONSTRAINT child_parent_fk;",
                "ALTER TABLE child DROP CONSTRAINT child_parent_fk;\n" + notValid, 0);

        // The validation query also reads both tables (ACCESS SHARE): harmless.
        assertThat(validate.strongestOnPreExisting()).isEqualTo(SHARE_UPDATE_EXCLUSIVE);
        assertThat(modesOn(validate, "public.child")).contains(SHARE_UPDATE_EXCLUSIVE);
        assertThat(modesOn(validate, "public.parent")).contains(ROW_SHARE).allMatch(m -> !m.isDangerous());
        assertThat(validate.fullScans()).contains("public.child");
        assertThat(validate.blocked().reads()).isFalse();
        assertThat(validate.blocked().writes()).isFalse();
    }

    // 4. CREATE INDEX vs CREATE INDEX CONCURRENTLY

    @Test
    void createIndexTakesShareBlockingWritesButNotReads() throws Exception {
        StatementTrace create = up(TABLES, "CREATE INDEX child_note_idx ON child (note);",
                "DROP INDEX child_note_idx;", 0);

        assertThat(modesOn(create, "public.child")).containsExactly(SHARE);
        assertThat(create.fullScans()).containsExactly("public.child");
        assertThat(create.blocked().reads()).isFalse();
        assertThat(create.blocked().writes()).isTrue();
        assertThat(create.blocked().writesBlockedOn()).containsExactly("public.child");
    }

    @Test
    void createIndexConcurrentlyIsObservedHoldingShareUpdateExclusiveWithoutBlockingWrites() throws Exception {
        CycleResult result = history.rehearse(BIG_TABLE, "CREATE INDEX CONCURRENTLY big_val_idx ON big (val);",
                "DROP INDEX CONCURRENTLY big_val_idx;");
        PhaseResult up = phase(result, Phase.UP);
        StatementTrace create = up.statements().get(0).trace();

        assertThat(up.transactional()).isFalse();
        assertThat(create.locks()).allMatch(LockHold::observed);
        LockHold hold = hold(create, "public.big", SHARE_UPDATE_EXCLUSIVE);
        assertThat(hold.heldMs()).as(describe(create)).isGreaterThan(0);
        assertThat(modesOn(create, "public.big")).doesNotContain(SHARE, SHARE_ROW_EXCLUSIVE, ACCESS_EXCLUSIVE);
        assertThat(create.blocked().probed()).isTrue();
        assertThat(create.blocked().reads()).isFalse();
        assertThat(create.blocked().writes()).isFalse();
        assertThat(create.fullScans()).contains("public.big");
    }

    // 5. DROP INDEX vs DROP INDEX CONCURRENTLY

    @Test
    void dropIndexLocksIndexAndTableExclusivelySoReadsWait() throws Exception {
        StatementTrace drop = up(TABLES, "DROP INDEX child_qty_idx;", "CREATE INDEX child_qty_idx ON child (qty);", 0);

        assertThat(modesOn(drop, "public.child_qty_idx")).contains(ACCESS_EXCLUSIVE);
        assertThat(modesOn(drop, "public.child")).contains(ACCESS_EXCLUSIVE);
        assertThat(drop.blocked().blockedReads()).isTrue();
        assertThat(drop.blocked().readsBlockedOn()).containsExactly("public.child");
    }

    @Test
    void dropIndexConcurrentlyLeavesTheTableReadableAndWritable() throws Exception {
        CycleResult result = history.rehearse(BIG_TABLE + BIG_INDEX, "DROP INDEX CONCURRENTLY big_val_idx;",
                "CREATE INDEX CONCURRENTLY big_val_idx ON big (val);");
        PhaseResult up = phase(result, Phase.UP);
        StatementTrace drop = up.statements().get(0).trace();

        // Alone on the server it lasts ~2 ms and its locks show for well under that: the observer may see them or
        // not (the test below makes it wait), but it must never report the table blocked.
        assertThat(up.transactional()).isFalse();
        assertThat(modesOn(drop, "public.big")).as(describe(drop)).doesNotContain(SHARE, ACCESS_EXCLUSIVE);
        assertThat(drop.blocked().reads()).as(describe(drop)).isFalse();
        assertThat(drop.blocked().writes()).as(describe(drop)).isFalse();
    }

    @Test
    void dropIndexConcurrentlyWaitingForAnOpenReaderIsObservedHoldingShareUpdateExclusive() throws Exception {
        try (Database database = server.createDatabase("dic");
             Connection migrating = database.connect();
             Connection application = database.connect()) {
            execute(migrating, BIG_TABLE + BIG_INDEX);
            try (Tracing tracing = Tracing.open(migrating, database::connect)) {
                PhaseRecorder recorder = tracing.beginPhase(false);
                application.setAutoCommit(false);
                execute(application, "SELECT val FROM big WHERE id = 1");
                recorder.statementStarting();
                long start = System.nanoTime();
                // DROP INDEX CONCURRENTLY waits for the reader's transaction, as it would in production.
                CompletableFuture<Void> drop = CompletableFuture.runAsync(() -> execute(migrating,
                        "DROP INDEX CONCURRENTLY big_val_idx"));
                Thread.sleep(300);
                application.rollback();
                drop.get(30, TimeUnit.SECONDS);
                double durationMs = (System.nanoTime() - start) / 1e6;
                recorder.statementFinished(true);
                StatementTrace trace = recorder.finish().statements().get(0);

                LockHold hold = hold(trace, "public.big", SHARE_UPDATE_EXCLUSIVE);
                assertThat(hold.observed()).isTrue();
                assertThat(hold.heldMs()).as(describe(trace)).isBetween(250.0, durationMs + 5);
                assertThat(modesOn(trace, "public.big")).doesNotContain(SHARE, ACCESS_EXCLUSIVE);
                assertThat(trace.blocked().probed()).isTrue();
                assertThat(trace.blocked().reads()).as(describe(trace)).isFalse();
                assertThat(trace.blocked().writes()).as(describe(trace)).isFalse();
            }
        }
    }

    // 6. ALTER COLUMN TYPE

    @Test
    void widenIntToBigintRewritesTheTableAndRebuildsItsIndex() throws Exception {
        StatementTrace alter = up(TABLES, "ALTER TABLE child ALTER COLUMN qty TYPE bigint;",
                "ALTER TABLE child ALTER COLUMN qty TYPE int;", 0);

        assertThat(modesOn(alter, "public.child")).contains(ACCESS_EXCLUSIVE);
        assertThat(alter.rewrites()).contains("public.child", "public.child_qty_idx");
        assertThat(alter.blocked().blockedReads()).isTrue();
    }

    @Test
    void widenVarcharDoesNotRewrite() throws Exception {
        StatementTrace alter = up(TABLES, "ALTER TABLE child ALTER COLUMN note TYPE varchar(20);",
                "ALTER TABLE child ALTER COLUMN note TYPE varchar(10);", 0);

        assertThat(modesOn(alter, "public.child")).contains(ACCESS_EXCLUSIVE);
        assertThat(alter.rewrites()).isEmpty();
        assertThat(alter.fullScans()).isEmpty();
    }

    // 7. DROP CONSTRAINT fk

    @Test
    void droppingAForeignKeyLocksTheReferencedParentExclusivelyToo() throws Exception {
        StatementTrace drop = up(TABLES + FK, "ALTER TABLE child DROP CONSTRAINT child_parent_fk;", FK.strip(), 0);

        assertThat(modesOn(drop, "public.child")).contains(ACCESS_EXCLUSIVE);
        assertThat(modesOn(drop, "public.parent")).contains(ACCESS_EXCLUSIVE);
        assertThat(drop.blocked().readsBlockedOn()).containsExactlyInAnyOrder("public.child", "public.parent");
    }

    // 8. CREATE TABLE … REFERENCES

    @Test
    void createTableReferencingParentBlocksParentWritesUntilCommit() throws Exception {
        CycleResult result = history.rehearse(TABLES,
                "CREATE TABLE review (id int PRIMARY KEY, parent_id int REFERENCES parent);\n"
                        + "SELECT pg_sleep(0.05);",
                "DROP TABLE review;");
        List<StatementResult> statements = phase(result, Phase.UP).statements();
        StatementTrace create = statements.get(0).trace();
        StatementTrace later = statements.get(1).trace();

        assertThat(modesOn(create, "public.parent")).contains(SHARE_ROW_EXCLUSIVE);
        assertThat(create.locks()).filteredOn(l -> l.relation().equals("public.review"))
                .isNotEmpty().allMatch(l -> l.object().createdInPhase());
        assertThat(create.blocked().reads()).isFalse();
        assertThat(create.blocked().writesBlockedOn()).containsExactly("public.parent");
        // Until COMMIT: the statement after still finds parent's writes blocked.
        assertThat(later.blocked().writesBlockedOn()).containsExactly("public.parent");
    }

    // 9. REINDEX INDEX

    @Test
    void reindexIndexBlocksReadsOfItsTableThroughTheIndexLock() throws Exception {
        StatementTrace reindex = up(TABLES, "REINDEX INDEX child_qty_idx;", "SELECT 1;", 0);

        assertThat(modesOn(reindex, "public.child")).containsExactly(SHARE);
        assertThat(modesOn(reindex, "public.child_qty_idx")).contains(ACCESS_EXCLUSIVE);
        assertThat(reindex.blocked().blockedReads()).isTrue();
        assertThat(reindex.blocked().readsBlockedOn()).containsExactly("public.child");
    }

    // 10. whole-table UPDATE

    @Test
    void wholeTableUpdateTakesRowExclusiveAndItsRowLocksBlockWrites() throws Exception {
        StatementTrace update = up(TABLES, "UPDATE child SET qty = qty + 1;", "UPDATE child SET qty = qty - 1;", 0);

        assertThat(modesOn(update, "public.child")).containsExactly(ROW_EXCLUSIVE);
        assertThat(update.blocked().reads()).isFalse();
        assertThat(update.blocked().writes()).isTrue();
        assertThat(update.activity()).filteredOn(a -> a.table().equals("public.child"))
                .singleElement().extracting(TableActivity::updated).isEqualTo((long) ROWS);
    }

    // 11. hold-time accuracy

    @Test
    void holdTimeIsMeasuredFromTheLockingStatementToCommit() throws Exception {
        CycleResult result = history.rehearse(TABLES,
                "LOCK TABLE child IN ACCESS EXCLUSIVE MODE;\nSELECT pg_sleep(1);", "SELECT 1;");
        List<StatementResult> statements = phase(result, Phase.UP).statements();
        StatementResult lock = statements.get(0);
        StatementResult sleep = statements.get(1);
        LockHold hold = hold(lock.trace(), "public.child", ACCESS_EXCLUSIVE);

        double expected = 1000 + lock.durationMs();
        assertThat(hold.heldMs()).as(describe(lock.trace())).isCloseTo(expected, within(expected * 0.05));
        assertThat(hold.heldMs()).isGreaterThanOrEqualTo(sleep.durationMs());
        assertThat(hold.sinceMs()).isCloseTo(lock.startMs(), within(5.0));
        assertThat(hold.observed()).isFalse();
    }

    // 12. effective timeouts

    @Test
    void lockTimeoutSetByTheMigrationIsTheOneInForce() throws Exception {
        StatementResult alter = phase(history.rehearse(TABLES,
                "SET lock_timeout = '2s';\nALTER TABLE child ADD COLUMN extra text;",
                "ALTER TABLE child DROP COLUMN extra;"), Phase.UP).statements().get(1);

        assertThat(alter.trace().lockTimeout()).isEqualTo("2s");
        assertThat(alter.trace().waitsForeverForLocks()).isFalse();
    }

    @Test
    void withoutSetLockTimeoutTheStatementWaitsForever() throws Exception {
        StatementTrace alter = up(TABLES, "ALTER TABLE child ADD COLUMN extra text;",
                "ALTER TABLE child DROP COLUMN extra;", 0);

        assertThat(alter.lockTimeout()).isEqualTo("0");
        assertThat(alter.waitsForeverForLocks()).isTrue();
    }

    // helpers

    /** One table big enough (200k rows) that a concurrent index build lasts for many observer polls. */
    private static final String BIG_TABLE = """
            CREATE TABLE big (id int PRIMARY KEY, val int NOT NULL);
            INSERT INTO big SELECT g, (g * 7919) % 200000 FROM generate_series(1, 200000) g;
            ANALYZE big;
            """;
    private static final String BIG_INDEX = "CREATE INDEX big_val_idx ON big (val);\n";

    private static void execute(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private StatementTrace up(String setup, String up, String down, int statement) throws Exception {
        CycleResult result = history.rehearse(setup, up, down);
        return phase(result, Phase.UP).statements().get(statement).trace();
    }

    private static PhaseResult phase(CycleResult result, Phase phase) {
        assertThat(result.outcome()).as(result.failure() == null ? "" : result.failure()).isEqualTo(Outcome.PASSED);
        PhaseResult found = result.phase(phase).orElseThrow();
        assertThat(found.traceIncomplete()).isNull();
        assertThat(found.statements()).allMatch(StatementResult::traced);
        return found;
    }

    private static Set<LockMode> modesOn(StatementTrace trace, String relation) {
        return trace.locks().stream().filter(l -> l.relation().equals(relation)).map(LockHold::mode)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static LockHold hold(StatementTrace trace, String relation, LockMode mode) {
        return trace.locks().stream().filter(l -> l.relation().equals(relation) && l.mode() == mode).findFirst()
                .orElseThrow(() -> new AssertionError("Expecting " + mode + " on " + relation + " in\n" + describe(trace)));
    }

    private static String describe(StatementTrace trace) {
        return trace.locks().stream().map(l -> l.relation() + " " + l.mode() + " since " + l.sinceMs() + " held "
                        + l.heldMs() + (l.observed() ? " observed" : ""))
                .collect(Collectors.joining("\n  ", "locks:\n  ", "\nrewrites: " + trace.rewrites() + "\nactivity: "
                        + trace.activity() + "\nblocked: " + trace.blocked()));
    }
}
