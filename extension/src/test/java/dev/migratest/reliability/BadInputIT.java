package dev.migratest.reliability;

import dev.migratest.MigrationCycleTest;
import dev.migratest.MigrationTest;
import dev.migratest.postgres.EmbeddedProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Bad input as a user meets it: a {@code @MigrationTest} class over a folder that is wrong in one way, run through
 * JUnit. Each case asserts the exact message (file, line, what was found, what is allowed, the fix — every offender
 * at once) and that the run left no Postgres process and no data directory behind (the embedded server, and with it
 * every scratch database, lives in the data directory).
 */
class BadInputIT {

    @MigrationTest(failOn = dev.migratest.findings.Severity.OFF)
    static class Rehearsal {
        @MigrationCycleTest
        void rehearse() {
        }
    }

    @MigrationTest(provider = dev.migratest.postgres.ProviderChoice.EMBEDDED,
            postgresUrl = "jdbc:postgresql://127.0.0.1:5432/app?user=app&password=s3cret")
    static class Contradicting {
        @MigrationCycleTest
        void rehearse() {
        }
    }

    @TempDir
    Path dir;

    private Path dataDirs;

    /** Servers of this test keep their data directories here, so that leftovers can be told from anyone else's. */
    @BeforeEach
    void ownDataDirectoryParent() throws IOException {
        dataDirs = Files.createDirectories(dir.resolve("pgdata"));
        System.setProperty(EmbeddedProvider.DATA_DIR_PROPERTY, dataDirs.toString());
    }

    @AfterEach
    void noPostgresProcessOrDataDirectoryIsLeftBehind() throws IOException {
        System.clearProperty(EmbeddedProvider.DATA_DIR_PROPERTY);
        // pg_ctl daemonizes the postmaster (it is no descendant of this JVM): look for any process on our data dirs
        String root = dataDirs.toString();
        List<String> processes = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(root)).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
        assertThat(processes).as("processes still running on this test's data directories").isEmpty();
        try (Stream<Path> left = Files.list(dataDirs)) {
            assertThat(left.toList()).as("data directories left behind").isEmpty();
        }
    }

    private Events run(Map<String, String> files) throws IOException {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
        return runBytes(bytes);
    }

    private Events runBytes(Map<String, byte[]> files) throws IOException {
        return runBytes(files, Map.of());
    }

    private Events runBytes(Map<String, byte[]> files, Map<String, String> settings) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("migrations"));
        for (var file : files.entrySet()) Files.write(folder.resolve(file.getKey()), file.getValue());
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(MigrationTest.LOCATION_PROPERTY, "filesystem:" + folder);
        parameters.put(MigrationTest.REPORT_DIR_PROPERTY, dir.resolve("report").toString());
        // embedded even where a Docker API answers: its processes and data directories are what is checked
        parameters.put(MigrationTest.PROVIDER_PROPERTY, "embedded");
        parameters.putAll(settings);
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(Rehearsal.class))
                .configurationParameters(parameters).execute().allEvents();
    }

    private static final Map<String, byte[]> ONE_MIGRATION = Map.of(
            "V1__t.sql", "CREATE TABLE t (id int);".getBytes(StandardCharsets.UTF_8),
            "U1__t.sql", "DROP TABLE t;".getBytes(StandardCharsets.UTF_8));

    /** Every failure's message, class-level and per test, with the temporary folder replaced by {@code <dir>}. */
    private List<String> failures(Events events) {
        return events.failed().stream()
                .map(e -> e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                        .map(Throwable::getMessage).orElse("?").replace(dir.toString(), "<dir>"))
                .distinct().toList();
    }

    @Test
    void badSettingValuesNameTheSettingWhatWasFoundAndWhatIsAllowed() throws IOException {
        assertThat(failures(runBytes(ONE_MIGRATION, Map.of(MigrationTest.PROVIDER_PROPERTY, "sideways"))))
                .containsExactly("Property migratest.provider='sideways' is not one of: auto, external, container,"
                        + " embedded; set it to one of those or remove it");
        assertThat(failures(runBytes(ONE_MIGRATION, Map.of(MigrationTest.FAIL_ON_PROPERTY, "loud"))))
                .containsExactly("Property migratest.failOn='loud' is not one of: error, warning, info, off; set it to"
                        + " one of those or remove it");
        assertThat(failures(runBytes(ONE_MIGRATION, Map.of(MigrationTest.ROWS_PROPERTY, "-5"))))
                .containsExactly("Property migratest.rows (or @MigrationTest(rows)) is -5; expected 0 (tables stay"
                        + " empty) or a positive row count, e.g. 100000");
        assertThat(failures(runBytes(ONE_MIGRATION, Map.of(MigrationTest.TABLE_ROWS_PROPERTY, "orders=-1"))))
                .containsExactly("tableRows entry 'orders=-1' is neither table=rows nor table=perParent/parent with a"
                        + " count of 0 or more; expected e.g. orders=50000 or orders=3/users");
    }

    @Test
    void contradictingAttributesOfOneAnnotationAreRefusedBeforeAnythingRuns() throws IOException {
        Files.createDirectories(dir.resolve("migrations"));
        Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Contradicting.class))
                .configurationParameter(MigrationTest.LOCATION_PROPERTY, "filesystem:" + dir.resolve("migrations"))
                .execute().allEvents();

        assertThat(failures(events)).containsExactly("@MigrationTest(provider = EMBEDDED, postgresUrl = ...) contradicts"
                + " itself: the embedded provider never uses a URL, so the URL would be ignored; expected a URL with"
                + " provider AUTO or EXTERNAL, or no URL; fix: remove postgresUrl, or set provider = EXTERNAL");
        assertThat(failures(events)).noneMatch(m -> m.contains("s3cret"));
    }

    @Test
    void anUnknownPostgresVersionSaysWhichOnesAreServed() throws IOException {
        assertThat(failures(runBytes(ONE_MIGRATION, Map.of(MigrationTest.POSTGRES_VERSION_PROPERTY, "99"))))
                .containsExactly("No PostgreSQL server could be provided. Tried, in order:\n"
                        + "  - embedded: failed, The embedded provider does not serve PostgreSQL '99'; supported majors:"
                        + " 12, 13, 14, 15, 16, 17, 18. Ask for one by its major number, e.g."
                        + " @MigrationTest(postgres = \"16\") or -Dmigratest.postgres.version=16.");
    }

    @Test
    void theExternalProviderWithoutAUrlSaysHowToGiveOne() throws IOException {
        assertThat(failures(runBytes(ONE_MIGRATION, Map.of(MigrationTest.PROVIDER_PROPERTY, "external"))))
                .singleElement().asString()
                .startsWith("No PostgreSQL server could be provided. Tried, in order:\n  - external: skipped, no"
                        + " external URL configured (set @MigrationTest(postgresUrl), -Dmigratest.postgres.url or"
                        + " MIGRATEST_POSTGRES_URL)");
    }

    /** The class-level failure (the folder is refused before any server starts). */
    private String classFailure(Events events) {
        List<String> messages = events.failed().stream()
                .map(e -> e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                        .map(Throwable::getMessage).orElse("?"))
                .toList();
        assertThat(messages).hasSize(1);
        return messages.get(0).replace(dir.resolve("migrations").toString(), "<dir>");
    }

    @Test
    void malformedNamesDuplicatesAndMissingHalvesAreReportedTogether() throws IOException {
        String message = classFailure(run(Map.of(
                "V1__create_users.sql", "CREATE TABLE users (id int);", "U1__create_users.sql", "DROP TABLE users;",
                "V1.0__again.sql", "SELECT 1;", "V2_add_email.sql", "SELECT 1;",
                "V3__no_undo.sql", "SELECT 1;", "U4__orphan.sql", "SELECT 1;")));

        assertThat(message).isEqualTo("4 problems in migrations at filesystem:<dir>:\n"
                + "  U4__orphan.sql: found an undo script without V4__*.sql; expected every"
                + " U<version>__<description>.sql to undo a V<version>__<description>.sql; fix: add V4__orphan.sql,"
                + " or fix the version of U4__orphan.sql\n"
                + "  V1__create_users.sql: found version 1, which V1.0__again.sql already has; expected one migration"
                + " per version; fix: give V1__create_users.sql or V1.0__again.sql another version\n"
                + "  V2_add_email.sql: found a file name that is not a Flyway name; expected V<version>__<description>.sql"
                + " + optional U<version>__<description>.sql; fix: rename it, e.g. to V2__add_email.sql\n"
                + "  V3__no_undo.sql: found no undo script for version 3; expected U3__<description>.sql next to it;"
                + " fix: add U3__no_undo.sql, or set allowForwardOnly to accept migrations without a down");
    }

    @Test
    void unterminatedQuotesDollarQuotesAndCommentsNameTheirLine() throws IOException {
        String message = classFailure(run(Map.of(
                "V1__a.sql", "CREATE TABLE t (id int);\nSELECT 'abc;\n", "U1__a.sql", "DROP TABLE t;\n",
                "V2__b.sql", "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1;\n", "U2__b.sql",
                "/* never closed\nSELECT 1;\n")));

        assertThat(message).isEqualTo("3 problems in migrations at filesystem:<dir>:\n"
                + "  U2__b.sql:1: found block comment /* opened here and never closed; expected a closing */ before the"
                + " end of the file; fix: close the comment with */ (comments nest: each /* inside it needs its own */)\n"
                + "  V1__a.sql:2: found string '…' opened here and never closed; expected a closing ' before the end of"
                + " the file; fix: close the string with ' (a quote inside a string is written twice: '')\n"
                + "  V2__b.sql:1: found dollar quote $body$ opened here and never closed; expected a closing $body$"
                + " before the end of the file; fix: close the body with $body$ (the tag is case-sensitive and must"
                + " match exactly)");
    }

    @Test
    void invalidUtf8NamesTheLineAndTheByte() throws IOException {
        String message = classFailure(runBytes(Map.of(
                "V1__a.sql", "CREATE TABLE t (id int);\nCOMMENT ON TABLE t IS 'caf\u00e9';\n"
                        .getBytes(StandardCharsets.ISO_8859_1),
                "U1__a.sql", "DROP TABLE t;".getBytes(StandardCharsets.UTF_8))));

        assertThat(message).isEqualTo("1 problem in migrations at filesystem:<dir>:\n"
                + "  V1__a.sql:2: found invalid UTF-8 byte 0xE9; expected UTF-8 text; fix: re-save the file as UTF-8");
    }

    @Test
    void concurrentlyInsideTheFilesOwnTransactionIsRefusedAnEmptyUpIsNot() throws IOException {
        String message = classFailure(run(Map.of(
                "V1__t.sql", "CREATE TABLE t (id int);", "U1__t.sql", "DROP TABLE t;",
                "V2__idx.sql", "BEGIN;\nCREATE INDEX CONCURRENTLY t_id ON t (id);\nCOMMIT;\n",
                "U2__idx.sql", "DROP INDEX CONCURRENTLY t_id;",
                "V3__later.sql", "-- TODO\n", "U3__later.sql", "")));

        assertThat(message).isEqualTo("1 problem in migrations at filesystem:<dir>:\n"
                + "  V2__idx.sql:2: found CREATE INDEX CONCURRENTLY inside the script's own BEGIN (line 1); expected"
                + " statements that cannot run in a transaction block outside any BEGIN … COMMIT (PostgreSQL refuses"
                + " them there: ERROR 25001); fix: remove the script's BEGIN/COMMIT around line 2, or move the"
                + " statement into a migration of its own");
    }

    @Test
    void aMissingOrEmptyLocationSaysWhereItLooked() throws IOException {
        Events empty = run(Map.of());
        assertThat(classFailure(empty)).startsWith("1 problem in migrations at filesystem:<dir>:\n  ");

        Events missing = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Rehearsal.class))
                .configurationParameter(MigrationTest.LOCATION_PROPERTY, "filesystem:" + dir.resolve("nowhere"))
                .execute().allEvents();
        assertThat(missing.failed().count()).isEqualTo(1);
    }

    @Test
    void aByteOrderMarkCrLfLinesAndTheFilesOwnTransactionAreAccepted() throws IOException {
        Events events = runBytes(Map.of(
                "V1__bom.sql", ("\uFEFFCREATE TABLE t (id int);\r\nINSERT INTO t VALUES (1);\r\n")
                        .getBytes(StandardCharsets.UTF_8),
                "U1__bom.sql", "BEGIN;\r\nDROP TABLE t;\r\nCOMMIT;\r\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(events.failed().count()).isZero();
        // an embedded server really ran (so the check for leftovers after this test is not vacuous)
        assertThat(Files.readString(dir.resolve("report").resolve(Rehearsal.class.getName() + ".json")))
                .contains("\"provider\" : \"embedded\"");
        assertThat(events.succeeded().stream().filter(e -> e.getTestDescriptor().getDisplayName().equals("1 bom")))
                .hasSize(1);
    }

    @Test
    void aStatementPostgresRejectsFailsItsMigrationWithTheSqlstateAndLine() throws IOException {
        Events events = run(Map.of(
                "V1__a.sql", "CREATE TABLE t (id int);\nALTER TABLE t ADD COLUMN x no_such_type;\n",
                "U1__a.sql", "DROP TABLE t;\n"));

        assertThat(classFailure(events)).isEqualTo("1 a: UP failed at V1__a.sql:2: ERROR 42704: type \"no_such_type\""
                + " does not exist\n  statement: ALTER TABLE t ADD COLUMN x no_such_type\n"
                + "  the phase ran in one transaction and was rolled back");
    }
}
