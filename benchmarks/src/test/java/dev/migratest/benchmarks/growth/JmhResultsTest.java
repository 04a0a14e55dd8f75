package dev.migratest.benchmarks.growth;

import dev.migratest.benchmarks.growth.JmhResults.GroupKey;
import dev.migratest.benchmarks.growth.JmhResults.Run;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import static org.assertj.core.api.Assertions.assertThat;

class JmhResultsTest {

    static Path fixture() throws Exception {
        return Path.of(JmhResultsTest.class.getResource("/growth/results.json").toURI());
    }

    @Test
    void readsScoresUnitsParamsAndSecondaryMetrics() throws Exception {
        List<Run> runs = JmhResults.read(fixture());

        assertThat(runs).hasSize(7);
        Run first = runs.get(0);
        assertThat(first.benchmark()).isEqualTo("dev.migratest.benchmarks.MigrationBenchmark.up");
        assertThat(first.params()).containsEntry("rows", "10000").containsEntry("migration", "3");
        assertThat(first.primary().score()).isEqualTo(25.0);
        assertThat(first.primary().unit()).isEqualTo("ms/op");
        assertThat(first.secondary()).containsKeys("lock.AccessExclusiveLock.maxHeldMs", "blocked.writesMs",
                "blocked.readsMs", "rewrite");
        assertThat(first.secondary().get("blocked.writesMs").score()).isEqualTo(20.0);
    }

    @Test
    void groupsByBenchmarkAndEveryParamButRowsAndDropsRunsWithoutRows() throws Exception {
        SortedMap<GroupKey, List<Run>> groups = JmhResults.group(JmhResults.read(fixture()));

        assertThat(groups.keySet()).extracting(GroupKey::label)
                .containsExactly("MigrationBenchmark.up {migration=3}", "MigrationBenchmark.up {migration=4}");
        assertThat(groups.values()).allSatisfy(runs -> assertThat(runs).hasSize(3));
        assertThat(groups.values().iterator().next()).extracting(r -> r.params().get("rows"))
                .containsExactly("10000", "100000", "1000000");
    }

    @Test
    void readsEveryIterationsValueBesideTheScore() throws Exception {
        Run first = JmhResults.read(GrowthReportTest.lockImpactFixture()).get(0);

        assertThat(first.primary().samples()).containsExactly(219.30773, 110.412095, 124.944781);
        assertThat(first.primary().score()).isEqualTo(151.5548686666667);
        assertThat(first.secondary().get("blocked.writesMs").samples()).hasSize(3);
    }

    @Test
    void readsJmhsQuotedNonFiniteScores() {
        var json = new com.fasterxml.jackson.databind.ObjectMapper().createArrayNode();
        var entry = json.addObject();
        entry.put("benchmark", "b.B.m");
        entry.putObject("params").put("rows", "10");
        entry.putObject("primaryMetric").put("score", "NaN").put("scoreUnit", "ms/op");
        entry.putObject("secondaryMetrics").putObject("x").put("score", "+INF").put("scoreUnit", "ms");

        Run run = JmhResults.parse(json).get(0);

        assertThat(run.primary().score()).isNaN();
        assertThat(run.secondary()).extractingByKey("x").satisfies(m -> assertThat(m.score()).isInfinite());
        assertThat(Map.copyOf(run.params())).containsEntry("rows", "10");
    }
}
