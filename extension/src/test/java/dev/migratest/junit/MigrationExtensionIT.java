package dev.migratest.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migratest.MigrationCycle;
import dev.migratest.MigrationCycleTest;
import dev.migratest.MigrationTest;
import dev.migratest.runner.Phase;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static dev.migratest.MigrationAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/** The extension as users meet it, run through JUnit's own engine. */
class MigrationExtensionIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @MigrationTest(location = "classpath:fixtures/passing")
    static class Passing {
        static final List<String> SEEN = new ArrayList<>();

        @MigrationCycleTest
        void rehearse(MigrationCycle cycle) {
            SEEN.add(cycle.displayName());
            assertThat(cycle).passed().restoredTheSchema().reupMatchesUp().ranInOneTransaction(Phase.UP);
        }
    }

    @MigrationTest(location = "classpath:fixtures/forward_only", allowForwardOnly = true)
    static class ForwardOnly {
        @MigrationCycleTest
        void rehearse() {
        }
    }

    @MigrationTest(location = "classpath:fixtures/bad_names")
    static class BadNames {
        @MigrationCycleTest
        void rehearse() {
        }
    }

    @Test
    void oneTestPerMigrationNamedByVersionAndNameInHistoryOrder() {
        Passing.SEEN.clear();
        Events tests = run(Passing.class).testEvents();

        tests.assertStatistics(s -> s.started(2).succeeded(2));
        tests.assertThatEvents()
                .haveExactly(1, event(displayName("1 create_accounts"), finishedSuccessfully()))
                .haveExactly(1, event(displayName("1.1 add_plan"), finishedSuccessfully()));
        assertThat(Passing.SEEN).containsExactly("1 create_accounts", "1.1 add_plan");
    }

    @Test
    void theJsonReportFollowsContractV1() throws Exception {
        run(Passing.class);
        Path file = Path.of("target/migratest/" + Passing.class.getName() + ".json");
        JsonNode root = JSON.readTree(Files.readString(file));

        assertThat(fields(root)).containsExactly("formatVersion", "postgres", "migrations");
        assertThat(root.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(fields(root.get("postgres"))).containsExactly("version", "provider");
        assertThat(root.get("postgres").get("provider").asText()).isIn("embedded", "container", "external");
        JsonNode migration = root.get("migrations").get(0);
        assertThat(fields(migration)).containsExactly("version", "name", "source", "outcome", "skipReason", "phases",
                "schemaDiff", "dataDiff", "findings", "rows", "dataChecked", "dataLossDeclared", "lockQueue", "verdict",
                "failedBecause", "skippedBecause", "kind", "noOp");
        assertThat(migration.get("source").asText()).isEqualTo("fixtures/passing/V1__create_accounts.sql");
        assertThat(migration.get("outcome").asText()).isEqualTo("PASSED");
        assertThat(migration.get("skipReason").isNull()).isTrue();
        assertThat(migration.get("verdict").asText()).isEqualTo("PASSED");
        assertThat(migration.get("failedBecause")).isEmpty();
        assertThat(migration.get("skippedBecause").isNull()).isTrue();
        assertThat(migration.get("kind").asText()).isEqualTo("VERSIONED");
        assertThat(migration.get("noOp").asBoolean()).isFalse();
        JsonNode phase = migration.get("phases").get(0);
        assertThat(fields(phase)).containsExactly("phase", "status", "error", "errorLine", "durationMs",
                "transactional", "statements", "traceIncomplete", "aftermath");
        assertThat(phase.get("phase").asText()).isEqualTo("UP");
        assertThat(phase.get("status").asText()).isEqualTo("OK");
        JsonNode statement = phase.get("statements").get(0);
        assertThat(fields(statement)).containsExactly("line", "sql", "durationMs", "locks", "rewrites", "fullScans",
                "blocked", "startMs", "traced", "lockTimeout", "statementTimeout", "rowsChanged");
        assertThat(statement.get("line").asInt()).isEqualTo(1);
        assertThat(statement.get("sql").asText()).startsWith("CREATE TABLE accounts (");
        JsonNode addPlan = root.get("migrations").get(1).get("phases").get(0).get("statements").get(0);
        JsonNode lock = addPlan.get("locks").get(0);
        assertThat(fields(lock)).containsExactly("relation", "mode", "heldMs", "kind", "table", "createdInPhase",
                "sinceMs", "waitedMs", "observed");
        assertThat(lock.get("relation").asText()).isEqualTo("public.accounts");
        assertThat(lock.get("mode").asText()).isEqualTo("AccessExclusiveLock");
        assertThat(lock.get("heldMs").asDouble()).isPositive();
        assertThat(fields(addPlan.get("blocked"))).containsExactly("reads", "writes", "readsBlockedOn",
                "writesBlockedOn", "probed");
        assertThat(addPlan.get("blocked").get("reads").asBoolean()).isTrue();
        assertThat(fields(migration.get("schemaDiff"))).containsExactly("downVsBefore", "reupVsUp", "notes");
        assertThat(migration.get("dataDiff").isArray()).isTrue();
        assertThat(migration.get("findings").isArray()).isTrue();
    }

    @Test
    void aForwardOnlyMigrationIsReportedSkippedWithItsReason() {
        Events tests = run(ForwardOnly.class).testEvents();

        tests.assertThatEvents()
                .haveExactly(1, event(displayName("1 a"), abortedWithReason(message(
                        "1 a skipped: forward-only: V1__a.sql has no down migration, so only UP ran"
                                + " (allowed by allowForwardOnly)"))))
                .haveExactly(1, event(displayName("2 b"), finishedSuccessfully()));
    }

    @Test
    void badMigrationNamesFailTheClassListingEveryOffender() {
        Events containers = run(BadNames.class).containerEvents();

        containers.assertThatEvents().haveExactly(1, event(container(BadNames.class.getSimpleName()),
                finishedWithFailure(message(m -> m.contains("V1_missing_underscore.sql") && m.contains("Vx__c.sql")))));
    }

    @Test
    void theLocationPropertyOverridesTheAnnotation() {
        System.setProperty(MigrationTest.LOCATION_PROPERTY, "classpath:fixtures/forward_only");
        System.setProperty(MigrationTest.ALLOW_FORWARD_ONLY_PROPERTY, "true");
        try {
            Events tests = run(Passing.class).testEvents();
            tests.assertThatEvents().haveExactly(1, event(displayName("2 b"), finishedSuccessfully()));
        } finally {
            System.clearProperty(MigrationTest.LOCATION_PROPERTY);
            System.clearProperty(MigrationTest.ALLOW_FORWARD_ONLY_PROPERTY);
        }
    }

    private static org.junit.platform.testkit.engine.EngineExecutionResults run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute();
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) names.add(it.next());
        return names;
    }
}
