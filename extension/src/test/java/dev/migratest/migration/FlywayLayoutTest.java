package dev.migratest.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlywayLayoutTest {

    @TempDir
    Path dir;

    @Test
    void readsVersionedScriptsWithTheirUndoScripts() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("V1__create_users.sql",
                        "-- the users",
                        "CREATE TABLE users (id bigint PRIMARY KEY);",
                        "",
                        "INSERT INTO users VALUES (1);")
                .file("U1__create_users.sql", "DROP TABLE users;")
                .file("V2__add_email_column.sql", "ALTER TABLE users ADD COLUMN email text;")
                .file("U2__drop_email.sql", "ALTER TABLE users DROP COLUMN email;")
                .load(Layout.FLYWAY);

        assertThat(loaded.layout()).isEqualTo(Layout.FLYWAY);
        assertThat(loaded.location()).isEqualTo(dir.toString());
        assertThat(loaded.migrations()).extracting(Migration::version, Migration::name, Migration::displayName)
                .containsExactly(
                        tuple("1", "create_users", "1 create_users"),
                        tuple("2", "add_email_column", "2 add_email_column"));
        Migration first = loaded.migrations().get(0);
        assertThat(first.up()).isEqualTo(new Script("V1__create_users.sql", List.of(
                new Statement(2, "CREATE TABLE users (id bigint PRIMARY KEY)", StatementKind.ORDINARY),
                new Statement(4, "INSERT INTO users VALUES (1)", StatementKind.ORDINARY)), null));
        assertThat(first.down()).isEqualTo(new Script("U1__create_users.sql",
                List.of(new Statement(1, "DROP TABLE users", StatementKind.ORDINARY)), null));
        assertThat(loaded.migrations().get(1).down().file()).isEqualTo("U2__drop_email.sql");
        assertThat(loaded.skippedFiles()).isEmpty();
    }

    @Test
    void findsScriptsInSubDirectoriesAndKeepsDottedVersionsAsWritten() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("release_1/V1.1__first.sql", "SELECT 1;")
                .file("release_1/U1.1__first.sql", "SELECT 2;")
                .file("V1_2__second_one.sql", "SELECT 3;")
                .file("undo/U1_2__second_one.sql", "SELECT 4;")
                .load(Layout.FLYWAY);

        assertThat(loaded.migrations()).extracting(Migration::version).containsExactly("1.1", "1_2");
        assertThat(loaded.migrations()).extracting(m -> m.up().file(), m -> m.down().file()).containsExactly(
                tuple("release_1/V1.1__first.sql", "release_1/U1.1__first.sql"),
                tuple("V1_2__second_one.sql", "undo/U1_2__second_one.sql"));
    }

    @Test
    void withoutUndoScriptsEveryMigrationIsForwardOnlyWhenAllowed() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("V1__a.sql", "SELECT 1;")
                .file("V2__b.sql", "SELECT 2;")
                .loadForwardOnly(Layout.FLYWAY);

        assertThat(loaded.migrations()).allSatisfy(m -> assertThat(m.forwardOnly()).isTrue());
        assertThat(loaded.migrations()).extracting(Migration::down).containsOnlyNulls();
    }

    @Test
    void anEmptyDescriptionGivesADisplayNameOfTheVersionAlone() {
        LoadedMigrations loaded = Folder.at(dir).file("V7__.sql", "SELECT 1;").loadForwardOnly(Layout.FLYWAY);

        assertThat(loaded.migrations().get(0).displayName()).isEqualTo("7");
    }

    @Test
    void callbacksAreSkippedWithANoteRepeatablesAreMigrations() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("V1__a.sql", "SELECT 1;")
                .file("U1__a.sql", "SELECT 2;")
                .file("R__views.sql", "CREATE VIEW v AS SELECT 1;")
                .file("afterMigrate.sql", "ANALYZE;")
                .file("beforeEachMigrate__log.sql", "SELECT 1;")
                .load(Layout.FLYWAY);

        assertThat(loaded.migrations()).extracting(Migration::displayName).containsExactly("1 a", "R views");
        assertThat(loaded.skippedFiles()).containsExactly(
                "afterMigrate.sql (not a migration: Flyway callback)",
                "beforeEachMigrate__log.sql (not a migration: Flyway callback)");
    }
}
