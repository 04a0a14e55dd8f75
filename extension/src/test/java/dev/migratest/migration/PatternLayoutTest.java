package dev.migratest.migration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** A project's own naming, described once instead of renaming a published history. */
class PatternLayoutTest {

    private static final String NAMING = "V(?<version>\\d+)\\.(?<name>[^.]+)\\.(?<direction>up|down)\\.sql";

    @TempDir
    Path dir;

    private LoadOptions naming(String regex) {
        return new LoadOptions(Layout.AUTO, NamingPattern.compile(regex, "@MigrationTest(naming)"), Map.of(), false);
    }

    @Test
    void filesOfTheProjectsOwnNamingLoadInVersionOrderWithAutoBecomingPattern() {
        Folder folder = Folder.at(dir)
                .file("V0010.Add_Orders.up.sql", "CREATE TABLE orders (id int);")
                .file("V0010.Add_Orders.down.sql", "DROP TABLE orders;")
                .file("V0001.Initial_Schema.up.sql", "CREATE TABLE users (id int);")
                .file("V0001.Initial_Schema.down.sql", "DROP TABLE users;")
                .file("V0002.Seed.UP.sql", "INSERT INTO users VALUES (1);")
                .file("V0002.Seed.Down.sql", "DELETE FROM users;")
                .file("README.md", "our runner")
                .file("runner.sh", "psql -f …")
                .file("schema_dump.sql", "CREATE TABLE users (id int);");

        LoadedMigrations loaded = MigrationLoader.load(folder.path(), naming(NAMING.replace("up|down", "(?i:up|down)")));

        assertThat(loaded.layout()).isEqualTo(Layout.PATTERN);
        assertThat(loaded.migrations()).extracting(Migration::version, Migration::name, m -> m.up().file(),
                m -> m.down().file()).containsExactly(
                tuple("0001", "Initial_Schema", "V0001.Initial_Schema.up.sql", "V0001.Initial_Schema.down.sql"),
                tuple("0002", "Seed", "V0002.Seed.UP.sql", "V0002.Seed.Down.sql"),
                tuple("0010", "Add_Orders", "V0010.Add_Orders.up.sql", "V0010.Add_Orders.down.sql"));
        assertThat(loaded.skippedFiles()).containsExactly(
                "README.md (not a migration: documentation)",
                "runner.sh (not a migration: not a .sql file)",
                "schema_dump.sql (not a migration: the naming pattern does not match it)");
    }

    @Test
    void thePatternSeesThePathRelativeToTheLocation() {
        Folder folder = Folder.at(dir)
                .file("2024/0001-init/up.sql", "CREATE TABLE t (id int);")
                .file("2024/0001-init/down.sql", "DROP TABLE t;")
                .file("2023/0000-base/up.sql", "CREATE SCHEMA app;")
                .file("2023/0000-base/down.sql", "DROP SCHEMA app;");

        LoadedMigrations loaded = MigrationLoader.load(folder.path(), naming(
                "\\d{4}/(?<version>\\d+)-(?<name>[^/]+)/(?<direction>up|down)\\.sql"));

        assertThat(loaded.migrations()).extracting(Migration::displayName, m -> m.up().file())
                .containsExactly(tuple("0000 base", "2023/0000-base/up.sql"), tuple("0001 init", "2024/0001-init/up.sql"));
    }

    @Test
    void badNamesAreReportedAllAtOnce() {
        Folder folder = Folder.at(dir)
                .file("V1.a.up.sql", "SELECT 1;")
                .file("V2.b.undo.sql", "SELECT 2;")
                .file("V3.c.up.sql", "SELECT 3;")
                .file("V3.c2.up.sql", "SELECT 4;")
                .file("V3.c.down.sql", "SELECT 5;");

        MigrationDefinitionException thrown = catchThrowableOfType(MigrationDefinitionException.class,
                () -> MigrationLoader.load(folder.path(),
                        naming("V(?<version>\\d*)\\.(?<name>[^.]+)\\.(?<direction>[a-z]+)\\.sql")));

        String pattern = "V(?<version>\\d*)\\.(?<name>[^.]+)\\.(?<direction>[a-z]+)\\.sql";
        assertThat(thrown).hasMessage(folder.message(
                "V1.a.up.sql: found no down script for version 1; expected a file the naming pattern " + pattern
                        + " reads as direction down, version 1; fix: add it, or set allowForwardOnly to accept"
                        + " migrations without a down",
                "V2.b.undo.sql: found direction 'undo'; expected up or down (any case) in the direction group; fix:"
                        + " write the group so it captures only up or down, e.g. (?<direction>up|down)",
                "V3.c2.up.sql: found version 3, which V3.c.up.sql already has; expected one migration per version;"
                        + " fix: give V3.c2.up.sql or V3.c.up.sql another version"));
    }

    @Test
    void layoutPatternWithoutANamingIsRefused() {
        Folder folder = Folder.at(dir).file("V1.a.up.sql", "SELECT 1;");

        assertThatThrownBy(() -> folder.load(Layout.PATTERN)).isInstanceOf(MigrationDefinitionException.class)
                .hasMessageContaining("found layout PATTERN without a naming pattern; expected a naming pattern with"
                        + " the named groups version, name and direction, e.g. " + NamingPattern.EXAMPLE);
    }

    @Test
    void aPatternMissingGroupsNamesEveryMissingGroupAtOnce() {
        assertThatThrownBy(() -> NamingPattern.compile("V(?<version>\\d+)__(.*)\\.sql", "@MigrationTest(naming)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("@MigrationTest(naming) 'V(?<version>\\d+)__(.*)\\.sql' has no named group name (add"
                        + " (?<name>[^.]+) where it holds its description) and no named group direction (add"
                        + " (?<direction>up|down) where it says up or down); expected the named groups version, name"
                        + " and direction, e.g. " + NamingPattern.EXAMPLE + "; fix: add the missing groups to the"
                        + " pattern");
    }

    @Test
    void aPatternThatDoesNotCompileSaysWhereAndHowToWriteABackslash() {
        assertThatThrownBy(() -> NamingPattern.compile("V(?<version>\\d+", "Property migratest.naming"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Property migratest.naming 'V(?<version>\\d+' is not a regular expression:"
                        + " Unclosed group at index 15; expected a Java regular expression with the named groups")
                .hasMessageEndingWith("fix: correct the pattern (in an annotation a backslash is written \\\\)");
    }

    @Test
    void anEscapedParenthesisDeclaresNoGroup() {
        assertThatThrownBy(() -> NamingPattern.compile(
                "\\(?<version>x\\)(?<name>a)(?<direction>up|down)", "@MigrationTest(naming)"))
                .hasMessageContaining("has no named group version");
        assertThat(NamingPattern.compile(NAMING, "@MigrationTest(naming)")).hasToString(NAMING);
    }
}
