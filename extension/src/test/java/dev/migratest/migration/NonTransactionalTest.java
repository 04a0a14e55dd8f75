package dev.migratest.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether each tool runs a script in a transaction, as its source says (README's "Migration folders" names the
 * versions read). A statement that cannot run in a transaction is no reason to leave one: where the tool would run it
 * in a transaction, the script keeps it, with the tool's reason and fix for the failure PostgreSQL then gives.
 */
class NonTransactionalTest {

    @TempDir
    Path dir;

    // Flyway

    @Test
    void flywayRunsAScriptOfOnlyStatementsItKnowsAsNonTransactionalOutsideATransaction() {
        Migration migration = Folder.at(dir)
                .file("V1__index.sql", "-- build without blocking writes", "CREATE INDEX CONCURRENTLY users_email ON users (email);")
                .file("U1__index.sql", "DROP INDEX CONCURRENTLY users_email;")
                .load(Layout.FLYWAY).migrations().get(0);

        assertThat(migration.up().nonTransactionalReason()).isEqualTo("Flyway runs it outside a transaction: it holds"
                + " only statements that cannot run in one (CREATE INDEX CONCURRENTLY, line 2)");
        assertThat(migration.down().transactional()).isFalse();
        assertThat(migration.up().statements().get(0).kind()).isEqualTo(StatementKind.NEEDS_AUTOCOMMIT);
    }

    @Test
    void flywayRefusesAScriptMixingBothKindsNamingTheStatementAtWhichItSawBoth() {
        Folder folder = Folder.at(dir)
                .file("V1__index.sql",
                        "-- build without blocking writes",
                        "SET lock_timeout = '2s';",
                        "",
                        "CREATE INDEX CONCURRENTLY users_email ON users (email);")
                .file("U1__index.sql", "DROP INDEX users_email;");

        Script up = folder.load(Layout.FLYWAY).migrations().get(0).up();

        assertThat(up.refused()).isTrue();
        assertThat(up.toolRun().refusal()).isEqualTo(new ToolRun.Refusal(4, "Flyway refuses to run it: \"Detected"
                + " both transactional and non-transactional statements within the same migration (even though mixed"
                + " is false). Offending statement found at line 4: CREATE INDEX CONCURRENTLY … [non-transactional]\"",
                "move CREATE INDEX CONCURRENTLY (line 4) into a migration of its own, or add V1__index.sql.conf holding"
                        + " executeInTransaction=false (every statement then runs on its own), or set"
                        + " flyway.mixed=true"));
    }

    @Test
    void flywayMixedRunsAMixedScriptOutsideATransaction() {
        ToolSettings mixed = ToolSettings.of(Map.of("flyway.mixed", "true"), Map.of(), dir.resolve("nowhere"));
        Script up = Folder.at(dir)
                .file("V1__index.sql", "SET lock_timeout = '2s';", "CREATE INDEX CONCURRENTLY i ON t (c);")
                .file("U1__index.sql", "DROP INDEX i;")
                .load(Layout.FLYWAY, mixed).migrations().get(0).up();

        assertThat(up.refused()).isFalse();
        assertThat(up.nonTransactionalReason()).isEqualTo("flyway.mixed=true (system property): Flyway runs a script"
                + " that mixes statements that can and cannot run in a transaction outside one (CREATE INDEX"
                + " CONCURRENTLY, line 2)");
    }

    @Test
    void flywayRunsAStatementItDoesNotRecogniseInItsTransaction() {
        Migration migration = Folder.at(dir)
                .file("V1__reindex.sql", "REINDEX INDEX CONCURRENTLY users_email;")
                .file("U1__reindex.sql", "ALTER TABLE m DETACH PARTITION m2023 CONCURRENTLY;")
                .load(Layout.FLYWAY).migrations().get(0);

        assertThat(migration.up().transactional()).isTrue();
        assertThat(migration.up().statements().get(0).kind()).isEqualTo(StatementKind.NEEDS_AUTOCOMMIT);
        assertThat(migration.up().toolRun().transactionReason()).startsWith("Flyway runs a script in a transaction"
                + " unless it recognises a statement that cannot run in one, and its PostgreSQL parser recognises"
                + " only CREATE/DROP INDEX CONCURRENTLY");
        assertThat(migration.up().toolRun().fix()).isEqualTo("add V1__reindex.sql.conf holding"
                + " executeInTransaction=false");
        assertThat(migration.down().transactional()).isTrue();
    }

    @Test
    void flywayConfDecidesForItsScriptOnly() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("V3__x.sql", "ALTER TYPE mood ADD VALUE 'meh';")
                .file("V3__x.sql.conf", "# Flyway script configuration", "executeInTransaction=false")
                .file("U3__x.sql", "CREATE INDEX CONCURRENTLY i ON t (c);")
                .file("U3__x.sql.conf", "executeInTransaction=true")
                .load(Layout.FLYWAY);

        Migration migration = loaded.migrations().get(0);
        assertThat(migration.up().nonTransactionalReason())
                .isEqualTo("executeInTransaction=false (V3__x.sql.conf line 2)");
        assertThat(migration.down().transactional()).as("the conf overrides Flyway's own detection").isTrue();
        assertThat(migration.down().toolRun()).isEqualTo(ToolRun.inTransaction("executeInTransaction=true"
                + " (U3__x.sql.conf line 1): Flyway runs the script in a transaction",
                "set executeInTransaction=false in U3__x.sql.conf"));
        assertThat(loaded.skippedFiles()).isEmpty();
    }

    @Test
    void flywayExecuteInTransactionFalseRunsEveryScriptOutsideOne() {
        ToolSettings settings = ToolSettings.of(Map.of(), Map.of("FLYWAY_EXECUTE_IN_TRANSACTION", "false"), dir);
        Script up = Folder.at(dir).file("V1__t.sql", "CREATE TABLE t (id int);", "INSERT INTO t VALUES (1);")
                .file("U1__t.sql", "DROP TABLE t;")
                .load(Layout.FLYWAY, settings).migrations().get(0).up();

        assertThat(up.nonTransactionalReason()).isEqualTo("FLYWAY_EXECUTE_IN_TRANSACTION=false (environment)");
    }

    @Test
    void flywayKnowsTheStatementsItsPostgresParserKnows() {
        assertThat(FlywayStatements.cannotRunInTransaction("vacuum analyze t")).isTrue();
        assertThat(FlywayStatements.cannotRunInTransaction("-- comment\nCREATE UNIQUE INDEX CONCURRENTLY i ON t (c)"))
                .isTrue();
        assertThat(FlywayStatements.cannotRunInTransaction("REINDEX (VERBOSE) SCHEMA app")).isTrue();
        assertThat(FlywayStatements.cannotRunInTransaction("DISCARD ALL")).isTrue();
        assertThat(FlywayStatements.cannotRunInTransaction("CREATE DATABASE x")).isTrue();
        assertThat(FlywayStatements.cannotRunInTransaction("REINDEX INDEX CONCURRENTLY i")).isFalse();
        assertThat(FlywayStatements.cannotRunInTransaction("CREATE INDEX i ON t (c)")).isFalse();
        assertThat(FlywayStatements.cannotRunInTransaction("SELECT 'CREATE INDEX CONCURRENTLY'")).isFalse();
        assertThat(FlywayStatements.words("CREATE INDEX idx2 ON \"T\" (lower(c)) WHERE c <> $$x$$"))
                .as("a word with a digit is an identifier to Flyway, as are quoted names")
                .containsExactly("CREATE", "INDEX", "ON", "WHERE", "C");
    }

    // golang-migrate and sqlx

    @Test
    void golangMigrateSendsAFileAsOneQueryWhichRunsInOneImplicitTransactionWhenItHoldsSeveralStatements() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("1_idx.up.sql", "CREATE INDEX CONCURRENTLY i ON t (c);")
                .file("1_idx.down.sql", "-- no-transaction", "DROP INDEX CONCURRENTLY i;", "DROP TABLE audit;")
                .load(Layout.GOLANG_MIGRATE);

        Migration migration = loaded.migrations().get(0);
        assertThat(migration.up().nonTransactionalReason()).isEqualTo("golang-migrate sends 1_idx.up.sql as one"
                + " query, and PostgreSQL runs a query of one statement outside any transaction (CREATE INDEX"
                + " CONCURRENTLY, line 1)");
        assertThat(migration.down().transactional()).as("-- no-transaction is only a comment to golang-migrate")
                .isTrue();
        assertThat(migration.down().toolRun()).isEqualTo(ToolRun.inTransaction("golang-migrate sends 1_idx.down.sql"
                + " as one query, which PostgreSQL runs in one implicit transaction when it holds several statements",
                "move the statement into a migration of its own, alone in its file, or run golang-migrate with"
                        + " x-multi-statement=true in the database URL (and set"
                        + " -Dmigratest.golangMigrate.multiStatement=true for migratest)"));
    }

    @Test
    void golangMigrateWithMultiStatementSendsEachStatementOnItsOwn() {
        ToolSettings settings = ToolSettings.of(Map.of("migratest.golangMigrate.multiStatement", "true"), Map.of(),
                dir);
        Script up = Folder.at(dir).file("1_idx.up.sql", "SET lock_timeout = '1s';", "CREATE INDEX CONCURRENTLY i ON t (c);")
                .file("1_idx.down.sql", "DROP INDEX i;")
                .load(Layout.GOLANG_MIGRATE, settings).migrations().get(0).up();

        assertThat(up.nonTransactionalReason()).isEqualTo("migratest.golangMigrate.multiStatement=true (system"
                + " property): golang-migrate runs with x-multi-statement=true and sends each statement on its own");
    }

    @Test
    void sqlxRunsAMigrationInATransactionUnlessItsFirstLineIsNoTransaction() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("1_x.up.sql", "-- no-transaction", "CREATE INDEX CONCURRENTLY i ON t (c);")
                .file("1_x.down.sql", "SELECT 1;", "-- no-transaction", "DROP INDEX CONCURRENTLY i;")
                .file("2_y.up.sql", "-- no-transaction", "VACUUM t;", "ANALYZE t;")
                .file("2_y.down.sql", "SELECT 1;")
                .load(Layout.SQLX);

        Migration first = loaded.migrations().get(0);
        assertThat(first.up().nonTransactionalReason()).isEqualTo("-- no-transaction (line 1): sqlx sends"
                + " 1_x.up.sql as one query, and PostgreSQL runs a query of one statement outside any transaction"
                + " (CREATE INDEX CONCURRENTLY, line 2)");
        assertThat(first.down().transactional()).as("the marker counts on the first line only").isTrue();
        assertThat(first.down().toolRun().transactionReason())
                .isEqualTo("sqlx runs each migration in a transaction unless its file begins with -- no-transaction");
        assertThat(loaded.migrations().get(1).up().toolRun().transactionReason()).as("several statements, one query")
                .isEqualTo("-- no-transaction (line 1): sqlx sends 2_y.up.sql as one query, which PostgreSQL runs in"
                        + " one implicit transaction when it holds several statements");
    }

    // diesel

    @Test
    void dieselRunsEveryMigrationInATransactionWithoutMetadata() {
        Migration migration = Folder.at(dir)
                .file("2020-01-01-000000_idx/up.sql", "CREATE INDEX CONCURRENTLY i ON t (c);")
                .file("2020-01-01-000000_idx/down.sql", "DROP INDEX CONCURRENTLY i;")
                .load(Layout.DIESEL).migrations().get(0);

        assertThat(migration.up().transactional()).isTrue();
        assertThat(migration.down().toolRun()).isEqualTo(ToolRun.inTransaction("diesel runs every migration in a"
                + " transaction unless its metadata.toml says run_in_transaction = false", "add"
                + " 2020-01-01-000000_idx/metadata.toml holding run_in_transaction = false, and keep the statement"
                + " alone in down.sql (without a transaction diesel sends the file as one query, which PostgreSQL"
                + " runs in one implicit transaction when it holds several statements)"));
    }

    @Test
    void dieselRunInTransactionFalseSendsEachFileAsOneQuery() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("2020-01-01-000000_idx/up.sql", "CREATE INDEX CONCURRENTLY i ON t (c);")
                .file("2020-01-01-000000_idx/down.sql", "DROP INDEX CONCURRENTLY i;", "DROP TABLE audit;")
                .file("2020-01-01-000000_idx/metadata.toml", "", "run_in_transaction = false")
                .load(Layout.DIESEL);

        Migration migration = loaded.migrations().get(0);
        assertThat(migration.up().nonTransactionalReason()).isEqualTo("run_in_transaction = false"
                + " (2020-01-01-000000_idx/metadata.toml line 2): diesel sends up.sql as one query, and PostgreSQL"
                + " runs a query of one statement outside any transaction (CREATE INDEX CONCURRENTLY, line 1)");
        assertThat(migration.down().transactional()).as("two statements: one implicit transaction").isTrue();
        assertThat(migration.down().toolRun().fix()).isEqualTo("move the statement into a migration of its own,"
                + " alone in its down.sql (diesel's documentation advises the same)");
        assertThat(loaded.skippedFiles()).isEmpty();
    }

    @Test
    void dieselReadsAMetadataTomlWithoutTheKeyAsFalseAndTrueAsTrue() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("1_a/up.sql", "VACUUM t;").file("1_a/down.sql", "SELECT 1;")
                .file("1_a/metadata.toml", "# nothing about transactions")
                .file("2_b/up.sql", "VACUUM t;").file("2_b/down.sql", "SELECT 1;")
                .file("2_b/metadata.toml", "run_in_transaction = true # the default")
                .load(Layout.DIESEL);

        assertThat(loaded.migrations().get(0).up().nonTransactionalReason()).startsWith("1_a/metadata.toml without"
                + " run_in_transaction (diesel reads the missing key as false): diesel sends up.sql as one query");
        Script second = loaded.migrations().get(1).up();
        assertThat(second.transactional()).isTrue();
        assertThat(second.toolRun().fix()).startsWith("set run_in_transaction = false in 2_b/metadata.toml, and keep");
    }

    @Test
    void dieselFailsAScriptThatCommitsItsTransactionItself() {
        Script up = Folder.at(dir)
                .file("1_a/up.sql", "BEGIN;", "CREATE TABLE t (id int);", "COMMIT;")
                .file("1_a/down.sql", "DROP TABLE t;")
                .load(Layout.DIESEL).migrations().get(0).up();

        assertThat(up.toolRun().refusal()).isEqualTo(new ToolRun.Refusal(3, "diesel runs up.sql inside its own"
                + " transaction, and the script's COMMIT (line 3) ends it: what follows, and diesel's row in"
                + " __diesel_schema_migrations, are committed outside it, and diesel 2 then fails its own COMMIT"
                + " (\"Cannot perform this operation outside of a transaction\"), leaving the migration applied",
                "remove the script's BEGIN/COMMIT: diesel already runs up.sql in a transaction"));
    }

    // goose, dbmate, sql-migrate

    @Test
    void gooseNoTransactionAppliesToTheWholeFileAndWithoutItBothHalvesRunInATransaction() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("00001_x.sql",
                        "-- +goose Up",
                        "-- +goose NO TRANSACTION",
                        "CREATE INDEX i ON t (c);",
                        "-- +goose Down",
                        "DROP INDEX i;")
                .file("00002_y.sql",
                        "-- +goose Up",
                        "-- +goose StatementBegin",
                        "REINDEX INDEX CONCURRENTLY i;",
                        "-- +goose StatementEnd",
                        "-- +goose Down",
                        "SELECT 1;")
                .load(Layout.GOOSE);

        Migration first = loaded.migrations().get(0);
        assertThat(first.up().nonTransactionalReason()).isEqualTo("-- +goose NO TRANSACTION (line 2)");
        assertThat(first.down().nonTransactionalReason()).isEqualTo("-- +goose NO TRANSACTION (line 2)");
        assertThat(first.up().statements()).containsExactly(
                new Statement(3, "CREATE INDEX i ON t (c)", StatementKind.ORDINARY));
        Script block = loaded.migrations().get(1).up();
        assertThat(block.transactional()).isTrue();
        assertThat(block.toolRun()).isEqualTo(ToolRun.inTransaction("goose runs each migration in a transaction"
                + " unless its file says -- +goose NO TRANSACTION", "add the line -- +goose NO TRANSACTION to"
                + " 00002_y.sql (it takes both up and down out of the transaction)"));
    }

    @Test
    void dbmateTransactionFalseAppliesToItsSectionWhichItSendsAsOneQuery() {
        Migration migration = Folder.at(dir)
                .file("20240101000000_x.sql",
                        "-- migrate:up transaction:false",
                        "CREATE INDEX CONCURRENTLY i ON t (c);",
                        "-- migrate:down",
                        "DROP INDEX CONCURRENTLY i;")
                .load(Layout.DBMATE).migrations().get(0);

        assertThat(migration.up().nonTransactionalReason()).isEqualTo("-- migrate:up transaction:false (line 1):"
                + " dbmate sends the section as one query, and PostgreSQL runs a query of one statement outside any"
                + " transaction (CREATE INDEX CONCURRENTLY, line 2)");
        assertThat(migration.down().transactional()).isTrue();
        assertThat(migration.down().toolRun().fix()).startsWith("write -- migrate:down transaction:false and keep the"
                + " statement alone in that section");
    }

    @Test
    void sqlMigrateNotransactionAppliesToItsSection() {
        Migration migration = Folder.at(dir)
                .file("1_x.sql",
                        "-- +migrate Up",
                        "VACUUM t;",
                        "-- +migrate Down notransaction",
                        "SELECT 2;",
                        "VACUUM t;")
                .load(Layout.SQL_MIGRATE).migrations().get(0);

        assertThat(migration.up().transactional()).isTrue();
        assertThat(migration.up().toolRun().fix()).isEqualTo("write -- +migrate Up notransaction");
        assertThat(migration.down().nonTransactionalReason()).isEqualTo("-- +migrate Down notransaction (line 3)");
    }

    // layouts without a modelled tool: migratest's own rule

    @Test
    void withoutAToolRuleAStatementThatCannotRunInATransactionTakesItsScriptOutOfOne() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("up/1_v.sql", "DELETE FROM t;", "VACUUM FULL t;")
                .file("down/1_v.sql", "SELECT 1;")
                .load(Layout.SPLIT_FOLDERS);

        Script up = loaded.migrations().get(0).up();
        assertThat(up.nonTransactionalReason()).isEqualTo("VACUUM FULL cannot run in a transaction (line 2)");
        assertThat(up.toolRun()).isEqualTo(ToolRun.NONE);
    }

    @Test
    void theReasonNamesTheWordsThatSayWhatTheStatementIs() {
        assertThat(Scripts.firstWords("create unique index concurrently i on t (c)"))
                .isEqualTo("create unique index concurrently");
        assertThat(Scripts.firstWords("-- comment\nVACUUM  ANALYZE users")).isEqualTo("VACUUM ANALYZE");
        assertThat(Scripts.firstWords("VACUUM")).isEqualTo("VACUUM");
        assertThat(Scripts.firstWords("ALTER TABLE measurements DETACH PARTITION m2023 CONCURRENTLY"))
                .isEqualTo("ALTER TABLE … CONCURRENTLY");
    }
}
