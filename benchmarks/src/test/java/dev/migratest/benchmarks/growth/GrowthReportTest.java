package dev.migratest.benchmarks.growth;

import dev.migratest.report.GrowthCurve;
import dev.migratest.report.GrowthCurves;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class GrowthReportTest {

    @Test
    void writesTheMarkdownReportNextToTheJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("results.json");
        Files.copy(JmhResultsTest.fixture(), json);

        String printed = runMain(json.toString(), "--production", "orders=5000000,users=800000", "--table", "orders");

        Path markdown = dir.resolve("results-growth.md");
        String expected = Files.readString(Path.of(getClass().getResource("/growth/results-growth.expected.md")
                .toURI()), StandardCharsets.UTF_8);
        assertThat(Files.readString(markdown, StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(printed)
                .contains("Predicting at orders: 5M rows.")
                .contains("duration                            ms/op  25.0   205  2,005  linear  1.000  GOOD     10,005")
                .contains("Markdown: " + markdown);
    }

    @Test
    void writesTheCurvesAsJsonThatTheExtensionReadsBackWithTheSameValues(@TempDir Path dir) throws Exception {
        Path jmh = dir.resolve("lock-impact.json");
        Files.copy(lockImpactFixture(), jmh);
        Path growth = dir.resolve("target/migratest/growth.json");

        String printed = runMain(jmh.toString(), "--production", "orders=20000000", "--table", "orders",
                "--json", growth.toString());

        GrowthCurves read = GrowthCurves.read(growth);
        GrowthReport report = GrowthReport.of("lock-impact.json", JmhResults.read(jmh),
                Optional.of(new ProductionRows.Target("orders", 20_000_000, "")));
        GrowthReport.Section section = report.sections().get(0);
        assertThat(read.source()).isEqualTo("lock-impact.json");
        assertThat(read.byMigration()).containsOnlyKeys("15");
        List<GrowthCurve> curves = read.forMigration("15");
        assertThat(curves).extracting(GrowthCurve::metric)
                .containsExactlyElementsOf(section.rows().stream().map(GrowthReport.Row::metric).toList());
        for (int i = 0; i < curves.size(); i++) {
            GrowthCurve curve = curves.get(i);
            GrowthReport.Row row = section.rows().get(i);
            assertThat(curve.phase()).isEqualTo("UP");
            assertThat(curve.benchmark()).isEqualTo("dev.migratest.benchmarks.locks.MigrationBenchmark.migrate");
            assertThat(curve.params()).containsOnlyKeys("location", "seed");
            assertThat(curve.unit()).isEqualTo(row.unit());
            // Every iteration, three per volume, in the order JMH ran them.
            assertThat(curve.points()).hasSize(9).extracting(GrowthCurve.Point::value).containsExactlyElementsOf(
                    row.samples().values().stream().flatMap(List::stream).toList());
            assertThat(curve.fit().model().name()).isEqualTo(row.fit().chosen().name());
            assertThat(curve.fit().a()).isEqualTo(row.fit().chosenFit().a());
            assertThat(curve.fit().b()).isEqualTo(row.fit().chosenFit().b());
            assertThat(curve.fit().quality().name()).isEqualTo(row.fit().quality().name());
            assertThat(curve.fit().reason()).isEqualTo(row.fit().reason());
            Prediction predicted = row.prediction().orElseThrow();
            assertThat(curve.prediction()).hasValueSatisfying(p -> {
                assertThat(p.table()).isEqualTo("orders");
                assertThat(p.rows()).isEqualTo(20_000_000);
                assertThat(p.value()).isEqualTo(predicted.value());
                assertThat(p.quality().name()).isEqualTo(predicted.quality().name());
                assertThat(p.caveat()).isEqualTo(predicted.caveat());
            });
        }
        // The run BENCHMARKS.md records: writes blocked linear, R² 0.999, ≈ 13.3 s at 20M rows.
        GrowthCurve writes = curves.stream().filter(c -> c.metric().equals("blocked.writesMs")).findFirst()
                .orElseThrow();
        assertThat(writes.points().get(0)).isEqualTo(new GrowthCurve.Point(10_000, 14.86633600000001));
        assertThat(writes.fit().model()).isEqualTo(GrowthCurve.Model.LINEAR);
        assertThat(writes.fit().rSquared().getAsDouble()).isGreaterThan(0.99);
        assertThat(writes.prediction().orElseThrow().value().getAsDouble()).isBetween(13_300.0, 13_330.0);
        assertThat(printed).contains("Growth curves (JSON, for the HTML report): " + growth
                + ", 8 curves of migration 15");
        assertThat(dir.resolve("lock-impact-growth.md")).exists();
    }

    @Test
    void withoutProductionCountsReportsTheFitsAndSaysWhyThereAreNoPredictions() throws Exception {
        GrowthReport report = GrowthReport.of("results.json", JmhResults.read(JmhResultsTest.fixture()),
                Optional.empty());

        assertThat(report.toText()).contains("No production row counts given").doesNotContain("at 5M");
    }

    @Test
    void poorFitsSayTheyCannotPredict() {
        List<JmhResults.Run> runs = List.of(run(10_000, 5), run(100_000, 900), run(1_000_000, 3));

        String text = GrowthReport.of("x.json", runs,
                Optional.of(new ProductionRows.Target("orders", 5_000_000, ""))).toText();

        assertThat(text).contains("too poor to predict").contains("duration: POOR, values scatter");
    }

    @Test
    void markdownGoesNextToTheJson() {
        assertThat(GrowthReport.markdownPath(Path.of("out", "results.json")))
                .isEqualTo(Path.of("out", "results-growth.md"));
    }

    @Test
    void noiseFloorIsOneMillisecondInTheMetricsUnit() {
        assertThat(GrowthReport.noiseFloor("ms/op")).isEqualTo(1);
        assertThat(GrowthReport.noiseFloor("s/op")).isEqualTo(1e-3);
        assertThat(GrowthReport.noiseFloor("ops/s")).isZero();
    }

    static Path lockImpactFixture() throws Exception {
        return Path.of(GrowthReportTest.class.getResource("/growth/lock-impact-15.json").toURI());
    }

    private static JmhResults.Run run(long rows, double ms) {
        return new JmhResults.Run("b.MigrationBenchmark.up", java.util.Map.of("rows", String.valueOf(rows)),
                new JmhResults.Metric(ms, "ms/op"), java.util.Map.of());
    }

    private static String runMain(String... args) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            GrowthReport.main(args);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
