package dev.migratest.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A logarithmic axis of a {@link GrowthPlot}: maps values to pixels and picks the ticks. Volumes are measured a
 * decade apart (10k, 100k, 1M) and predicted one or two decades further, and times span as much, so on a linear axis
 * every measurement would sit in the first few pixels. On log–log axes a linear growth is a straight line of slope 1,
 * a constant is flat, and each decade gets the same room.
 */
final class LogAxis {
    /** Room left beyond the extreme values, in decades, so markers at the ends are not cut in half. */
    private static final double PAD = 0.12;
    /** A decade this close beyond the data is included, so the axis ends on a labelled tick rather than near one. */
    private static final double SNAP = 0.25;

    private final double lowLog;
    private final double highLog;
    private final double fromPixel;
    private final double toPixel;

    private LogAxis(double lowLog, double highLog, double fromPixel, double toPixel) {
        this.lowLog = lowLog;
        this.highLog = highLog;
        this.fromPixel = fromPixel;
        this.toPixel = toPixel;
    }

    /**
     * An axis showing {@code min..max} (both positive) with a little room around them and at least one decade in
     * all, mapped onto {@code fromPixel..toPixel} (the y axis passes them bottom first, so it grows upwards).
     */
    static LogAxis spanning(double min, double max, double fromPixel, double toPixel) {
        if (!(min > 0) || !(max >= min) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("a log axis needs 0 < min <= max, got " + min + ".." + max);
        }
        double minLog = Math.log10(min);
        double maxLog = Math.log10(max);
        double low = Math.min(minLog - PAD, minLog - Math.floor(minLog) < SNAP ? Math.floor(minLog) : minLog);
        double high = Math.max(maxLog + PAD, Math.ceil(maxLog) - maxLog < SNAP ? Math.ceil(maxLog) : maxLog);
        if (high - low < 1) {
            // Less than a decade would magnify noise into a slope; centre one decade on the data instead.
            double middle = (low + high) / 2;
            low = middle - 0.5;
            high = middle + 0.5;
        }
        return new LogAxis(low, high, fromPixel, toPixel);
    }

    double pixel(double value) {
        double log = value > 0 ? Math.log10(value) : lowLog;
        double clamped = Math.max(lowLog, Math.min(highLog, log));
        return fromPixel + (clamped - lowLog) / (highLog - lowLog) * (toPixel - fromPixel);
    }

    boolean contains(double value) {
        return value > 0 && Math.log10(value) >= lowLog - 1e-9 && Math.log10(value) <= highLog + 1e-9;
    }

    /** The value at {@code fraction} (0..1) of the way along the axis, evenly in log space. */
    double valueAt(double fraction) {
        return Math.pow(10, lowLog + fraction * (highLog - lowLog));
    }

    /**
     * Powers of ten inside the axis; when that gives fewer than three ticks, also 2× and 5× them, so a short axis
     * still shows what a step means.
     */
    List<Double> ticks() {
        List<Double> decades = ticks(new double[] {1});
        return decades.size() >= 3 ? decades : ticks(new double[] {1, 2, 5});
    }

    private List<Double> ticks(double[] mantissas) {
        List<Double> ticks = new ArrayList<>();
        for (int exponent = (int) Math.floor(lowLog); exponent <= (int) Math.ceil(highLog); exponent++) {
            for (double m : mantissas) {
                double value = m * Math.pow(10, exponent);
                if (contains(value)) {
                    ticks.add(value);
                }
            }
        }
        return ticks;
    }
}
