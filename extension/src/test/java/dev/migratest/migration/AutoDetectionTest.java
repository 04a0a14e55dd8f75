package dev.migratest.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoDetectionTest {

    static final String ALL_LAYOUTS = "FLYWAY (V<version>__<description>.sql + optional U<version>__<description>.sql),"
            + " GOLANG_MIGRATE (<version>_<name>.up.sql + <version>_<name>.down.sql),"
            + " SQLX (<version>_<name>.up.sql + <version>_<name>.down.sql, or forward-only <version>_<name>.sql),"
            + " DIESEL (<version>_<name>/up.sql + <version>_<name>/down.sql),"
            + " SPLIT_FOLDERS (up/<number>_<name>.sql + down/<number>_<name>.sql),"
            + " UP_DOWN_MARKERS (<version>_<name>.sql with -- UP and -- DOWN lines),"
            + " DBMATE (<version>_<name>.sql with -- migrate:up and -- migrate:down lines),"
            + " GOOSE (<version>_<name>.sql with -- +goose Up and -- +goose Down lines),"
            + " SQL_MIGRATE (<version>_<name>.sql with -- +migrate Up and -- +migrate Down lines),"
            + " PRISMA (<timestamp>_<name>/migration.sql)";

    @TempDir
    Path dir;

    private Layout detected(Folder folder) {
        return folder.loadForwardOnly(Layout.AUTO).layout();
    }

    @Test
    void detectsFlywayByItsNames() {
        assertThat(detected(Folder.at(dir).file("V1__init.sql", "SELECT 1;"))).isEqualTo(Layout.FLYWAY);
    }

    @Test
    void detectsGolangMigrateByUpAndDownFiles() {
        assertThat(detected(Folder.at(dir).file("1_init.up.sql", "SELECT 1;").file("1_init.down.sql", "SELECT 2;")))
                .isEqualTo(Layout.GOLANG_MIGRATE);
    }

    @Test
    void detectsPlainNumberedFilesWithoutMarkersAsSqlx() {
        // golang-migrate reads only .up.sql and .down.sql; plain numbered files are sqlx's forward-only migrations
        assertThat(detected(Folder.at(dir).file("20240101000000_init.sql", "CREATE TABLE t (id int);")))
                .isEqualTo(Layout.SQLX);
    }

    @Test
    void upAndDownFilesAreGolangMigrateUnlessAFileShowsSqlx() {
        Folder folder = Folder.at(dir).file("1_init.up.sql", "CREATE TABLE t (id int);")
                .file("1_init.down.sql", "DROP TABLE t;");
        assertThat(detected(folder)).isEqualTo(Layout.GOLANG_MIGRATE);

        folder.file("2_idx.up.sql", "-- no-transaction", "CREATE INDEX CONCURRENTLY i ON t (id);")
                .file("2_idx.down.sql", "DROP INDEX i;");
        assertThat(detected(folder)).as("sqlx's -- no-transaction first line").isEqualTo(Layout.SQLX);
    }

    @Test
    void upAndDownFilesNextToAPlainForwardOnlyFileAreSqlx() {
        assertThat(detected(Folder.at(dir).file("1_init.up.sql", "CREATE TABLE t (id int);")
                .file("1_init.down.sql", "DROP TABLE t;").file("2_seed.sql", "INSERT INTO t VALUES (1);")))
                .isEqualTo(Layout.SQLX);
    }

    @Test
    void detectsDieselByItsDirectories() {
        assertThat(detected(Folder.at(dir).file("2020-01-01-000000_init/up.sql", "SELECT 1;")))
                .isEqualTo(Layout.DIESEL);
    }

    @Test
    void detectsSplitFolders() {
        assertThat(detected(Folder.at(dir).file("up/001_init.sql", "SELECT 1;").file("down/001_init.sql", "SELECT 2;")))
                .isEqualTo(Layout.SPLIT_FOLDERS);
    }

    @Test
    void detectsPrismaByMigrationSqlOrItsLockFile() {
        assertThat(detected(Folder.at(dir).file("20240101000000_init/migration.sql", "SELECT 1;")))
                .isEqualTo(Layout.PRISMA);
    }

    @Test
    void detectsUpDownMarkers() {
        assertThat(detected(Folder.at(dir).file("001_init.sql", "-- up", "SELECT 1;", "-- down", "SELECT 2;")))
                .isEqualTo(Layout.UP_DOWN_MARKERS);
    }

    @Test
    void detectsDbmate() {
        assertThat(detected(Folder.at(dir).file("1_init.sql", "-- migrate:up", "SELECT 1;", "-- migrate:down")))
                .isEqualTo(Layout.DBMATE);
    }

    @Test
    void detectsGoose() {
        assertThat(detected(Folder.at(dir).file("00001_init.sql", "-- +goose Up", "SELECT 1;")))
                .isEqualTo(Layout.GOOSE);
    }

    @Test
    void detectsSqlMigrate() {
        assertThat(detected(Folder.at(dir).file("1-init.sql", "-- +migrate Up", "SELECT 1;")))
                .isEqualTo(Layout.SQL_MIGRATE);
    }

    @Test
    void aMarkerFileThatForgotItsMarkersDoesNotMakeTheFolderAmbiguous() {
        MigrationDefinitionException e = Folder.at(dir)
                .file("00001_a.sql", "-- +goose Up", "SELECT 1;", "-- +goose Down", "SELECT 2;")
                .file("00002_b.sql", "SELECT 3;")
                .fails(Layout.AUTO);

        assertThat(e.problems()).extracting(DefinitionProblem::file).containsExactly("00002_b.sql");
    }

    @Test
    void twoLayoutsInOneFolderAreOneProblemNamingWhatWasSeen() {
        Folder folder = Folder.at(dir)
                .file("V1__init.sql", "SELECT 1;")
                .file("2_users.up.sql", "SELECT 2;")
                .file("2_users.down.sql", "SELECT 3;");

        MigrationDefinitionException e = folder.fails(Layout.AUTO);

        assertThat(e).hasMessage(folder.message(dir + ": found files of 2 layouts: V1__init.sql (FLYWAY),"
                + " 2_users.down.sql (GOLANG_MIGRATE); expected the files of one layout per location; fix: set the"
                + " layout explicitly (FLYWAY or GOLANG_MIGRATE) instead of AUTO; files that do not fit it are then"
                + " reported"));
    }

    @Test
    void filesThatFitNoLayoutAreOneProblemListingTheCandidates() {
        Folder folder = Folder.at(dir).file("README.md", "docs").file("schema.sql", "CREATE TABLE t (id int);");

        MigrationDefinitionException e = folder.fails(Layout.AUTO);

        assertThat(e).hasMessage(folder.message(dir + ": found files that fit no layout: README.md, schema.sql;"
                + " expected one of the layouts " + ALL_LAYOUTS + "; fix: set the layout explicitly instead of AUTO;"
                + " each file that does not fit it is then reported with its correct form"));
    }

    @Test
    void anEmptyFolderNamesTheLocationAndEveryLayoutLookedFor() {
        Folder folder = Folder.at(dir);

        MigrationDefinitionException e = folder.fails(Layout.AUTO);

        assertThat(e).hasMessage(folder.message(dir + ": found no migrations; expected migrations in one of the"
                + " layouts " + ALL_LAYOUTS + "; fix: correct the location, or add migrations to it"));
    }

    @Test
    void aFolderWithoutMigrationsForAnExplicitLayoutNamesThatLayoutAndWhatWasSeen() {
        Folder folder = Folder.at(dir).file("README.md", "docs").file(".gitkeep");

        MigrationDefinitionException e = folder.fails(Layout.FLYWAY);

        assertThat(e).hasMessage(folder.message(dir + ": found no migrations, only .gitkeep, README.md; expected"
                + " migrations in layout FLYWAY (V<version>__<description>.sql + optional"
                + " U<version>__<description>.sql); fix: correct the location, or add migrations to it"));
    }
}
