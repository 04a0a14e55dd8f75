package dev.migratest.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrismaLayoutTest {

    @TempDir
    Path dir;

    @Test
    void readsForwardOnlyMigrationsAndPassesOverTheLockFile() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("migration_lock.toml", "provider = \"postgresql\"")
                .file("20240102000000_add_posts/migration.sql", "-- CreateTable", "CREATE TABLE \"Post\" (id int);")
                .file("20240101000000_init/migration.sql", "CREATE TABLE \"User\" (id int);")
                .loadForwardOnly(Layout.PRISMA);

        assertThat(loaded.migrations()).extracting(Migration::version, Migration::name, Migration::forwardOnly)
                .containsExactly(tuple("20240101000000", "init", true), tuple("20240102000000", "add_posts", true));
        assertThat(loaded.migrations().get(1).up()).isEqualTo(new Script("20240102000000_add_posts/migration.sql",
                List.of(new Statement(2, "CREATE TABLE \"Post\" (id int)", StatementKind.ORDINARY)), null));
        assertThat(loaded.skippedFiles()).isEmpty();
    }
}
