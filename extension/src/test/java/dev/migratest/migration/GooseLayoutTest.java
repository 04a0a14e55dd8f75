package dev.migratest.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GooseLayoutTest {

    @TempDir
    Path dir;

    @Test
    void readsUpAndDownSections() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("00001_create_users.sql",
                        "-- +goose Up",
                        "CREATE TABLE users (id int);",
                        "CREATE TABLE posts (id int);",
                        "",
                        "-- +goose Down",
                        "DROP TABLE posts;",
                        "DROP TABLE users;")
                .load(Layout.GOOSE);

        Migration migration = loaded.migrations().get(0);
        assertThat(migration.displayName()).isEqualTo("00001 create_users");
        assertThat(migration.up().statements()).extracting(Statement::line, Statement::sql).containsExactly(
                tuple(2, "CREATE TABLE users (id int)"),
                tuple(3, "CREATE TABLE posts (id int)"));
        assertThat(migration.down().statements()).extracting(Statement::line).containsExactly(6, 7);
        assertThat(migration.down().file()).isEqualTo("00001_create_users.sql");
    }

    @Test
    void aStatementBeginEndBlockIsOneStatementOnTheLineOfItsFirstToken() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("20240101000000_trigger.sql",
                        "-- +goose Up",
                        "CREATE TABLE t (id int, touched timestamptz);",
                        "-- +goose StatementBegin",
                        "-- keeps touched current",
                        "CREATE FUNCTION touch() RETURNS trigger AS $$",
                        "BEGIN",
                        "  NEW.touched = now();",
                        "  RETURN NEW;",
                        "END;",
                        "$$ LANGUAGE plpgsql;",
                        "-- +goose StatementEnd",
                        "CREATE INDEX t_id ON t (id);",
                        "",
                        "-- +goose Down",
                        "-- +goose StatementBegin",
                        "DROP FUNCTION touch();",
                        "-- +goose StatementEnd",
                        "DROP TABLE t;")
                .load(Layout.GOOSE);

        Migration migration = loaded.migrations().get(0);
        assertThat(migration.up().statements()).containsExactly(
                new Statement(2, "CREATE TABLE t (id int, touched timestamptz)", StatementKind.ORDINARY),
                new Statement(5, String.join("\n",
                        "CREATE FUNCTION touch() RETURNS trigger AS $$",
                        "BEGIN",
                        "  NEW.touched = now();",
                        "  RETURN NEW;",
                        "END;",
                        "$$ LANGUAGE plpgsql"), StatementKind.ORDINARY),
                new Statement(12, "CREATE INDEX t_id ON t (id)", StatementKind.ORDINARY));
        assertThat(migration.down().statements()).containsExactly(
                new Statement(16, "DROP FUNCTION touch()", StatementKind.ORDINARY),
                new Statement(18, "DROP TABLE t", StatementKind.ORDINARY));
    }

    @Test
    void envsubAnnotationsAreNeitherStatementsNorProblems() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("00002_env.sql",
                        "-- +goose ENVSUB ON",
                        "-- +goose Up",
                        "CREATE TABLE t (id int);",
                        "-- +goose ENVSUB OFF",
                        "-- +goose Down",
                        "DROP TABLE t;")
                .load(Layout.GOOSE);

        assertThat(loaded.migrations().get(0).up()).usingRecursiveComparison().ignoringFields("toolRun").isEqualTo(new Script("00002_env.sql",
                List.of(new Statement(3, "CREATE TABLE t (id int)", StatementKind.ORDINARY)), null));
    }

    @Test
    void goFilesAreSkippedWithANote() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("00001_a.sql", "-- +goose Up", "SELECT 1;", "-- +goose Down", "SELECT 2;")
                .file("00002_b.go", "package migrations")
                .load(Layout.GOOSE);

        assertThat(loaded.migrations()).hasSize(1);
        assertThat(loaded.skippedFiles())
                .containsExactly("00002_b.go (not a migration: Go code, Go migrations are not supported)");
    }
}
