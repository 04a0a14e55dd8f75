package dev.migratest.runner;

import dev.migratest.migration.Layout;
import dev.migratest.migration.Migration;
import dev.migratest.migration.MigrationLoader;
import dev.migratest.postgres.ClassServer;
import dev.migratest.postgres.PostgresServer;
import dev.migratest.schema.ColumnOrder;
import dev.migratest.schema.SnapshotMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The up → down → up rehearsal of whole histories on a real Postgres, including every way it can go wrong. */
class HistoryRehearsalIT {
    @ClassServer
    private static PostgresServer server;
    @TempDir
    Path dir;

    @Test
    void aCorrectMigrationPassesWithEveryPhaseAndStatementRecorded() throws Exception {
        file("V1__create_users.sql", "-- users\nCREATE TABLE users (id int PRIMARY KEY);\n\nCREATE INDEX users_id_idx ON users (id);\n");
        file("U1__create_users.sql", "DROP TABLE users;\n");

        CycleResult result = rehearseAll(false).get(0);

        assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(result.phases()).extracting(PhaseResult::phase).containsExactly(Phase.UP, Phase.DOWN, Phase.REUP);
        assertThat(result.phase(Phase.UP).orElseThrow().statements())
                .extracting(StatementResult::line, StatementResult::sql)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "CREATE TABLE users (id int PRIMARY KEY)"),
                        org.assertj.core.groups.Tuple.tuple(4, "CREATE INDEX users_id_idx ON users (id)"));
        assertThat(result.phases()).allMatch(PhaseResult::transactional).allMatch(p -> p.durationMs() > 0);
        assertThat(result.downVsBefore()).isEmpty();
        assertThat(result.reupVsUp()).isEmpty();
    }

    @Test
    void aFailingDownNamesPhaseFileLineAndSqlstateAndLaterMigrationsStillRun() throws Exception {
        file("V1__create_users.sql", "CREATE TABLE users (id int);\n");
        file("U1__create_users.sql", "DROP TABLE users;\n");
        file("V2__add_phone.sql", "ALTER TABLE users ADD COLUMN phone text;\n");
        file("U2__add_phone.sql", "-- typo\nALTER TABLE users DROP COLUMN phon;\n");
        file("V3__add_email.sql", "ALTER TABLE users ADD COLUMN email text;\n");
        file("U3__add_email.sql", "ALTER TABLE users DROP COLUMN email;\n");

        List<CycleResult> results = rehearseAll(false);

        assertThat(results).extracting(CycleResult::outcome)
                .containsExactly(Outcome.PASSED, Outcome.FAILED, Outcome.PASSED);
        CycleResult failed = results.get(1);
        assertThat(failed.failedPhase()).isEqualTo(Phase.DOWN);
        assertThat(failed.phase(Phase.DOWN).orElseThrow().error())
                .extracting(PhaseError::file, PhaseError::line, PhaseError::sqlState)
                .containsExactly("U2__add_phone.sql", 2, "42703");
        assertThat(failed.failure()).isEqualTo("2 add_phone: DOWN failed at U2__add_phone.sql:2: ERROR 42703:"
                + " column \"phon\" of relation \"users\" does not exist"
                + "\n  statement: ALTER TABLE users DROP COLUMN phon"
                + "\n  the phase ran in one transaction and was rolled back");
    }

    @Test
    void aFailingUpSkipsEveryLaterMigrationWithTheReason() throws Exception {
        file("V1__broken.sql", "CREATE TABLE t (id int);\nSELECT 1/0;\n");
        file("U1__broken.sql", "DROP TABLE t;\n");
        file("V2__next.sql", "CREATE TABLE u (id int);\n");
        file("U2__next.sql", "DROP TABLE u;\n");

        List<CycleResult> results = rehearseAll(false);

        assertThat(results.get(0).failure()).startsWith("1 broken: UP failed at V1__broken.sql:2: ERROR 22012: division by zero");
        assertThat(results.get(1).outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(results.get(1).skipReason()).isEqualTo("the database cannot be brought to the state before 2 next:"
                + " replaying UP of 1 broken fails at V1__broken.sql:2: ERROR 22012: division by zero");
    }

    @Test
    void aDownThatForgetsSomethingFailsWithTheDifference() throws Exception {
        file("V1__t.sql", "CREATE TABLE t (id int);\nCREATE INDEX t_id_idx ON t (id);\n");
        file("U1__t.sql", "DROP INDEX t_id_idx;\n");

        CycleResult result = rehearseAll(false).get(0);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.failedPhase()).isEqualTo(Phase.DOWN);
        assertThat(result.downVsBefore()).isNotEmpty().anyMatch(line -> line.startsWith("table public.t: unexpected"));
        assertThat(result.failure()).startsWith("1 t: DOWN did not restore the schema before UP (U1__t.sql), ");
    }

    @Test
    void aSecondUpThatLandsElsewhereFailsInReup() throws Exception {
        file("V1__stamp.sql", "CREATE TABLE t (id int);\n"
                + "DO $$ BEGIN EXECUTE format('COMMENT ON TABLE t IS %L', clock_timestamp()::text); END $$;\n");
        file("U1__stamp.sql", "DROP TABLE t;\n");

        CycleResult result = rehearseAll(false).get(0);

        assertThat(result.failedPhase()).isEqualTo(Phase.REUP);
        assertThat(result.downVsBefore()).isEmpty();
        assertThat(result.reupVsUp()).singleElement().asString().startsWith("table public.t: comment ");
        assertThat(result.failure()).startsWith("1 stamp: the second UP did not reproduce the schema after the first UP (V1__stamp.sql)");
    }

    @Test
    void concurrentlyRunsInAutocommitAndTheScriptsOwnTransactionIsReplaced() throws Exception {
        file("V1__t.sql", "BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;\n");
        file("U1__t.sql", "DROP TABLE t;\n");
        file("V2__idx.sql", "CREATE INDEX CONCURRENTLY t_id_idx ON t (id);\n");
        file("U2__idx.sql", "DROP INDEX CONCURRENTLY t_id_idx;\n");

        List<CycleResult> results = rehearseAll(false);

        assertThat(results).extracting(CycleResult::outcome).containsOnly(Outcome.PASSED);
        assertThat(results.get(0).phase(Phase.UP).orElseThrow().statements()).extracting(StatementResult::sql)
                .containsExactly("CREATE TABLE t (id int)");
        assertThat(results.get(1).phases()).noneMatch(PhaseResult::transactional);
        assertThat(results.get(1).phase(Phase.UP).orElseThrow().nonTransactionalReason()).contains("CONCURRENTLY");
    }

    @Test
    void aForwardOnlyMigrationRunsUpIsSkippedAndLaterOnesBuildOnIt() throws Exception {
        file("V1__t.sql", "CREATE TABLE t (id int);\n");
        file("V2__u.sql", "ALTER TABLE t ADD COLUMN u int;\n");
        file("U2__u.sql", "ALTER TABLE t DROP COLUMN u;\n");

        List<CycleResult> results = rehearseAll(true);

        assertThat(results.get(0).outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(results.get(0).skipReason()).isEqualTo("forward-only: V1__t.sql has no down migration,"
                + " so only UP ran (allowed by allowForwardOnly)");
        assertThat(results.get(1).outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void aFailedDatabaseCanBeKeptForInspection() throws Exception {
        file("V1__t.sql", "CREATE TABLE kept_table (id int);\n");
        file("U1__t.sql", "SELECT 1;\n");
        List<Migration> migrations = MigrationLoader.load(dir, Layout.FLYWAY, false).migrations();
        PostgresServer external = new dev.migratest.postgres.ExternalProvider(
                server.address().jdbcUrl("postgres"), "postgres", null).start();
        try (HistoryRehearsal rehearsal = new HistoryRehearsal(external, "keep", migrations, ColumnOrder.STRICT, true, SnapshotMode.VERIFY)) {
            assertThat(rehearsal.rehearse(0).outcome()).isEqualTo(Outcome.FAILED);
        }
        external.close();

        List<String> kept = strings("postgres", "SELECT datname FROM pg_database WHERE datname LIKE 'migratest_%_keep'");
        assertThat(kept).hasSize(1);
        assertThat(strings(kept.get(0), "SELECT relname FROM pg_class WHERE relname = 'kept_table'")).hasSize(1);
    }

    private List<CycleResult> rehearseAll(boolean allowForwardOnly) throws Exception {
        List<Migration> migrations = MigrationLoader.load(dir, Layout.FLYWAY, allowForwardOnly).migrations();
        List<CycleResult> results = new ArrayList<>();
        try (HistoryRehearsal rehearsal = new HistoryRehearsal(server, "it", migrations, ColumnOrder.STRICT, false, SnapshotMode.VERIFY)) {
            for (int i = 0; i < migrations.size(); i++) results.add(rehearsal.rehearse(i));
        }
        return results;
    }

    private void file(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }

    private static List<String> strings(String database, String sql) throws SQLException {
        try (Connection c = server.address().connect(database); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) values.add(rs.getString(1));
            return values;
        }
    }
}
