package dev.migratest.report;

import dev.migratest.report.GrowthCurve.Fit;
import dev.migratest.report.GrowthCurve.Model;
import dev.migratest.report.GrowthCurve.Prediction;
import dev.migratest.report.GrowthCurve.Quality;
import dev.migratest.report.GrowthSeries.Selection;
import dev.migratest.report.GrowthSeries.Series;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The right-hand column of a {@link GrowthPlot}: per series its marker, name, the metrics it also stands for, the
 * fit ("linear fit, R² 0.999") and the prediction ("at 20M: 13.3 s"), with the coefficients and the caveat in the
 * entry's tooltip; below, the metrics that were 0 at every volume. It says how tall it came out, so the plot can
 * grow to hold it.
 */
final class GrowthLegend {
    /** Characters per line at 10–11 px in the ~190 px column. */
    static final int CHARS = 33;

    private GrowthLegend() {
    }

    /** The legend's SVG and the y where it ends. */
    record Drawn(String svg, double bottom) {
    }

    static Drawn draw(Selection selection, double x, double top) {
        StringBuilder svg = new StringBuilder();
        double y = top;
        for (int i = 0; i < selection.plotted().size(); i++) {
            Series s = selection.plotted().get(i);
            String colour = PlotMarks.colour(i);
            svg.append("<g class=\"legend-entry\" data-metric=\"").append(Html.text(s.drawn().metric()))
                    .append("\">").append(PlotMarks.title(tooltip(s)));
            svg.append(PlotMarks.line(x, y - 3.5, x + 22, y - 3.5, "stroke=\"" + colour + "\" stroke-width=\"1.6\""));
            svg.append(PlotMarks.marker(PlotMarks.shape(i), x + 11, y - 3.5, 3.6, "fill=\"" + colour + "\"", null));
            svg.append(PlotMarks.text(x + 28, y, s.label(), "fill=\"#222\""));
            y += 13;
            List<String> details = new ArrayList<>();
            if (!s.aliases().isEmpty()) {
                details.addAll(PlotFormat.wrap("= " + String.join(" = ", s.aliases()), CHARS));
            }
            details.addAll(PlotFormat.wrap(fitSummary(s.drawn().fit(), true), CHARS));
            s.drawn().prediction().ifPresent(p -> details.add(predictionSummary(p, s.millisPerUnit())));
            for (String detail : details) {
                svg.append(PlotMarks.text(x + 28, y, detail, "font-size=\"10\" fill=\"" + PlotMarks.GREY + "\""));
                y += 12;
            }
            svg.append("</g>");
            y += 6;
        }
        y = note(svg, x, y, "zero", "0 at every volume: ", selection.zero());
        y = note(svg, x, y, "not-plotted", "not plotted, not a time: ", selection.notPlotted());
        return new Drawn(svg.toString(), y);
    }

    /** What the fitted line is and why to trust it: model, coefficients in ms, and the fit's own reason. */
    static String fitText(Series s) {
        Fit fit = s.drawn().fit();
        double a = fit.a() * s.millisPerUnit();
        double b = fit.b() * s.millisPerUnit();
        String coefficients = fit.model() == Model.CONSTANT
                ? "y = " + PlotFormat.millis(a)
                : String.format(Locale.ROOT, "y = %s with a = %s, b = %.3g ms per row%s", fit.model().formula(),
                PlotFormat.millis(a), b, fit.model() == Model.N_LOG_N ? "·ln(rows)" : "");
        return fitSummary(fit, false) + ", " + coefficients + (fit.reason().isEmpty() ? "" : " (" + fit.reason() + ")");
    }

    /** {@code brief}: a POOR fit names its reason's head ("POOR: underdetermined"), the tooltip has the rest. */
    private static String fitSummary(Fit fit, boolean brief) {
        String model = switch (fit.model()) {
            case CONSTANT -> "constant";
            case LINEAR -> "linear";
            case N_LOG_N -> "n log n";
        };
        String r2 = fit.rSquared().isPresent()
                ? String.format(Locale.ROOT, ", R² %.3f", fit.rSquared().getAsDouble()) : "";
        String summary = model + " fit" + r2;
        if (fit.quality() == Quality.GOOD) {
            return summary;
        }
        return brief && !fit.reason().isEmpty() ? summary + ", POOR: " + head(fit.reason()) : summary + ", POOR";
    }

    private static String predictionSummary(Prediction p, double millisPerUnit) {
        String at = "at " + PlotFormat.rows(p.rows()) + ": ";
        if (p.value().isEmpty()) {
            return at + "no prediction";
        }
        String value = PlotFormat.millis(p.value().getAsDouble() * millisPerUnit);
        return p.quality() == Quality.POOR ? at + "~" + value + ", unreliable" : at + value;
    }

    private static String tooltip(Series s) {
        StringBuilder tip = new StringBuilder();
        for (GrowthCurve c : s.curves()) {
            tip.append(tip.length() == 0 ? "" : ", ").append(c.metric()).append(" (").append(c.unit()).append(')');
        }
        tip.append(": ").append(fitText(s));
        s.drawn().prediction().ifPresent(p -> tip.append(". ").append(predictionSummary(p, s.millisPerUnit()))
                .append(p.caveat().isEmpty() ? "" : " — " + p.caveat()));
        return tip.toString();
    }

    /** The part of a reason before its explanation: "underdetermined", "R² 0.62 < 0.90"; cut to one line. */
    private static String head(String reason) {
        int colon = reason.indexOf(':');
        String head = colon > 0 ? reason.substring(0, colon) : reason;
        List<String> lines = PlotFormat.wrap(head, CHARS - 8);
        return lines.size() == 1 ? head : lines.get(0) + "…";
    }

    private static double note(StringBuilder svg, double x, double y, String kind, String lead, List<String> names) {
        if (names.isEmpty()) {
            return y;
        }
        svg.append("<g class=\"").append(kind).append("\">");
        for (String line : PlotFormat.wrap(lead + String.join(", ", names), CHARS + 2)) {
            svg.append(PlotMarks.text(x, y, line, "font-size=\"10\" fill=\"" + PlotMarks.GREY + "\""));
            y += 12;
        }
        svg.append("</g>");
        return y + 6;
    }
}
