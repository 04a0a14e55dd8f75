package dev.migratest.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Which of a migration's curves a {@link GrowthPlot} draws, in what order and under what name. The lock profiler
 * reports up to eight time metrics and most are 0 or copies of each other (a plain CREATE INDEX blocks writes for
 * exactly its own time, holding SHARE all along), so drawing each one would stack identical lines under one colour:
 * <ul>
 *   <li>a metric that is 0 at every volume is not drawn but named in one line ("0 at every volume: reads blocked");
 *       on a log axis 0 has no place, and "never blocked" is the finding;</li>
 *   <li>a metric whose every measurement matches an earlier one (within 0.5 ms or 2 %) joins it as an alias: one
 *       line, the legend names both;</li>
 *   <li>a metric whose unit is not a time cannot share the millisecond axis and is named as not plotted.</li>
 * </ul>
 * Order: duration, writes blocked, reads blocked, lock holds, own time, the rest, so the colours of the two that
 * matter most stay the same from plot to plot.
 */
final class GrowthSeries {
    private static final double SAME_WITHIN_MS = 0.5;
    private static final double SAME_WITHIN_SHARE = 0.02;

    private GrowthSeries() {
    }

    /** Curves drawn as one line: the first is drawn, the others measured the same. */
    record Series(String label, List<GrowthCurve> curves, List<String> aliases, double millisPerUnit) {
        GrowthCurve drawn() {
            return curves.get(0);
        }
    }

    /** What to draw, and the names of what is not drawn and why. */
    record Selection(List<Series> plotted, List<String> zero, List<String> notPlotted) {
    }

    static Selection of(List<GrowthCurve> curves) {
        List<GrowthCurve> ordered = new ArrayList<>(curves);
        List<Map<String, String>> variants = new ArrayList<>();
        curves.forEach(c -> {
            if (!variants.contains(variant(c))) {
                variants.add(variant(c));
            }
        });
        ordered.sort(Comparator.<GrowthCurve>comparingInt(c -> variants.indexOf(variant(c)))
                .thenComparingInt(c -> rank(c.metric())).thenComparing(GrowthCurve::metric));
        List<String> differing = differingKeys(variants);

        List<Series> plotted = new ArrayList<>();
        List<String> zero = new ArrayList<>();
        List<String> notPlotted = new ArrayList<>();
        for (GrowthCurve curve : ordered) {
            String label = label(curve, differing);
            OptionalDouble factor = millisPerUnit(curve.unit());
            if (factor.isEmpty()) {
                notPlotted.add(label + " (unit " + curve.unit() + ")");
            } else if (curve.points().stream().allMatch(p -> p.value() == 0)) {
                zero.add(label);
            } else {
                Series same = plotted.stream().filter(s -> sameMeasurements(s, curve, factor.getAsDouble()))
                        .findFirst().orElse(null);
                if (same == null) {
                    plotted.add(new Series(label, new ArrayList<>(List.of(curve)), new ArrayList<>(),
                            factor.getAsDouble()));
                } else {
                    same.curves().add(curve);
                    same.aliases().add(label);
                }
            }
        }
        List<Series> frozen = plotted.stream()
                .map(s -> new Series(s.label(), List.copyOf(s.curves()), List.copyOf(s.aliases()), s.millisPerUnit()))
                .toList();
        return new Selection(frozen, List.copyOf(zero), List.copyOf(notPlotted));
    }

    /** Milliseconds per one of JMH's time units ({@code ms/op}, {@code s}, …); empty for anything else. */
    static OptionalDouble millisPerUnit(String unit) {
        String base = unit.endsWith("/op") ? unit.substring(0, unit.length() - 3) : unit;
        return switch (base) {
            case "ns" -> OptionalDouble.of(1e-6);
            case "us", "µs", "μs" -> OptionalDouble.of(1e-3);
            case "ms" -> OptionalDouble.of(1);
            case "s" -> OptionalDouble.of(1e3);
            case "min" -> OptionalDouble.of(6e4);
            case "hr" -> OptionalDouble.of(3.6e6);
            default -> OptionalDouble.empty();
        };
    }

    private static boolean sameMeasurements(Series series, GrowthCurve curve, double factor) {
        GrowthCurve other = series.drawn();
        if (!variant(other).equals(variant(curve)) || other.points().size() != curve.points().size()) {
            return false;
        }
        for (int i = 0; i < curve.points().size(); i++) {
            GrowthCurve.Point p = other.points().get(i);
            GrowthCurve.Point q = curve.points().get(i);
            double a = p.value() * series.millisPerUnit();
            double b = q.value() * factor;
            if (p.rows() != q.rows()
                    || Math.abs(a - b) > Math.max(SAME_WITHIN_MS, SAME_WITHIN_SHARE * Math.max(Math.abs(a), Math.abs(b)))) {
                return false;
            }
        }
        return true;
    }

    private static int rank(String metric) {
        if (metric.equals("duration")) return 0;
        if (metric.equals("blocked.writesMs")) return 1;
        if (metric.equals("blocked.readsMs")) return 2;
        if (metric.startsWith("lock.")) return 3;
        if (metric.equals("phase.ownMs")) return 4;
        return 5;
    }

    /** What sets curves of one migration apart besides the metric: the phase and the benchmark's parameters. */
    private static Map<String, String> variant(GrowthCurve curve) {
        Map<String, String> variant = new TreeMap<>(curve.params());
        variant.put("phase", curve.phase());
        variant.put("benchmark", curve.benchmark());
        return variant;
    }

    /** The keys whose values differ between variants: only those are worth a word in a label. */
    private static List<String> differingKeys(List<Map<String, String>> variants) {
        Map<String, String> first = new LinkedHashMap<>();
        List<String> differing = new ArrayList<>();
        for (Map<String, String> variant : variants) {
            for (Map.Entry<String, String> e : variant.entrySet()) {
                first.putIfAbsent(e.getKey(), e.getValue());
                if (!Objects.equals(first.get(e.getKey()), e.getValue()) && !differing.contains(e.getKey())) {
                    differing.add(e.getKey());
                }
            }
        }
        // A key missing from one variant also sets it apart.
        for (String key : first.keySet()) {
            if (!differing.contains(key) && variants.stream().anyMatch(v -> !v.containsKey(key))) {
                differing.add(key);
            }
        }
        differing.sort(Comparator.comparing((String k) -> !k.equals("phase")).thenComparing(k -> k));
        return differing;
    }

    private static String label(GrowthCurve curve, List<String> differing) {
        Map<String, String> variant = variant(curve);
        StringBuilder prefix = new StringBuilder();
        for (String key : differing) {
            String value = variant.getOrDefault(key, "");
            // The phase speaks for itself ("DOWN"); other parameters need their name ("seed=2").
            prefix.append(key.equals("phase") ? value : key + "=" + value).append(' ');
        }
        return prefix + PlotFormat.metricLabel(curve.metric());
    }
}
