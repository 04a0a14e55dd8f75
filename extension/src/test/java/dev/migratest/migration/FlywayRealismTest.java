package dev.migratest.migration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** What a real Flyway history holds besides V and U scripts: placeholders, repeatables, Java migrations, locations. */
class FlywayRealismTest {

    @TempDir
    Path dir;

    private static LoadOptions placeholders(Map<String, String> values) {
        return new LoadOptions(Layout.FLYWAY, null, values, false);
    }

    private static List<String> sql(Script script) {
        return script.statements().stream().map(Statement::sql).toList();
    }

    @Test
    void placeholdersAreReplacedBeforeSplittingWhateverTheirCase() {
        Folder folder = Folder.at(dir)
                .file("V1__schema.sql", "CREATE SCHEMA ${Schema};", "CREATE TABLE ${schema}.t (note text DEFAULT '${env}');")
                .file("U1__schema.sql", "DROP SCHEMA ${SCHEMA} CASCADE;");

        Migration m = MigrationLoader.load(folder.path(), placeholders(Map.of("schema", "app", "ENV", "ci")))
                .migrations().get(0);

        assertThat(sql(m.up())).containsExactly("CREATE SCHEMA app", "CREATE TABLE app.t (note text DEFAULT 'ci')");
        assertThat(sql(m.down())).containsExactly("DROP SCHEMA app CASCADE");
        assertThat(m.up().unreplacedPlaceholders()).isEmpty();
    }

    @Test
    void flywaysBuiltInPlaceholdersThatNeedNoConnectionAreFilled() {
        Folder folder = Folder.at(dir)
                .file("V1__x.sql", "COMMENT ON SCHEMA ${flyway:defaultSchema} IS '${flyway:filename} ${flyway:table}';")
                .file("U1__x.sql", "COMMENT ON SCHEMA public IS NULL;");

        Migration m = MigrationLoader.load(folder.path(), placeholders(Map.of())).migrations().get(0);

        assertThat(sql(m.up())).containsExactly("COMMENT ON SCHEMA public IS 'V1__x.sql flyway_schema_history'");
    }

    @Test
    void aPlaceholderWithoutAValueIsKeptWarnedAboutAndNamedWhenItsStatementFails() {
        Folder folder = Folder.at(dir)
                .file("V1__a.sql", "SELECT 1;", "CREATE SCHEMA ${tenant};")
                .file("U1__a.sql", "DROP SCHEMA ${tenant};")
                .file("V2__b.sql", "GRANT USAGE ON SCHEMA public TO ${flyway:user};")
                .file("U2__b.sql", "SELECT 1;");

        LoadedMigrations loaded = MigrationLoader.load(folder.path(), placeholders(Map.of()));

        Script up = loaded.migrations().get(0).up();
        assertThat(sql(up)).containsExactly("SELECT 1", "CREATE SCHEMA ${tenant}");
        assertThat(up.unreplacedPlaceholders()).containsExactly("${tenant}");
        assertThat(up.placeholderHint("SELECT 1")).isNull();
        assertThat(up.placeholderHint("CREATE SCHEMA ${tenant}")).isEqualTo("the statement holds ${tenant}, a Flyway"
                + " placeholder without a value (Flyway itself stops at it: \"No value provided for placeholder:"
                + " ${tenant}\"); for ${tenant} give its value with @MigrationTest(placeholders = \"tenant=…\"),"
                + " -Dmigratest.placeholders=tenant=…, flyway.placeholders.tenant=… in flyway.conf or"
                + " spring.flyway.placeholders.tenant=… in application.properties");
        assertThat(loaded.migrations().get(1).up().placeholderHint("GRANT USAGE ON SCHEMA public TO ${flyway:user}"))
                .contains("Flyway fills it from its connection, which migratest does not have while loading");
        assertThat(loaded.warnings()).containsExactly(
                "Flyway placeholder ${tenant} has no value (U1__a.sql:1, V1__a.sql:2): Flyway stops at it (\"No value"
                        + " provided for placeholder: ${tenant}\"), migratest runs the statements as written; give its"
                        + " value with @MigrationTest(placeholders = \"tenant=…\"), -Dmigratest.placeholders=tenant=…,"
                        + " flyway.placeholders.tenant=… in flyway.conf or spring.flyway.placeholders.tenant=… in"
                        + " application.properties",
                "Flyway placeholder ${flyway:user} has no value (V2__b.sql:1): Flyway stops at it (\"No value provided"
                        + " for placeholder: ${flyway:user}\"), migratest runs the statements as written; Flyway fills"
                        + " it from its connection, which migratest does not have while loading; give its value with"
                        + " @MigrationTest(placeholders = \"flyway:user=…\"), -Dmigratest.placeholders=flyway:user=…,"
                        + " flyway.placeholders.flyway:user=… in flyway.conf or spring.flyway.placeholders.flyway:user=…"
                        + " in application.properties");
    }

    @Test
    void repeatablesFollowEveryVersionedMigrationInDescriptionOrder() {
        Folder folder = Folder.at(dir)
                .file("R__views.sql", "CREATE OR REPLACE VIEW v AS SELECT * FROM t;")
                .file("R__Functions.sql", "CREATE OR REPLACE FUNCTION f() RETURNS int AS 'SELECT 1' LANGUAGE sql;")
                .file("R__audit_views.sql", "CREATE OR REPLACE VIEW a AS SELECT 1;")
                .file("R__audit_views.sql.conf", "executeInTransaction=false")
                .file("V2__more.sql", "ALTER TABLE t ADD COLUMN b int;").file("U2__more.sql", "ALTER TABLE t DROP b;")
                .file("V1__t.sql", "CREATE TABLE t (a int);").file("U1__t.sql", "DROP TABLE t;");

        LoadedMigrations loaded = folder.load(Layout.FLYWAY);

        assertThat(loaded.migrations()).extracting(Migration::displayName, Migration::kind, Migration::forwardOnly)
                .containsExactly(
                        tuple("1 t", Migration.Kind.VERSIONED, false),
                        tuple("2 more", Migration.Kind.VERSIONED, false),
                        tuple("R Functions", Migration.Kind.REPEATABLE, true),
                        tuple("R audit_views", Migration.Kind.REPEATABLE, true),
                        tuple("R views", Migration.Kind.REPEATABLE, true));
        assertThat(loaded.migrations().get(3).up().nonTransactionalReason())
                .isEqualTo("executeInTransaction=false (R__audit_views.sql.conf line 1)");
        assertThat(loaded.skippedFiles()).isEmpty();
    }

    @Test
    void twoRepeatablesWithOneDescriptionAreAProblemAsInFlyway() {
        Folder folder = Folder.at(dir)
                .file("V1__t.sql", "CREATE TABLE t (a int);").file("U1__t.sql", "DROP TABLE t;")
                .file("a/R__views.sql", "SELECT 1;")
                .file("b/R__views.sql", "SELECT 2;");

        assertThat(folder.fails(Layout.FLYWAY)).hasMessage(folder.message(
                "b/R__views.sql: found the description views, which a/R__views.sql already has; expected one"
                        + " repeatable migration per description; fix: give b/R__views.sql or a/R__views.sql another"
                        + " description"));
    }

    @Test
    void aJavaMigrationHoldsItsPlaceAsAGapAndIsAnnouncedNeverSkippedQuietly() {
        Folder folder = Folder.at(dir)
                .file("V1__t.sql", "CREATE TABLE t (a int);").file("U1__t.sql", "DROP TABLE t;")
                .file("V2__Backfill.class", "compiled")
                .file("V2__Backfill$Batch.class", "compiled")
                .file("V2__Backfill.java", "class V2__Backfill {}")
                .file("V3__more.sql", "ALTER TABLE t ADD b int;").file("U3__more.sql", "ALTER TABLE t DROP b;");

        LoadedMigrations loaded = folder.load(Layout.FLYWAY);

        assertThat(loaded.migrations()).extracting(Migration::displayName, Migration::kind).containsExactly(
                tuple("1 t", Migration.Kind.VERSIONED), tuple("2 Backfill", Migration.Kind.JAVA),
                tuple("3 more", Migration.Kind.VERSIONED));
        assertThat(loaded.migrations().get(1).up().file()).isEqualTo("V2__Backfill.class");
        assertThat(loaded.warnings()).containsExactly("V2__Backfill.class is a Flyway Java migration: migratest runs"
                + " SQL only, so version 2 is not rehearsed and every migration after it runs without what it does."
                + " The rehearsed history has a gap there (a skipped test at its place)");
        assertThat(loaded.skippedFiles()).containsExactly(
                "V2__Backfill$Batch.class (not a migration: a nested class of a Java migration)",
                "V2__Backfill.java (not a migration: the same Java migration as V2__Backfill.class)");
    }

    @Test
    void aJavaAndASqlMigrationOfOneVersionAreDuplicatesAsInFlyway() {
        Folder folder = Folder.at(dir)
                .file("V1__t.sql", "CREATE TABLE t (a int);").file("U1__t.sql", "DROP TABLE t;")
                .file("db/V1__Seed.java", "class V1__Seed {}");

        assertThat(folder.fails(Layout.FLYWAY).getMessage())
                .contains("found version 1, which ", " already has; expected one migration per version");
    }

    @Test
    void severalLocationsAreOneHistoryTheirFilesNamedWithTheirLocation() {
        Folder main = Folder.at(dir.resolve("main"))
                .file("V1__t.sql", "CREATE TABLE t (a int);").file("U1__t.sql", "DROP TABLE t;")
                .file("R__view.sql", "CREATE OR REPLACE VIEW v AS SELECT a FROM t;");
        Folder extra = Folder.at(dir.resolve("extra"))
                .file("V1_1__more.sql", "ALTER TABLE t ADD b int;").file("U1_1__more.sql", "ALTER TABLE t DROP b;")
                .file("README.md", "extra migrations");
        String locations = "filesystem:" + main.path() + ", filesystem:" + extra.path();

        LoadedMigrations loaded = MigrationLoader.load(locations, LoadOptions.of(Layout.AUTO, false));

        assertThat(loaded.layout()).isEqualTo(Layout.FLYWAY);
        assertThat(loaded.migrations()).extracting(Migration::displayName, m -> m.up().file()).containsExactly(
                tuple("1 t", "filesystem:" + main.path() + "/V1__t.sql"),
                tuple("1_1 more", "filesystem:" + extra.path() + "/V1_1__more.sql"),
                tuple("R view", "filesystem:" + main.path() + "/R__view.sql"));
        assertThat(loaded.skippedFiles()).containsExactly("filesystem:" + extra.path()
                + "/README.md (not a migration: documentation)");
    }

    @Test
    void severalLocationsReportTheirProblemsTogether() {
        Folder.at(dir.resolve("a")).file("V1__t.sql", "SELECT 1;").file("U1__t.sql", "SELECT 1;");
        Folder.at(dir.resolve("b")).file("V1__again.sql", "SELECT 1;").file("U1__again.sql", "SELECT 1;");
        String locations = "filesystem:" + dir.resolve("a") + ",filesystem:" + dir.resolve("b") + ",filesystem:"
                + dir.resolve("missing");

        MigrationDefinitionException missing = catchThrowableOfType(MigrationDefinitionException.class,
                () -> MigrationLoader.load(locations, LoadOptions.of(Layout.FLYWAY, false)));
        assertThat(missing.problems()).singleElement().satisfies(p -> assertThat(p.describe())
                .startsWith("filesystem:" + dir.resolve("missing") + ": found no such directory"));

        MigrationDefinitionException duplicate = catchThrowableOfType(MigrationDefinitionException.class,
                () -> MigrationLoader.load(locations.substring(0, locations.lastIndexOf(',')),
                        LoadOptions.of(Layout.FLYWAY, false)));
        assertThat(duplicate.problems()).extracting(DefinitionProblem::found).contains(
                "version 1, which filesystem:" + dir.resolve("a") + "/V1__t.sql already has");
    }

    @Test
    void onlyFlywayReadsSeveralLocations() {
        Folder.at(dir.resolve("a")).file("1_t.up.sql", "SELECT 1;").file("1_t.down.sql", "SELECT 1;");
        Folder.at(dir.resolve("b")).file("2_u.up.sql", "SELECT 1;").file("2_u.down.sql", "SELECT 1;");
        String locations = "filesystem:" + dir.resolve("a") + ",filesystem:" + dir.resolve("b");

        MigrationDefinitionException thrown = catchThrowableOfType(MigrationDefinitionException.class,
                () -> MigrationLoader.load(locations, LoadOptions.of(Layout.GOLANG_MIGRATE, false)));

        assertThat(thrown.problems()).singleElement().extracting(DefinitionProblem::describe).isEqualTo(locations
                + ": found 2 locations for layout GOLANG_MIGRATE; expected one location (only Flyway reads several"
                + " locations as one history); fix: name the one directory that holds the migrations");
    }
}
