package dev.migratest.benchmarks.growth;

import dev.migratest.report.GrowthCurve;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class GrowthJsonTest {

    @Test
    void everyGrowthModelHasATwinInTheExtensionThatDrawsTheSameCurve() {
        for (GrowthModel model : GrowthModel.values()) {
            GrowthCurve.Model twin = GrowthJson.model(model);
            assertThat(twin.formula()).as(model.name()).isEqualTo(model.formula());
            for (long n : new long[] {1, 10_000, 1_000_000, 20_000_000}) {
                assertThat(twin.x(n)).as(model + " at " + n).isEqualTo(model.x(n));
            }
        }
    }

    @Test
    void aFittedCurveIsDrawnWhereTheFitPredicts() {
        GrowthFit fit = GrowthFit.fit(List.of(new Point(10_000, 17), new Point(100_000, 102.5),
                new Point(1_000_000, 686)), 1);

        GrowthCurve.Fit written = GrowthJson.fit(fit);

        assertThat(written.valueAt(20_000_000)).isEqualTo(fit.predict(20_000_000).value().getAsDouble());
        assertThat(written.rSquared()).hasValue(fit.chosenFit().rSquared());
    }

    @Test
    void aConstantIsWrittenWithoutRSquared() {
        GrowthFit fit = GrowthFit.fit(List.of(new Point(10_000, 3.1), new Point(100_000, 2.9),
                new Point(1_000_000, 3.0)), 1);

        assertThat(GrowthJson.fit(fit).model()).isEqualTo(GrowthCurve.Model.CONSTANT);
        assertThat(GrowthJson.fit(fit).rSquared()).isEmpty();
    }

    @Test
    void runsWithoutAPhaseMeasuredUpAndWithoutProductionCountsPredictNothing() throws Exception {
        GrowthReport report = GrowthReport.of("results.json", JmhResults.read(JmhResultsTest.fixture()),
                Optional.empty());

        GrowthJson.Export export = GrowthJson.of(report);

        assertThat(export.skipped()).isEmpty();
        assertThat(export.curves().byMigration()).containsOnlyKeys("3", "4");
        assertThat(export.curves().curves()).allSatisfy(c -> {
            assertThat(c.phase()).isEqualTo("UP");
            assertThat(c.params()).isEmpty();
            assertThat(c.prediction()).isEmpty();
        });
    }

    @Test
    void aBenchmarkWithoutAMigrationVersionIsLeftOutAndSaysWhy() {
        JmhResults.Run run = new JmhResults.Run("b.Other.measure", Map.of("rows", "1000"),
                new JmhResults.Metric(5, "ms/op"), Map.of());

        GrowthJson.Export export = GrowthJson.of(GrowthReport.of("x.json", List.of(run), Optional.empty()));

        assertThat(export.curves().isEmpty()).isTrue();
        assertThat(export.skipped()).singleElement().asString()
                .startsWith("Other.measure: no migration version in its parameters")
                .contains("-p migration=<version>");
    }
}
