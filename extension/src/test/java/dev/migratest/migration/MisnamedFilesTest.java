package dev.migratest.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A misnamed file is a problem that gives the layout's correct form and a corrected name derived from the bad one. */
class MisnamedFilesTest {

    private static final String FLYWAY_FORM =
            "V<version>__<description>.sql + optional U<version>__<description>.sql";

    @TempDir
    Path dir;

    @Test
    void flywayNameWithOneUnderscore() {
        Folder folder = Folder.at(dir).file("V1__ok.sql", "SELECT 1;").file("V2_add_email.sql", "SELECT 2;");

        assertThat(folder.fails(Layout.FLYWAY, true)).hasMessage(folder.message(
                "V2_add_email.sql: found a file name that is not a Flyway name; expected " + FLYWAY_FORM
                        + "; fix: rename it, e.g. to V2__add_email.sql"));
    }

    @Test
    void flywayNamesWithoutAVersionOrWithALowerCasePrefix() {
        Folder folder = Folder.at(dir)
                .file("V1__ok.sql", "SELECT 1;")
                .file("create users.sql", "SELECT 2;")
                .file("v1.2-fix.SQL", "SELECT 3;");

        assertThat(folder.fails(Layout.FLYWAY, true)).hasMessage(folder.message(
                "create users.sql: found a file name that is not a Flyway name; expected " + FLYWAY_FORM
                        + "; fix: rename it, e.g. to V1__create_users.sql",
                "v1.2-fix.SQL: found a file name that is not a Flyway name; expected " + FLYWAY_FORM
                        + "; fix: rename it, e.g. to V1.2__fix.sql"));
    }

    @Test
    void flywayConfigurationForAScriptThatDoesNotExist() {
        Folder folder = Folder.at(dir)
                .file("V1__ok.sql", "SELECT 1;")
                .file("V2__gone.sql.conf", "executeInTransaction=false");

        assertThat(folder.fails(Layout.FLYWAY, true)).hasMessage(folder.message(
                "V2__gone.sql.conf: found a configuration for V2__gone.sql, which does not exist; expected a .conf"
                        + " next to the script it configures; fix: rename it like its script, or delete it"));
    }

    @Test
    void golangMigrateNamesWithoutANumberOrWithADash() {
        Folder folder = Folder.at(dir)
                .file("init.up.sql", "SELECT 1;")
                .file("2-add-email.down.sql", "SELECT 2;");

        String expected = "; expected <version>_<name>.up.sql + <version>_<name>.down.sql; fix: rename it, e.g. to ";
        assertThat(folder.fails(Layout.GOLANG_MIGRATE)).hasMessage(folder.message(
                "2-add-email.down.sql: found a file name that is not a golang-migrate name" + expected
                        + "2_add_email.down.sql",
                "init.up.sql: found a file name that is not a golang-migrate name" + expected + "1_init.up.sql"));
    }

    @Test
    void dieselDirectoryWithoutVersion() {
        Folder folder = Folder.at(dir)
                .file("initial/up.sql", "SELECT 1;")
                .file("schema.sql", "SELECT 2;");

        String expected = "; expected <version>_<name>/up.sql + <version>_<name>/down.sql; fix: ";
        assertThat(folder.fails(Layout.DIESEL)).hasMessage(folder.message(
                "initial/: found a directory name that is not a diesel name" + expected
                        + "rename it, e.g. to 2024-01-01-000000_initial"));
    }

    @Test
    void dieselDirectoryWithoutItsScripts() {
        Folder folder = Folder.at(dir).file("2020-01-01-000000_a/Up.sql", "SELECT 1;");

        assertThat(folder.fails(Layout.DIESEL)).hasMessage(folder.message(
                "2020-01-01-000000_a/: found a migration directory without up.sql or down.sql; expected"
                        + " <version>_<name>/up.sql + <version>_<name>/down.sql; fix: add 2020-01-01-000000_a/up.sql"
                        + " and 2020-01-01-000000_a/down.sql, or delete the directory"));
    }

    @Test
    void splitFoldersFileWithoutNumber() {
        Folder folder = Folder.at(dir).file("up/create_users.sql", "SELECT 1;");

        assertThat(folder.fails(Layout.SPLIT_FOLDERS)).hasMessage(folder.message(
                "up/create_users.sql: found a file that is not up/<number>_<name>.sql or down/<number>_<name>.sql;"
                        + " expected up/<number>_<name>.sql + down/<number>_<name>.sql; fix: rename it, e.g. to"
                        + " up/1_create_users.sql"));
    }

    @Test
    void markerFileWithoutVersion() {
        Folder folder = Folder.at(dir).file("create_users.sql", "-- +goose Up", "SELECT 1;", "-- +goose Down");

        assertThat(folder.fails(Layout.GOOSE)).hasMessage(folder.message(
                "create_users.sql: found a file name that is not <version>_<name>.sql; expected <version>_<name>.sql"
                        + " with -- +goose Up and -- +goose Down lines; fix: rename it, e.g. to 1_create_users.sql"));
    }

    @Test
    void prismaDirectoryWithoutTimestampAndDirectoryWithoutScript() {
        Folder folder = Folder.at(dir)
                .file("init/migration.sql", "SELECT 1;")
                .dir("20240101000000_empty");

        assertThat(folder.fails(Layout.PRISMA, true)).hasMessage(folder.message(
                "20240101000000_empty/: found a migration directory without migration.sql; expected"
                        + " <timestamp>_<name>/migration.sql; fix: add 20240101000000_empty/migration.sql, or delete"
                        + " the directory",
                "init/: found a directory name that is not a Prisma name; expected <timestamp>_<name>; fix: rename"
                        + " it, e.g. to 20240101000000_init"));
    }
}
