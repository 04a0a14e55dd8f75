package dev.migratest.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migratest.MigrationCycleTest;
import dev.migratest.MigrationTest;
import dev.migratest.postgres.ProviderChoice;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/** One class, several majors: one test per version × migration, one report per version naming what served it. */
class VersionMatrixIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @MigrationTest(location = "classpath:fixtures/passing", provider = ProviderChoice.EMBEDDED, postgres = {"14", "17"})
    static class TwoMajors {
        @MigrationCycleTest
        void rehearse() {
        }
    }

    @MigrationTest(location = "classpath:fixtures/passing", provider = ProviderChoice.EMBEDDED, postgres = "9.6")
    static class UnsupportedMajor {
        @MigrationCycleTest
        void rehearse() {
        }
    }

    @MigrationTest(location = "classpath:fixtures/passing", provider = ProviderChoice.EMBEDDED)
    static class DefaultMajor {
        @MigrationCycleTest
        void rehearse() {
        }
    }

    @MigrationTest(location = "classpath:fixtures/passing", provider = ProviderChoice.EMBEDDED, postgres = "17")
    static class Major17 {
        @MigrationCycleTest
        void rehearse() {
        }
    }

    /** A class asking for nothing and one asking for 17 must not run two minors of 17 in one run. */
    @Test
    void theDefaultAndARequestForItsMajorRunOneAndTheSameRelease() throws Exception {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(DefaultMajor.class), selectClass(Major17.class))
                .execute().testEvents().assertStatistics(s -> s.started(4).succeeded(4));

        String pinned = System.getProperty("migratest.test.zonkyBinariesVersion"); // e.g. 17.11.0
        assertThat(pinned).as("set by the extension's pom from zonky.binaries.version").isNotBlank();
        String release = pinned.substring(0, pinned.lastIndexOf('.'));
        for (Class<?> testClass : new Class<?>[] {DefaultMajor.class, Major17.class}) {
            JsonNode postgres = JSON.readTree(Files.readString(Path.of("target/migratest/" + testClass.getName()
                    + ".json"))).get("postgres");
            assertThat(postgres.get("version").asText()).as(testClass.getSimpleName()).isEqualTo(release);
        }
    }

    @Test
    void everyMigrationRunsOnEveryRequestedMajor() throws Exception {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(TwoMajors.class)).execute().testEvents();

        tests.assertStatistics(s -> s.started(4).succeeded(4));
        tests.assertThatEvents()
                .haveExactly(1, event(displayName("[pg 14] 1 create_accounts"), finishedSuccessfully()))
                .haveExactly(1, event(displayName("[pg 17] 1.1 add_plan"), finishedSuccessfully()));
        for (String major : new String[] {"14", "17"}) {
            JsonNode report = JSON.readTree(Files.readString(
                    Path.of("target/migratest/" + TwoMajors.class.getName() + "@" + major + ".json")));
            assertThat(report.get("postgres").get("provider").asText()).isEqualTo("embedded");
            assertThat(report.get("postgres").get("version").asText()).startsWith(major + ".");
            assertThat(report.get("migrations")).hasSize(2);
        }
    }

    @Test
    void anUnsupportedMajorFailsWithTheChoices() {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(UnsupportedMajor.class)).execute()
                .testEvents();

        tests.assertThatEvents().haveAtLeast(1, event(finishedWithFailure(message(m ->
                m.contains("embedded: failed") && m.contains("9.6") && m.contains("12, 13, 14, 15, 16, 17, 18")))));
    }
}
