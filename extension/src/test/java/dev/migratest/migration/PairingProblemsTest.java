package dev.migratest.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Duplicate versions and ups or downs without their other half. */
class PairingProblemsTest {

    private static final String OR_FORWARD_ONLY = ", or set allowForwardOnly to accept migrations without a down";

    @TempDir
    Path dir;

    @Test
    void flywayVersionsThatAreEqualAsNumbersAreDuplicates() {
        Folder folder = Folder.at(dir).file("V1__a.sql", "SELECT 1;").file("V1.0__b.sql", "SELECT 2;");

        assertThat(folder.fails(Layout.FLYWAY, true)).hasMessage(folder.message(
                "V1__a.sql: found version 1, which V1.0__b.sql already has; expected one migration per version; fix:"
                        + " give V1__a.sql or V1.0__b.sql another version"));
    }

    @Test
    void golangDuplicatesAreReportedForUpsAndDowns() {
        Folder folder = Folder.at(dir)
                .file("001_b.up.sql", "SELECT 1;").file("001_b.down.sql", "SELECT 1;")
                .file("1_a.up.sql", "SELECT 2;").file("1_a.down.sql", "SELECT 2;");

        assertThat(folder.fails(Layout.GOLANG_MIGRATE)).hasMessage(folder.message(
                "1_a.down.sql: found version 1, which 001_b.down.sql already has; expected one migration per version;"
                        + " fix: give 1_a.down.sql or 001_b.down.sql another version",
                "1_a.up.sql: found version 1, which 001_b.up.sql already has; expected one migration per version;"
                        + " fix: give 1_a.up.sql or 001_b.up.sql another version"));
    }

    @Test
    void markerFilesWithTheSameVersionAreOneDuplicate() {
        Folder folder = Folder.at(dir)
                .file("1_a.sql", "-- +goose Up", "SELECT 1;", "-- +goose Down", "SELECT 2;")
                .file("01_b.sql", "-- +goose Up", "SELECT 1;", "-- +goose Down", "SELECT 2;");

        assertThat(folder.fails(Layout.GOOSE).problems()).containsExactly(new DefinitionProblem("1_a.sql", null,
                "version 1, which 01_b.sql already has", "one migration per version",
                "give 1_a.sql or 01_b.sql another version"));
    }

    @Test
    void flywayVersionedScriptWithoutUndo() {
        Folder folder = Folder.at(dir).file("V1__a.sql", "SELECT 1;");
        assertThat(folder.fails(Layout.FLYWAY)).hasMessage(folder.message("V1__a.sql: found no undo script for"
                + " version 1; expected U1__<description>.sql next to it; fix: add U1__a.sql" + OR_FORWARD_ONLY));
    }

    @Test
    void golangUpWithoutDownAndSqlxPlainFile() {
        Folder folder = Folder.at(dir).file("1_a.up.sql", "SELECT 1;").file("2_b.sql", "SELECT 2;");

        assertThat(folder.fails(Layout.GOLANG_MIGRATE)).hasMessage(folder.message(
                "1_a.up.sql: found no down script for version 1; expected 1_a.down.sql next to it; fix: add"
                        + " 1_a.down.sql" + OR_FORWARD_ONLY,
                "2_b.sql: found a forward-only (plain .sql) migration; expected <version>_<name>.up.sql +"
                        + " <version>_<name>.down.sql; fix: split it into 2_b.up.sql and 2_b.down.sql"
                        + OR_FORWARD_ONLY));
    }

    @Test
    void dieselWithoutDownAndWithoutUp() {
        Folder folder = Folder.at(dir)
                .file("2020-01-01-000000_a/up.sql", "SELECT 1;")
                .file("2020-01-02-000000_b/down.sql", "SELECT 2;");

        assertThat(folder.fails(Layout.DIESEL)).hasMessage(folder.message(
                "2020-01-01-000000_a/: found no down.sql; expected 2020-01-01-000000_a/down.sql next to up.sql; fix:"
                        + " add 2020-01-01-000000_a/down.sql" + OR_FORWARD_ONLY,
                "2020-01-02-000000_b/: found down.sql without up.sql; expected 2020-01-02-000000_b/up.sql next to"
                        + " down.sql; fix: add 2020-01-02-000000_b/up.sql"));
    }

    @Test
    void splitFoldersWithoutDownWithoutUpAndWithMismatchedNames() {
        Folder folder = Folder.at(dir)
                .file("up/1_a.sql", "SELECT 1;")
                .file("down/2_b.sql", "SELECT 2;")
                .file("up/3_c.sql", "SELECT 3;")
                .file("down/3_see.sql", "SELECT 3;");

        assertThat(folder.fails(Layout.SPLIT_FOLDERS)).hasMessage(folder.message(
                "down/2_b.sql: found no up/2_b.sql; expected up/2_b.sql with the same name; fix: add up/2_b.sql, or"
                        + " fix the number of down/2_b.sql",
                "down/3_see.sql: found a down whose name differs from up/3_c.sql; expected the same file name in up/"
                        + " and down/; fix: rename down/3_see.sql to down/3_c.sql",
                "up/1_a.sql: found no down/1_a.sql; expected down/1_a.sql with the same name; fix: add down/1_a.sql"
                        + OR_FORWARD_ONLY));
    }

    @Test
    void flywayUndoWithoutItsVersionedScript() {
        Folder folder = Folder.at(dir).file("V1__a.sql", "SELECT 1;").file("U2__b.sql", "SELECT 2;");

        assertThat(folder.fails(Layout.FLYWAY, true)).hasMessage(folder.message(
                "U2__b.sql: found an undo script without V2__*.sql; expected every U<version>__<description>.sql to"
                        + " undo a V<version>__<description>.sql; fix: add V2__b.sql, or fix the version of"
                        + " U2__b.sql"));
    }

    @Test
    void golangDownWithoutUp() {
        Folder folder = Folder.at(dir).file("1_a.up.sql", "SELECT 1;").file("1_a.down.sql", "SELECT 1;")
                .file("2_b.down.sql", "SELECT 2;");

        assertThat(folder.fails(Layout.GOLANG_MIGRATE)).hasMessage(folder.message(
                "2_b.down.sql: found a down script without an up for version 2; expected 2_b.up.sql next to it; fix:"
                        + " add 2_b.up.sql, or fix the version of 2_b.down.sql"));
    }

    @Test
    void markerFileWithoutDownSection() {
        Folder folder = Folder.at(dir).file("20240101000000_a.sql", "-- migrate:up", "SELECT 1;");

        assertThat(folder.fails(Layout.DBMATE)).hasMessage(folder.message(
                "20240101000000_a.sql: found no -- migrate:down section; expected a -- migrate:down line followed by"
                        + " the statements that undo the up section; fix: add a -- migrate:down section"
                        + OR_FORWARD_ONLY));
    }

    @Test
    void prismaWithoutAllowForwardOnlySaysToSetIt() {
        Folder folder = Folder.at(dir).file("20240101000000_init/migration.sql", "SELECT 1;");

        assertThat(folder.fails(Layout.PRISMA)).hasMessage(folder.message(
                "20240101000000_init/migration.sql: found a Prisma migration, which has no down; expected"
                        + " allowForwardOnly for Prisma migrations; fix: set allowForwardOnly: Prisma migrations are"
                        + " forward-only, so only their up is rehearsed"));
    }
}
