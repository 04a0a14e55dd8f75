package dev.migratest.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GolangMigrateLayoutTest {

    @TempDir
    Path dir;

    @Test
    void pairsUpAndDownFilesByVersion() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("000001_create_users_table.up.sql",
                        "CREATE TABLE users (id int);",
                        "CREATE INDEX users_id ON users (id);")
                .file("000001_create_users_table.down.sql", "DROP TABLE users;")
                .file("000002_add.email.up.sql", "", "ALTER TABLE users ADD email text;")
                .file("000002_add.email.down.sql", "ALTER TABLE users DROP email;")
                .load(Layout.GOLANG_MIGRATE);

        assertThat(loaded.migrations()).extracting(Migration::version, Migration::name)
                .containsExactly(tuple("000001", "create_users_table"), tuple("000002", "add.email"));
        Migration first = loaded.migrations().get(0);
        assertThat(first.up()).usingRecursiveComparison().ignoringFields("toolRun").isEqualTo(new Script("000001_create_users_table.up.sql", List.of(
                new Statement(1, "CREATE TABLE users (id int)", StatementKind.ORDINARY),
                new Statement(2, "CREATE INDEX users_id ON users (id)", StatementKind.ORDINARY)), null));
        assertThat(first.down().file()).isEqualTo("000001_create_users_table.down.sql");
        assertThat(loaded.migrations().get(1).up().statements()).extracting(Statement::line).containsExactly(2);
    }

    @Test
    void readsSqlxTimestampedFiles() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("20240115120000_users.up.sql", "CREATE TABLE users (id int);")
                .file("20240115120000_users.down.sql", "DROP TABLE users;")
                .load(Layout.GOLANG_MIGRATE);

        assertThat(loaded.migrations()).extracting(Migration::displayName).containsExactly("20240115120000 users");
    }

    @Test
    void sqlxPlainFilesAreForwardOnly() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("20240101000000_init.sql", "CREATE TABLE a (id int);")
                .file("20240102000000_more.up.sql", "CREATE TABLE b (id int);")
                .file("20240102000000_more.down.sql", "DROP TABLE b;")
                .loadForwardOnly(Layout.GOLANG_MIGRATE);

        assertThat(loaded.migrations()).extracting(Migration::name, Migration::forwardOnly)
                .containsExactly(tuple("init", true), tuple("more", false));
        assertThat(loaded.migrations().get(0).up().file()).isEqualTo("20240101000000_init.sql");
    }

    @Test
    void filesInSubDirectoriesAreNotRead() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("1_a.up.sql", "SELECT 1;")
                .file("1_a.down.sql", "SELECT 2;")
                .file("old/2_b.up.sql", "SELECT 3;")
                .load(Layout.GOLANG_MIGRATE);

        assertThat(loaded.migrations()).hasSize(1);
        assertThat(loaded.skippedFiles()).containsExactly(
                "old/2_b.up.sql (not a migration: in a sub-directory, golang-migrate and sqlx read only the top"
                        + " level)");
    }
}
