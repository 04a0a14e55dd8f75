package dev.migratest.benchmarks.growth;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GrowthFitTest {
    private static final long[] VOLUMES = {10_000, 100_000, 1_000_000};

    @Test
    void exactLinearDataIsLinearWithPerfectFitAndPredictsExactly() {
        GrowthFit fit = GrowthFit.fit(points(n -> 5 + 0.002 * n, VOLUMES));

        assertThat(fit.chosen()).isEqualTo(GrowthModel.LINEAR);
        assertThat(fit.quality()).isEqualTo(Quality.GOOD);
        assertThat(fit.chosenFit().rSquared()).isCloseTo(1, within(1e-9));
        assertThat(fit.chosenFit().a()).isCloseTo(5, within(1e-6));
        assertThat(fit.chosenFit().b()).isCloseTo(0.002, within(1e-12));

        Prediction at5M = fit.predict(5_000_000);
        assertThat(at5M.value()).hasValueCloseTo(10_005.0, within(1e-6));
        assertThat(at5M.quality()).isEqualTo(Quality.GOOD);
        assertThat(at5M.caveat()).contains("extrapolating 5.0x beyond the largest measurement (1M rows)");
        assertThat(fit.predict(500_000).caveat()).isEqualTo("within the measured range");
    }

    @Test
    void noisyConstantDataIsConstant() {
        // A catalog-only change: ~50 ms whatever the volume, ±4 %; the slope a line would find is noise.
        GrowthFit fit = GrowthFit.fit(List.of(new Point(10_000, 50), new Point(30_000, 49),
                new Point(100_000, 52), new Point(300_000, 48), new Point(1_000_000, 51)));

        assertThat(fit.chosen()).isEqualTo(GrowthModel.CONSTANT);
        assertThat(fit.quality()).isEqualTo(Quality.GOOD);
        assertThat(fit.predict(5_000_000).value()).hasValueCloseTo(50.0, within(1e-9));
    }

    @Test
    void sortingDataIsNLogN() {
        GrowthFit fit = GrowthFit.fit(points(n -> 3 + 2e-4 * n * Math.log(n),
                10_000, 100_000, 1_000_000, 10_000_000));

        assertThat(fit.chosen()).isEqualTo(GrowthModel.N_LOG_N);
        assertThat(fit.quality()).isEqualTo(Quality.GOOD);
        assertThat(fit.fits().get(GrowthModel.LINEAR).rSquared()).isLessThan(1);
        long n = 50_000_000;
        assertThat(fit.predict(n).value()).hasValueCloseTo(3 + 2e-4 * n * Math.log(n), within(1e-3));
    }

    @Test
    void twoVolumesAreUnderdeterminedAndPredictNothing() {
        GrowthFit fit = GrowthFit.fit(points(n -> 5 + 0.002 * n, 10_000, 1_000_000));

        assertThat(fit.underdetermined()).isTrue();
        assertThat(fit.quality()).isEqualTo(Quality.POOR);
        assertThat(fit.reason()).startsWith("underdetermined: only 2 volumes");
        assertThat(fit.chosen()).isEqualTo(GrowthModel.LINEAR);
        Prediction prediction = fit.predict(5_000_000);
        assertThat(prediction.value()).isEmpty();
        assertThat(prediction.caveat()).startsWith("too poor to predict: underdetermined");
    }

    @Test
    void oneVolumeCannotBeFitted() {
        GrowthFit fit = GrowthFit.fit(List.of(new Point(10_000, 3), new Point(10_000, 4)));

        assertThat(fit.quality()).isEqualTo(Quality.POOR);
        assertThat(fit.reason()).contains("only one volume");
    }

    @Test
    void garbageIsPoorWithAReason() {
        GrowthFit fit = GrowthFit.fit(List.of(new Point(10_000, 5), new Point(30_000, 900),
                new Point(100_000, 20), new Point(300_000, 600), new Point(1_000_000, 3)));

        assertThat(fit.quality()).isEqualTo(Quality.POOR);
        assertThat(fit.reason()).contains("scatter");
        assertThat(fit.predict(5_000_000).value()).isEmpty();
        assertThat(fit.predict(5_000_000).caveat()).startsWith("too poor to predict");
    }

    @Test
    void growthBuriedInNoiseIsPoor() {
        // Grows for sure (20 volumes make the F-test confident) but ±300 ms of jitter leaves R² near 0.5.
        List<Point> points = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            long n = 50_000L * i;
            points.add(new Point(n, 500 + 0.001 * n + (i % 2 == 0 ? 300 : -300)));
        }

        GrowthFit fit = GrowthFit.fit(points);

        assertThat(fit.chosen()).isNotEqualTo(GrowthModel.CONSTANT);
        assertThat(fit.quality()).isEqualTo(Quality.POOR);
        assertThat(fit.reason()).contains("< 0.90: the values do not follow");
    }

    @Test
    void farExtrapolationIsFlaggedButStillGivesTheValue() {
        GrowthFit fit = GrowthFit.fit(points(n -> 0.002 * n, VOLUMES));

        Prediction prediction = fit.predict(500_000_000);

        assertThat(prediction.quality()).isEqualTo(Quality.POOR);
        assertThat(prediction.value()).hasValueCloseTo(1_000_000.0, within(1e-3));
        assertThat(prediction.caveat()).startsWith("extrapolating 500x beyond the largest measurement (1M rows)");
    }

    @Test
    void fallingValuesAreNotGrowth() {
        GrowthFit fit = GrowthFit.fit(List.of(new Point(10_000, 100), new Point(100_000, 40),
                new Point(1_000_000, 5)));

        assertThat(fit.chosen()).isEqualTo(GrowthModel.CONSTANT);
        assertThat(fit.quality()).isEqualTo(Quality.POOR);
        assertThat(fit.reason()).contains("no growth model has a positive slope");
        assertThat(fit.fits().get(GrowthModel.LINEAR).negativeSlope()).isTrue();
        assertThat(fit.notes()).anySatisfy(note -> assertThat(note).startsWith("linear and n log n fits have a negative slope"));
    }

    @Test
    void differencesBelowTheNoiseFloorAreConstant() {
        // Lock held 0.2 ms → 0.9 ms over 100× the rows: "growth" of a timer's resolution.
        GrowthFit fit = GrowthFit.fit(points(n -> 0.2 + 0.7e-6 * n, VOLUMES), 1.0);

        assertThat(fit.chosen()).isEqualTo(GrowthModel.CONSTANT);
        assertThat(fit.quality()).isEqualTo(Quality.GOOD);
    }

    private static List<Point> points(LongToDoubleFunction f, long... volumes) {
        List<Point> points = new ArrayList<>();
        for (long n : volumes) {
            points.add(new Point(n, f.applyAsDouble(n)));
        }
        return points;
    }
}
