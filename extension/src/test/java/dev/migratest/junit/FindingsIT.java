package dev.migratest.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migratest.MigrationCycle;
import dev.migratest.MigrationCycleTest;
import dev.migratest.MigrationTest;
import dev.migratest.findings.Severity;
import dev.migratest.postgres.ProviderChoice;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.migratest.MigrationAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * Findings as the user meets them: an ERROR fails the migration's test (failOn), with the measured facts, the fix and
 * how to silence it; a reasoned allow comment silences it; failOn = OFF leaves them to assertions; a misspelt rule
 * in an allow comment fails the class before anything runs. V2 of each fixture builds an index without CONCURRENTLY
 * on a table V1 filled with 2 000 rows.
 */
class FindingsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> SEEN = new ArrayList<>();

    @MigrationTest(location = "classpath:fixtures/finding_index", provider = ProviderChoice.EMBEDDED)
    static class ErrorFindingFails {
        @MigrationCycleTest
        void rehearse() {
        }
    }

    @MigrationTest(location = "classpath:fixtures/finding_allowed", provider = ProviderChoice.EMBEDDED)
    static class AllowedFinding {
        @MigrationCycleTest
        void rehearse(MigrationCycle cycle) {
            assertThat(cycle).hasNoFindings(Severity.ERROR);
            SEEN.add(cycle.displayName() + ": " + cycle.findings().stream().filter(f -> f.silenced())
                    .map(f -> f.rule()).toList());
        }
    }

    @MigrationTest(location = "classpath:fixtures/finding_index", provider = ProviderChoice.EMBEDDED,
            failOn = Severity.OFF)
    static class AssertedFinding {
        @MigrationCycleTest
        void rehearse(MigrationCycle cycle) {
            if (cycle.version().equals("2")) {
                // UP's index build, and DOWN's DROP INDEX taking ACCESS EXCLUSIVE without a lock_timeout
                assertThat(cycle).isReversible().hasFindings("index-without-concurrently", "lock-timeout-missing");
            } else {
                assertThat(cycle).hasNoFindings(Severity.ERROR).hasFindings("lock-timeout-missing");
            }
        }
    }

    @MigrationTest(location = "classpath:fixtures/finding_bad_allow", provider = ProviderChoice.EMBEDDED)
    static class MisspeltAllow {
        @MigrationCycleTest
        void rehearse() {
        }
    }

    @Test
    void anErrorFindingFailsTheMigrationsTestWithWhatWasMeasuredTheFixAndHowToSilenceIt() throws Exception {
        Events tests = run(ErrorFindingFails.class);

        tests.assertThatEvents()
                .haveExactly(1, event(displayName("1 create_orders"), finishedSuccessfully()))
                .haveExactly(1, event(displayName("2 index_orders_created_at"), finishedWithFailure(message(m ->
                        m.startsWith("2 index_orders_created_at is reversible, but has 1 finding(s) at ERROR or worse:")
                                && m.contains("ERROR index-without-concurrently (UP V2__index_orders_created_at.sql:2)")
                                && m.contains("took ShareLock on public.orders")
                                && m.contains("fix: ") && m.contains("CONCURRENTLY")
                                && m.contains("-- migratest:allow <rule-id>")))));
        JsonNode finding = report(ErrorFindingFails.class).get("migrations").get(1).get("findings").get(0);
        assertThat(finding.get("rule").asText()).isEqualTo("index-without-concurrently");
        assertThat(finding.get("severity").asText()).isEqualTo("ERROR");
        assertThat(finding.get("phase").asText()).isEqualTo("UP");
        assertThat(finding.get("line").asInt()).isEqualTo(2);
        assertThat(finding.get("relation").asText()).isEqualTo("public.orders");
        assertThat(finding.get("silenced").asBoolean()).isFalse();
    }

    @Test
    void anAllowCommentWithAReasonSilencesTheRuleButTheFindingStaysVisible() throws Exception {
        SEEN.clear();
        run(AllowedFinding.class).assertStatistics(s -> s.succeeded(2).failed(0));

        assertThat(SEEN).containsExactly("1 create_orders: []", "2 index_orders_created_at: [index-without-concurrently]");
        JsonNode finding = report(AllowedFinding.class).get("migrations").get(1).get("findings").get(0);
        assertThat(finding.get("silenced").asBoolean()).isTrue();
    }

    @Test
    void failOnOffLeavesFindingsToTheAssertions() {
        run(AssertedFinding.class).assertStatistics(s -> s.succeeded(2).failed(0));
    }

    @Test
    void aMisspeltRuleInAnAllowCommentFailsTheClassNamingFileLineAndTheRulesThatExist() {
        Events containers = EngineTestKit.engine("junit-jupiter").selectors(selectClass(MisspeltAllow.class)).execute()
                .containerEvents();

        containers.assertThatEvents().haveExactly(1, event(container(MisspeltAllow.class.getSimpleName()),
                finishedWithFailure(message(m -> m.contains("V2__index_orders_created_at.sql line 1")
                        && m.contains("\"index-without-concurently\" is not a rule id")
                        && m.contains("index-without-concurrently")))));
    }

    private static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
    }

    private static JsonNode report(Class<?> testClass) throws Exception {
        return JSON.readTree(Files.readString(Path.of("target/migratest/" + testClass.getName() + ".json")));
    }
}
