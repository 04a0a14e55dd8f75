package dev.migratest.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlMigrateLayoutTest {

    @TempDir
    Path dir;

    @Test
    void readsSectionsAndBlocks() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("20240101120000-create-people.sql",
                        "-- +migrate Up",
                        "CREATE TABLE people (id int);",
                        "-- +migrate StatementBegin",
                        "CREATE FUNCTION one() RETURNS int AS $$",
                        "  SELECT 1;",
                        "$$ LANGUAGE sql;",
                        "-- +migrate StatementEnd",
                        "",
                        "-- +migrate Down",
                        "DROP FUNCTION one();",
                        "DROP TABLE people;")
                .load(Layout.SQL_MIGRATE);

        Migration migration = loaded.migrations().get(0);
        assertThat(migration.version()).isEqualTo("20240101120000");
        assertThat(migration.name()).isEqualTo("create-people");
        assertThat(migration.up().statements()).containsExactly(
                new Statement(2, "CREATE TABLE people (id int)", StatementKind.ORDINARY),
                new Statement(4, "CREATE FUNCTION one() RETURNS int AS $$\n  SELECT 1;\n$$ LANGUAGE sql",
                        StatementKind.ORDINARY));
        assertThat(migration.down()).usingRecursiveComparison().ignoringFields("toolRun").isEqualTo(new Script("20240101120000-create-people.sql", List.of(
                new Statement(10, "DROP FUNCTION one()", StatementKind.ORDINARY),
                new Statement(11, "DROP TABLE people", StatementKind.ORDINARY)), null));
    }

    @Test
    void numberedFilesRunInNumberOrderBeforeUnnumberedOnes() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("10_c.sql", "-- +migrate Up", "SELECT 10;", "-- +migrate Down", "SELECT 0;")
                .file("9_b.sql", "-- +migrate Up", "SELECT 9;", "-- +migrate Down", "SELECT 0;")
                .file("seed.sql", "-- +migrate Up", "SELECT 1;", "-- +migrate Down", "SELECT 0;")
                .load(Layout.SQL_MIGRATE);

        assertThat(loaded.migrations()).extracting(Migration::version, Migration::name)
                .containsExactly(tuple("9", "b"), tuple("10", "c"), tuple("seed", ""));
    }
}
