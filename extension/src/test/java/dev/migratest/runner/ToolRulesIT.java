package dev.migratest.runner;

import dev.migratest.migration.LoadedMigrations;
import dev.migratest.migration.Migration;
import dev.migratest.migration.MigrationLoader;
import dev.migratest.migration.Layout;
import dev.migratest.migration.Tool;
import dev.migratest.postgres.ClassServer;
import dev.migratest.postgres.PostgresServer;
import dev.migratest.schema.ColumnOrder;
import dev.migratest.schema.SnapshotMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each migration runs as its tool runs it, on a real PostgreSQL: where the tool would run a statement in a transaction
 * PostgreSQL refuses there, the rehearsal fails as production would, with the tool's reason and fix; with the tool's
 * marker it passes. And the tool's own table is there and kept, so a migration that guards on it runs as in
 * production.
 */
class ToolRulesIT {
    private static final String CREATE_T = "CREATE TABLE t (id int PRIMARY KEY);\nINSERT INTO t SELECT generate_series(1, 100);\n";

    @ClassServer
    private static PostgresServer server;
    @TempDir
    Path dir;

    // diesel

    @Test
    void aDieselDownDroppingAnIndexConcurrentlyFailsInDieselsTransaction() throws Exception {
        file("2024-01-01-000000_create_t/up.sql", CREATE_T);
        file("2024-01-01-000000_create_t/down.sql", "DROP TABLE t;\n");
        file("2024-01-02-000000_index_t/up.sql", "CREATE INDEX t_id_idx ON t (id);\n");
        file("2024-01-02-000000_index_t/down.sql", "DROP INDEX CONCURRENTLY t_id_idx;\n");

        List<CycleResult> results = rehearseAll(Layout.DIESEL);

        assertThat(results.get(0).outcome()).isEqualTo(Outcome.PASSED);
        assertThat(results.get(1).failure()).isEqualTo("20240102000000 index_t: DOWN failed at"
                + " 2024-01-02-000000_index_t/down.sql:1: ERROR 25001: DROP INDEX CONCURRENTLY cannot run inside a"
                + " transaction block: diesel runs every migration in a transaction unless its metadata.toml says"
                + " run_in_transaction = false; fix: add 2024-01-02-000000_index_t/metadata.toml holding"
                + " run_in_transaction = false, and keep the statement alone in down.sql (without a transaction diesel"
                + " sends the file as one query, which PostgreSQL runs in one implicit transaction when it holds"
                + " several statements)"
                + "\n  statement: DROP INDEX CONCURRENTLY t_id_idx"
                + "\n  the phase ran in one transaction and was rolled back");
    }

    @Test
    void withRunInTransactionFalseTheSameDieselMigrationPasses() throws Exception {
        file("2024-01-01-000000_create_t/up.sql", CREATE_T);
        file("2024-01-01-000000_create_t/down.sql", "DROP TABLE t;\n");
        file("2024-01-02-000000_index_t/up.sql", "CREATE INDEX CONCURRENTLY t_id_idx ON t (id);\n");
        file("2024-01-02-000000_index_t/down.sql", "DROP INDEX CONCURRENTLY t_id_idx;\n");
        file("2024-01-02-000000_index_t/metadata.toml", "run_in_transaction = false\n");

        CycleResult result = rehearseAll(Layout.DIESEL).get(1);

        assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(result.phases()).noneMatch(PhaseResult::transactional);
        assertThat(result.phase(Phase.DOWN).orElseThrow().nonTransactionalReason()).isEqualTo("run_in_transaction ="
                + " false (2024-01-02-000000_index_t/metadata.toml line 1): diesel sends down.sql as one query, and"
                + " PostgreSQL runs a query of one statement outside any transaction (DROP INDEX CONCURRENTLY, line 1)");
    }

    // golang-migrate

    @Test
    void aGolangMigrateFileOfSeveralStatementsRunsInOneImplicitTransactionWhereConcurrentlyFails() throws Exception {
        file("1_create_t.up.sql", CREATE_T);
        file("1_create_t.down.sql", "DROP TABLE t;\n");
        file("2_index_t_alone.up.sql", "CREATE INDEX CONCURRENTLY t_id_2_idx ON t (id);\n");
        file("2_index_t_alone.down.sql", "DROP INDEX CONCURRENTLY t_id_2_idx;\n");
        file("3_index_t.up.sql", "SET lock_timeout = '1s';\nCREATE INDEX CONCURRENTLY t_id_idx ON t (id);\n");
        file("3_index_t.down.sql", "DROP INDEX CONCURRENTLY t_id_idx;\n");

        List<CycleResult> results = rehearseAll(Layout.GOLANG_MIGRATE);

        assertThat(results.get(1).outcome()).as("alone in its file").isEqualTo(Outcome.PASSED);
        assertThat(results.get(1).phases()).noneMatch(PhaseResult::transactional);
        assertThat(results.get(2).failure()).isEqualTo("3 index_t: UP failed at 3_index_t.up.sql:2: ERROR 25001:"
                + " CREATE INDEX CONCURRENTLY cannot run inside a transaction block: golang-migrate sends"
                + " 3_index_t.up.sql as one query, which PostgreSQL runs in one implicit transaction when it holds"
                + " several statements; fix: move the statement into a migration of its own, alone in its file, or run"
                + " golang-migrate with x-multi-statement=true in the database URL (and set"
                + " -Dmigratest.golangMigrate.multiStatement=true for migratest)"
                + "\n  statement: CREATE INDEX CONCURRENTLY t_id_idx ON t (id)"
                + "\n  the phase ran in one transaction and was rolled back");
    }

    // Flyway

    @Test
    void flywayRefusesAScriptMixingStatementsThatCanAndCannotRunInATransaction() throws Exception {
        file("V1__create_t.sql", CREATE_T);
        file("U1__create_t.sql", "DROP TABLE t;\n");
        file("V2__index_t.sql", "SET lock_timeout = '1s';\nCREATE INDEX CONCURRENTLY t_id_idx ON t (id);\n");
        file("U2__index_t.sql", "DROP INDEX CONCURRENTLY t_id_idx;\n");

        CycleResult refused = rehearseAll(Layout.FLYWAY).get(1);

        assertThat(refused.failure()).isEqualTo("2 index_t: UP failed at V2__index_t.sql:2: ERROR Flyway refuses to"
                + " run it: \"Detected both transactional and non-transactional statements within the same migration"
                + " (even though mixed is false). Offending statement found at line 2: CREATE INDEX CONCURRENTLY …"
                + " [non-transactional]\"; fix: move CREATE INDEX CONCURRENTLY (line 2) into a migration of its own, or"
                + " add V2__index_t.sql.conf holding executeInTransaction=false (every statement then runs on its"
                + " own), or set flyway.mixed=true"
                + "\n  statement: CREATE INDEX CONCURRENTLY t_id_idx ON t (id)"
                + "\n  none of its statements ran");
        assertThat(refused.phases()).singleElement().satisfies(up -> assertThat(up.statements()).isEmpty());
    }

    @Test
    void flywayRunsAMixedScriptWithExecuteInTransactionFalseAndFailsAStatementItDoesNotKnowInItsTransaction()
            throws Exception {
        file("V1__create_t.sql", CREATE_T);
        file("U1__create_t.sql", "DROP TABLE t;\n");
        file("V2__index_t.sql", "SET lock_timeout = '1s';\nCREATE INDEX CONCURRENTLY t_id_idx ON t (id);\n");
        file("V2__index_t.sql.conf", "executeInTransaction=false\n");
        file("U2__index_t.sql", "DROP INDEX CONCURRENTLY t_id_idx;\n");
        file("V3__reindex_t.sql", "REINDEX INDEX CONCURRENTLY t_id_idx;\n");
        file("U3__reindex_t.sql", "SELECT 1;\n");

        List<CycleResult> results = rehearseAll(Layout.FLYWAY);

        assertThat(results.get(1).outcome()).isEqualTo(Outcome.PASSED);
        assertThat(results.get(1).phase(Phase.UP).orElseThrow().nonTransactionalReason())
                .isEqualTo("executeInTransaction=false (V2__index_t.sql.conf line 1)");
        assertThat(results.get(2).failure()).startsWith("3 reindex_t: UP failed at V3__reindex_t.sql:1: ERROR 25001:"
                + " REINDEX CONCURRENTLY cannot run inside a transaction block: Flyway runs a script in a transaction"
                + " unless it recognises a statement that cannot run in one").contains("; fix: add"
                + " V3__reindex_t.sql.conf holding executeInTransaction=false");
    }

    // the tools' own tables

    @Test
    void aDieselMigrationThatGuardsOnDieselsTableRunsAsInProduction() throws Exception {
        file("2024-01-01-000000_create_t/up.sql", CREATE_T);
        file("2024-01-01-000000_create_t/down.sql", "DROP TABLE t;\n");
        file("2024-01-02-000000_needs_t/up.sql", """
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT FROM __diesel_schema_migrations WHERE version = '20240101000000') THEN
                    RAISE EXCEPTION 'run 2024-01-01-000000_create_t first';
                  END IF;
                END $$;
                ALTER TABLE t ADD COLUMN note text;
                """);
        file("2024-01-02-000000_needs_t/down.sql", "ALTER TABLE t DROP COLUMN note;\n");
        // every UP inserted its row and every DOWN deleted it: a row left behind would make the second UP collide
        file("2024-01-03-000000_count/up.sql", """
                DO $$ BEGIN
                  IF (SELECT count(*) FROM __diesel_schema_migrations) <> 2 THEN
                    RAISE EXCEPTION 'diesel would hold 2 rows here';
                  END IF;
                END $$;
                """);
        file("2024-01-03-000000_count/down.sql", "SELECT 1;\n");

        List<CycleResult> results = rehearseAll(Layout.DIESEL, new DataVolume(50, Map.of(), Map.of(), 1, false));

        assertThat(results).extracting(CycleResult::outcome).containsOnly(Outcome.PASSED);
        assertThat(results.get(2).rows()).as("the tool's table is not user data: never loaded nor counted")
                .containsOnlyKeys("public.t");
    }

    @Test
    void withoutItsTableTheSameGuardFails() throws Exception {
        file("2024-01-01-000000_needs/up.sql", "SELECT FROM __diesel_schema_migrations;\n");
        file("2024-01-01-000000_needs/down.sql", "SELECT 1;\n");
        List<Migration> migrations = MigrationLoader.load(dir, Layout.DIESEL, false).migrations();

        try (HistoryRehearsal rehearsal = new HistoryRehearsal(server, "no_tool", migrations, ColumnOrder.STRICT, false,
                SnapshotMode.VERIFY)) {
            assertThat(rehearsal.rehearse(0).failure()).contains("ERROR 42P01: relation"
                    + " \"__diesel_schema_migrations\" does not exist");
        }
    }

    @Test
    void golangMigrateMarksTheVersionDirtyWhileItsScriptRunsAndCleanAfter() throws Exception {
        file("1_create_t.up.sql", CREATE_T);
        file("1_create_t.down.sql", "DROP TABLE t;\n");
        file("2_check.up.sql", """
                DO $$ BEGIN
                  IF (SELECT (version, dirty) FROM schema_migrations) IS DISTINCT FROM (2::bigint, true) THEN
                    RAISE EXCEPTION 'golang-migrate marks version 2 dirty before it runs it';
                  END IF;
                END $$;
                """);
        file("2_check.down.sql", """
                DO $$ BEGIN
                  IF (SELECT (version, dirty) FROM schema_migrations) IS DISTINCT FROM (1::bigint, true) THEN
                    RAISE EXCEPTION 'going down to 1, golang-migrate marks version 1 dirty';
                  END IF;
                END $$;
                """);
        file("3_after.up.sql", """
                DO $$ BEGIN
                  IF (SELECT count(*) FROM schema_migrations WHERE version = 3 AND dirty) <> 1 THEN
                    RAISE EXCEPTION 'one row, the version being applied';
                  END IF;
                END $$;
                """);
        file("3_after.down.sql", "SELECT 1;\n");

        assertThat(rehearseAll(Layout.GOLANG_MIGRATE)).extracting(CycleResult::outcome).containsOnly(Outcome.PASSED);
    }

    @Test
    void flywayGooseDbmateSqlxAndSqlMigrateKeepTheirTablesToo() throws Exception {
        Path flyway = folder("flyway");
        write(flyway, "V1__t.sql", CREATE_T);
        write(flyway, "U1__t.sql", "DROP TABLE t;\n");
        write(flyway, "V2__check.sql", "SELECT 1 / count(*) FROM flyway_schema_history WHERE version = '1' AND type = 'SQL'"
                + " AND script = 'V1__t.sql' AND success;\n");
        write(flyway, "U2__check.sql", "SELECT 1 / count(*) FROM flyway_schema_history WHERE version = '2';\n");
        Path goose = folder("goose");
        write(goose, "00001_t.sql", "-- +goose Up\n" + CREATE_T + "-- +goose Down\nDROP TABLE t;\n");
        write(goose, "00002_check.sql", "-- +goose Up\nSELECT 1 / count(*) FROM goose_db_version WHERE version_id IN (0, 1)"
                + " HAVING count(*) = 2;\n-- +goose Down\nSELECT 1;\n");
        Path dbmate = folder("dbmate");
        write(dbmate, "20240101000000_t.sql", "-- migrate:up\n" + CREATE_T + "-- migrate:down\nDROP TABLE t;\n");
        write(dbmate, "20240102000000_check.sql", "-- migrate:up\nSELECT 1 / count(*) FROM schema_migrations WHERE"
                + " version = '20240101000000';\n-- migrate:down\nSELECT 1;\n");
        Path sqlx = folder("sqlx");
        write(sqlx, "1_t.up.sql", CREATE_T);
        write(sqlx, "1_t.down.sql", "DROP TABLE t;\n");
        write(sqlx, "2_check.up.sql", "SELECT 1 / count(*) FROM _sqlx_migrations WHERE version = 1 AND description = 't'"
                + " AND success AND execution_time >= 0;\n");
        write(sqlx, "2_check.down.sql", "SELECT 1;\n");
        Path sqlMigrate = folder("sql_migrate");
        write(sqlMigrate, "1_t.sql", "-- +migrate Up\n" + CREATE_T + "-- +migrate Down\nDROP TABLE t;\n");
        write(sqlMigrate, "2_check.sql", "-- +migrate Up\nSELECT 1 / count(*) FROM gorp_migrations WHERE id = '1_t.sql';\n"
                + "-- +migrate Down\nSELECT 1;\n");

        for (Map.Entry<Path, Layout> folder : Map.of(flyway, Layout.FLYWAY, goose, Layout.GOOSE, dbmate, Layout.DBMATE,
                sqlx, Layout.SQLX, sqlMigrate, Layout.SQL_MIGRATE).entrySet()) {
            assertThat(rehearseAll(folder.getKey(), folder.getValue(), DataVolume.NONE))
                    .as(folder.getValue().name()).extracting(CycleResult::outcome).containsOnly(Outcome.PASSED);
        }
    }

    private List<CycleResult> rehearseAll(Layout layout) throws Exception {
        return rehearseAll(dir, layout, DataVolume.NONE);
    }

    private List<CycleResult> rehearseAll(Layout layout, DataVolume volume) throws Exception {
        return rehearseAll(dir, layout, volume);
    }

    private static List<CycleResult> rehearseAll(Path folder, Layout layout, DataVolume volume) throws Exception {
        LoadedMigrations loaded = MigrationLoader.load(folder, layout, false);
        List<CycleResult> results = new ArrayList<>();
        try (HistoryRehearsal rehearsal = new HistoryRehearsal(server, "tool", loaded.migrations(), ColumnOrder.STRICT,
                false, SnapshotMode.VERIFY, volume).withToolOf(Tool.of(loaded.layout()))) {
            for (int i = 0; i < loaded.migrations().size(); i++) results.add(rehearsal.rehearse(i));
        }
        return results;
    }

    private Path folder(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    private void file(String name, String content) throws IOException {
        write(dir, name, content);
    }

    private static void write(Path folder, String name, String content) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
