package dev.migratest.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationLocationTest {

    @TempDir
    Path dir;

    @Test
    void readsAClasspathDirectory() {
        LoadedMigrations loaded = MigrationLoader.load("classpath:migrations/flyway", Layout.FLYWAY, false);

        assertThat(loaded.location()).isEqualTo("classpath:migrations/flyway");
        assertThat(loaded.migrations()).extracting(Migration::displayName, m -> m.up().file(), m -> m.down().file())
                .containsExactly(
                        tuple("1 create_users", "V1__create_users.sql", "U1__create_users.sql"),
                        tuple("1.1 index_email", "V1.1__index_email.sql", "U1.1__index_email.sql"));
        assertThat(loaded.migrations().get(0).up().statements()).containsExactly(new Statement(2,
                "CREATE TABLE users (id bigint PRIMARY KEY, email text)", StatementKind.ORDINARY));
        assertThat(loaded.skippedFiles()).containsExactly("README.md (not a migration: documentation)");
    }

    @Test
    void aPlainPathThatIsNoDirectoryIsLookedUpOnTheClasspath() {
        LoadedMigrations loaded = MigrationLoader.load("migrations/goose", Layout.AUTO, false);

        assertThat(loaded.layout()).isEqualTo(Layout.GOOSE);
        assertThat(loaded.migrations()).extracting(Migration::displayName)
                .containsExactly("00001 create_orders", "00002 index_orders");
    }

    @Test
    void aClasspathDirectoryNameMayHoldSpaces() {
        LoadedMigrations loaded = MigrationLoader.load("classpath:/migrations/diesel/", Layout.DIESEL, false);

        assertThat(loaded.migrations()).extracting(Migration::displayName)
                .containsExactly("20171123064153 create posts");
    }

    @Test
    void readsAClasspathDirectoryInsideAJarAndClosesTheJarAfterwards() throws Exception {
        Path jar = jar(dir.resolve("lib with space/migrations.jar"), Map.of(
                "db/migration/V1__create_users.sql", "CREATE TABLE users (id int);\n",
                "db/migration/U1__create_users.sql", "DROP TABLE users;\n",
                "db/migration/V2__add_email.sql", "\nALTER TABLE users ADD email text;\n",
                "db/migration/U2__add_email.sql", "ALTER TABLE users DROP email;\n",
                "db/migration/README.md", "docs\n"));

        LoadedMigrations loaded = withClasspath(jar,
                () -> MigrationLoader.load("classpath:db/migration", Layout.AUTO, false));

        assertThat(loaded.layout()).isEqualTo(Layout.FLYWAY);
        assertThat(loaded.migrations()).extracting(Migration::displayName)
                .containsExactly("1 create_users", "2 add_email");
        assertThat(loaded.migrations().get(1).up().statements()).containsExactly(
                new Statement(2, "ALTER TABLE users ADD email text", StatementKind.ORDINARY));
        assertThat(loaded.skippedFiles()).containsExactly("README.md (not a migration: documentation)");
        assertThatThrownBy(() -> FileSystems.getFileSystem(URI.create("jar:" + jar.toUri())))
                .isInstanceOf(FileSystemNotFoundException.class);
    }

    @Test
    void aJarThatIsAlreadyOpenIsLeftOpen() throws Exception {
        Path jar = jar(dir.resolve("open.jar"), Map.of(
                "db/migration/1_a.up.sql", "SELECT 1;\n",
                "db/migration/1_a.down.sql", "SELECT 2;\n"));
        try (FileSystem open = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            LoadedMigrations loaded = withClasspath(jar,
                    () -> MigrationLoader.load("classpath:db/migration", Layout.GOLANG_MIGRATE, false));

            assertThat(loaded.migrations()).hasSize(1);
            assertThat(open.isOpen()).isTrue();
        }
    }

    @Test
    void readsFileSystemLocationsWithAndWithoutPrefix() {
        Folder.at(dir).file("1_a.up.sql", "SELECT 1;").file("1_a.down.sql", "SELECT 2;");

        assertThat(MigrationLoader.load("filesystem:" + dir, Layout.AUTO, false).migrations()).hasSize(1);
        assertThat(MigrationLoader.load(dir.toString(), Layout.AUTO, false).layout())
                .isEqualTo(Layout.GOLANG_MIGRATE);
    }

    @Test
    void aMissingClasspathLocationIsOneProblem() {
        MigrationDefinitionException e =
                failure(() -> MigrationLoader.load("classpath:db/nothing", Layout.AUTO, false));

        assertThat(e).hasMessage("1 problem in migrations at classpath:db/nothing:\n"
                + "  classpath:db/nothing: found no such directory on the classpath; expected a directory of"
                + " migrations; fix: correct the location, or put the migrations in src/test/resources/db/nothing");
        assertThat(e.location()).isEqualTo("classpath:db/nothing");
    }

    @Test
    void aMissingFileSystemLocationNamesTheWorkingDirectory() {
        String location = "filesystem:no/such/dir";

        MigrationDefinitionException e = failure(() -> MigrationLoader.load(location, Layout.AUTO, false));

        assertThat(e).hasMessage("1 problem in migrations at filesystem:no/such/dir:\n"
                + "  filesystem:no/such/dir: found no such directory; expected a directory of migrations; fix: correct"
                + " the location (a relative path resolves against the working directory "
                + Path.of("").toAbsolutePath() + ")");
    }

    @Test
    void aMissingPlainLocationWasLookedForInBothPlaces() {
        MigrationDefinitionException e = failure(() -> MigrationLoader.load("no/such/dir", Layout.FLYWAY, false));

        assertThat(e.problems()).containsExactly(new DefinitionProblem("no/such/dir", null,
                "no such directory, on the file system or the classpath", "a directory of migrations",
                "correct the location (a relative path resolves against the working directory "
                        + Path.of("").toAbsolutePath() + ")"));
    }

    @Test
    void aMissingPathIsOneProblem() {
        Path missing = dir.resolve("missing");

        MigrationDefinitionException e = failure(() -> MigrationLoader.load(missing, Layout.FLYWAY, false));

        assertThat(e.problems()).extracting(DefinitionProblem::file, DefinitionProblem::found)
                .containsExactly(tuple(missing.toString(), "no such directory"));
    }

    @Test
    void aFileIsNoLocation() {
        Folder.at(dir).file("V1__a.sql", "SELECT 1;");
        Path file = dir.resolve("V1__a.sql");

        MigrationDefinitionException e = failure(() -> MigrationLoader.load(file, Layout.FLYWAY, false));

        assertThat(e).hasMessage("1 problem in migrations at " + file + ":\n  " + file
                + ": found a file, not a directory; expected a directory of migrations; fix: point the location at"
                + " the directory that holds the migrations");
    }

    private static MigrationDefinitionException failure(ThrowingCallable call) {
        MigrationDefinitionException thrown = catchThrowableOfType(MigrationDefinitionException.class, call);
        assertThat(thrown).as("the loader's exception").isNotNull();
        return thrown;
    }

    private static <T> T withClasspath(Path jar, Callable<T> call) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            thread.setContextClassLoader(loader);
            return call.call();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** A jar with directory entries, as Maven builds them, holding the given files. */
    private static Path jar(Path jar, Map<String, String> files) throws IOException {
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream entries = new JarOutputStream(out)) {
            entries.putNextEntry(new JarEntry("db/"));
            entries.putNextEntry(new JarEntry("db/migration/"));
            for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
                entries.putNextEntry(new JarEntry(file.getKey()));
                entries.write(file.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return jar;
    }
}
