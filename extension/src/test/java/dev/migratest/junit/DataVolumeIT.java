package dev.migratest.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migratest.MigrationCycle;
import dev.migratest.MigrationCycleTest;
import dev.migratest.MigrationTest;
import dev.migratest.findings.Severity;
import dev.migratest.postgres.ProviderChoice;
import dev.migratest.runner.Phase;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static dev.migratest.MigrationAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Migrations rehearsed on tables that hold data: each table is filled when it first exists, never reloaded. The
 * fixtures build an index without CONCURRENTLY and change a column's type on loaded tables, which the findings
 * rightly call errors; this class is about the data, so findings do not fail it ({@code failOn = OFF}, see FindingsIT).
 */
class DataVolumeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, Double> INDEX_BUILD_MS = new ConcurrentHashMap<>();

    @MigrationTest(location = "classpath:fixtures/with_data", provider = ProviderChoice.EMBEDDED, rows = 2000, failOn = Severity.OFF,
            tableRows = "orders=5000")
    static class SmallVolume {
        @MigrationCycleTest
        void rehearse(MigrationCycle cycle) {
            assertThat(cycle).passed().restoredTheSchema().reupMatchesUp();
            record(cycle, "small");
        }
    }

    @MigrationTest(location = "classpath:fixtures/with_data", provider = ProviderChoice.EMBEDDED, rows = 2000, failOn = Severity.OFF,
            tableRows = "orders=200000")
    static class LargeVolume {
        @MigrationCycleTest
        void rehearse(MigrationCycle cycle) {
            assertThat(cycle).passed().restoredTheSchema().reupMatchesUp();
            record(cycle, "large");
        }
    }

    @MigrationTest(location = "classpath:fixtures/with_data", provider = ProviderChoice.EMBEDDED, rows = 1000, failOn = Severity.OFF,
            tableRows = "orders=3/users")
    static class RatioVolume {
        @MigrationCycleTest
        void rehearse(MigrationCycle cycle) {
            assertThat(cycle).passed();
        }
    }

    @Test
    void aRatioGivesRowsPerParentRow() throws Exception {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(RatioVolume.class)).execute()
                .testEvents().assertStatistics(s -> s.succeeded(3));

        JsonNode last = JSON.readTree(Files.readString(
                Path.of("target/migratest/" + RatioVolume.class.getName() + ".json"))).get("migrations").get(2);
        assertThat(last.get("rows").get("public.users").asLong()).isEqualTo(1000);
        assertThat(last.get("rows").get("public.orders").asLong()).isEqualTo(3000);
    }

    /** README's unqualified form and every other way to name a table; fixture tables listed in VolumeLoadsIT. */
    @MigrationTest(location = "classpath:fixtures/volumes", provider = ProviderChoice.EMBEDDED, rows = 5, failOn = Severity.OFF,
            tableRows = {"customers=300", "orders=3/customers", "billing.invoices=2/public.orders", "billing.customers=7",
                    "\"AuditEvents\"=11"})
    static class NamedAsInSql {
        @MigrationCycleTest
        void rehearse(MigrationCycle cycle) {
            assertThat(cycle).passed();
        }
    }

    @Test
    void aNameMeansTheTableItMeansInSqlAndEachTableIsFilledOnceWhenItFirstExists() throws Exception {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(NamedAsInSql.class)).execute()
                .testEvents().assertStatistics(s -> s.started(6).succeeded(6));

        JsonNode migrations = JSON.readTree(Files.readString(
                Path.of("target/migratest/" + NamedAsInSql.class.getName() + ".json"))).get("migrations");
        Map<String, Long> all = Map.of("public.customers", 300L, "public.orders", 900L, "billing.customers", 7L,
                "billing.invoices", 1_800L, "public.AuditEvents", 11L);
        assertThat(rows(migrations.get(1))).isEqualTo(Map.of("public.customers", 300L));
        assertThat(rows(migrations.get(2))).isEqualTo(Map.of("public.customers", 300L, "public.orders", 900L));
        assertThat(rows(migrations.get(5))).isEqualTo(all);
    }

    @Test
    void aNameThatNoMigrationGivesATableFailsTheLastMigrationSayingWhichNamesWould() {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(NamedAsInSql.class))
                .configurationParameter(MigrationTest.TABLE_ROWS_PROPERTY, "custmers=300").execute().testEvents();

        tests.assertStatistics(s -> s.started(6).succeeded(5).failed(1));
        tests.assertThatEvents().haveExactly(1, org.junit.platform.testkit.engine.EventConditions.event(
                org.junit.platform.testkit.engine.EventConditions.displayName("6 add_customers_note"),
                org.junit.platform.testkit.engine.EventConditions.finishedWithFailure(
                        org.junit.platform.testkit.engine.TestExecutionResultConditions.message(m -> m.contains(
                                "no rows were loaded for it: custmers: no table custmers in the search_path"
                                        + " (public). Fix: use one of the known tables: ")))));
    }

    private static Map<String, Long> rows(JsonNode migration) {
        Map<String, Long> rows = new java.util.TreeMap<>();
        migration.get("rows").fields().forEachRemaining(e -> rows.put(e.getKey(), e.getValue().asLong()));
        return rows;
    }

    // checkData = false: this class shows what the schema cycle alone lets through; JsonToJsonbDataChecked shows the rest
    @MigrationTest(location = "classpath:fixtures/json_to_jsonb", provider = ProviderChoice.EMBEDDED, rows = 100,
            failOn = Severity.OFF, checkData = false)
    static class JsonToJsonb {
        @MigrationCycleTest
        void rehearse() {
        }
    }

    @MigrationTest(location = "classpath:fixtures/json_to_jsonb", provider = ProviderChoice.EMBEDDED, rows = 100,
            failOn = Severity.OFF)
    static class JsonToJsonbDataChecked {
        @MigrationCycleTest
        void rehearse() {
        }
    }

    @MigrationTest(location = "classpath:fixtures/json_to_jsonb", provider = ProviderChoice.EMBEDDED, rows = 100, failOn = Severity.OFF,
            hostileEdgeValues = true)
    static class JsonToJsonbWithHostileValues {
        @MigrationCycleTest
        void rehearse() {
        }
    }

    @Test
    void hostileEdgeValuesCatchAJsonToJsonbChangeThatOrdinaryDataLetsThrough() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(JsonToJsonb.class)).execute()
                .testEvents().assertStatistics(s -> s.started(2).succeeded(2));

        Events hostile = EngineTestKit.engine("junit-jupiter").selectors(selectClass(JsonToJsonbWithHostileValues.class))
                .execute().testEvents();
        hostile.assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        Events checked = EngineTestKit.engine("junit-jupiter").selectors(selectClass(JsonToJsonbDataChecked.class))
                .execute().testEvents();
        // json → jsonb → json gives back other text (whitespace, key order, duplicate keys): the data check sees it
        checked.assertThatEvents().haveExactly(1, org.junit.platform.testkit.engine.EventConditions.event(
                org.junit.platform.testkit.engine.EventConditions.displayName("2 payload_to_jsonb"),
                org.junit.platform.testkit.engine.EventConditions.finishedWithFailure(
                        org.junit.platform.testkit.engine.TestExecutionResultConditions.message(m -> m.contains(
                                "public.events.payload — values changed after DOWN")))));
        hostile.assertThatEvents().haveExactly(1, org.junit.platform.testkit.engine.EventConditions.event(
                org.junit.platform.testkit.engine.EventConditions.displayName("2 payload_to_jsonb"),
                org.junit.platform.testkit.engine.EventConditions.finishedWithFailure(
                        org.junit.platform.testkit.engine.TestExecutionResultConditions.message(m -> m.startsWith(
                                "2 payload_to_jsonb: UP failed at V2__payload_to_jsonb.sql:1: ERROR 22P05:")))));
    }

    private static void record(MigrationCycle cycle, String volume) {
        if (cycle.name().equals("index_orders_created_at")) {
            INDEX_BUILD_MS.put(volume, cycle.statements(Phase.UP).get(0).durationMs());
        }
    }

    @Test
    void tablesAreFilledWhenTheyFirstExistAndTheReportSaysHowManyRowsEachMigrationMet() throws Exception {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(SmallVolume.class)).execute()
                .testEvents();

        tests.assertStatistics(s -> s.started(3).succeeded(3));
        JsonNode migrations = JSON.readTree(Files.readString(
                Path.of("target/migratest/" + SmallVolume.class.getName() + ".json"))).get("migrations");
        assertThat(migrations.get(0).get("rows").size()).as("no table exists before V1").isZero();
        assertThat(migrations.get(1).get("rows").get("public.users").asLong()).isEqualTo(2000);
        assertThat(migrations.get(1).get("rows").has("public.orders")).isFalse();
        assertThat(migrations.get(2).get("rows").get("public.users").asLong()).isEqualTo(2000);
        assertThat(migrations.get(2).get("rows").get("public.orders").asLong()).isEqualTo(5000);
    }

    /**
     * The same index build at 5 000 and 200 000 rows: both durations are measured and reported (printed here); the
     * comparison is for people and BENCHMARKS.md, not an assertion, because these machines are shared and noisy.
     */
    @Test
    void theSameMigrationIsMeasuredAtTwoVolumes() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(SmallVolume.class)).execute()
                .testEvents().assertStatistics(s -> s.succeeded(3));
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(LargeVolume.class)).execute()
                .testEvents().assertStatistics(s -> s.succeeded(3));

        assertThat(INDEX_BUILD_MS).containsKeys("small", "large");
        System.out.printf("[migratest] CREATE INDEX orders_created_at_idx: %.1f ms at 5 000 rows, %.1f ms at 200 000 rows%n",
                INDEX_BUILD_MS.get("small"), INDEX_BUILD_MS.get("large"));
    }
}
