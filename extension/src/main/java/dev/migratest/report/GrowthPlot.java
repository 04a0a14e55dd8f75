package dev.migratest.report;

import dev.migratest.report.GrowthCurve.Point;
import dev.migratest.report.GrowthCurve.Prediction;
import dev.migratest.report.GrowthCurve.Quality;
import dev.migratest.report.GrowthSeries.Selection;
import dev.migratest.report.GrowthSeries.Series;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.LongToDoubleFunction;

import static dev.migratest.report.PlotMarks.line;
import static dev.migratest.report.PlotMarks.px;
import static dev.migratest.report.PlotMarks.text;
import static dev.migratest.report.PlotMarks.title;

/**
 * One migration's growth curves as an inline SVG for the HTML report: no script, no stylesheet, no external
 * resource; every text through {@link Html#text}.
 * <p>
 * 600 px wide, 300 high (taller if the legend needs it):
 * <ul>
 *   <li>x: rows per table, y: milliseconds, both logarithmic (see {@link LogAxis} for why); ticks read 10k, 1M,
 *       100 ms, 1 s;</li>
 *   <li>per series (which ones: {@link GrowthSeries}): every measurement as a filled marker, the fitted model as a
 *       solid line over the measured volumes (dotted when the fit is POOR), continued dashed to the production row
 *       count, where the predicted value is a hollow marker (outline dashed when unreliable) whose {@code <title>}
 *       tooltip carries the caveat;</li>
 *   <li>a grey dashed vertical line at the production row count, named after its table;</li>
 *   <li>the {@link GrowthLegend} on the right.</li>
 * </ul>
 * Hooks for tests and the page: the root has {@code class="growth-plot"} and {@code data-migration}; each series is a
 * {@code <g class="series" data-metric="…">} holding {@code .fit}, {@code .fit-extension}, {@code .point} and
 * {@code .prediction} elements.
 */
public final class GrowthPlot {
    static final int WIDTH = 600;
    static final int MIN_HEIGHT = 300;
    private static final double LEFT = 58;
    private static final double RIGHT = 392;
    private static final double TOP = 34;
    private static final double BOTTOM_MARGIN = 44;
    private static final double LEGEND_X = 406;
    private static final int CURVE_STEPS = 48;

    private GrowthPlot() {
    }

    /**
     * The plot of one migration: curves of one {@code migration} version (several phases or parameter settings are
     * told apart in the labels).
     *
     * @throws IllegalArgumentException when there are no curves or they belong to different migrations
     */
    public static String svg(List<GrowthCurve> curves) {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("no growth curves to plot");
        }
        TreeSet<String> migrations = new TreeSet<>(curves.stream().map(GrowthCurve::migration).toList());
        if (migrations.size() > 1) {
            throw new IllegalArgumentException("one plot per migration, got curves of migrations " + migrations);
        }
        String migration = migrations.first();
        String phases = String.join(", ", new TreeSet<>(curves.stream().map(GrowthCurve::phase).toList()));
        Selection selection = GrowthSeries.of(curves);
        GrowthLegend.Drawn legend = GrowthLegend.draw(selection, LEGEND_X, TOP + 6);
        int height = (int) Math.max(MIN_HEIGHT, Math.ceil(legend.bottom() + 12));
        double bottom = height - BOTTOM_MARGIN;
        LogAxis x = xAxis(curves);
        LogAxis y = yAxis(selection, bottom);

        StringBuilder svg = new StringBuilder(8192);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"growth-plot\" data-migration=\"")
                .append(Html.text(migration)).append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.append(title("Migration " + migration + " " + phases
                + ": duration and blocking time against rows per table, measured, fitted and predicted"));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
        svg.append(text(LEFT, 18, "Migration " + migration + " " + phases + ": time vs rows (log–log)",
                "font-size=\"12\" font-weight=\"bold\" fill=\"#222\""));
        axes(svg, x, y, bottom);
        productionLines(svg, curves, x, bottom);
        if (selection.plotted().isEmpty()) {
            svg.append(text((LEFT + RIGHT) / 2, (TOP + bottom) / 2, "nothing above 0 ms to plot",
                    "text-anchor=\"middle\" fill=\"" + PlotMarks.GREY + "\""));
        }
        for (int i = 0; i < selection.plotted().size(); i++) {
            series(svg, selection.plotted().get(i), i, x, y);
        }
        return svg.append(legend.svg()).append("</svg>").toString();
    }

    private static LogAxis xAxis(List<GrowthCurve> curves) {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (GrowthCurve c : curves) {
            min = Math.min(min, c.smallestRows());
            max = Math.max(max, c.largestRows());
            for (Prediction p : c.prediction().stream().toList()) {
                min = Math.min(min, p.rows());
                max = Math.max(max, p.rows());
            }
        }
        return LogAxis.spanning(min, max, LEFT, RIGHT);
    }

    /** Spans every positive value drawn: measurements, the fit at both ends, the predictions. */
    private static LogAxis yAxis(Selection selection, double bottom) {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (Series s : selection.plotted()) {
            GrowthCurve c = s.drawn();
            List<Double> values = new ArrayList<>();
            c.points().forEach(p -> values.add(p.value()));
            values.add(c.fit().valueAt(c.smallestRows()));
            values.add(c.fit().valueAt(c.largestRows()));
            c.prediction().ifPresent(p -> p.value().ifPresent(values::add));
            for (double v : values) {
                if (v > 0) {
                    min = Math.min(min, v * s.millisPerUnit());
                    max = Math.max(max, v * s.millisPerUnit());
                }
            }
        }
        if (max == 0) {
            // Nothing above 0: an axis of 1–10 ms keeps the frame and its ticks meaningful.
            min = 1;
            max = 10;
        }
        return LogAxis.spanning(min, max, bottom, TOP);
    }

    private static void axes(StringBuilder svg, LogAxis x, LogAxis y, double bottom) {
        for (double tick : x.ticks()) {
            double px = x.pixel(tick);
            svg.append(line(px, TOP, px, bottom, "stroke=\"#e6e6e6\""));
            svg.append(text(px, bottom + 14, PlotFormat.rows(tick), "text-anchor=\"middle\" fill=\"#333\""));
        }
        for (double tick : y.ticks()) {
            double py = y.pixel(tick);
            svg.append(line(LEFT, py, RIGHT, py, "stroke=\"#e6e6e6\""));
            svg.append(text(LEFT - 5, py + 3.5, PlotFormat.millis(tick), "text-anchor=\"end\" fill=\"#333\""));
        }
        svg.append("<rect x=\"").append(px(LEFT)).append("\" y=\"").append(px(TOP)).append("\" width=\"")
                .append(px(RIGHT - LEFT)).append("\" height=\"").append(px(bottom - TOP))
                .append("\" fill=\"none\" stroke=\"#999\"/>");
        svg.append(text((LEFT + RIGHT) / 2, bottom + 30, "rows per table (log scale)",
                "text-anchor=\"middle\" fill=\"#333\""));
    }

    /** A dashed vertical line at each production row count predicted at, named after its table. */
    private static void productionLines(StringBuilder svg, List<GrowthCurve> curves, LogAxis x, double bottom) {
        List<Prediction> seen = new ArrayList<>();
        for (GrowthCurve c : curves) {
            c.prediction().filter(p -> seen.stream().noneMatch(s -> s.rows() == p.rows())).ifPresent(seen::add);
        }
        for (Prediction p : seen) {
            double px = x.pixel(p.rows());
            String name = (p.table().isEmpty() ? "production" : p.table()) + " " + PlotFormat.rows(p.rows());
            svg.append("<g class=\"production\">").append(title("production row count, " + name
                    + " rows: where the fits predict"));
            svg.append(line(px, TOP, px, bottom, "stroke=\"" + PlotMarks.GREY + "\" stroke-dasharray=\"4 3\""));
            // At the foot of the line: growth curves rise to the right, so the top right is where predictions are.
            boolean roomOnLeft = px - LEFT > 80;
            svg.append(text(roomOnLeft ? px - 4 : px + 4, bottom - 6, name, "text-anchor=\""
                    + (roomOnLeft ? "end" : "start") + "\" fill=\"" + PlotMarks.GREY + "\""));
            svg.append("</g>");
        }
    }

    private static void series(StringBuilder svg, Series s, int index, LogAxis x, LogAxis y) {
        GrowthCurve c = s.drawn();
        String colour = PlotMarks.colour(index);
        String shape = PlotMarks.shape(index);
        LongToDoubleFunction fit = rows -> c.fit().valueAt(rows) * s.millisPerUnit();
        svg.append("<g class=\"series\" data-metric=\"").append(Html.text(c.metric())).append("\">");
        if (c.largestRows() > c.smallestRows()) {
            String dash = c.fit().quality() == Quality.POOR ? " stroke-dasharray=\"1.5 3\"" : "";
            svg.append("<path class=\"fit\" d=\"").append(curve(fit, c.smallestRows(), c.largestRows(), x, y))
                    .append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.6\"")
                    .append(dash).append('>').append(title(s.label() + ": " + GrowthLegend.fitText(s)))
                    .append("</path>");
        }
        Prediction prediction = c.prediction().filter(p -> p.value().isPresent()).orElse(null);
        if (prediction != null && (prediction.rows() > c.largestRows() || prediction.rows() < c.smallestRows())) {
            long from = prediction.rows() > c.largestRows() ? c.largestRows() : c.smallestRows();
            svg.append("<path class=\"fit-extension\" d=\"").append(curve(fit, from, prediction.rows(), x, y))
                    .append("\" fill=\"none\" stroke=\"").append(colour)
                    .append("\" stroke-width=\"1.4\" stroke-dasharray=\"5 4\"")
                    .append(prediction.quality() == Quality.POOR ? " stroke-opacity=\"0.55\"" : "").append("/>");
        }
        for (Point p : c.points()) {
            double ms = p.value() * s.millisPerUnit();
            svg.append(PlotMarks.marker(shape, x.pixel(p.rows()), y.pixel(ms), 3.6,
                    "class=\"point\" fill=\"" + colour + "\" stroke=\"#fff\" stroke-width=\"0.8\"",
                    s.label() + ": " + PlotFormat.millis(ms) + " measured at " + PlotFormat.rows(p.rows()) + " rows"));
        }
        if (prediction != null) {
            svg.append(predictionMarker(s, prediction, shape, colour, x, y));
        }
        svg.append("</g>");
    }

    /** Hollow, bigger than a measurement; dashed outline when unreliable; the caveat in its tooltip. */
    private static String predictionMarker(Series s, Prediction p, String shape, String colour, LogAxis x, LogAxis y) {
        double ms = p.value().getAsDouble() * s.millisPerUnit();
        boolean poor = p.quality() == Quality.POOR;
        String tooltip = s.label() + " at " + PlotFormat.rows(p.rows()) + " rows"
                + (p.table().isEmpty() ? "" : " (" + p.table() + ")") + ": " + PlotFormat.millis(ms) + " predicted"
                + (poor ? ", unreliable" : "") + (p.caveat().isEmpty() ? "" : ". " + p.caveat());
        return PlotMarks.marker(shape, x.pixel(p.rows()), y.pixel(ms), 5.2, "class=\"prediction"
                + (poor ? " unreliable" : "") + "\" fill=\"#fff\" stroke=\"" + colour + "\" stroke-width=\"2\""
                + (poor ? " stroke-dasharray=\"2 2\"" : ""), tooltip);
    }

    /** The fitted model between two volumes as a polyline, sampled evenly in log space so it bends where it should. */
    private static String curve(LongToDoubleFunction fit, long from, long to, LogAxis x, LogAxis y) {
        StringBuilder d = new StringBuilder();
        double logFrom = Math.log10(from);
        double logTo = Math.log10(to);
        for (int i = 0; i <= CURVE_STEPS; i++) {
            long rows = Math.round(Math.pow(10, logFrom + (logTo - logFrom) * i / CURVE_STEPS));
            d.append(i == 0 ? "M" : " L").append(px(x.pixel(rows))).append(',')
                    .append(px(y.pixel(fit.applyAsDouble(rows))));
        }
        return d.toString();
    }
}
