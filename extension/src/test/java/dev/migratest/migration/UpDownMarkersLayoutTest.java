package dev.migratest.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpDownMarkersLayoutTest {

    @TempDir
    Path dir;

    @Test
    void splitsEachSectionWithItsRealFileLines() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("001_create_users.sql",
                        "-- creates the users table",
                        "-- UP",
                        "CREATE TABLE users (id int);",
                        "",
                        "CREATE INDEX users_id ON users (id);",
                        "-- DOWN",
                        "DROP TABLE users;")
                .load(Layout.UP_DOWN_MARKERS);

        Migration migration = loaded.migrations().get(0);
        assertThat(migration.displayName()).isEqualTo("001 create_users");
        assertThat(migration.up()).isEqualTo(new Script("001_create_users.sql", List.of(
                new Statement(3, "CREATE TABLE users (id int)", StatementKind.ORDINARY),
                new Statement(5, "CREATE INDEX users_id ON users (id)", StatementKind.ORDINARY)), null));
        assertThat(migration.down()).isEqualTo(new Script("001_create_users.sql",
                List.of(new Statement(7, "DROP TABLE users", StatementKind.ORDINARY)), null));
    }

    @Test
    void markersMayBeLowerCaseWithAColonAndInAnyOrder() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("002_x.sql",
                        "--down:",
                        "DROP TABLE x;",
                        "-- up: create x",
                        "CREATE TABLE x (id int);")
                .load(Layout.UP_DOWN_MARKERS);

        Migration migration = loaded.migrations().get(0);
        assertThat(migration.up().statements()).containsExactly(
                new Statement(4, "CREATE TABLE x (id int)", StatementKind.ORDINARY));
        assertThat(migration.down().statements()).containsExactly(
                new Statement(2, "DROP TABLE x", StatementKind.ORDINARY));
    }

    @Test
    void aCommentThatStartsWithUpIsNoMarker() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("003_x.sql",
                        "-- UP",
                        "-- update the totals",
                        "UPDATE t SET n = 1;",
                        "-- DOWN",
                        "UPDATE t SET n = 0;")
                .load(Layout.UP_DOWN_MARKERS);

        assertThat(loaded.migrations().get(0).up().statements()).extracting(Statement::line).containsExactly(3);
    }

    @Test
    void anEmptyDownSectionIsADownThatDoesNothing() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("004_x.sql", "-- UP", "CREATE TABLE x (id int);", "-- DOWN")
                .load(Layout.UP_DOWN_MARKERS);

        Migration migration = loaded.migrations().get(0);
        assertThat(migration.forwardOnly()).isFalse();
        assertThat(migration.down().statements()).isEmpty();
    }
}
