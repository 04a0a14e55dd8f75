package dev.migratest.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkippedFilesTest {

    @TempDir
    Path dir;

    @Test
    void filesThatAreNotMigrationsAreSkippedEachWithWhy() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("1_init.up.sql", "CREATE TABLE t (id int);")
                .file("1_init.down.sql", "DROP TABLE t;")
                .file("README.md", "# migrations")
                .file("atlas.sum", "h1:abc=")
                .file("migrations.go", "package migrations")
                .file("sqlc.toml", "version = 2")
                .file(".gitkeep")
                .file(".env", "X=1")
                .file("schema.png", "not really a png")
                .file("CHANGES.txt", "notes")
                .load(Layout.AUTO);

        assertThat(loaded.migrations()).hasSize(1);
        assertThat(loaded.skippedFiles()).containsExactly(
                ".env (not a migration: hidden file)",
                ".gitkeep (not a migration: placeholder)",
                "CHANGES.txt (not a migration: documentation)",
                "README.md (not a migration: documentation)",
                "atlas.sum (not a migration: checksum file)",
                "migrations.go (not a migration: Go code, Go migrations are not supported)",
                "schema.png (not a migration: not a .sql file)",
                "sqlc.toml (not a migration: configuration)");
    }

    @Test
    void hiddenDirectoriesAreNotLookedInto() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("V1__a.sql", "SELECT 1;")
                .file(".git/HEAD", "ref: refs/heads/main")
                .file(".history/V1__a.sql", "SELECT 0;")
                .loadForwardOnly(Layout.FLYWAY);

        assertThat(loaded.migrations()).extracting(m -> m.up().file()).containsExactly("V1__a.sql");
        assertThat(loaded.skippedFiles()).isEmpty();
    }

    @Test
    void layoutFilesThatAreReadAreNotReportedAsSkipped() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("migration_lock.toml", "provider = \"postgresql\"")
                .file("20240101000000_init/migration.sql", "SELECT 1;")
                .file("20240101000000_init/README.md", "why")
                .loadForwardOnly(Layout.PRISMA);

        assertThat(loaded.skippedFiles())
                .containsExactly("20240101000000_init/README.md (not a migration: documentation)");
    }
}
