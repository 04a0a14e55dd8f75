package dev.migratest.report;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How one metric of one migration grew with the table volume in a lock-impact benchmark: the measurements, the
 * growth model fitted to them, and the value predicted at the production row count. Written by the benchmarks
 * module's {@code GrowthReport --json}, read by {@link GrowthCurves}, drawn by {@link GrowthPlot}. The fit travels
 * as model and coefficients so the curve can be drawn here without the benchmarks module.
 *
 * @param migration  the migration's version, as {@code Migration.version()} spells it ({@code "15"})
 * @param phase      the measured phase, {@code UP} or {@code DOWN}
 * @param benchmark  the JMH benchmark that measured it
 * @param params     the benchmark's other parameters (e.g. {@code location}, {@code seed}), without
 *                   {@code rows}, {@code migration} and {@code phase}
 * @param metric     {@code duration} (JMH's score: the traced run) or a profiler metric such as
 *                   {@code blocked.writesMs}, {@code lock.ShareLock.maxHeldMs}, {@code phase.ownMs}
 * @param unit       the unit JMH reported, e.g. {@code ms/op} or {@code ms}; values and coefficients are in it
 * @param points     every measurement, in ascending rows; several per volume when JMH ran several iterations
 * @param fit        the model the growth fit chose
 * @param prediction the value at the production row count; empty when no production count was given
 */
public record GrowthCurve(String migration, String phase, String benchmark, Map<String, String> params,
                          String metric, String unit, List<Point> points, Fit fit, Optional<Prediction> prediction) {

    public GrowthCurve {
        Objects.requireNonNull(migration, "migration");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(fit, "fit");
        benchmark = benchmark == null ? "" : benchmark;
        unit = unit == null ? "" : unit;
        params = params == null ? Map.of() : Map.copyOf(params);
        // Sorted here so every reader sees ascending volumes; a stable sort keeps a volume's samples in run order.
        points = points.stream().sorted(Comparator.comparingLong(Point::rows)).toList();
        prediction = prediction == null ? Optional.empty() : prediction;
        if (points.isEmpty()) {
            throw new IllegalArgumentException(metric + " of migration " + migration + " has no measurements");
        }
    }

    /** One measurement: the metric's {@code value} with {@code rows} in every table. */
    public record Point(long rows, double value) {
        public Point {
            if (rows <= 0) {
                // The x axis is logarithmic and n·ln n is undefined at 0: an empty table is not a volume.
                throw new IllegalArgumentException("rows must be positive, got " + rows);
            }
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("value must be finite, got " + value + " at " + rows + " rows");
            }
        }
    }

    /** The growth models the fit chooses from; every one is {@code y = a + b·x(n)}. */
    public enum Model {
        CONSTANT("a"),
        LINEAR("a + b·n"),
        N_LOG_N("a + b·n·ln n");

        private final String formula;

        Model(String formula) {
            this.formula = formula;
        }

        /** The regressor the slope multiplies. */
        public double x(long rows) {
            return switch (this) {
                case CONSTANT -> 0;
                case LINEAR -> rows;
                case N_LOG_N -> rows * Math.log(rows);
            };
        }

        public String formula() {
            return formula;
        }
    }

    /** Whether a fit or a prediction can be believed; the reason always travels with it as text. */
    public enum Quality {
        GOOD,
        POOR
    }

    /**
     * The chosen model {@code y = a + b·x(rows)}.
     *
     * @param rSquared empty for CONSTANT, whose R² says nothing
     * @param reason   why the verdict is what it is, one sentence
     */
    public record Fit(Model model, double a, double b, OptionalDouble rSquared, Quality quality, String reason) {
        public Fit {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(quality, "quality");
            rSquared = rSquared == null ? OptionalDouble.empty() : rSquared;
            reason = reason == null ? "" : reason;
            if (!Double.isFinite(a) || !Double.isFinite(b)) {
                // JSON has no NaN: refuse it here rather than write a file no reader accepts.
                throw new IllegalArgumentException("coefficients must be finite, got a = " + a + ", b = " + b);
            }
        }

        /** The fitted value; never below zero, as no duration or hold time is (same rule as the fit itself). */
        public double valueAt(long rows) {
            return Math.max(0, a + b * model.x(rows));
        }
    }

    /**
     * The fitted value at production size.
     *
     * @param table   the production table whose row count was used
     * @param value   empty when the fit is too poor to predict from
     * @param quality POOR with a value: an extrapolation too far to trust
     * @param caveat  in plain words, which of these and why
     */
    public record Prediction(String table, long rows, OptionalDouble value, Quality quality, String caveat) {
        public Prediction {
            table = table == null ? "" : table;
            value = value == null ? OptionalDouble.empty() : value;
            Objects.requireNonNull(quality, "quality");
            caveat = caveat == null ? "" : caveat;
            if (rows <= 0) {
                throw new IllegalArgumentException("production rows must be positive, got " + rows);
            }
            if (value.isPresent() && !Double.isFinite(value.getAsDouble())) {
                throw new IllegalArgumentException("predicted value must be finite, got " + value.getAsDouble());
            }
        }
    }

    /** The largest measured volume: where the measured curve ends and a prediction starts extrapolating. */
    public long largestRows() {
        return points.stream().mapToLong(Point::rows).max().orElseThrow();
    }

    public long smallestRows() {
        return points.stream().mapToLong(Point::rows).min().orElseThrow();
    }
}
