package dev.migratest.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DieselLayoutTest {

    @TempDir
    Path dir;

    @Test
    void readsMigrationDirectoriesWithDashesStrippedFromTheVersion() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("00000000000000_diesel_initial_setup/up.sql",
                        "CREATE FUNCTION f() RETURNS int AS 'SELECT 1' LANGUAGE sql;")
                .file("00000000000000_diesel_initial_setup/down.sql", "DROP FUNCTION f();")
                .file("2017-11-23-064153_create_posts/up.sql",
                        "-- Your SQL goes here",
                        "CREATE TABLE posts (id serial PRIMARY KEY);")
                .file("2017-11-23-064153_create_posts/down.sql", "DROP TABLE posts;")
                .load(Layout.DIESEL);

        assertThat(loaded.migrations()).extracting(Migration::version, Migration::name).containsExactly(
                tuple("00000000000000", "diesel_initial_setup"),
                tuple("20171123064153", "create_posts"));
        Migration posts = loaded.migrations().get(1);
        assertThat(posts.up()).isEqualTo(new Script("2017-11-23-064153_create_posts/up.sql",
                List.of(new Statement(2, "CREATE TABLE posts (id serial PRIMARY KEY)", StatementKind.ORDINARY)), null));
        assertThat(posts.down().file()).isEqualTo("2017-11-23-064153_create_posts/down.sql");
    }

    @Test
    void directoryNamesMayHoldSpaces() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("2020-01-01-000000_add users table/up.sql", "CREATE TABLE users (id int);")
                .file("2020-01-01-000000_add users table/down.sql", "DROP TABLE users;")
                .load(Layout.DIESEL);

        assertThat(loaded.migrations()).extracting(Migration::displayName)
                .containsExactly("20200101000000 add users table");
        assertThat(loaded.migrations().get(0).up().file()).isEqualTo("2020-01-01-000000_add users table/up.sql");
    }

    @Test
    void otherFilesInAndAroundTheDirectoriesAreSkipped() {
        LoadedMigrations loaded = Folder.at(dir)
                .file(".keep")
                .file("2020-01-01-000000_a/up.sql", "SELECT 1;")
                .file("2020-01-01-000000_a/down.sql", "SELECT 2;")
                .file("2020-01-01-000000_a/notes.md", "why")
                .file("2020-01-01-000000_a/seed.sql", "INSERT INTO a VALUES (1);")
                .load(Layout.DIESEL);

        assertThat(loaded.migrations()).hasSize(1);
        assertThat(loaded.skippedFiles()).containsExactly(
                ".keep (not a migration: placeholder)",
                "2020-01-01-000000_a/notes.md (not a migration: documentation)",
                "2020-01-01-000000_a/seed.sql (not a migration: diesel reads only up.sql and down.sql of a migration"
                        + " directory)");
    }

    /**
     * diesel 2.3 lists only the folder's directories: a schema dump or seed kept at the root of a published history
     * never ran, so it is listed as skipped and every migration still loads (renaming or moving it would rewrite the
     * history).
     */
    @Test
    void sqlFilesAtTheRootAreSkippedAsDieselSkipsThem() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("schema.sql", "CREATE TABLE dump (id int);")
                .file("seed.SQL", "INSERT INTO dump VALUES (1);")
                .file("2020-01-01-000000_a/up.sql", "CREATE TABLE a (id int);")
                .file("2020-01-01-000000_a/down.sql", "DROP TABLE a;")
                .load(Layout.DIESEL);

        assertThat(loaded.migrations()).extracting(Migration::displayName).containsExactly("20200101000000 a");
        assertThat(loaded.skippedFiles()).containsExactly(
                "schema.sql (not a migration: a file at the root, diesel reads only the migration directories)",
                "seed.SQL (not a migration: a file at the root, diesel reads only the migration directories)");
    }

    @Test
    void aRootSqlFileDoesNotHideTheLayoutFromDetection() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("schema.sql", "CREATE TABLE dump (id int);")
                .file("2020-01-01-000000_a/up.sql", "CREATE TABLE a (id int);")
                .file("2020-01-01-000000_a/down.sql", "DROP TABLE a;")
                .load(Layout.AUTO);

        assertThat(loaded.layout()).isEqualTo(Layout.DIESEL);
        assertThat(loaded.skippedFiles()).hasSize(1);
    }
}
