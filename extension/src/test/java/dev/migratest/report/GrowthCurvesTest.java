package dev.migratest.report;

import dev.migratest.report.GrowthCurve.Fit;
import dev.migratest.report.GrowthCurve.Model;
import dev.migratest.report.GrowthCurve.Point;
import dev.migratest.report.GrowthCurve.Prediction;
import dev.migratest.report.GrowthCurve.Quality;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GrowthCurvesTest {

    static Path sample() throws Exception {
        return Path.of(GrowthCurvesTest.class.getResource("/report/growth.json").toURI());
    }

    @Test
    void readsASampleFileIntoCurvesPerMigration() throws Exception {
        GrowthCurves file = GrowthCurves.read(sample());

        assertThat(file.source()).isEqualTo("lock-impact.json");
        assertThat(file.byMigration()).containsOnlyKeys("15", "6");
        assertThat(file.forMigration("15")).extracting(GrowthCurve::metric)
                .containsExactly("blocked.writesMs", "blocked.readsMs");
        GrowthCurve writes = file.forMigration("15").get(0);
        assertThat(writes.phase()).isEqualTo("UP");
        assertThat(writes.params()).containsExactlyInAnyOrderEntriesOf(
                Map.of("location", "filesystem:db/unsafe", "seed", "1"));
        assertThat(writes.unit()).isEqualTo("ms");
        assertThat(writes.points()).containsExactly(new Point(10_000, 19.9), new Point(10_000, 15.1),
                new Point(100_000, 102.5), new Point(1_000_000, 686.0));
        assertThat(writes.fit().model()).isEqualTo(Model.LINEAR);
        assertThat(writes.fit().rSquared()).hasValue(0.999);
        assertThat(writes.fit().valueAt(20_000_000)).isCloseTo(13_322.6, within(1e-6));
        assertThat(writes.prediction()).hasValueSatisfying(p -> {
            assertThat(p.table()).isEqualTo("orders");
            assertThat(p.rows()).isEqualTo(20_000_000);
            assertThat(p.value()).hasValue(13_316.0);
            assertThat(p.caveat()).startsWith("extrapolating 20x");
        });
    }

    @Test
    void aConstantHasNoRSquaredAndATooPoorFitNoPredictedValue() throws Exception {
        GrowthCurves file = GrowthCurves.read(sample());

        assertThat(file.forMigration("15").get(1).fit().rSquared()).isEmpty();
        GrowthCurve poor = file.forMigration("6").get(0);
        assertThat(poor.fit().quality()).isEqualTo(Quality.POOR);
        assertThat(poor.prediction()).hasValueSatisfying(p -> assertThat(p.value()).isEmpty());
        assertThat(file.forMigration("7")).isEmpty();
    }

    @Test
    void whatIsWrittenIsReadBackEqual(@TempDir Path dir) throws Exception {
        GrowthCurves written = new GrowthCurves("results.json", List.of(
                curve("3", Optional.of(new Prediction("public.orders", 5_000_000, OptionalDouble.of(10_005.0),
                        Quality.GOOD, "extrapolating 5.0x beyond the largest measurement (1M rows)"))),
                curve("3.1", Optional.empty()),
                curve("4", Optional.of(new Prediction("", 5_000_000, OptionalDouble.empty(), Quality.POOR,
                        "too poor to predict")))));

        Path file = written.write(dir.resolve("target/migratest/growth.json"));

        assertThat(GrowthCurves.read(file)).isEqualTo(written);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("\"formatVersion\" : 1");
    }

    @Test
    void aMissingFileHasNoCurves(@TempDir Path dir) throws Exception {
        assertThat(GrowthCurves.read(dir.resolve("growth.json")).isEmpty()).isTrue();
    }

    @Test
    void invalidJsonNamesTheFileAndWhere(@TempDir Path dir) throws Exception {
        Path file = write(dir, "{ \"formatVersion\": 1,\n  \"curves\": [ }");

        assertThatThrownBy(() -> GrowthCurves.read(file)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("growth results " + file + ": not valid JSON at line 2, column");
    }

    @Test
    void jmhsOwnResultsAreRecognisedAndTheConversionNamed(@TempDir Path dir) throws Exception {
        Path file = write(dir, "[ { \"benchmark\": \"b.MigrationBenchmark.migrate\" } ]");

        assertThatThrownBy(() -> GrowthCurves.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("what JMH writes")
                .hasMessageContaining("GrowthReport <jmh.json> --json <growth.json>");
    }

    @Test
    void anotherFormatVersionIsRefusedWithBothVersions(@TempDir Path dir) throws Exception {
        Path file = write(dir, "{ \"formatVersion\": 2, \"curves\": [] }");

        assertThatThrownBy(() -> GrowthCurves.read(file)).isInstanceOf(IOException.class)
                .hasMessage("growth results " + file + ": formatVersion: this migratest reads format 1, the file is "
                        + "format 2 (written by a newer migratest)");
    }

    @Test
    void aBadValueIsReportedWithItsPathInTheFile(@TempDir Path dir) throws Exception {
        String json = Files.readString(sample(), StandardCharsets.UTF_8)
                .replace("{ \"rows\": 100000, \"value\": 102.5 }", "{ \"rows\": -5, \"value\": 102.5 }");
        Path file = write(dir, json);

        assertThatThrownBy(() -> GrowthCurves.read(file)).isInstanceOf(IOException.class)
                .hasMessage("growth results " + file + ": curves[0].points[2].rows: expected a positive whole number "
                        + "of rows, got -5");
    }

    @Test
    void anUnknownModelListsTheKnownOnes(@TempDir Path dir) throws Exception {
        String json = Files.readString(sample(), StandardCharsets.UTF_8).replace("\"LINEAR\"", "\"QUADRATIC\"");
        Path file = write(dir, json);

        assertThatThrownBy(() -> GrowthCurves.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("curves[0].fit.model: unknown value \"QUADRATIC\", expected one of "
                        + "[CONSTANT, LINEAR, N_LOG_N]");
    }

    @Test
    void missingFieldsAndAnEmptyFileSayWhatIsMissing(@TempDir Path dir) throws Exception {
        Path noMetric = write(dir, Files.readString(sample(), StandardCharsets.UTF_8)
                .replace("\"metric\": \"blocked.readsMs\",", ""));
        Path empty = write(dir.resolve("empty"), "");

        assertThatThrownBy(() -> GrowthCurves.read(noMetric))
                .hasMessageEndingWith("curves[1].metric: expected a string, got nothing (missing)");
        assertThatThrownBy(() -> GrowthCurves.read(empty)).hasMessageEndingWith(": the file is empty");
    }

    private static GrowthCurve curve(String migration, Optional<Prediction> prediction) {
        return new GrowthCurve(migration, "UP", "dev.migratest.benchmarks.locks.MigrationBenchmark.migrate",
                Map.of("seed", "1"), "duration", "ms/op",
                List.of(new Point(10_000, 25.0), new Point(100_000, 205.0), new Point(1_000_000, 2005.0),
                        new Point(1_000_000, 1999.5)),
                new Fit(Model.N_LOG_N, 5.000000000000001, 0.002, OptionalDouble.of(0.9999999), Quality.GOOD,
                        "n log n, R² 1.000 over 3 volumes"), prediction);
    }

    private static Path write(Path dir, String content) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve("growth.json"), content, StandardCharsets.UTF_8);
    }
}
