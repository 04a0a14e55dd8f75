package dev.migratest.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every problem of a folder comes in one exception, sorted by file and line, never just the first one. */
class AllProblemsAtOnceTest {

    @TempDir
    Path dir;

    @Test
    void aFolderWithSeveralDifferentProblemsReportsThemAll() {
        Folder folder = Folder.at(dir)
                .file("V1__create_users.sql", "CREATE TABLE users (id int);")
                .file("U1__create_users.sql", "DROP TABLE users;")
                .file("V1.0__again.sql", "SELECT 1;")
                .file("V2_add_email.sql", "ALTER TABLE users ADD email text;")
                .file("V3__no_undo.sql", "SELECT 3;")
                .file("U4__orphan.sql", "SELECT 4;")
                .bytes("V5__latin1.sql", new byte[] {'S', 'E', 'L', 'E', 'C', 'T', ' ', '\'', (byte) 0xE9, '\'', ';'})
                .file("U5__latin1.sql", "SELECT 5;")
                .file("README.md", "docs");

        MigrationDefinitionException e = folder.fails(Layout.AUTO);

        assertThat(e).hasMessage(folder.message(
                "U4__orphan.sql: found an undo script without V4__*.sql; expected every U<version>__<description>.sql"
                        + " to undo a V<version>__<description>.sql; fix: add V4__orphan.sql, or fix the version of"
                        + " U4__orphan.sql",
                "V1__create_users.sql: found version 1, which V1.0__again.sql already has; expected one migration per"
                        + " version; fix: give V1__create_users.sql or V1.0__again.sql another version",
                "V2_add_email.sql: found a file name that is not a Flyway name; expected V<version>__<description>.sql"
                        + " + optional U<version>__<description>.sql; fix: rename it, e.g. to V2__add_email.sql",
                "V3__no_undo.sql: found no undo script for version 3; expected U3__<description>.sql next to it; fix:"
                        + " add U3__no_undo.sql, or set allowForwardOnly to accept migrations without a down",
                "V5__latin1.sql:1: found invalid UTF-8 byte 0xE9; expected UTF-8 text; fix: re-save the file as"
                        + " UTF-8"));
    }

    @Test
    void aBadClasspathFolderNamesTheLocationInTheSummary() {
        MigrationDefinitionException e = catchThrowableOfType(MigrationDefinitionException.class,
                () -> MigrationLoader.load("classpath:migrations/bad", Layout.AUTO, false));

        assertThat(e).hasMessage("3 problems in migrations at classpath:migrations/bad:\n"
                + "  00001_create_users.sql: found no -- +goose Down section; expected a -- +goose Down line"
                + " followed by the statements that undo the up section; fix: add a -- +goose Down section, or set"
                + " allowForwardOnly to accept migrations without a down\n"
                + "  00002_add_email.sql:3: found a second \"-- +goose Up\" (the first is on line 1); expected one"
                + " -- +goose Up per file; fix: merge the two sections\n"
                + "  create_index.sql: found a file name that is not <version>_<name>.sql; expected"
                + " <version>_<name>.sql with -- +goose Up and -- +goose Down lines; fix: rename it, e.g. to"
                + " 1_create_index.sql");
    }
}
