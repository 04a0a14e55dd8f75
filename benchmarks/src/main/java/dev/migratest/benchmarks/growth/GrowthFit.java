package dev.migratest.benchmarks.growth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Fits CONSTANT, LINEAR and N_LOG_N to per-volume measurements, picks one, and judges whether it can be trusted.
 *
 * <h2>Model choice</h2>
 * Simplest first: a growth model must earn its extra coefficient.
 * <ol>
 *   <li>A growth model with a negative slope is out (noted in {@link #notes()}): nothing a migration does gets
 *       cheaper as the table grows.</li>
 *   <li>Of LINEAR and N_LOG_N (same number of coefficients), LINEAR is the candidate unless N_LOG_N leaves less than
 *       a quarter of LINEAR's residual sum of squares. Over a 100× volume range n·ln n and n differ by only ~1.5×, so
 *       a narrow win is noise, not a sort.</li>
 *   <li>The candidate replaces CONSTANT only if it explains significantly more: the nested-model F-test
 *       {@code F = (RSS_const − RSS_growth) / (RSS_growth / (k − 2))} over k points must exceed the 95 % critical value
 *       of F(1, k − 2) (161 for 3 points, 18.5 for 4, 10.1 for 5, ~4 for many). With 3 volumes that means the
 *       growth model needs R² ≳ 0.994, which a real rewrite over 10k–1M rows clears easily.</li>
 *   <li>If all values lie within the {@code noiseFloor} of their mean (e.g. 1 ms), the metric is CONSTANT: growth
 *       below the measurement's resolution is not growth.</li>
 *   <li>With 2 distinct volumes every two-coefficient model passes through both points exactly, so there is nothing
 *       to choose between: the fit is <em>underdetermined</em> (POOR); LINEAR is shown if the values rise, CONSTANT
 *       otherwise, and nothing is predicted.</li>
 * </ol>
 *
 * <h2>Quality</h2>
 * POOR, with the reason, when: fewer than 3 distinct volumes; a chosen growth model with R² below
 * {@value #MIN_R_SQUARED}; a chosen CONSTANT whose values scatter more than {@value #MAX_CONSTANT_SPREAD} of their
 * mean (and more than the noise floor). Extrapolation is judged per prediction, see {@link #predict(long)}.
 */
public final class GrowthFit {
    static final double MIN_R_SQUARED = 0.9;
    static final double MAX_CONSTANT_SPREAD = 0.25;
    /** Beyond this multiple of the largest measured volume a prediction is a guess, however good the fit. */
    static final double MAX_EXTRAPOLATION = 100;
    /** N_LOG_N must leave less than this fraction of LINEAR's residual to be preferred. */
    static final double N_LOG_N_MARGIN = 0.25;

    /** 95 % quantiles of F(1, d) for d = 1..20 (the square of Student's t at 0.975); beyond, 4.35 errs strict. */
    private static final double[] F_CRITICAL = {
            161.45, 18.51, 10.13, 7.71, 6.61, 5.99, 5.59, 5.32, 5.12, 4.96,
            4.84, 4.75, 4.67, 4.60, 4.54, 4.49, 4.45, 4.41, 4.38, 4.35};

    private final List<Point> points;
    private final Map<GrowthModel, ModelFit> fits;
    private final GrowthModel chosen;
    private final Quality quality;
    private final String reason;
    private final List<String> notes;
    private final long distinctVolumes;

    private GrowthFit(List<Point> points, Map<GrowthModel, ModelFit> fits, GrowthModel chosen, Quality quality,
                      String reason, List<String> notes, long distinctVolumes) {
        this.points = points;
        this.fits = fits;
        this.chosen = chosen;
        this.quality = quality;
        this.reason = reason;
        this.notes = notes;
        this.distinctVolumes = distinctVolumes;
    }

    public static GrowthFit fit(List<Point> points) {
        return fit(points, 0);
    }

    /**
     * @param noiseFloor absolute difference (in the metric's unit) below which values count as equal; 0 for none
     */
    public static GrowthFit fit(List<Point> points, double noiseFloor) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no measurements to fit");
        }
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort((p, q) -> Long.compare(p.n(), q.n()));
        long distinct = sorted.stream().mapToLong(Point::n).distinct().count();
        Map<GrowthModel, ModelFit> fits = new EnumMap<>(GrowthModel.class);
        for (GrowthModel model : GrowthModel.values()) {
            if (model == GrowthModel.CONSTANT || distinct >= 2) {
                fits.put(model, leastSquares(model, sorted));
            }
        }
        List<String> notes = new ArrayList<>();
        ModelFit constant = fits.get(GrowthModel.CONSTANT);
        if (distinct < 2) {
            return new GrowthFit(sorted, fits, GrowthModel.CONSTANT, Quality.POOR,
                    "only one volume measured (" + Format.rows(sorted.get(0).n()) + " rows): growth cannot be fitted",
                    notes, distinct);
        }
        List<String> falling = new ArrayList<>();
        for (GrowthModel model : List.of(GrowthModel.LINEAR, GrowthModel.N_LOG_N)) {
            if (fits.get(model).negativeSlope()) {
                falling.add(model.label());
            }
        }
        if (!falling.isEmpty()) {
            notes.add(String.join(" and ", falling) + " fit" + (falling.size() > 1 ? "s have" : " has")
                    + " a negative slope (values fall as the table grows): discarded as noise");
        }
        ModelFit growth = growthCandidate(fits);
        double spread = spread(constant, sorted.size());
        double mean = constant.a();
        boolean withinNoise = spread <= noiseFloor && maxDeviation(sorted, mean) <= noiseFloor;

        if (distinct == 2) {
            GrowthModel shown = growth != null && !withinNoise ? growth.model() : GrowthModel.CONSTANT;
            return new GrowthFit(sorted, fits, shown, Quality.POOR,
                    "underdetermined: only 2 volumes, which any two-coefficient model fits exactly; "
                            + "measure at least 3 volumes", notes, distinct);
        }

        GrowthModel chosen = GrowthModel.CONSTANT;
        if (growth != null && !withinNoise && significant(constant.rss(), growth.rss(), sorted.size())) {
            chosen = growth.model();
        }
        if (chosen == GrowthModel.CONSTANT) {
            boolean tight = withinNoise || spread <= MAX_CONSTANT_SPREAD * Math.abs(mean) || constant.rss() == 0;
            // A slope that falls within the noise is not worth a remark, hence no notes on a good constant.
            if (withinNoise && constant.rss() > 0) {
                return new GrowthFit(sorted, fits, chosen, Quality.GOOD, "values differ by less than the noise floor ("
                        + Format.value(noiseFloor) + ")", List.of(), distinct);
            }
            if (tight) {
                return new GrowthFit(sorted, fits, chosen, Quality.GOOD, String.format(Locale.ROOT,
                        "values within ±%s of their mean", spreadText(spread, mean)), List.of(), distinct);
            }
            String best = growth == null ? "no growth model has a positive slope"
                    : String.format(Locale.ROOT, "the best growth model, %s (R² %.3f), is not significantly better "
                    + "with %d volumes (F-test, 95 %%); measure more volumes", growth.model().label(),
                    growth.rSquared(), distinct);
            return new GrowthFit(sorted, fits, chosen, Quality.POOR, String.format(Locale.ROOT,
                    "values scatter ±%s around their mean and %s", spreadText(spread, mean), best), notes, distinct);
        }
        ModelFit fit = fits.get(chosen);
        if (fit.rSquared() < MIN_R_SQUARED) {
            return new GrowthFit(sorted, fits, chosen, Quality.POOR, String.format(Locale.ROOT,
                    "R² %.2f < %.2f: the values do not follow %s growth", fit.rSquared(), MIN_R_SQUARED,
                    chosen.label()), notes, distinct);
        }
        return new GrowthFit(sorted, fits, chosen, Quality.GOOD, String.format(Locale.ROOT,
                "%s, R² %.3f over %d volumes", chosen.label(), fit.rSquared(), distinct), notes, distinct);
    }

    /** The value at {@code rows}, or none with the reason if the fit is too poor to predict from. */
    public Prediction predict(long rows) {
        if (quality == Quality.POOR) {
            return new Prediction(rows, chosen, OptionalDouble.empty(), Quality.POOR,
                    "too poor to predict: " + reason);
        }
        double value = fits.get(chosen).valueAt(rows);
        long largest = largestVolume();
        double factor = (double) rows / largest;
        if (factor > MAX_EXTRAPOLATION) {
            return new Prediction(rows, chosen, OptionalDouble.of(value), Quality.POOR, String.format(Locale.ROOT,
                    "extrapolating %sx beyond the largest measurement (%s rows): a rough guess at best; "
                            + "measure closer to production volume", Format.factor(factor), Format.rows(largest)));
        }
        if (factor > 1) {
            return new Prediction(rows, chosen, OptionalDouble.of(value), Quality.GOOD, String.format(Locale.ROOT,
                    "extrapolating %sx beyond the largest measurement (%s rows)", Format.factor(factor),
                    Format.rows(largest)));
        }
        return new Prediction(rows, chosen, OptionalDouble.of(value), Quality.GOOD, "within the measured range");
    }

    private static ModelFit leastSquares(GrowthModel model, List<Point> points) {
        int k = points.size();
        double meanY = points.stream().mapToDouble(Point::y).average().orElseThrow();
        double tss = points.stream().mapToDouble(p -> sq(p.y() - meanY)).sum();
        if (model == GrowthModel.CONSTANT) {
            return new ModelFit(model, meanY, 0, tss, tss == 0 ? 1 : Double.NaN);
        }
        // Centred sums: x reaches ~1e8 for n·ln n at 10M rows, and raw sums of squares would lose the small volumes.
        double meanX = points.stream().mapToDouble(p -> model.x(p.n())).average().orElseThrow();
        double sxx = 0;
        double sxy = 0;
        for (Point p : points) {
            double dx = model.x(p.n()) - meanX;
            sxx += dx * dx;
            sxy += dx * (p.y() - meanY);
        }
        double b = sxy / sxx;
        double a = meanY - b * meanX;
        double rss = 0;
        for (Point p : points) {
            rss += sq(p.y() - a - b * model.x(p.n()));
        }
        // Exact data leaves rounding residue; call it zero so "perfect" compares as perfect.
        if (rss <= 1e-12 * (tss + k * meanY * meanY)) {
            rss = 0;
        }
        double r2 = tss == 0 ? 1 : 1 - rss / tss;
        return new ModelFit(model, a, b, rss, r2);
    }

    private static ModelFit growthCandidate(Map<GrowthModel, ModelFit> fits) {
        ModelFit linear = fits.get(GrowthModel.LINEAR);
        ModelFit nLogN = fits.get(GrowthModel.N_LOG_N);
        boolean linearOk = !linear.negativeSlope() && linear.b() > 0;
        boolean nLogNOk = !nLogN.negativeSlope() && nLogN.b() > 0;
        if (nLogNOk && (!linearOk || nLogN.rss() < N_LOG_N_MARGIN * linear.rss())) {
            return nLogN;
        }
        return linearOk ? linear : null;
    }

    private static boolean significant(double rssSimple, double rssComplex, int k) {
        if (rssComplex == 0) {
            return rssSimple > 0;
        }
        int df = k - 2;
        double f = (rssSimple - rssComplex) / (rssComplex / df);
        return f > F_CRITICAL[Math.min(df, F_CRITICAL.length) - 1];
    }

    /** Sample standard deviation around the mean: the constant model's natural error bar. */
    private static double spread(ModelFit constant, int k) {
        return k < 2 ? 0 : Math.sqrt(constant.rss() / (k - 1));
    }

    private static double maxDeviation(List<Point> points, double mean) {
        return points.stream().mapToDouble(p -> Math.abs(p.y() - mean)).max().orElse(0);
    }

    private static String spreadText(double spread, double mean) {
        return mean == 0 ? Format.value(spread) : String.format(Locale.ROOT, "%.0f%%", 100 * spread / Math.abs(mean));
    }

    private static double sq(double v) {
        return v * v;
    }

    public List<Point> points() {
        return Collections.unmodifiableList(points);
    }

    /** Every model's coefficients and residuals, also the ones not chosen. */
    public Map<GrowthModel, ModelFit> fits() {
        return Collections.unmodifiableMap(fits);
    }

    public GrowthModel chosen() {
        return chosen;
    }

    public ModelFit chosenFit() {
        return fits.get(chosen);
    }

    public Quality quality() {
        return quality;
    }

    /** Why the verdict is what it is, in one sentence for the report. */
    public String reason() {
        return reason;
    }

    /** Side remarks, e.g. a discarded negative slope. */
    public List<String> notes() {
        return Collections.unmodifiableList(notes);
    }

    /** Sample standard deviation of the values around their mean, in the metric's unit. */
    public double spread() {
        return spread(fits.get(GrowthModel.CONSTANT), points.size());
    }

    public boolean underdetermined() {
        return distinctVolumes == 2;
    }

    public long largestVolume() {
        return points.get(points.size() - 1).n();
    }
}
