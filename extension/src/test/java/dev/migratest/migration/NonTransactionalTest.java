package dev.migratest.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NonTransactionalTest {

    @TempDir
    Path dir;

    @Test
    void aConcurrentIndexMakesTheScriptNonTransactionalNamingTheStatementAndLine() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("V1__index.sql",
                        "-- build without blocking writes",
                        "SET lock_timeout = '2s';",
                        "",
                        "CREATE INDEX CONCURRENTLY users_email ON users (email);")
                .file("U1__index.sql", "DROP INDEX users_email;")
                .load(Layout.FLYWAY);

        Migration migration = loaded.migrations().get(0);
        assertThat(migration.up().transactional()).isFalse();
        assertThat(migration.up().nonTransactionalReason())
                .isEqualTo("CREATE INDEX CONCURRENTLY cannot run in a transaction (line 4)");
        assertThat(migration.up().statements().get(1).kind()).isEqualTo(StatementKind.NEEDS_AUTOCOMMIT);
        assertThat(migration.down().transactional()).isTrue();
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

    @Test
    void flywayConfWithExecuteInTransactionFalseAppliesToItsScriptOnly() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("V3__x.sql", "ALTER TYPE mood ADD VALUE 'meh';")
                .file("V3__x.sql.conf", "# Flyway script configuration", "executeInTransaction=false")
                .file("U3__x.sql", "SELECT 1;")
                .load(Layout.FLYWAY);

        Migration migration = loaded.migrations().get(0);
        assertThat(migration.up().nonTransactionalReason())
                .isEqualTo("executeInTransaction=false (V3__x.sql.conf line 2)");
        assertThat(migration.down().transactional()).isTrue();
        assertThat(loaded.skippedFiles()).isEmpty();
    }

    @Test
    void sqlxNoTransactionFirstLineMarker() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("1_x.up.sql", "-- no-transaction", "ALTER TYPE mood ADD VALUE 'meh';")
                .file("1_x.down.sql", "SELECT 1;", "-- no-transaction")
                .load(Layout.GOLANG_MIGRATE);

        Migration migration = loaded.migrations().get(0);
        assertThat(migration.up().nonTransactionalReason()).isEqualTo("-- no-transaction (line 1)");
        assertThat(migration.down().transactional()).as("the marker counts on the first line only").isTrue();
    }

    @Test
    void dieselMetadataRunInTransactionFalseAppliesToUpAndDown() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("2020-01-01-000000_idx/up.sql", "CREATE INDEX i ON t (c);")
                .file("2020-01-01-000000_idx/down.sql", "DROP INDEX i;")
                .file("2020-01-01-000000_idx/metadata.toml", "", "run_in_transaction = false")
                .load(Layout.DIESEL);

        Migration migration = loaded.migrations().get(0);
        String reason = "run_in_transaction = false (2020-01-01-000000_idx/metadata.toml line 2)";
        assertThat(migration.up().nonTransactionalReason()).isEqualTo(reason);
        assertThat(migration.down().nonTransactionalReason()).isEqualTo(reason);
        assertThat(loaded.skippedFiles()).isEmpty();
    }

    @Test
    void dbmateTransactionFalseAppliesToItsSection() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("20240101000000_x.sql",
                        "-- migrate:up transaction:false",
                        "ALTER TYPE mood ADD VALUE 'meh';",
                        "-- migrate:down",
                        "SELECT 1;")
                .load(Layout.DBMATE);

        Migration migration = loaded.migrations().get(0);
        assertThat(migration.up().nonTransactionalReason()).isEqualTo("-- migrate:up transaction:false (line 1)");
        assertThat(migration.down().transactional()).isTrue();
    }

    @Test
    void gooseNoTransactionAppliesToTheWholeFile() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("00001_x.sql",
                        "-- +goose Up",
                        "-- +goose NO TRANSACTION",
                        "CREATE INDEX i ON t (c);",
                        "-- +goose Down",
                        "DROP INDEX i;")
                .load(Layout.GOOSE);

        Migration migration = loaded.migrations().get(0);
        assertThat(migration.up().nonTransactionalReason()).isEqualTo("-- +goose NO TRANSACTION (line 2)");
        assertThat(migration.down().nonTransactionalReason()).isEqualTo("-- +goose NO TRANSACTION (line 2)");
        assertThat(migration.up().statements()).containsExactly(
                new Statement(3, "CREATE INDEX i ON t (c)", StatementKind.ORDINARY));
    }

    @Test
    void sqlMigrateNotransactionAppliesToItsSection() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("1_x.sql",
                        "-- +migrate Up",
                        "SELECT 1;",
                        "-- +migrate Down notransaction",
                        "SELECT 2;")
                .load(Layout.SQL_MIGRATE);

        Migration migration = loaded.migrations().get(0);
        assertThat(migration.up().transactional()).isTrue();
        assertThat(migration.down().nonTransactionalReason()).isEqualTo("-- +migrate Down notransaction (line 3)");
    }

    @Test
    void aConcurrentStatementInsideAGooseBlockMakesItsSectionNonTransactional() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("00001_x.sql",
                        "-- +goose Up",
                        "-- +goose StatementBegin",
                        "REINDEX INDEX CONCURRENTLY i;",
                        "-- +goose StatementEnd",
                        "-- +goose Down",
                        "SELECT 1;")
                .load(Layout.GOOSE);

        assertThat(loaded.migrations().get(0).up().nonTransactionalReason())
                .isEqualTo("REINDEX INDEX CONCURRENTLY cannot run in a transaction (line 3)");
    }

    @Test
    void aMarkerReasonWinsOverAStatementReason() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("20240101000000_x.sql",
                        "-- migrate:up transaction:false",
                        "CREATE INDEX CONCURRENTLY i ON t (c);",
                        "-- migrate:down",
                        "DROP INDEX CONCURRENTLY i;")
                .load(Layout.DBMATE);

        Migration migration = loaded.migrations().get(0);
        assertThat(migration.up().nonTransactionalReason()).isEqualTo("-- migrate:up transaction:false (line 1)");
        assertThat(migration.down().nonTransactionalReason())
                .isEqualTo("DROP INDEX CONCURRENTLY cannot run in a transaction (line 4)");
    }

    @Test
    void vacuumNeedsAutocommitToo() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("up/1_v.sql", "DELETE FROM t;", "VACUUM FULL t;")
                .file("down/1_v.sql", "SELECT 1;")
                .load(Layout.SPLIT_FOLDERS);

        assertThat(loaded.migrations().get(0).up().nonTransactionalReason())
                .isEqualTo("VACUUM FULL cannot run in a transaction (line 2)");
    }
}
