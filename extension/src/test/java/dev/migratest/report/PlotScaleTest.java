package dev.migratest.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The axis and the numbers on it: what a reader of the plot checks first. */
class PlotScaleTest {

    @Test
    void rowsReadAsPeopleSayThem() {
        assertThat(PlotFormat.rows(10_000)).isEqualTo("10k");
        assertThat(PlotFormat.rows(1_500_000)).isEqualTo("1.5M");
        assertThat(PlotFormat.rows(20_000_000)).isEqualTo("20M");
        assertThat(PlotFormat.rows(12_345_678)).isEqualTo("12.3M");
        assertThat(PlotFormat.rows(500)).isEqualTo("500");
    }

    @Test
    void millisecondsTurnIntoSecondsFromOneSecondOn() {
        assertThat(PlotFormat.millis(0.5)).isEqualTo("0.5 ms");
        assertThat(PlotFormat.millis(102.5)).isEqualTo("103 ms");
        assertThat(PlotFormat.millis(1000)).isEqualTo("1 s");
        assertThat(PlotFormat.millis(13_316)).isEqualTo("13.3 s");
        assertThat(PlotFormat.millis(2_000_000)).isEqualTo("2,000 s");
    }

    @Test
    void aWideAxisTicksAtDecadesANarrowOneAlsoAtTwoAndFive() {
        LogAxis rows = LogAxis.spanning(10_000, 20_000_000, 0, 100);
        LogAxis millis = LogAxis.spanning(0.3, 3.1, 100, 0);

        assertThat(rows.ticks()).containsExactly(1e4, 1e5, 1e6, 1e7);
        assertThat(millis.ticks()).extracting(PlotFormat::millis).containsExactly("0.5 ms", "1 ms", "2 ms");
    }

    @Test
    void pixelsFollowTheLogarithmAndClampOutsideTheAxis() {
        LogAxis axis = LogAxis.spanning(10_000, 1_000_000, 0, 200);

        double oneDecade = axis.pixel(100_000) - axis.pixel(10_000);
        assertThat(axis.pixel(1_000_000) - axis.pixel(100_000)).isCloseTo(oneDecade, within(1e-9));
        assertThat(axis.pixel(0)).isEqualTo(0);
        assertThat(axis.pixel(1e12)).isEqualTo(200);
        assertThatThrownBy(() -> LogAxis.spanning(0, 10, 0, 1)).hasMessageContaining("0 < min <= max");
    }

    @Test
    void linesWrapAtWordsWithinTheWidth() {
        assertThat(PlotFormat.wrap("0 at every volume: reads blocked, ExclusiveLock held", 20))
                .containsExactly("0 at every volume:", "reads blocked,", "ExclusiveLock held");
    }
}
