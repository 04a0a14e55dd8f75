package dev.migratest.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migratest.MigrationCycleTest;
import dev.migratest.MigrationTest;
import dev.migratest.findings.Severity;
import dev.migratest.migration.Layout;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Real histories' folders, run on a real Postgres through JUnit: each loads and rehearses as its tool would run it,
 * and says what it could not rehearse.
 */
class FolderLoadingIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REPORTS = Path.of("target/migratest-it/folder-loading");

    @MigrationTest(location = "classpath:fixtures/loading/flyway_realism", placeholders = "schema=app",
            failOn = Severity.OFF)
    static class FlywayRealism {
        @MigrationCycleTest
        void rehearse() {
        }
    }

    @MigrationTest(location = "classpath:fixtures/loading/flyway_unreplaced", failOn = Severity.OFF)
    static class Unreplaced {
        @MigrationCycleTest
        void rehearse() {
        }
    }

    @MigrationTest(location = "classpath:fixtures/loading/repeatable_rerun", failOn = Severity.OFF)
    static class RepeatableRerun {
        @MigrationCycleTest
        void rehearse() {
        }
    }

    @MigrationTest(location = "classpath:fixtures/loading/diesel_empty", failOn = Severity.OFF)
    static class DieselEmpty {
        @MigrationCycleTest
        void rehearse() {
        }
    }

    @MigrationTest(location = "classpath:fixtures/loading/own_runner", failOn = Severity.OFF,
            naming = "V(?<version>\\d+)\\.(?<name>[^.]+)\\.(?<direction>up|down)\\.sql")
    static class OwnRunner {
        @MigrationCycleTest
        void rehearse() {
        }
    }

    @MigrationTest(location = "classpath:fixtures/loading/own_runner", layout = Layout.PATTERN)
    static class PatternWithoutNaming {
        @MigrationCycleTest
        void rehearse() {
        }
    }

    @Test
    void placeholdersRepeatablesANoOpAndAJavaMigrationRehearseAsFlywayRunsThem() throws IOException {
        Run run = Run.of(FlywayRealism.class);

        assertThat(run.outcomes()).containsExactly("1 schema SUCCESSFUL", "2 Backfill ABORTED", "3 squashed SUCCESSFUL",
                "R active_users SUCCESSFUL");
        assertThat(run.console()).anySatisfy(line -> assertThat(line).isEqualTo("WARNING V2__Backfill.java is a Flyway"
                + " Java migration: migratest runs SQL only, so version 2 is not rehearsed and every migration after it"
                + " runs without what it does. The rehearsed history has a gap there (a skipped test at its place)"));
        assertThat(run.line("2 Backfill")).contains("GAP: a Java migration, not rehearsed",
                "a Flyway Java migration (V2__Backfill.java)");
        assertThat(run.line("3 squashed")).contains("no-op: its up holds no statement");
        assertThat(run.line("R active_users")).contains("repeatable: applied after every versioned migration");

        JsonNode migrations = run.json().get("migrations");
        assertThat(migrations.get(0).get("phases").get(0).get("statements").get(1).get("sql").asText())
                .isEqualTo("CREATE TABLE app.users (id int PRIMARY KEY, active boolean NOT NULL DEFAULT true)");
        assertThat(migrations.get(1).get("kind").asText()).isEqualTo("JAVA");
        assertThat(migrations.get(1).get("outcome").asText()).isEqualTo("SKIPPED");
        assertThat(migrations.get(1).get("phases")).isEmpty();
        assertThat(migrations.get(1).get("noOp").asBoolean()).as("a Java migration's code is unknown, no no-op").isFalse();
        assertThat(migrations.get(2).get("noOp").asBoolean()).isTrue();
        JsonNode repeatable = migrations.get(3);
        assertThat(repeatable.get("kind").asText()).isEqualTo("REPEATABLE");
        List<String> phases = new ArrayList<>();
        repeatable.get("phases").forEach(phase -> phases.add(phase.get("phase").asText()));
        assertThat(phases).containsExactly("UP", "REUP");
    }

    @Test
    void aStatementHoldingAPlaceholderWithoutAValueFailsNamingItAndWhereToGiveIt() throws IOException {
        Run run = Run.of(Unreplaced.class);

        assertThat(run.outcomes()).containsExactly("1 tenant FAILED");
        assertThat(run.failure("1 tenant")).contains("UP failed at V1__tenant.sql:1: ERROR 42601: syntax error",
                "the statement holds ${tenant}, a Flyway placeholder without a value",
                "give its value with @MigrationTest(placeholders = \"tenant=…\")");
        assertThat(run.console()).anySatisfy(line -> assertThat(line)
                .startsWith("WARNING Flyway placeholder ${tenant} has no value (U1__tenant.sql:1, V1__tenant.sql:1)"));
    }

    @Test
    void aRepeatableThatCannotBeAppliedAgainFailsItsSecondUp() throws IOException {
        Run run = Run.of(RepeatableRerun.class);

        assertThat(run.outcomes()).containsExactly("1 t SUCCESSFUL", "R v FAILED");
        assertThat(run.failure("R v")).contains("REUP failed at R__v.sql:2: ERROR 42P07: relation \"v\" already exists");
    }

    @Test
    void dieselSkipsARootFileAndRefusesAnEmptyUpWhileTheHistoryGoesOn() throws IOException {
        Run run = Run.of(DieselEmpty.class);

        assertThat(run.outcomes()).containsExactly("20200101000000 a SUCCESSFUL", "20200102000000 squashed FAILED",
                "20200103000000 c SUCCESSFUL");
        assertThat(run.failure("20200102000000 squashed")).contains("UP failed at 2020-01-02-000000_squashed/up.sql:1:"
                + " ERROR diesel refuses a script without a statement", "Attempted to run an empty migration");
        assertThat(run.console()).anySatisfy(line -> assertThat(line).startsWith("skipped in ")
                .endsWith(": schema.sql (not a migration: a file at the root, diesel reads only the migration"
                        + " directories)"));
    }

    @Test
    void aProjectsOwnNamingRehearsesWithoutRenamingAFile() throws IOException {
        Run run = Run.of(OwnRunner.class);

        assertThat(run.outcomes()).containsExactly("0001 Initial_Schema SUCCESSFUL", "0002 Add_Email SUCCESSFUL");
        assertThat(run.console()).anySatisfy(line -> assertThat(line)
                .endsWith(": run.sh (not a migration: not a .sql file)"));
    }

    @Test
    void layoutPatternWithoutANamingFailsTheClassBeforeAnythingRuns() throws IOException {
        Run run = Run.of(PatternWithoutNaming.class);

        Throwable failure = run.events().failed().stream().filter(e -> e.getTestDescriptor().isContainer())
                .findFirst().orElseThrow()
                .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThat(failure).hasMessageStartingWith("layout PATTERN needs a naming pattern, and none is set; expected"
                + " @MigrationTest(naming = \"V(?<version>\\\\d+)\\\\.(?<name>[^.]+)\\\\.(?<direction>up|down)\\\\.sql\")");
        assertThat(run.events().started().stream().filter(e -> e.getTestDescriptor().isTest())).isEmpty();
    }

    /** One class run through the engine, its console captured and its reports in a directory of its own. */
    private record Run(Events events, List<String> console, Path reports, Class<?> testClass) {
        private static final String PREFIX = "[migratest] ";

        static Run of(Class<?> testClass) throws IOException {
            Path reports = REPORTS.resolve(testClass.getSimpleName());
            Files.createDirectories(reports);
            PrintStream out = System.out;
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            Events events;
            try {
                System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
                events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass))
                        .configurationParameter(MigrationTest.REPORT_DIR_PROPERTY, reports.toString())
                        .execute().allEvents();
            } finally {
                System.setOut(out);
            }
            List<String> lines = console.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith(PREFIX))
                    .map(l -> l.substring(PREFIX.length())).toList();
            return new Run(events, lines, reports, testClass);
        }

        /** Each migration's test, in history order, with how it ended. */
        List<String> outcomes() {
            return events.finished().stream().filter(e -> e.getTestDescriptor().isTest())
                    .map(e -> e.getTestDescriptor().getDisplayName() + " "
                            + e.getPayload(TestExecutionResult.class).orElseThrow().getStatus())
                    .collect(Collectors.toList());
        }

        String failure(String migration) {
            Event finished = events.finished().stream()
                    .filter(e -> e.getTestDescriptor().getDisplayName().equals(migration)).findFirst().orElseThrow();
            return finished.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow()
                    .getMessage();
        }

        /** The console line of one migration (the one that starts with its mark and name). */
        String line(String migration) {
            return console.stream().filter(l -> l.matches("^\\S+ " + java.util.regex.Pattern.quote(migration) + "  .*"))
                    .findFirst().orElseThrow(() -> new AssertionError("no line for " + migration + " in " + console));
        }

        JsonNode json() throws IOException {
            return JSON.readTree(Files.readString(reports.resolve(testClass.getName() + ".json")));
        }
    }
}
