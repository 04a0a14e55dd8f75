package dev.migratest.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migratest.MigrationCycle;
import dev.migratest.MigrationCycleTest;
import dev.migratest.MigrationTest;
import dev.migratest.postgres.ProviderChoice;
import dev.migratest.report.HtmlReport;
import dev.migratest.report.MarkdownSummary;
import dev.migratest.runner.Phase;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.migratest.MigrationAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectIteration;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * One verdict per migration, read by every output: the JUnit outcome and report entries, the console lines, the JSON
 * report, the HTML report and summary.md say the same — FAILED, and why — whether findings failed the migration or
 * the test method's own assertion did, and they count the same.
 */
class VerdictIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REPORTS = Path.of("target/migratest/verdict");
    private static final String FINDING = "failed on 1 finding: ERROR index-without-concurrently"
            + " (UP V2__index_orders_created_at.sql:2)";

    /** V2 builds an index without CONCURRENTLY on a table of 2 000 rows: an ERROR finding, under failOn = ERROR. */
    @MigrationTest(location = "classpath:fixtures/finding_index", provider = ProviderChoice.EMBEDDED)
    static class FindingFails {
        @MigrationCycleTest
        void rehearse() {
        }
    }

    /** V1.1 adds a column to an existing table under ACCESS EXCLUSIVE: the rehearsal passes, the assertion does not. */
    @MigrationTest(location = "classpath:fixtures/passing", provider = ProviderChoice.EMBEDDED)
    static class AssertionFails {
        @MigrationCycleTest
        void rehearse(MigrationCycle cycle) {
            assertThat(cycle).up().blocksNoWrites();
        }
    }

    /** Three methods judge each migration; two only look at V1.1 and fail it, each for its own reason. */
    @MigrationTest(location = "classpath:fixtures/passing", provider = ProviderChoice.EMBEDDED)
    static class SeveralMethods {
        @MigrationCycleTest
        void reversible(MigrationCycle cycle) {
            assertThat(cycle).isReversible();
        }

        @MigrationCycleTest
        void writesKeepFlowing(MigrationCycle cycle) {
            assumeTrue(cycle.version().equals("1.1"), "only add_plan");
            assertThat(cycle).up().blocksNoWrites();
        }

        @MigrationCycleTest
        void autocommit(MigrationCycle cycle) {
            assumeTrue(cycle.version().equals("1.1"), "only add_plan");
            assertThat(cycle).ranInAutocommit(Phase.UP);
        }
    }

    @Test
    void findingsThatFailAMigrationFailItEverywhereAndSayWhichFindings() throws IOException {
        Run run = Run.of("findings", selectClass(FindingFails.class));

        run.tests().assertThatEvents()
                .haveExactly(1, event(displayName("1 create_orders"), finishedSuccessfully()))
                .haveExactly(1, event(displayName("2 index_orders_created_at"), finishedWithFailure(message(m ->
                        m.startsWith("2 index_orders_created_at is reversible, but has 1 finding(s) at ERROR or worse:")
                                && m.contains("ERROR index-without-concurrently (UP V2__index_orders_created_at.sql:2)")))));
        assertThat(run.reportEntries().get(1)).containsEntry("migratest.outcome", "PASSED")
                .containsEntry("migratest.verdict", "FAILED").containsEntry("migratest.verdict.reason", FINDING);

        JsonNode failed = run.json(FindingFails.class).get("migrations").get(1);
        assertThat(failed.get("outcome").asText()).as("the rehearsal itself passed").isEqualTo("PASSED");
        assertThat(failed.get("verdict").asText()).isEqualTo("FAILED");
        JsonNode reason = failed.get("failedBecause").get(0);
        assertThat(reason.get("kind").asText()).isEqualTo("FINDINGS");
        assertThat(reason.get("findings").get(0).get("rule").asText()).isEqualTo("index-without-concurrently");
        assertThat(reason.get("findings").get(0).get("file").asText()).isEqualTo("V2__index_orders_created_at.sql");
        assertThat(reason.get("findings").get(0).get("line").asInt()).isEqualTo(2);

        assertThat(run.migrationLine("2 index_orders_created_at")).startsWith(run.mark(false) + " ")
                .endsWith(run.separator() + FINDING);
        assertThat(run.migrationLine("1 create_orders")).startsWith(run.mark(true) + " ");

        Element row = run.overviewRow("2 index_orders_created_at");
        assertThat(row.selectFirst(".badge").text()).isEqualTo("FAILED");
        assertThat(row.selectFirst(".badge").attr("title")).isEqualTo(FINDING);
        Element section = run.section("2 index_orders_created_at");
        assertThat(section.selectFirst("summary .badge").text()).isEqualTo("FAILED");
        assertThat(section.selectFirst("h3.failed-because").attr("data-kind")).isEqualTo("FINDINGS");
        assertThat(section.selectFirst("pre.failure").text()).contains("index-without-concurrently", "fix: ");

        assertThat(run.summaryRow("2 index\\_orders\\_created\\_at")).startsWith("| ❌ failed |")
                .endsWith("| failed on 1 finding: ERROR index-without-concurrently"
                        + " (UP V2\\_\\_index\\_orders\\_created\\_at.sql:2) |");
        run.assertEveryOutputCounts(1, 1, 0);
    }

    @Test
    void theTestMethodsFailedAssertionFailsTheMigrationEverywhereWithItsMessage() throws IOException {
        Run run = Run.of("assertion", selectClass(AssertionFails.class));

        run.tests().assertThatEvents()
                .haveExactly(1, event(displayName("1 create_accounts"), finishedSuccessfully()))
                .haveExactly(1, event(displayName("1.1 add_plan"), finishedWithFailure(message(m ->
                        m.contains("Expecting UP of 1.1 add_plan") && m.contains("to block no application writes")))));
        assertThat(run.reportEntries().get(1)).containsEntry("migratest.outcome", "PASSED")
                .containsEntry("migratest.verdict", "FAILED");
        assertThat(run.reportEntries().get(1).get("migratest.verdict.reason"))
                .startsWith("rehearse(): Expecting UP of 1.1 add_plan (V1.1__add_plan.sql) to block no application writes");

        JsonNode failed = run.json(AssertionFails.class).get("migrations").get(1);
        assertThat(failed.get("outcome").asText()).isEqualTo("PASSED");
        assertThat(failed.get("verdict").asText()).isEqualTo("FAILED");
        JsonNode reason = failed.get("failedBecause").get(0);
        assertThat(reason.get("kind").asText()).isEqualTo("ASSERTION");
        assertThat(reason.get("test").asText()).isEqualTo("rehearse");
        assertThat(reason.get("message").asText()).contains("to block no application writes", "public.accounts");

        assertThat(run.migrationLine("1.1 add_plan")).startsWith(run.mark(false) + " ")
                .contains(run.separator() + "rehearse(): Expecting UP of 1.1 add_plan");
        assertThat(run.overviewRow("1.1 add_plan").selectFirst(".badge").text()).isEqualTo("FAILED");
        Element section = run.section("1.1 add_plan");
        assertThat(section.selectFirst("h3.failed-because").text()).isEqualTo("Failed: assertion (rehearse())");
        assertThat(section.selectFirst("pre.failure").text()).contains("to block no application writes");
        assertThat(run.summaryRow("1.1 add\\_plan")).startsWith("| ❌ failed |")
                .contains("| rehearse(): Expecting UP of 1.1 add\\_plan");
        run.assertEveryOutputCounts(1, 1, 0);
    }

    @Test
    void severalMethodsCombineTheWorstVerdictWithEveryFailingMethodsReason() throws IOException {
        Run run = Run.of("several", selectClass(SeveralMethods.class));

        run.tests().assertStatistics(s -> s.started(6).succeeded(2).failed(2).aborted(2));
        JsonNode migrations = run.json(SeveralMethods.class).get("migrations");
        // V1: one method passed it, two skipped it: they had nothing to say about it
        assertThat(migrations.get(0).get("verdict").asText()).isEqualTo("PASSED");
        JsonNode addPlan = migrations.get(1);
        assertThat(addPlan.get("verdict").asText()).isEqualTo("FAILED");
        List<String> failingTests = new ArrayList<>();
        addPlan.get("failedBecause").forEach(reason -> {
            assertThat(reason.get("kind").asText()).isEqualTo("ASSERTION");
            failingTests.add(reason.get("test").asText());
        });
        assertThat(failingTests).containsExactlyInAnyOrder("writesKeepFlowing", "autocommit");
        assertThat(run.section("1.1 add_plan").select("h3.failed-because").eachText())
                .containsExactlyInAnyOrder("Failed: assertion (writesKeepFlowing())", "Failed: assertion (autocommit())");
        assertThat(run.summaryRow("1.1 add\\_plan")).contains("writesKeepFlowing(): ", "autocommit(): ");
        assertThat(run.classLine()).endsWith(": 1 passed, 1 failed, 0 skipped, " + run.toReview() + " to review");
    }

    @Test
    void aSingleSelectedInvocationIsJudgedByItsTestAndTheMigrationBeforeItByItsRehearsal() throws IOException {
        Run run = Run.of("selected", selectIteration(selectMethod(AssertionFails.class, "rehearse",
                MigrationCycle.class.getName()), 1));

        run.tests().assertStatistics(s -> s.started(1).failed(1));
        JsonNode migrations = run.json(AssertionFails.class).get("migrations");
        assertThat(migrations).hasSize(2);
        assertThat(migrations.get(0).get("verdict").asText()).isEqualTo("PASSED");
        assertThat(migrations.get(1).get("failedBecause").get(0).get("kind").asText()).isEqualTo("ASSERTION");
        assertThat(run.migrationLines()).singleElement().satisfies(line -> assertThat(line).contains("1.1 add_plan"));
        assertThat(run.classLine()).contains(": 2 of 2 migrations rehearsed on ")
                .endsWith(": 1 passed, 1 failed, 0 skipped, " + run.toReview() + " to review");
    }

    /** One class run through the engine, its console captured and its reports in a directory of their own. */
    private record Run(EngineExecutionResults results, List<String> console, Path reports) {
        private static final String PREFIX = "[migratest] ";
        private static final Pattern COUNTS =
                Pattern.compile("(\\d+) passed, (\\d+) failed, (\\d+) skipped, (\\d+) to review");

        static Run of(String name, DiscoverySelector selector) throws IOException {
            Path reports = REPORTS.resolve(name);
            if (Files.exists(reports)) {
                try (var files = Files.list(reports)) {
                    for (Path file : files.toList()) Files.delete(file);
                }
            }
            PrintStream out = System.out;
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            EngineExecutionResults results;
            try {
                System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
                results = EngineTestKit.engine("junit-jupiter").selectors(selector)
                        .configurationParameter(MigrationTest.REPORT_DIR_PROPERTY, reports.toString())
                        .execute();
            } finally {
                System.setOut(out);
            }
            List<String> lines = console.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith(PREFIX))
                    .map(l -> l.substring(PREFIX.length())).toList();
            return new Run(results, lines, reports);
        }

        Events tests() {
            return results.testEvents();
        }

        List<Map<String, String>> reportEntries() {
            return tests().reportingEntryPublished()
                    .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs()).toList();
        }

        JsonNode json(Class<?> testClass) throws IOException {
            return JSON.readTree(Files.readString(reports.resolve(testClass.getName() + ".json")));
        }

        Document html() throws IOException {
            return Jsoup.parse(reports.resolve(HtmlReport.FILE).toFile(), "UTF-8");
        }

        String summary() throws IOException {
            return Files.readString(reports.resolve(MarkdownSummary.FILE));
        }

        /** ✓ ✗ where the console's encoding shows them, else the words a C-locale log gets. */
        String mark(boolean passed) {
            boolean symbols = Console.charset().newEncoder().canEncode("✓✗–·");
            return passed ? (symbols ? "✓" : "ok") : (symbols ? "✗" : "FAIL");
        }

        String separator() {
            return Console.charset().newEncoder().canEncode("✓✗–·") ? " · " : " | ";
        }

        /** The lines of the migrations, one per test that ran: they start with a mark and the migration's name. */
        List<String> migrationLines() {
            return console.stream().filter(l -> l.matches("^(✓|✗|–|ok|FAIL|skip) +\\S.*")).toList();
        }

        String migrationLine(String displayName) {
            List<String> lines = migrationLines().stream()
                    .filter(l -> l.replaceFirst("^\\S+ +", "").startsWith(displayName + "  ")).toList();
            assertThat(lines).as("console lines of %s in %s", displayName, console).hasSize(1);
            return lines.get(0);
        }

        String classLine() {
            List<String> lines = console.stream().filter(l -> l.contains(" migrations rehearsed on ")).toList();
            assertThat(lines).as("class lines in %s", console).hasSize(1);
            return lines.get(0);
        }

        /** The class line's count of migrations that passed but deserve a look: fixtures differ in what they find. */
        int toReview() {
            Matcher counts = COUNTS.matcher(classLine());
            assertThat(counts.find()).as(classLine()).isTrue();
            return Integer.parseInt(counts.group(4));
        }

        Element overviewRow(String displayName) throws IOException {
            Element link = html().select("#overview tbody tr td a").stream()
                    .filter(a -> a.text().equals(displayName)).findFirst().orElseThrow();
            return link.closest("tr");
        }

        Element section(String displayName) throws IOException {
            return html().select("details.migration").stream()
                    .filter(d -> d.selectFirst("summary > b").text().equals(displayName)).findFirst().orElseThrow();
        }

        String summaryRow(String escapedDisplayName) throws IOException {
            List<String> rows = summary().lines().filter(l -> l.contains("| " + escapedDisplayName + " (")).toList();
            assertThat(rows).as(summary()).hasSize(1);
            return rows.get(0);
        }

        /**
         * A class with one test method has one test per migration: JUnit's counts, the JSON verdicts, the console's
         * class line, the HTML header and the summary's title all agree.
         */
        void assertEveryOutputCounts(int passed, int failed, int skipped) throws IOException {
            tests().assertStatistics(s -> s.succeeded(passed).failed(failed).aborted(skipped));
            List<String> verdicts = new ArrayList<>();
            try (var files = Files.list(reports)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                    JSON.readTree(Files.readString(file)).get("migrations")
                            .forEach(m -> verdicts.add(m.get("verdict").asText()));
                }
            }
            assertThat(verdicts).filteredOn("PASSED"::equals).hasSize(passed);
            assertThat(verdicts).filteredOn("FAILED"::equals).hasSize(failed);
            assertThat(verdicts).filteredOn("SKIPPED"::equals).hasSize(skipped);
            assertThat(migrationLines()).filteredOn(l -> l.startsWith(mark(true) + " ")).hasSize(passed);
            assertThat(migrationLines()).filteredOn(l -> l.startsWith(mark(false) + " ")).hasSize(failed);
            String counts = passed + " passed, " + failed + " failed, " + skipped + " skipped, " + toReview()
                    + " to review";
            assertThat(classLine()).endsWith("): " + counts);
            assertThat(summary()).startsWith("### migratest: " + (passed + failed + skipped) + " migrations rehearsed: "
                    + counts + "\n");
            assertThat(html().select("header .totals span").eachText()).containsSubsequence(
                    (passed + failed + skipped) + " migrations", passed + " passed", failed + " failed",
                    skipped + " skipped", toReview() + " to review");
        }
    }
}
