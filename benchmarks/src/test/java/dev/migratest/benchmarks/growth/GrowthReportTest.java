package dev.migratest.benchmarks.growth;

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
