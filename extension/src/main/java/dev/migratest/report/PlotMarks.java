package dev.migratest.report;

import java.util.Locale;

/**
 * The SVG elements a {@link GrowthPlot} is made of, and the colour and marker shape of its n-th series, so the plot
 * and its legend cannot disagree. Presentation attributes only, no {@code <style>}: inside an HTML page a style
 * element in an inline SVG styles the whole page. Every text goes through {@link Html#text}.
 */
final class PlotMarks {
    /** Okabe–Ito: tells apart for the common colour blindnesses; blue for duration, vermilion for blocked writes. */
    private static final String[] COLOURS = {"#0072B2", "#D55E00", "#CC79A7", "#009E73", "#E69F00", "#56B4E9",
            "#000000"};
    /** A second cue besides colour: overlapping series and grey-scale prints stay apart. */
    private static final String[] SHAPES = {"circle", "square", "triangle", "diamond", "triangle-down"};
    static final String GREY = "#6b6b6b";

    private PlotMarks() {
    }

    static String colour(int series) {
        return COLOURS[series % COLOURS.length];
    }

    static String shape(int series) {
        return SHAPES[series % SHAPES.length];
    }

    /**
     * A marker of the series' shape centred on (cx, cy), {@code r} its radius for a circle;
     * {@code tooltip} becomes its {@code <title>}, none when null.
     */
    static String marker(String shape, double cx, double cy, double r, String attributes, String tooltip) {
        String open = switch (shape) {
            case "circle" -> "<circle cx=\"" + px(cx) + "\" cy=\"" + px(cy) + "\" r=\"" + px(r) + "\" ";
            case "square" -> polygon(cx, cy, new double[][] {{-r, -r}, {r, -r}, {r, r}, {-r, r}}, 0.9);
            case "triangle" -> polygon(cx, cy, new double[][] {{0, -r}, {r, r * 0.8}, {-r, r * 0.8}}, 1.15);
            case "diamond" -> polygon(cx, cy, new double[][] {{0, -r}, {r, 0}, {0, r}, {-r, 0}}, 1.2);
            case "triangle-down" -> polygon(cx, cy, new double[][] {{-r, -r * 0.8}, {r, -r * 0.8}, {0, r}}, 1.15);
            default -> throw new IllegalArgumentException("no marker shape '" + shape + "'");
        };
        if (tooltip == null) {
            return open + attributes + "/>";
        }
        String element = shape.equals("circle") ? "circle" : "path";
        return open + attributes + ">" + title(tooltip) + "</" + element + ">";
    }

    static String line(double x1, double y1, double x2, double y2, String attributes) {
        return "<line x1=\"" + px(x1) + "\" y1=\"" + px(y1) + "\" x2=\"" + px(x2) + "\" y2=\"" + px(y2) + "\" "
                + attributes + "/>";
    }

    static String text(double x, double y, String content, String attributes) {
        return "<text x=\"" + px(x) + "\" y=\"" + px(y) + "\" " + attributes + ">" + Html.text(content) + "</text>";
    }

    /** The tooltip a browser shows on hovering the element it is the first child of. */
    static String title(String content) {
        return "<title>" + Html.text(content) + "</title>";
    }

    /** A pixel coordinate: one decimal is finer than any screen, and keeps the SVG short. */
    static String px(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** A closed polygon around (cx, cy); {@code scale} evens out how big the shapes look next to a circle. */
    private static String polygon(double cx, double cy, double[][] corners, double scale) {
        StringBuilder d = new StringBuilder("<path d=\"");
        for (int i = 0; i < corners.length; i++) {
            d.append(i == 0 ? "M" : " L").append(px(cx + corners[i][0] * scale)).append(',')
                    .append(px(cy + corners[i][1] * scale));
        }
        return d.append(" Z\" ").toString();
    }
}
