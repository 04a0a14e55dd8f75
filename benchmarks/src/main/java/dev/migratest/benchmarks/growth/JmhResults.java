package dev.migratest.benchmarks.growth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads what JMH writes with {@code -rf json}: an array of runs, each with "benchmark", "params", "primaryMetric"
 * and "secondaryMetrics" ({name: {"score", "scoreUnit", "rawData", ...}}). Only the fields the growth fit and its
 * plot need are read.
 */
public final class JmhResults {
    /** The {@code @Param} holding the table volume. */
    public static final String ROWS = "rows";

    private JmhResults() {
    }

    /**
     * @param score   JMH's score: the mean over the iterations; what the growth fit uses
     * @param samples every iteration's value ("rawData", all forks in order), so a plot can show the spread;
     *                empty when the file has none
     */
    public record Metric(double score, String unit, List<Double> samples) {
        public Metric {
            samples = List.copyOf(samples);
        }

        public Metric(double score, String unit) {
            this(score, unit, List.of());
        }
    }

    public record Run(String benchmark, Map<String, String> params, Metric primary, Map<String, Metric> secondary) {
    }

    /** One benchmark at one setting of every parameter but {@code rows}: the runs a growth curve is fitted to. */
    public record GroupKey(String benchmark, SortedMap<String, String> params) {
        /** {@code MigrationBenchmark.up [migration=3]}: the package is noise in a report. */
        public String label() {
            int method = benchmark.lastIndexOf('.');
            int type = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
            String shortName = benchmark.substring(type + 1);
            return params.isEmpty() ? shortName : shortName + " " + params;
        }
    }

    public static List<Run> read(Path json) throws IOException {
        return parse(new ObjectMapper().readTree(json.toFile()));
    }

    static List<Run> parse(JsonNode root) {
        if (!root.isArray()) {
            throw new IllegalArgumentException("not JMH JSON: expected an array of benchmark runs");
        }
        List<Run> runs = new ArrayList<>();
        for (JsonNode entry : root) {
            Map<String, String> params = new LinkedHashMap<>();
            entry.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
            Map<String, Metric> secondary = new LinkedHashMap<>();
            entry.path("secondaryMetrics").properties().forEach(e -> secondary.put(e.getKey(), metric(e.getValue())));
            runs.add(new Run(entry.path("benchmark").asText(), params, metric(entry.path("primaryMetric")),
                    secondary));
        }
        return runs;
    }

    /**
     * Runs grouped by benchmark and every parameter except {@code rows}, in a stable order; runs without a
     * {@code rows} parameter have no volume and are left out.
     */
    public static SortedMap<GroupKey, List<Run>> group(List<Run> runs) {
        SortedMap<GroupKey, List<Run>> groups = new TreeMap<>((x, y) -> {
            int c = x.benchmark().compareTo(y.benchmark());
            return c != 0 ? c : x.params().toString().compareTo(y.params().toString());
        });
        for (Run run : runs) {
            if (!run.params().containsKey(ROWS)) {
                continue;
            }
            SortedMap<String, String> rest = new TreeMap<>(run.params());
            rest.remove(ROWS);
            groups.computeIfAbsent(new GroupKey(run.benchmark(), Collections.unmodifiableSortedMap(rest)),
                    k -> new ArrayList<>()).add(run);
        }
        return groups;
    }

    private static Metric metric(JsonNode node) {
        List<Double> samples = new ArrayList<>();
        // rawData is one array per fork, each holding that fork's iterations.
        node.path("rawData").forEach(fork -> fork.forEach(iteration -> samples.add(number(iteration))));
        return new Metric(number(node.path("score")), node.path("scoreUnit").asText(""), samples);
    }

    /** JMH writes non-finite scores as the strings "NaN", "+INF" and "-INF". */
    private static double number(JsonNode node) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        return switch (node.asText("NaN")) {
            case "+INF" -> Double.POSITIVE_INFINITY;
            case "-INF" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(node.asText());
                } catch (NumberFormatException e) {
                    yield Double.NaN;
                }
            }
        };
    }
}
