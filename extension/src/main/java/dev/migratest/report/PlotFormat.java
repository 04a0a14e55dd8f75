package dev.migratest.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The words and numbers of a {@link GrowthPlot}: "1M rows", "13.3 s", metric names a reader knows. */
final class PlotFormat {

    private PlotFormat() {
    }

    /** 10000 → 10k, 1500000 → 1.5M, 20000000 → 20M, 12345678 → 12.3M, 500 → 500. */
    static String rows(double n) {
        if (n >= 1e9) {
            return significant(n / 1e9) + "B";
        }
        if (n >= 1e6) {
            return significant(n / 1e6) + "M";
        }
        if (n >= 1e3) {
            return significant(n / 1e3) + "k";
        }
        return significant(n);
    }

    /** A duration given in ms: "0.5 ms", "17 ms", "686 ms", "1 s", "13.3 s"; three significant digits at most. */
    static String millis(double ms) {
        if (Math.abs(ms) >= 1000) {
            return significant(ms / 1000) + " s";
        }
        return significant(ms) + " ms";
    }

    /**
     * The name a reader knows for a lock-impact metric ({@code blocked.writesMs} → "writes blocked",
     * {@code lock.ShareLock.maxHeldMs} → "ShareLock held"); unknown names are shown as they are.
     */
    static String metricLabel(String metric) {
        return switch (metric) {
            case "duration" -> "duration";
            case "phase.ownMs" -> "own time";
            case "blocked.writesMs" -> "writes blocked";
            case "blocked.readsMs" -> "reads blocked";
            default -> metric.startsWith("lock.") && metric.endsWith(".maxHeldMs")
                    ? metric.substring(5, metric.length() - 10) + " held" : metric;
        };
    }

    /** A sentence broken into lines of at most {@code width} characters (a longer word gets its own line). */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * Below 1000, three significant digits without trailing zeros or exponent (17.0 → "17", 0.000665 → "0.000665"):
     * a benchmark is not more precise than that. From 1000 on, whole with separators, as rounding 13316 to "13300"
     * would look measured.
     */
    private static String significant(double v) {
        if (Math.abs(v) >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
