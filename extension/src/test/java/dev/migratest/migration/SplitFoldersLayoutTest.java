package dev.migratest.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitFoldersLayoutTest {

    @TempDir
    Path dir;

    @Test
    void pairsFilesOfTheSameNameInUpAndDown() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("up/001_create_users.sql", "CREATE TABLE users (id int);")
                .file("down/001_create_users.sql", "", "DROP TABLE users;")
                .file("up/002_add_email.sql", "ALTER TABLE users ADD email text;")
                .file("down/002_add_email.sql", "ALTER TABLE users DROP email;")
                .load(Layout.SPLIT_FOLDERS);

        assertThat(loaded.migrations()).extracting(Migration::version, Migration::name)
                .containsExactly(tuple("001", "create_users"), tuple("002", "add_email"));
        Migration first = loaded.migrations().get(0);
        assertThat(first.up().file()).isEqualTo("up/001_create_users.sql");
        assertThat(first.down()).isEqualTo(new Script("down/001_create_users.sql",
                List.of(new Statement(2, "DROP TABLE users", StatementKind.ORDINARY)), null));
    }

    @Test
    void ordersByTheNumericPrefix() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("up/10_c.sql", "SELECT 10;").file("down/10_c.sql", "SELECT 10;")
                .file("up/9_b.sql", "SELECT 9;").file("down/9_b.sql", "SELECT 9;")
                .file("up/1_a.sql", "SELECT 1;").file("down/1_a.sql", "SELECT 1;")
                .load(Layout.SPLIT_FOLDERS);

        assertThat(loaded.migrations()).extracting(Migration::version).containsExactly("1", "9", "10");
    }
}
